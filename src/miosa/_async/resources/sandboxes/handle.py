"""`AsyncSandbox`: the handle on one sandbox (its fields, its sub-resources, its operations)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ...._concurrency import ashielded
from ...._core.request import NOT_GIVEN, NotGiven
from ...._groups.handles import (
    exposed_url,
    release_metadata,
    release_name,
    url_host,
    url_with_path,
)
from ...._groups.runs import DEFAULT_WAIT_TIMEOUT
from ...._live import LiveModel
from ....types.params import PreviewTokenScope
from ....types.sandboxes import (
    BrowserCdpGrant,
    ExposeResult,
    PreviewToken,
    Readiness,
    SandboxArtifacts,
    SandboxData,
    SandboxDeployResult,
    SandboxMetrics,
    SandboxResize,
    SandboxResources,
    SandboxSnapshotRef,
    SandboxTemplateStart,
    SandboxUsage,
    SnapshotDeployResult,
    SshCertificate,
    SshInfo,
)
from ..._resource import AsyncScopedResource
from ._base import HandleBound, sandbox_path

if TYPE_CHECKING:
    from ....types.runs import Run
    from ...client import AsyncMiosa
    from ...raw_response import AsyncRawResponseView
    from .code import AsyncSandboxCode
    from .connectors import AsyncSandboxConnectors
    from .egress import AsyncSandboxAudit, AsyncSandboxNetwork, AsyncSandboxSecrets
    from .env import AsyncSandboxEnv
    from .events import AsyncSandboxEvents
    from .exec import AsyncSandboxExec
    from .exports import AsyncSandboxExports
    from .files import AsyncSandboxFiles
    from .git import AsyncSandboxGit
    from .logs import AsyncSandboxLogs
    from .previews import AsyncSandboxPreviews
    from .processes import AsyncSandboxProcesses
    from .shares import AsyncSandboxShares
    from .snapshots import AsyncSandboxSnapshots
    from .tags import AsyncSandboxTags
    from .terminal import AsyncSandboxTerminal

P = TypeVar("P", bound=AsyncScopedResource)

_FIELDS = tuple(a.name for a in attrs.fields(SandboxData))


class AsyncSandbox(LiveModel, SandboxData):
    """A live sandbox: its fields (``sandbox.id``, ``sandbox.state`` ...) plus operations.

    Sub-resources (``sandbox.exec``, ``sandbox.files`` ...) are created on first use.
    ``async with sandbox:`` destroys the sandbox on exit; a failed destroy is raised.

    A handle is mutable: ``refresh()`` and the lifecycle calls (``update``, ``pause``,
    ``resume`` ...) change its fields in place. So it is not hashable and two handles are
    equal only when they are the same object; ``sandbox.model`` is a frozen, comparable
    snapshot of the current fields (a `SandboxData`).
    """

    __slots__ = ("_client", "_destroyed", "_parts")

    _model_type = SandboxData
    __hash__ = None  # type: ignore[assignment]  # restated: both bases define one
    _repr_fields = ("id", "state", "name")

    if TYPE_CHECKING:
        # Declared for the type checker only: cattrs resolves runtime annotations.
        _client: AsyncMiosa
        _destroyed: bool
        _parts: dict[str, AsyncScopedResource]

    def _bind(self, client: AsyncMiosa) -> AsyncSandbox:
        self._client = client
        self._destroyed = False
        self._parts = {}
        return self

    def _replace_from(self, model: SandboxData) -> AsyncSandbox:
        """The one place the handle's fields change: take every field of ``model`` (and the
        payload it came from)."""
        for name in _FIELDS:
            setattr(self, name, getattr(model, name))
        self._raw = model.raw
        return self

    @property
    def with_raw_response(self) -> AsyncRawResponseView:
        """This handle's calls, each answering with its HTTP response (`AsyncAPIResponse`).

        ``await sandbox.with_raw_response.files.read("/app/main.py")`` runs on a copy of
        the handle, so a call that updates fields in place (``refresh``) leaves this handle
        as it was: ``await response.parse()`` gives the call's result. See the client's
        ``with_raw_response``.
        """
        from ...raw_response import AsyncRawResponseView

        return AsyncRawResponseView(self._client, streaming=False, handle=self)

    @property
    def with_streaming_response(self) -> AsyncRawResponseView:
        """Like `with_raw_response`, with the body left unread until asked for."""
        from ...raw_response import AsyncRawResponseView

        return AsyncRawResponseView(self._client, streaming=True, handle=self)

    @property
    def model(self) -> SandboxData:
        """A frozen snapshot of the current fields: later calls on the handle leave it as it is."""
        snapshot: SandboxData = self._snapshot()
        return snapshot

    data = model  # the earlier name of `model`, kept for existing callers

    @property
    def _prefix(self) -> str:
        return sandbox_path(self.id)

    def _part(self, name: str, cls: type[P]) -> P:
        part = self._parts.get(name)
        if part is None:
            part = self._parts[name] = cls(self._client, self._prefix)
            if isinstance(part, HandleBound):
                part.bind_handle(self)
        assert isinstance(part, cls)
        return part

    # -- sub-resources ---------------------------------------------------------------

    @property
    def exec(self) -> AsyncSandboxExec:
        """Run commands: ``sandbox.exec.run(...)``, ``sandbox.exec.stream(...)``."""
        from .exec import AsyncSandboxExec

        return self._part("exec", AsyncSandboxExec)

    @property
    def code(self) -> AsyncSandboxCode:
        """Run code in persistent interpreters: ``sandbox.code.run(...)``, contexts."""
        from .code import AsyncSandboxCode

        return self._part("code", AsyncSandboxCode)

    @property
    def files(self) -> AsyncSandboxFiles:
        """Read, write, list and watch files."""
        from .files import AsyncSandboxFiles

        return self._part("files", AsyncSandboxFiles)

    @property
    def git(self) -> AsyncSandboxGit:
        """Clone, commit, pull and push with git inside the sandbox."""
        from .git import AsyncSandboxGit

        return self._part("git", AsyncSandboxGit)

    @property
    def env(self) -> AsyncSandboxEnv:
        """Environment variables."""
        from .env import AsyncSandboxEnv

        return self._part("env", AsyncSandboxEnv)

    @property
    def processes(self) -> AsyncSandboxProcesses:
        """Background processes."""
        from .processes import AsyncSandboxProcesses

        return self._part("processes", AsyncSandboxProcesses)

    @property
    def share(self) -> AsyncSandboxShares:
        """Share links (also reachable as ``sandbox.shares``)."""
        from .shares import AsyncSandboxShares

        return self._part("shares", AsyncSandboxShares)

    shares = share

    @property
    def previews(self) -> AsyncSandboxPreviews:
        """Preview URLs for ports."""
        from .previews import AsyncSandboxPreviews

        return self._part("previews", AsyncSandboxPreviews)

    @property
    def snapshots(self) -> AsyncSandboxSnapshots:
        """Snapshots of this sandbox."""
        from .snapshots import AsyncSandboxSnapshots

        return self._part("snapshots", AsyncSandboxSnapshots)

    @property
    def tags(self) -> AsyncSandboxTags:
        """Tags (``sandbox.tags.set([...])``); the current ones are ``sandbox.tag_names``."""
        from .tags import AsyncSandboxTags

        return self._part("tags", AsyncSandboxTags)

    @property
    def terminal(self) -> AsyncSandboxTerminal:
        """Terminal sessions."""
        from .terminal import AsyncSandboxTerminal

        return self._part("terminal", AsyncSandboxTerminal)

    @property
    def logs(self) -> AsyncSandboxLogs:
        """Sandbox logs, read or streamed."""
        from .logs import AsyncSandboxLogs

        return self._part("logs", AsyncSandboxLogs)

    @property
    def events(self) -> AsyncSandboxEvents:
        """The sandbox's event stream."""
        from .events import AsyncSandboxEvents

        return self._part("events", AsyncSandboxEvents)

    @property
    def exports(self) -> AsyncSandboxExports:
        """File exports and their downloads."""
        from .exports import AsyncSandboxExports

        return self._part("exports", AsyncSandboxExports)

    @property
    def connectors(self) -> AsyncSandboxConnectors:
        """Connect providers bound into this sandbox as env vars (``client.connectors``
        stores them; this binds them here)."""
        from .connectors import AsyncSandboxConnectors

        return self._part("connectors", AsyncSandboxConnectors)

    @property
    def secrets(self) -> AsyncSandboxSecrets:
        """Egress secrets of this sandbox (``client.secrets`` scoped to it)."""
        from .egress import AsyncSandboxSecrets

        return self._part("secrets", AsyncSandboxSecrets)

    @property
    def network(self) -> AsyncSandboxNetwork:
        """Egress rules and policies of this sandbox (``client.network`` scoped to it)."""
        from .egress import AsyncSandboxNetwork

        return self._part("network", AsyncSandboxNetwork)

    @property
    def audit(self) -> AsyncSandboxAudit:
        """The egress audit log of this sandbox (``client.audit`` scoped to it)."""
        from .egress import AsyncSandboxAudit

        return self._part("audit", AsyncSandboxAudit)

    # -- sandbox-level operations ------------------------------------------------------

    async def refresh(self) -> AsyncSandbox:
        """Reload this handle's fields. ``GET /sandboxes/{sandbox_id}``."""
        return self._replace_from(await self._client.sandboxes.get(self.id))

    async def update(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        always_on: bool | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        idle_timeout_sec: int | NotGiven = NOT_GIVEN,
    ) -> AsyncSandbox:
        """Change this sandbox's settings. ``PATCH /sandboxes/{sandbox_id}``."""
        fresh = await self._client.sandboxes.update(
            self.id,
            name=name,
            slug=slug,
            tags=tags,
            metadata=metadata,
            always_on=always_on,
            timeout_sec=timeout_sec,
            idle_timeout_sec=idle_timeout_sec,
        )
        return self._replace_from(fresh)

    async def extend(self, *, timeout_sec: int | NotGiven = NOT_GIVEN) -> AsyncSandbox:
        """Extend this sandbox's lifetime. ``POST /sandboxes/{sandbox_id}/extend``."""
        return self._replace_from(
            await self._client.sandboxes.extend(self.id, timeout_sec=timeout_sec)
        )

    async def pause(self) -> AsyncSandbox:
        """Pause this sandbox. ``POST /sandboxes/{sandbox_id}/pause``."""
        return self._replace_from(await self._client.sandboxes.pause(self.id))

    async def resume(
        self,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> AsyncSandbox:
        """Resume this sandbox. ``POST /sandboxes/{sandbox_id}/resume``."""
        fresh = await self._client.sandboxes.resume(
            self.id,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            idempotency_key=idempotency_key,
        )
        return self._replace_from(fresh)

    async def stop(self) -> AsyncSandbox:
        """Stop this sandbox. ``POST /sandboxes/{sandbox_id}/stop``."""
        return self._replace_from(await self._client.sandboxes.stop(self.id))

    async def fork(
        self,
        *,
        snapshot_id: str | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        template_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> AsyncSandbox:
        """Fork this sandbox; returns the new one. ``POST /sandboxes/{sandbox_id}/fork``."""
        return await self._client.sandboxes.fork(
            self.id,
            snapshot_id=snapshot_id,
            timeout_sec=timeout_sec,
            template_id=template_id,
            name=name,
            metadata=metadata,
            external_user_id=external_user_id,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            fail_fast=fail_fast,
            idempotency_key=idempotency_key,
        )

    async def usage(self) -> SandboxUsage:
        """Resource usage. ``GET /sandboxes/{sandbox_id}/usage``."""
        return await self._client.sandboxes.usage(self.id)

    async def preview_token(
        self, *, expires_in: int = 3600, scope: PreviewTokenScope = "read"
    ) -> PreviewToken:
        """Mint a preview token. ``POST /sandboxes/{sandbox_id}/preview-token``.

        Args:
            expires_in: how long the token is valid, in seconds.
            scope: ``"read"`` to view the preview, ``"interact"`` to send input too.
        """
        return await self._client.sandboxes.preview_token(
            self.id, expires_in=expires_in, scope=scope
        )

    async def readiness(self) -> Readiness:
        """Whether this sandbox is ready. ``GET /sandboxes/{sandbox_id}/readiness``."""
        return await self._client.sandboxes.readiness(self.id)

    async def metrics(self, *, window: str = "1h") -> SandboxMetrics:
        """Resource metrics. ``GET /sandboxes/{sandbox_id}/metrics``."""
        return await self._client.sandboxes.metrics(self.id, window=window)

    async def wait_until_ready(self, *, timeout: float = 30.0) -> AsyncSandbox:
        """Wait until this sandbox is ready and reload its fields.

        ``GET /sandboxes/{sandbox_id}/readiness/stream``, polling ``GET .../readiness`` as a
        fallback; raises `APITimeoutError` after ``timeout`` seconds.
        """
        return self._replace_from(
            await self._client.sandboxes.wait_until_ready(self.id, timeout=timeout)
        )

    async def wait_for_checkpoint(
        self, timeout: float = 120.0, *, poll_interval: float = 0.25
    ) -> AsyncSandbox:
        """Wait until the checkpoint written right after a pause is finished, and reload.

        Until then a `resume` can be answered 503 (``RESTORE_TRANSIENT``). Polls
        ``GET /sandboxes/{sandbox_id}`` until ``checkpoint_pending`` is no longer true;
        raises `miosa.WaitTimeoutError` after ``timeout`` seconds.
        """
        return self._replace_from(
            await self._client.sandboxes.wait_for_checkpoint(
                self.id, timeout=timeout, poll_interval=poll_interval
            )
        )

    async def run_agent(
        self,
        instruction: str,
        *,
        runner: str = "claude-code",
        provider: str | NotGiven = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        cwd: str = "/workspace",
        timeout: int | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        resume_session_id: str | NotGiven = NOT_GIVEN,
        wait: bool = True,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> Run:
        """Run a coding agent (``runner``: ``claude-code``, ``codex`` ...) in this sandbox.

        ``POST /runs`` with this sandbox as the target, through ``client.runs.create``;
        with ``wait`` (the default) it then polls ``GET /runs/{run_id}`` until the run is
        final (``client.runs.wait_for_completion``, up to ``wait_timeout`` seconds) and
        returns that, so no request is held open for the agent's whole run. A failed run
        is returned, not raised: check ``run.status``.

        Args:
            instruction: what the agent is asked to do.
            timeout: the run's own limit, in seconds.
            resume_session_id: continue the agent session of an earlier run.
            extra: body keys this SDK version does not name yet, sent as given.
        """
        run = await self._client.runs.create(
            instruction=instruction,
            target_kind="sandbox",
            target_id=self.id,
            sandbox_id=self.id,
            runtime_id=self.id,
            runner=runner,
            provider=provider,
            model=model,
            cwd=cwd,
            timeout=timeout,
            env=env,
            resume_session_id=resume_session_id,
            extra=extra,
            idempotency_key=idempotency_key,
        )
        if not wait or run.id is None:
            return run
        return await self._client.runs.wait_for_completion(run.id, timeout=wait_timeout)

    async def deploy(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        deployment_id: str | NotGiven = NOT_GIVEN,
        output_path: str | NotGiven = NOT_GIVEN,
        source_snapshot_path: str | NotGiven = NOT_GIVEN,
        entrypoint: str | NotGiven = NOT_GIVEN,
        build_command: str | NotGiven = NOT_GIVEN,
        run_command: str | NotGiven = NOT_GIVEN,
        start_command: str | NotGiven = NOT_GIVEN,
        port: int | NotGiven = NOT_GIVEN,
        health_check_path: str | NotGiven = NOT_GIVEN,
        deployment_type: str | NotGiven = NOT_GIVEN,
        type_: str | NotGiven = NOT_GIVEN,
        mode: str | NotGiven = NOT_GIVEN,
        database: bool | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        resources: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        domain: str | NotGiven = NOT_GIVEN,
        custom_domain: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> SandboxDeployResult:
        """Publish this sandbox's output. ``POST /sandboxes/{sandbox_id}/deploy``.

        ``deployment_type="docker_deploy"`` deploys it onto the workspace's App Engine host
        (``client.docker_deploy``) instead of as a deployment of its own.
        """
        return await self._client.sandboxes.deploy(
            self.id,
            name=name,
            deployment_id=deployment_id,
            output_path=output_path,
            source_snapshot_path=source_snapshot_path,
            entrypoint=entrypoint,
            build_command=build_command,
            run_command=run_command,
            start_command=start_command,
            port=port,
            health_check_path=health_check_path,
            deployment_type=deployment_type,
            type_=type_,
            mode=mode,
            database=database,
            resources=resources,
            domain=domain,
            custom_domain=custom_domain,
            idempotency_key=idempotency_key,
        )

    async def start_template(
        self,
        *,
        install: bool | NotGiven = NOT_GIVEN,
        install_command: str | NotGiven = NOT_GIVEN,
        start_command: str | NotGiven = NOT_GIVEN,
        install_timeout_sec: int | NotGiven = NOT_GIVEN,
        start_timeout_sec: int | NotGiven = NOT_GIVEN,
        port: int | NotGiven = NOT_GIVEN,
        workdir: str | NotGiven = NOT_GIVEN,
        readiness_probe: Mapping[str, Any] | NotGiven = NOT_GIVEN,
    ) -> SandboxTemplateStart:
        """Install and start the template's app. ``POST /sandboxes/{sandbox_id}/template/start``."""
        return await self._client.sandboxes.start_template(
            self.id,
            install=install,
            install_command=install_command,
            start_command=start_command,
            install_timeout_sec=install_timeout_sec,
            start_timeout_sec=start_timeout_sec,
            port=port,
            workdir=workdir,
            readiness_probe=readiness_probe,
        )

    async def deploy_snapshot(
        self,
        snapshot_id: str,
        *,
        cleanup: bool = True,
        fork_idempotency_key: str | None = None,
        **deploy_options: Any,
    ) -> SnapshotDeployResult:
        """Deploy one of this sandbox's snapshots, leaving this sandbox as it is.

        Forks a release sandbox from the snapshot (``POST /sandboxes/{sandbox_id}/fork``,
        named ``release-<snapshot id>``), deploys it (``POST /sandboxes/{release}/deploy``
        with ``deploy_options``, as `deploy` takes them) and, with ``cleanup``, destroys it
        (``DELETE /sandboxes/{release}``). A failed deploy still destroys the release
        sandbox and is raised; when the release sandbox survives (``cleanup=False``, or
        its destroy failed) the raised error carries a note naming it, and a successful
        result names it in ``release_cleanup_error``.
        """
        release = await self.fork(
            snapshot_id=snapshot_id,
            name=release_name(snapshot_id),
            metadata=release_metadata(self.id, snapshot_id),
            idempotency_key=fork_idempotency_key,
        )
        try:
            deployed = await release.deploy(**deploy_options)
        except Exception as exc:
            failure = await _clean_up(release) if cleanup else None
            add_note = getattr(exc, "add_note", None)  # Python 3.11+
            if add_note is not None and (not cleanup or failure is not None):
                add_note(_surviving(release.id, failure))
            raise
        failure = await _clean_up(release) if cleanup else None
        return SnapshotDeployResult.from_dict(
            {
                **deployed.raw,
                "source_snapshot_id": snapshot_id,
                "release_sandbox_id": release.id,
                "release_cleanup_error": failure,
            }
        )

    async def artifacts(self) -> SandboxArtifacts:
        """Build artifacts. ``GET /sandboxes/{sandbox_id}/artifacts``."""
        return await self._client.sandboxes.artifacts(self.id)

    async def expose(self, port: int | NotGiven = NOT_GIVEN) -> ExposeResult:
        """Make a port reachable; returns its URL. ``POST /sandboxes/{sandbox_id}/expose``."""
        return await self._client.sandboxes.expose(self.id, port)

    async def get_url(self, port: int | None = None, path: str = "/") -> str:
        """The public URL of ``path`` on a port. ``POST /sandboxes/{sandbox_id}/expose``.

        The port is exposed as by `expose` (the default port without ``port``), and
        ``path`` replaces the path of the URL the server answers.
        """
        return url_with_path(await self._exposed(port), path)

    async def get_host(self, port: int | None = None) -> str:
        """The public host (``host[:port]``) of a port. ``POST /sandboxes/{sandbox_id}/expose``."""
        return url_host(await self._exposed(port))

    async def _exposed(self, port: int | None) -> str:
        found = await self.expose(NOT_GIVEN if port is None else port)
        return exposed_url(found.url, found.preview_url, port)

    async def snapshot(self) -> SandboxSnapshotRef:
        """Take a snapshot (legacy route). ``POST /sandboxes/{sandbox_id}/snapshot``."""
        return await self._client.sandboxes.snapshot(self.id)

    async def resources(self) -> SandboxResources:
        """vCPUs and memory, and what can change live. ``GET .../resources``."""
        return await self._client.sandboxes.resources(self.id)

    async def resize(
        self, *, cpu_count: int | NotGiven = NOT_GIVEN, memory_mb: int | NotGiven = NOT_GIVEN
    ) -> SandboxResize:
        """Change vCPUs and/or memory. ``PATCH /sandboxes/{sandbox_id}/resources``."""
        return await self._client.sandboxes.resize(
            self.id, cpu_count=cpu_count, memory_mb=memory_mb
        )

    async def ssh_certificates(
        self, *, public_key: str, ttl_seconds: int | NotGiven = NOT_GIVEN
    ) -> SshCertificate:
        """Sign a key for SSH. ``POST /sandboxes/{sandbox_id}/ssh-certificates``."""
        return await self._client.sandboxes.ssh_certificates(
            self.id, public_key=public_key, ttl_seconds=ttl_seconds
        )

    async def ssh_info(self) -> SshInfo:
        """How to reach this sandbox over SSH. ``GET /sandboxes/{sandbox_id}/ssh-info``."""
        return await self._client.sandboxes.ssh_info(self.id)

    async def browser_cdp_url(self, *, ttl_seconds: int | NotGiven = NOT_GIVEN) -> BrowserCdpGrant:
        """A DevTools-protocol grant. ``POST /sandboxes/{sandbox_id}/browser/cdp-url``."""
        return await self._client.sandboxes.browser_cdp_url(self.id, ttl_seconds=ttl_seconds)

    async def destroy(self) -> None:
        """Destroy this sandbox. ``DELETE /sandboxes/{sandbox_id}``."""
        await self._client.sandboxes.destroy(self.id)
        self._destroyed = True

    async def __aenter__(self) -> AsyncSandbox:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._destroyed:
            await self.destroy()


async def _clean_up(release: AsyncSandbox) -> str | None:
    """Destroy a release sandbox, even while being cancelled; the error text if that fails."""
    with ashielded():
        try:
            await release.destroy()
        except Exception as exc:  # reported to the caller, who decides
            return f"{type(exc).__name__}: {exc}"
    return None


def _surviving(release_id: str, failure: str | None) -> str:
    if failure is None:
        return f"the release sandbox {release_id} is still running (cleanup=False)"
    return f"the release sandbox {release_id} could not be destroyed and still runs: {failure}"
