"""``client.connections`` (every outward identity: model credentials, apps, tool servers;
connecting keys and plans for a workspace or an end user), its ``tool_keys``, and
``client.harnesses`` (which harness can run, with which credentials).

Every call takes the same scope: ``workspace_id`` (omit it for the organization),
``external_user_id`` (your id for an end user: the credential is theirs alone, and their
runs use it before the workspace's) and ``scope`` (``organization``, ``workspace`` or
``external_user``) to pick one level explicitly. No call returns a secret.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._groups.connections import (
    DEFAULT_SIGNIN_POLL_INTERVAL,
    DEFAULT_SIGNIN_TIMEOUT,
    PLAN_NAMES,
    check_scope,
    connection_list_payload,
    credential_id,
    end_user_scoped,
    harness_rows,
    signin_provider,
)
from ....errors import APIStatusError, EndUserScopeUnsupportedError, NotFoundError
from ....types.agent_settings import AgentCredential
from ....types.agent_signins import AgentSignin
from ....types.connections import (
    Connection,
    ConnectionList,
    CredentialCheck,
    HarnessReadiness,
    ToolKey,
)
from ..._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ...client import AsyncMiosa

ScopeLevel = Literal["organization", "workspace", "external_user"]
ConnectionFamily = Literal["models", "apps", "tools"]
Plan = Literal["claude", "chatgpt", "kimi", "mistral"]


def _scope(
    workspace_id: str | None, external_user_id: str | None, scope: ScopeLevel | None
) -> dict[str, str]:
    check_scope(scope)
    return query(workspace_id=workspace_id, external_user_id=external_user_id, scope=scope)


def _credential_path(provider: str, tail: str = "") -> str:
    return route("/agents/credentials/{credential}", credential=credential_id(provider)) + tail


class _EndUserGuard:
    """Refuses an end user's write on a server that does not scope by end user.

    Such a server would store the credential for the whole workspace. Before the first
    end-user write, one settings read asks the server; the answer is kept for the client's
    life.
    """

    def __init__(self, resource: AsyncAPIResource) -> None:
        self._resource = resource
        self._confirmed = False

    async def check(self, external_user_id: str | None) -> None:
        if not external_user_id or self._confirmed:
            return
        payload, _ = await self._resource._json(
            "GET", "/agents/settings", params={"external_user_id": external_user_id}
        )
        if not end_user_scoped(payload):
            raise EndUserScopeUnsupportedError(
                "This MIOSA server does not keep credentials per end user (external_user_id "
                "would be ignored and the credential stored for everyone); nothing was changed."
            )
        self._confirmed = True


class AsyncSubscriptionConnection:
    """A plan's sign-in in progress, from ``connect_subscription``.

    Show `verification_url` (and `user_code`) in your UI. For ``device_code`` the user
    approves there: ``await wait()``. For ``paste_code`` (Claude) the page shows a code:
    ``await submit_code(code)``. It holds no secret.
    """

    def __init__(
        self,
        client: AsyncMiosa,
        signin: AgentSignin,
        plan: str,
        scope: Mapping[str, str],
    ) -> None:
        self._client = client
        self._scope = dict(scope)
        self.signin = signin
        self.id: str = str(signin.id)
        self.plan = plan
        self.mode = signin.mode or "device_code"
        self.verification_url = signin.verification_url
        self.user_code = signin.user_code
        self.expires_at = signin.expires_at

    @property
    def needs_code(self) -> bool:
        """True when the user has to paste a code back."""
        return self.mode == "paste_code"

    async def poll(self) -> AgentSignin:
        """Where the sign-in stands now (a failed one is returned, not raised)."""
        return await self._client.agent_signins.get(
            self.id,
            workspace_id=self._scope.get("workspace_id"),
            external_user_id=self._scope.get("external_user_id"),
        )

    async def submit_code(self, code: str) -> AgentSignin:
        """Hand over the code the user pasted; a rejected code raises `miosa.ValidationError`."""
        return await self._client.agent_signins.submit_code(
            self.id,
            code,
            workspace_id=self._scope.get("workspace_id", NOT_GIVEN),
            external_user_id=self._scope.get("external_user_id", NOT_GIVEN),
        )

    async def wait(
        self,
        *,
        timeout: float | None = DEFAULT_SIGNIN_TIMEOUT,
        poll_interval: float = DEFAULT_SIGNIN_POLL_INTERVAL,
    ) -> AgentSignin:
        """Poll until the plan is connected; see ``agent_signins.wait_for_completion``."""
        return await self._client.agent_signins.wait_for_completion(
            self.id,
            external_user_id=self._scope.get("external_user_id"),
            timeout=timeout,
            poll_interval=poll_interval,
        )

    async def cancel(self) -> None:
        """Cancel the sign-in; the user's page becomes inert."""
        await self._client.agent_signins.cancel(
            self.id,
            workspace_id=self._scope.get("workspace_id"),
            external_user_id=self._scope.get("external_user_id"),
        )


