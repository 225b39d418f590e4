# This file was generated from
#   src/miosa/_async/resources/sandboxes/handle.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""`Sandbox`: the handle on one sandbox (its fields, its sub-resources, its operations)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ...._concurrency import shielded
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
from ..._resource import ScopedResource
from ._base import HandleBound, sandbox_path

if TYPE_CHECKING:
    from ....types.runs import Run
    from ...client import Miosa
    from ...raw_response import RawResponseView
    from .code import SandboxCode
    from .connectors import SandboxConnectors
    from .egress import SandboxAudit, SandboxNetwork, SandboxSecrets
    from .env import SandboxEnv
    from .events import SandboxEvents
    from .exec import SandboxExec
    from .exports import SandboxExports
    from .files import SandboxFiles
    from .git import SandboxGit
    from .logs import SandboxLogs
    from .previews import SandboxPreviews
    from .processes import SandboxProcesses
    from .shares import SandboxShares
    from .snapshots import SandboxSnapshots
    from .tags import SandboxTags
    from .terminal import SandboxTerminal

P = TypeVar("P", bound=ScopedResource)

_FIELDS = tuple(a.name for a in attrs.fields(SandboxData))


class Sandbox(LiveModel, SandboxData):
    """A live sandbox: its fields (``sandbox.id``, ``sandbox.state`` ...) plus operations.

    Sub-resources (``sandbox.exec``, ``sandbox.files`` ...) are created on first use.
    ``with sandbox:`` destroys the sandbox on exit; a failed destroy is raised.

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
        _client: Miosa
        _destroyed: bool
        _parts: dict[str, ScopedResource]

    def _bind(self, client: Miosa) -> Sandbox:
        self._client = client
        self._destroyed = False
        self._parts = {}
        return self

    def _replace_from(self, model: SandboxData) -> Sandbox:
        """The one place the handle's fields change: take every field of ``model`` (and the
        payload it came from)."""
        for name in _FIELDS:
            setattr(self, name, getattr(model, name))
        self._raw = model.raw
        return self

    @property
    def with_raw_response(self) -> RawResponseView:
        """This handle's calls, each answering with its HTTP response (`APIResponse`).

        ``sandbox.with_raw_response.files.read("/app/main.py")`` runs on a copy of
        the handle, so a call that updates fields in place (``refresh``) leaves this handle
        as it was: ``response.parse()`` gives the call's result. See the client's
        ``with_raw_response``.
        """
        from ...raw_response import RawResponseView

        return RawResponseView(self._client, streaming=False, handle=self)

    @property
    def with_streaming_response(self) -> RawResponseView:
        """Like `with_raw_response`, with the body left unread until asked for."""
        from ...raw_response import RawResponseView

        return RawResponseView(self._client, streaming=True, handle=self)

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
    def exec(self) -> SandboxExec:
        """Run commands: ``sandbox.exec.run(...)``, ``sandbox.exec.stream(...)``."""
        from .exec import SandboxExec

        return self._part("exec", SandboxExec)

    @property
    def code(self) -> SandboxCode:
        """Run code in persistent interpreters: ``sandbox.code.run(...)``, contexts."""
        from .code import SandboxCode

        return self._part("code", SandboxCode)

    @property
    def files(self) -> SandboxFiles:
        """Read, write, list and watch files."""
        from .files import SandboxFiles

        return self._part("files", SandboxFiles)

    @property
    def git(self) -> SandboxGit:
        """Clone, commit, pull and push with git inside the sandbox."""
        from .git import SandboxGit

        return self._part("git", SandboxGit)

    @property
    def env(self) -> SandboxEnv:
        """Environment variables."""
        from .env import SandboxEnv

        return self._part("env", SandboxEnv)

    @property
    def processes(self) -> SandboxProcesses:
        """Background processes."""
        from .processes import SandboxProcesses

        return self._part("processes", SandboxProcesses)

    @property
    def share(self) -> SandboxShares:
        """Share links (also reachable as ``sandbox.shares``)."""
        from .shares import SandboxShares

        return self._part("shares", SandboxShares)

    shares = share

    @property
    def previews(self) -> SandboxPreviews:
        """Preview URLs for ports."""
        from .previews import SandboxPreviews

        return self._part("previews", SandboxPreviews)

    @property
    def snapshots(self) -> SandboxSnapshots:
        """Snapshots of this sandbox."""
        from .snapshots import SandboxSnapshots

        return self._part("snapshots", SandboxSnapshots)

    @property
    def tags(self) -> SandboxTags:
        """Tags (``sandbox.tags.set([...])``); the current ones are ``sandbox.tag_names``."""
        from .tags import SandboxTags

        return self._part("tags", SandboxTags)

    @property
    def terminal(self) -> SandboxTerminal:
        """Terminal sessions."""
        from .terminal import SandboxTerminal

        return self._part("terminal", SandboxTerminal)

    @property
    def logs(self) -> SandboxLogs:
        """Sandbox logs, read or streamed."""
        from .logs import SandboxLogs

        return self._part("logs", SandboxLogs)

    @property
    def events(self) -> SandboxEvents:
        """The sandbox's event stream."""
        from .events import SandboxEvents

        return self._part("events", SandboxEvents)

    @property
    def exports(self) -> SandboxExports:
        """File exports and their downloads."""
        from .exports import SandboxExports

        return self._part("exports", SandboxExports)

    @property
    def connectors(self) -> SandboxConnectors:
        """Connect providers bound into this sandbox as env vars (``client.connectors``
        stores them; this binds them here)."""
        from .connectors import SandboxConnectors

        return self._part("connectors", SandboxConnectors)

    @property
    def secrets(self) -> SandboxSecrets:
        """Egress secrets of this sandbox (``client.secrets`` scoped to it)."""
        from .egress import SandboxSecrets

        return self._part("secrets", SandboxSecrets)

    @property
    def network(self) -> SandboxNetwork:
        """Egress rules and policies of this sandbox (``client.network`` scoped to it)."""
        from .egress import SandboxNetwork

        return self._part("network", SandboxNetwork)

    @property
    def audit(self) -> SandboxAudit:
        """The egress audit log of this sandbox (``client.audit`` scoped to it)."""
        from .egress import SandboxAudit

        return self._part("audit", SandboxAudit)

    # -- sandbox-level operations ------------------------------------------------------

    def refresh(self) -> Sandbox:
        """Reload this handle's fields. ``GET /sandboxes/{sandbox_id}``."""
        return self._replace_from(self._client.sandboxes.get(self.id))

    def update(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        always_on: bool | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        idle_timeout_sec: int | NotGiven = NOT_GIVEN,
    ) -> Sandbox:
        """Change this sandbox's settings. ``PATCH /sandboxes/{sandbox_id}``."""
        fresh = self._client.sandboxes.update(
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

    def extend(self, *, timeout_sec: int | NotGiven = NOT_GIVEN) -> Sandbox:
        """Extend this sandbox's lifetime. ``POST /sandboxes/{sandbox_id}/extend``."""
        return self._replace_from(self._client.sandboxes.extend(self.id, timeout_sec=timeout_sec))

    def pause(self) -> Sandbox:
        """Pause this sandbox. ``POST /sandboxes/{sandbox_id}/pause``."""
        return self._replace_from(self._client.sandboxes.pause(self.id))

    def resume(
        self,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> Sandbox:
        """Resume this sandbox. ``POST /sandboxes/{sandbox_id}/resume``."""
        fresh = self._client.sandboxes.resume(
            self.id,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            idempotency_key=idempotency_key,
        )
        return self._replace_from(fresh)

    def stop(self) -> Sandbox:
        """Stop this sandbox. ``POST /sandboxes/{sandbox_id}/stop``."""
        return self._replace_from(self._client.sandboxes.stop(self.id))

    def fork(
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
    ) -> Sandbox:
        """Fork this sandbox; returns the new one. ``POST /sandboxes/{sandbox_id}/fork``."""
        return self._client.sandboxes.fork(
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

    def usage(self) -> SandboxUsage:
        """Resource usage. ``GET /sandboxes/{sandbox_id}/usage``."""
        return self._client.sandboxes.usage(self.id)

    def preview_token(
        self, *, expires_in: int = 3600, scope: PreviewTokenScope = "read"
    ) -> PreviewToken:
        """Mint a preview token. ``POST /sandboxes/{sandbox_id}/preview-token``.

        Args:
            expires_in: how long the token is valid, in seconds.
            scope: ``"read"`` to view the preview, ``"interact"`` to send input too.
        """
        return self._client.sandboxes.preview_token(self.id, expires_in=expires_in, scope=scope)

    def readiness(self) -> Readiness:
        """Whether this sandbox is ready. ``GET /sandboxes/{sandbox_id}/readiness``."""
        return self._client.sandboxes.readiness(self.id)

    def metrics(self, *, window: str = "1h") -> SandboxMetrics:
        """Resource metrics. ``GET /sandboxes/{sandbox_id}/metrics``."""
        return self._client.sandboxes.metrics(self.id, window=window)

    def wait_until_ready(self, *, timeout: float = 30.0) -> Sandbox:
        """Wait until this sandbox is ready and reload its fields.

        ``GET /sandboxes/{sandbox_id}/readiness/stream``, polling ``GET .../readiness`` as a
        fallback; raises `APITimeoutError` after ``timeout`` seconds.
        """
        return self._replace_from(self._client.sandboxes.wait_until_ready(self.id, timeout=timeout))

    def wait_for_checkpoint(
        self, timeout: float = 120.0, *, poll_interval: float = 0.25
    ) -> Sandbox:
        """Wait until the checkpoint written right after a pause is finished, and reload.

        Until then a `resume` can be answered 503 (``RESTORE_TRANSIENT``). Polls
        ``GET /sandboxes/{sandbox_id}`` until ``checkpoint_pending`` is no longer true;
        raises `miosa.WaitTimeoutError` after ``timeout`` seconds.
        """
        return self._replace_from(
            self._client.sandboxes.wait_for_checkpoint(
                self.id, timeout=timeout, poll_interval=poll_interval
            )
        )

    def run_agent(
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
        run = self._client.runs.create(
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
        return self._client.runs.wait_for_completion(run.id, timeout=wait_timeout)

    def deploy(
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
        return self._client.sandboxes.deploy(
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

    def start_template(
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
        return self._client.sandboxes.start_template(
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

    def deploy_snapshot(
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
        release = self.fork(
            snapshot_id=snapshot_id,
            name=release_name(snapshot_id),
            metadata=release_metadata(self.id, snapshot_id),
            idempotency_key=fork_idempotency_key,
        )
        try:
            deployed = release.deploy(**deploy_options)
        except Exception as exc:
            failure = _clean_up(release) if cleanup else None
            add_note = getattr(exc, "add_note", None)  # Python 3.11+
            if add_note is not None and (not cleanup or failure is not None):
                add_note(_surviving(release.id, failure))
            raise
        failure = _clean_up(release) if cleanup else None
        return SnapshotDeployResult.from_dict(
            {
                **deployed.raw,
                "source_snapshot_id": snapshot_id,
                "release_sandbox_id": release.id,
                "release_cleanup_error": failure,
            }
        )

    def artifacts(self) -> SandboxArtifacts:
        """Build artifacts. ``GET /sandboxes/{sandbox_id}/artifacts``."""
        return self._client.sandboxes.artifacts(self.id)

    def expose(self, port: int | NotGiven = NOT_GIVEN) -> ExposeResult:
        """Make a port reachable; returns its URL. ``POST /sandboxes/{sandbox_id}/expose``."""
        return self._client.sandboxes.expose(self.id, port)

    def get_url(self, port: int | None = None, path: str = "/") -> str:
        """The public URL of ``path`` on a port. ``POST /sandboxes/{sandbox_id}/expose``.

        The port is exposed as by `expose` (the default port without ``port``), and
        ``path`` replaces the path of the URL the server answers.
        """
        return url_with_path(self._exposed(port), path)

    def get_host(self, port: int | None = None) -> str:
        """The public host (``host[:port]``) of a port. ``POST /sandboxes/{sandbox_id}/expose``."""
        return url_host(self._exposed(port))

    def _exposed(self, port: int | None) -> str:
        found = self.expose(NOT_GIVEN if port is None else port)
        return exposed_url(found.url, found.preview_url, port)

    def snapshot(self) -> SandboxSnapshotRef:
        """Take a snapshot (legacy route). ``POST /sandboxes/{sandbox_id}/snapshot``."""
        return self._client.sandboxes.snapshot(self.id)

    def resources(self) -> SandboxResources:
        """vCPUs and memory, and what can change live. ``GET .../resources``."""
        return self._client.sandboxes.resources(self.id)

    def resize(
        self, *, cpu_count: int | NotGiven = NOT_GIVEN, memory_mb: int | NotGiven = NOT_GIVEN
    ) -> SandboxResize:
        """Change vCPUs and/or memory. ``PATCH /sandboxes/{sandbox_id}/resources``."""
        return self._client.sandboxes.resize(self.id, cpu_count=cpu_count, memory_mb=memory_mb)

    def ssh_certificates(
        self, *, public_key: str, ttl_seconds: int | NotGiven = NOT_GIVEN
    ) -> SshCertificate:
        """Sign a key for SSH. ``POST /sandboxes/{sandbox_id}/ssh-certificates``."""
        return self._client.sandboxes.ssh_certificates(
            self.id, public_key=public_key, ttl_seconds=ttl_seconds
        )

    def ssh_info(self) -> SshInfo:
        """How to reach this sandbox over SSH. ``GET /sandboxes/{sandbox_id}/ssh-info``."""
        return self._client.sandboxes.ssh_info(self.id)

    def browser_cdp_url(self, *, ttl_seconds: int | NotGiven = NOT_GIVEN) -> BrowserCdpGrant:
        """A DevTools-protocol grant. ``POST /sandboxes/{sandbox_id}/browser/cdp-url``."""
        return self._client.sandboxes.browser_cdp_url(self.id, ttl_seconds=ttl_seconds)

    def destroy(self) -> None:
        """Destroy this sandbox. ``DELETE /sandboxes/{sandbox_id}``."""
        self._client.sandboxes.destroy(self.id)
        self._destroyed = True

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._destroyed:
            self.destroy()


def _clean_up(release: Sandbox) -> str | None:
    """Destroy a release sandbox, even while being cancelled; the error text if that fails."""
    with shielded():
        try:
            release.destroy()
        except Exception as exc:  # reported to the caller, who decides
            return f"{type(exc).__name__}: {exc}"
    return None


def _surviving(release_id: str, failure: str | None) -> str:
    if failure is None:
        return f"the release sandbox {release_id} is still running (cleanup=False)"
    return f"the release sandbox {release_id} could not be destroyed and still runs: {failure}"
