"""``client.connectors``: MIOSA Connect, the credential layer for runtimes (``/connect/*``).

A connector holds one provider credential (an API key, an OAuth grant). Runtimes reach it
through short-lived tokens, through project links and inherited defaults that decide
which runtimes may use it, and through triggers that forward the provider's webhooks.

Every call that acts for an end user of a platform built on MIOSA takes the external
attribution ``external_user_id`` / ``external_workspace_id`` / ``external_project_id``.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ..._groups.connectors import (
    DEFAULT_CREDENTIAL_FIELD,
    credential_body,
    default_uid,
    wire_enum,
)
from ...types.connectors import (
    Connector,
    ConnectorDefault,
    ConnectorInstallation,
    ConnectorMaterialization,
    ConnectorOAuthProvider,
    ConnectorOAuthStart,
    ConnectorProjectLink,
    ConnectorToken,
    ConnectorTrigger,
    ConnectorTriggerDelivery,
    TokenSubject,
)
from .._resource import AsyncAPIResource

LinkMode = Literal[
    "token_api", "brokered_env", "plain_env", "token-api", "brokered-env", "plain-env"
]
LinkEffect = Literal["allow", "deny"]
DefaultTarget = Literal["all", "sandbox", "computer", "agent", "deployment"]
TriggerAdapter = Literal["generic", "github", "slack"]

_LIST_KEYS = ("data", "connectors", "items")


class AsyncConnectors(AsyncAPIResource):
    """``client.connectors``: provider connectors, runtime tokens, OAuth, installations,
    project links, inherited defaults and inbound triggers."""

    async def list(
        self,
        *,
        scope: str | None = None,
        workspace_id: str | None = None,
        owner_user_id: str | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Connector]:
        """The connectors the caller can see. ``GET /connect/connectors``."""
        params = query(
            scope=scope,
            workspace_id=workspace_id,
            owner_user_id=owner_user_id,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._list(
            "GET", "/connect/connectors", Connector, params=params, keys=_LIST_KEYS, options=options
        )

    async def get(self, connector: str, **options: Unpack[RequestOptions]) -> Connector:
        """One connector by uid (``"github/default"``) or id.

        ``GET /connect/connectors/{connector}`` (the uid's ``/`` is percent-encoded).
        """
        return await self._object(
            "GET",
            route("/connect/connectors/{connector}", connector=connector),
            Connector,
            options=options,
        )

    async def create(
        self,
        provider: str,
        *,
        value: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        uid: str | NotGiven = NOT_GIVEN,
        type: str = "api_key",  # noqa: A002 - the wire name
        scope: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        owner_user_id: str | NotGiven = NOT_GIVEN,
        credential_field: str = DEFAULT_CREDENTIAL_FIELD,
        credential: Mapping[str, Any] | None = None,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Connector:
        """Store a provider credential as a connector. ``POST /connect/connectors``.

        Args:
            provider: The provider, e.g. ``"github"``, ``"openai"``.
            value: The secret. It is sent once and never returned (only ``masked_value``).
            uid: The connector's stable name; by default ``{provider}/{name}``, or
                ``{provider}/default`` without a name.
            type: The credential kind (``"api_key"``; ``"api-key"`` is accepted too).
            scope: Who may use it (for instance ``"workspace"`` or ``"user"``).
            credential_field: The provider field the secret fills (``"api_key"``).
            credential: Further provider-specific keys of the credential object.
        """
        payload = body(
            provider=provider,
            type=wire_enum(type),
            name=name,
            uid=default_uid(provider, name) if isinstance(uid, NotGiven) else uid,
            scope=scope,
            workspace_id=workspace_id,
            owner_user_id=owner_user_id,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            credential=credential_body(value, credential_field, credential),
        )
        return await self._object(
            "POST",
            "/connect/connectors",
            Connector,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def get_token(
        self,
        connector: str,
        *,
        subject: TokenSubject | NotGiven = NOT_GIVEN,
        installation_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        scopes: Sequence[str] | NotGiven = NOT_GIVEN,
        audience: Sequence[str] | NotGiven = NOT_GIVEN,
        validity_buffer_ms: int | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ConnectorToken:
        """A short-lived provider token for a runtime. ``POST /connect/token/{connector}``.

        Args:
            subject: Whom the token acts for: ``{"type": "app"}`` (the default),
                ``{"type": "user", "id": ...}`` or ``{"type": "jwt-bearer", "sub": ...}``.
            resource_type: With ``resource_id``, the runtime asking (``"sandbox"`` and
                its id): project links and defaults decide whether it may.
            validity_buffer_ms: Refresh a cached token expiring sooner than this.
        """
        payload = body(
            subject={"type": "app"} if isinstance(subject, NotGiven) else subject,
            installation_id=installation_id,
            project_id=project_id,
            environment=environment,
            resource_type=resource_type,
            resource_id=resource_id,
            scopes=scopes,
            audience=audience,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            validity_buffer_ms=validity_buffer_ms,
        )
        path = route("/connect/token/{connector}", connector=connector)
        return await self._object("POST", path, ConnectorToken, json=payload, options=options)

    async def oauth_providers(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[ConnectorOAuthProvider]:
        """The OAuth apps end users can authorize. ``GET /connect/oauth/providers``."""
        return await self._list(
            "GET",
            "/connect/oauth/providers",
            ConnectorOAuthProvider,
            keys=_LIST_KEYS,
            options=options,
        )

    async def start_oauth(
        self,
        provider: str,
        *,
        scope: str | NotGiven = NOT_GIVEN,
        expose_as_env: bool | NotGiven = NOT_GIVEN,
        owner_user_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ConnectorOAuthStart:
        """Begin an OAuth authorization for a provider. ``POST /connect/oauth/start``.

        Send the user to the reply's ``authorize_url``; the connector appears once they
        approve.
        """
        payload = body(
            provider=provider,
            scope=scope,
            expose_as_env=expose_as_env,
            owner_user_id=owner_user_id,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._object(
            "POST", "/connect/oauth/start", ConnectorOAuthStart, json=payload, options=options
        )

    async def installations(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        connector_id: str | None = None,
        environment: str | None = None,
        status: str | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ConnectorInstallation]:
        """Connector installations (grants). ``GET /connect/installations``."""
        params = query(
            workspace_id=workspace_id,
            project_id=project_id,
            connector_id=connector_id,
            environment=environment,
            status=status,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._list(
            "GET",
            "/connect/installations",
            ConnectorInstallation,
            params=params,
            keys=_LIST_KEYS,
            options=options,
        )

    async def project_links(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        connector_id: str | None = None,
        environment: str | None = None,
        status: str | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ConnectorProjectLink]:
        """Links of connectors to projects, environments and resources.

        ``GET /connect/project-links``.
        """
        params = query(
            workspace_id=workspace_id,
            project_id=project_id,
            connector_id=connector_id,
            environment=environment,
            status=status,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._list(
            "GET",
            "/connect/project-links",
            ConnectorProjectLink,
            params=params,
            keys=_LIST_KEYS,
            options=options,
        )

    async def create_project_link(
        self,
        *,
        connector: str | NotGiven = NOT_GIVEN,
        connector_id: str | NotGiven = NOT_GIVEN,
        installation_id: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        allowed_subjects: Sequence[str] | NotGiven = NOT_GIVEN,
        allowed_scopes: Sequence[str] | NotGiven = NOT_GIVEN,
        mode: LinkMode | NotGiven = NOT_GIVEN,
        effect: LinkEffect | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ConnectorProjectLink:
        """Link a connector to a project, an environment or one resource.

        ``POST /connect/project-links``.

        Args:
            connector: The connector's uid (or give ``connector_id``).
            resource_type: With ``resource_id``, narrow the link to one runtime
                (``"sandbox"``, ``"sbx_..."``).
            mode: How the runtime gets the credential: ``token_api``, ``brokered_env``
                or ``plain_env`` (hyphenated spellings accepted).
            effect: ``allow`` (default on the server) or ``deny``.
        """
        payload = body(
            connector=connector,
            connector_id=connector_id,
            installation_id=installation_id,
            workspace_id=workspace_id,
            project_id=project_id,
            environment=environment,
            resource_type=resource_type,
            resource_id=resource_id,
            allowed_subjects=allowed_subjects,
            allowed_scopes=allowed_scopes,
            mode=wire_enum(mode),
            effect=effect,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            metadata=metadata,
        )
        return await self._object(
            "POST",
            "/connect/project-links",
            ConnectorProjectLink,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def delete_project_link(self, link_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a project link. ``DELETE /connect/project-links/{link_id}``."""
        await self._none(
            "DELETE", route("/connect/project-links/{link_id}", link_id=link_id), options=options
        )

    async def defaults(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        connector_id: str | None = None,
        environment: str | None = None,
        status: str | None = None,
        default_scope: str | None = None,
        target: DefaultTarget | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ConnectorDefault]:
        """Inherited connector defaults for future runtimes. ``GET /connect/defaults``."""
        params = query(
            workspace_id=workspace_id,
            project_id=project_id,
            connector_id=connector_id,
            environment=environment,
            status=status,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            default_scope=default_scope,
            target=target,
        )
        return await self._list(
            "GET",
            "/connect/defaults",
            ConnectorDefault,
            params=params,
            keys=_LIST_KEYS,
            options=options,
        )

    async def applicable_defaults(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        environment: str | None = None,
        target: DefaultTarget | None = None,
        resource_type: str | None = None,
        resource_id: str | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ConnectorDefault]:
        """The defaults that would apply to a runtime (``target="sandbox"``, or one
        resource by ``resource_type`` and ``resource_id``).

        ``GET /connect/defaults/applicable``.
        """
        params = query(
            workspace_id=workspace_id,
            project_id=project_id,
            environment=environment,
            target=target,
            resource_type=resource_type,
            resource_id=resource_id,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._list(
            "GET",
            "/connect/defaults/applicable",
            ConnectorDefault,
            params=params,
            keys=_LIST_KEYS,
            options=options,
        )

    async def materialize_defaults(
        self,
        *,
        resource_type: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        target: DefaultTarget | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        env_name: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ConnectorMaterialization:
        """Apply the inherited defaults to one runtime resource now.

        ``POST /connect/defaults/materialize``; the reply counts what was ``applied``.
        """
        payload = body(
            workspace_id=workspace_id,
            project_id=project_id,
            environment=environment,
            target=target,
            resource_type=resource_type,
            resource_id=resource_id,
            env_name=env_name,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._object(
            "POST",
            "/connect/defaults/materialize",
            ConnectorMaterialization,
            json=payload,
            options=options,
        )

    async def create_default(
        self,
        *,
        connector: str | NotGiven = NOT_GIVEN,
        connector_id: str | NotGiven = NOT_GIVEN,
        target: DefaultTarget | NotGiven = NOT_GIVEN,
        default_scope: str | NotGiven = NOT_GIVEN,
        installation_id: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        allowed_subjects: Sequence[str] | NotGiven = NOT_GIVEN,
        allowed_scopes: Sequence[str] | NotGiven = NOT_GIVEN,
        mode: LinkMode | NotGiven = NOT_GIVEN,
        effect: LinkEffect | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ConnectorDefault:
        """A connector link that runtimes created later inherit. ``POST /connect/defaults``.

        Args:
            target: Which runtimes inherit it: ``all``, ``sandbox``, ``computer``,
                ``agent`` or ``deployment``.
            default_scope: How wide it applies (tenant, workspace or project).

        The other arguments are those of `create_project_link`.
        """
        payload = body(
            connector=connector,
            connector_id=connector_id,
            installation_id=installation_id,
            workspace_id=workspace_id,
            project_id=project_id,
            environment=environment,
            resource_type=resource_type,
            resource_id=resource_id,
            allowed_subjects=allowed_subjects,
            allowed_scopes=allowed_scopes,
            mode=wire_enum(mode),
            effect=effect,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            metadata=metadata,
            default_scope=default_scope,
            target=target,
        )
        return await self._object(
            "POST",
            "/connect/defaults",
            ConnectorDefault,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def delete_default(self, default_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove an inherited default. ``DELETE /connect/defaults/{default_id}``."""
        await self._none(
            "DELETE",
            route("/connect/defaults/{default_id}", default_id=default_id),
            options=options,
        )

    async def triggers(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        connector_id: str | None = None,
        environment: str | None = None,
        status: str | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ConnectorTrigger]:
        """Inbound webhook forwarding definitions. ``GET /connect/triggers``."""
        params = query(
            workspace_id=workspace_id,
            project_id=project_id,
            connector_id=connector_id,
            environment=environment,
            status=status,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._list(
            "GET",
            "/connect/triggers",
            ConnectorTrigger,
            params=params,
            keys=_LIST_KEYS,
            options=options,
        )

    async def create_trigger(
        self,
        *,
        connector: str | NotGiven = NOT_GIVEN,
        connector_id: str | NotGiven = NOT_GIVEN,
        destination_path: str | NotGiven = NOT_GIVEN,
        destination_url: str | NotGiven = NOT_GIVEN,
        event_types: Sequence[str] | NotGiven = NOT_GIVEN,
        provider_adapter: TriggerAdapter | NotGiven = NOT_GIVEN,
        webhook_signing_secret: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ConnectorTrigger:
        """Forward a provider's webhooks to a destination. ``POST /connect/triggers``.

        Args:
            destination_path: A path on the project's deployment, or give
                ``destination_url``.
            event_types: Only these provider events (all when left out).
            provider_adapter: How to verify and read the provider's payloads:
                ``generic``, ``github`` or ``slack``.
            webhook_signing_secret: The provider's signing secret; the reply carries it
                this once, later reads only a preview.
        """
        payload = body(
            connector=connector,
            connector_id=connector_id,
            workspace_id=workspace_id,
            project_id=project_id,
            environment=environment,
            destination_path=destination_path,
            destination_url=destination_url,
            event_types=event_types,
            status=status,
            provider_adapter=provider_adapter,
            webhook_signing_secret=webhook_signing_secret,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            metadata=metadata,
        )
        return await self._object(
            "POST",
            "/connect/triggers",
            ConnectorTrigger,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def delete_trigger(self, trigger_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a trigger. ``DELETE /connect/triggers/{trigger_id}``."""
        await self._none(
            "DELETE",
            route("/connect/triggers/{trigger_id}", trigger_id=trigger_id),
            options=options,
        )

    async def trigger_deliveries(
        self, trigger_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ConnectorTriggerDelivery]:
        """The delivery attempts of one trigger.

        ``GET /connect/triggers/{trigger_id}/deliveries``.
        """
        path = route("/connect/triggers/{trigger_id}/deliveries", trigger_id=trigger_id)
        return await self._list(
            "GET", path, ConnectorTriggerDelivery, keys=_LIST_KEYS, options=options
        )