class AsyncToolKeys(AsyncAPIResource):
    """``client.connections.tool_keys``: the values of tool servers' ``{{secret:NAME}}``.

    Define the server once (``/mcp-servers``); each end user then sets their own value and
    their runs reach the tool with it, falling back to the workspace's.
    """

    def __init__(self, client: AsyncMiosa, guard: _EndUserGuard) -> None:
        super().__init__(client)
        self._guard = guard

    async def list(
        self,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ToolKey]:
        """Every key the visible tool servers need and whether the scope holds it.

        ``GET /agents/tool-keys``.
        """
        params = _scope(workspace_id, external_user_id, scope)
        return await self._list(
            "GET",
            "/agents/tool-keys",
            ToolKey,
            params=params,
            keys=("data", "keys", "items"),
            options=options,
        )

    async def set(
        self,
        name: str,
        value: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        **options: Unpack[RequestOptions],
    ) -> ToolKey:
        """Set or rotate a key at exactly this scope. ``PUT /agents/tool-keys/{name}``.

        Raises `miosa.NotFoundError` (``UNKNOWN_TOOL_KEY``) when no tool server uses `name`.
        """
        payload = {"value": value, **_scope(workspace_id, external_user_id, scope)}
        await self._guard.check(external_user_id)
        path = route("/agents/tool-keys/{name}", name=name)
        return await self._object("PUT", path, ToolKey, json=payload, options=options)

    async def delete(
        self,
        name: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        **options: Unpack[RequestOptions],
    ) -> ToolKey:
        """Remove the key held at exactly this scope (a wider scope's key stays).

        ``DELETE /agents/tool-keys/{name}``.
        """
        params = _scope(workspace_id, external_user_id, scope)
        await self._guard.check(external_user_id)
        path = route("/agents/tool-keys/{name}", name=name)
        return await self._object("DELETE", path, ToolKey, params=params, options=options)


class AsyncConnections(AsyncAPIResource):
    """``client.connections``: read every connection in one list; connect keys and plans
    for your workspace or your end users; check and remove them."""

    def __init__(self, client: AsyncMiosa) -> None:
        super().__init__(client)
        self._guard = _EndUserGuard(self)

    @cached_property
    def tool_keys(self) -> AsyncToolKeys:
        """Keys of the tool servers (MCP) agents use."""
        return AsyncToolKeys(self._client, self._guard)

    async def list(
        self,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        family: ConnectionFamily | None = None,
        provider: str | None = None,
        status: str | None = None,
        usable_by: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ConnectionList:
        """Every connection: model credentials, apps and tool servers. ``GET /connections``.

        Iterate the result for the connections; ``total`` and ``counts`` (per family)
        come with them.
        """
        params = query(
            workspace_id=workspace_id,
            external_user_id=external_user_id,
            family=family,
            provider=provider,
            status=status,
            usable_by=usable_by,
        )
        return await self._object(
            "GET",
            "/connections",
            ConnectionList,
            params=params,
            unwrap=(),
            prepare=connection_list_payload,
            options=options,
        )

    async def share_app(
        self, app_id: str, *, shared: bool, **options: Unpack[RequestOptions]
    ) -> Connection:
        """Share (or stop sharing) an app you connected. ``PATCH /connections/apps/{app_id}``."""
        path = route("/connections/apps/{app_id}", app_id=app_id)
        return await self._object(
            "PATCH", path, Connection, json={"shared": shared}, options=options
        )

    async def set_key(
        self,
        provider: str,
        *,
        key: str | NotGiven = NOT_GIVEN,
        fields: Mapping[str, str] | None = None,
        usable_by: Sequence[str] | NotGiven = NOT_GIVEN,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentCredential:
        """Set, or rotate (setting again replaces), an API key.

        ``PUT /agents/credentials/{provider}``.

        Args:
            provider: ``anthropic``, ``openai``, ``openrouter``, ``deepseek``,
                ``llmgateway``, ``moonshot``, ``mistral`` or ``bedrock``.
            key: The API key.
            fields: For a credential that takes several values (Bedrock), instead of `key`.
            usable_by: Harness ids allowed to use it.

        Returns the credential as it now reads at this scope (a redacted ``preview``).
        Without `key` or `fields` the server refuses with `miosa.ValidationError`.
        """
        payload: dict[str, object] = {**(fields or {}), **body(api_key=key)}
        payload.update(body(usable_by=usable_by), **_scope(workspace_id, external_user_id, scope))
        await self._guard.check(external_user_id)
        path = route("/agents/credentials/{credential}", credential=provider)
        return await self._object("PUT", path, AgentCredential, json=payload, options=options)

    async def connect_subscription(
        self,
        plan: Plan,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncSubscriptionConnection:
        """Start connecting a plan (``claude``, ``chatgpt``, ``kimi``, ``mistral``).

        ``POST /agent-signins``. Returns at once with what to show the user; nothing is
        connected until the sign-in succeeds.
        """
        provider = signin_provider(plan)
        scoped = _scope(workspace_id, external_user_id, scope)
        await self._guard.check(external_user_id)
        signin = await self._object(
            "POST",
            "/agent-signins",
            AgentSignin,
            json={"provider": provider, **scoped},
            idempotency_key=idempotency_key,
            options=options,
        )
        return AsyncSubscriptionConnection(
            self._client, signin, PLAN_NAMES.get(provider, plan), scoped
        )

    def resume_subscription(
        self,
        signin_id: str,
        plan: Plan,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
    ) -> AsyncSubscriptionConnection:
        """Pick a sign-in up again by its id (no request).

        For a backend that starts the sign-in and takes the pasted code in different
        requests. Pass the same `external_user_id` it started with.
        """
        provider = signin_provider(plan)
        mode = "paste_code" if provider == "claude_code" else "device_code"
        signin = AgentSignin(id=signin_id, provider=provider, mode=mode)
        scoped = _scope(workspace_id, external_user_id, scope)
        return AsyncSubscriptionConnection(
            self._client, signin, PLAN_NAMES.get(provider, plan), scoped
        )

    async def credentials(
        self,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[AgentCredential]:
        """Every credential of the catalog with its state at this scope.

        ``GET /agents/credentials``.
        """
        params = _scope(workspace_id, external_user_id, scope)
        return await self._list(
            "GET",
            "/agents/credentials",
            AgentCredential,
            params=params,
            keys=("data", "credentials", "items"),
            options=options,
        )

    async def get(
        self,
        provider: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
    ) -> AgentCredential:
        """One credential as it reads at this scope, connected or not.

        Reads ``GET /agents/credentials``; raises `miosa.NotFoundError`
        (``UNKNOWN_CREDENTIAL``) when the catalog has no such credential.
        """
        wanted = credential_id(provider)
        for credential in await self.credentials(
            workspace_id=workspace_id, external_user_id=external_user_id, scope=scope
        ):
            if credential.id == wanted:
                return credential
        raise NotFoundError(
            f"no credential {provider!r}", status_code=404, code="UNKNOWN_CREDENTIAL"
        )

    async def delete(
        self,
        provider: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentCredential:
        """Disconnect at exactly this scope. ``DELETE /agents/credentials/{provider}``.

        An end user's delete never touches the workspace's credential, nor the other way
        round; `miosa.NotFoundError` when nothing is connected there.
        """
        params = _scope(workspace_id, external_user_id, scope)
        await self._guard.check(external_user_id)
        return await self._object(
            "DELETE", _credential_path(provider), AgentCredential, params=params, options=options
        )

    async def test(
        self,
        provider: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
        **options: Unpack[RequestOptions],
    ) -> CredentialCheck:
        """Does the credential work? ``POST /agents/credentials/{provider}/test``.

        One cheap authenticated call to the provider (for a plan, its stored state); never
        the key or the provider's reply.
        """
        payload = _scope(workspace_id, external_user_id, scope)
        return await self._object(
            "POST",
            _credential_path(provider, "/test"),
            CredentialCheck,
            json=payload,
            options=options,
        )


class AsyncHarnesses(AsyncAPIResource):
    """``client.harnesses``: which harness can run, with which of the scope's credentials."""

    async def list(
        self,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        scope: ScopeLevel | None = None,
    ) -> builtins.list[HarnessReadiness]:
        """Every harness with ``ready`` and its usable credentials at this scope.

        Reads ``GET /agents/harnesses`` (what each harness accepts; skipped when it fails)
        and ``GET /agents/settings``.
        """
        params = _scope(workspace_id, external_user_id, scope)
        catalog: Any = None
        try:
            catalog, _ = await self._json("GET", "/agents/harnesses")
        except APIStatusError:
            catalog = None
        return await self._list(
            "GET",
            "/agents/settings",
            HarnessReadiness,
            params=params,
            keys=("rows",),
            prepare=lambda settings: {"rows": harness_rows(settings, catalog)},
        )
