"""``client.sandboxes``: the sandbox collection (create, find, change and destroy sandboxes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...._concurrency import asleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, path_param, query, route
from ...._core.waiters import Poller, WaitTarget
from ...._groups.sandbox import (
    AGENT_WORKSPACE_IDLE_TIMEOUT_SEC,
    AGENT_WORKSPACE_KEEP_LAST_SNAPSHOTS,
    AGENT_WORKSPACE_SNAPSHOT_EXPIRATION_SEC,
    AGENT_WORKSPACE_TIMEOUT_SEC,
    agent_workspace_metadata,
    check_resources,
    parse_readiness,
)
from ....errors import (
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    MiosaError,
    NotFoundError,
    PermissionDeniedError,
)
from ....types.params import (
    ComputePlacementRequest,
    PreviewTokenScope,
    SandboxStateName,
    SizeName,
)
from ....types.sandboxes import (
    BrowserCdpGrant,
    ExposeResult,
    PreviewToken,
    Readiness,
    SandboxArtifacts,
    SandboxDeployResult,
    SandboxMetrics,
    SandboxResize,
    SandboxResources,
    SandboxSize,
    SandboxSnapshotRef,
    SandboxState,
    SandboxTemplateStart,
    SandboxUsage,
    SshCertificate,
    SshInfo,
)
from ..._resource import AsyncAPIResource
from ._base import sandbox_path
from .handle import AsyncSandbox

_READINESS = WaitTarget.of("sandbox", ready=("ready",), failed=())
_CHECKPOINT = WaitTarget.of("sandbox checkpoint", ready=("written",), failed=())


class AsyncSandboxes(AsyncAPIResource):
    """``client.sandboxes``: create, find, change and destroy sandboxes."""

    def _handle(self, data: AsyncSandbox) -> AsyncSandbox:
        return data._bind(self._client)

    async def _sandbox(
        self,
        method: str,
        path: str,
        *,
        json: object = NOT_GIVEN,
        params: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        retry: bool = True,
    ) -> AsyncSandbox:
        # A fail-fast call must answer at once: not replayed after a 503 (retry=False).
        target = self if retry else self._client.with_options(max_retries=0).sandboxes
        data = await target._object(
            method, path, AsyncSandbox, json=json, params=params, idempotency_key=idempotency_key
        )
        return self._handle(data)

    async def create(
        self,
        *,
        template_id: str | NotGiven = NOT_GIVEN,
        size: SizeName | SandboxSize | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        persistent: bool | NotGiven = NOT_GIVEN,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
        disk_mb: int | NotGiven = NOT_GIVEN,
        disk_size_mb: int | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        idle_timeout_sec: int | NotGiven = NOT_GIVEN,
        always_on: bool | NotGiven = NOT_GIVEN,
        allow_provision: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        services: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        readiness_probe: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        database: bool | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        github_repo_url: str | NotGiven = NOT_GIVEN,
        github_branch: str | NotGiven = NOT_GIVEN,
        github_clone_path: str | NotGiven = NOT_GIVEN,
        region: str | NotGiven = NOT_GIVEN,
        entrypoint: str | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        agent_runtime_profile_id: str | NotGiven = NOT_GIVEN,
        skip_agent_runtime_profile: bool | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        workspace_slug: str | NotGiven = NOT_GIVEN,
        workspace_name: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        project_slug: str | NotGiven = NOT_GIVEN,
        project_name: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        agent_profile_id: str | NotGiven = NOT_GIVEN,
        setup_file: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        auto_start: bool | NotGiven = NOT_GIVEN,
        compute_placement_request: (
            ComputePlacementRequest | Mapping[str, Any] | NotGiven
        ) = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
        wait: int | bool | None = None,
        idempotency_key: str | None = None,
    ) -> AsyncSandbox:
        """Create a sandbox and return its handle. ``POST /sandboxes``.

        Every argument is optional; only those given are sent (``template_id`` always is).
        ``async with await client.sandboxes.create() as sandbox:`` destroys it on exit.

        Args:
            template_id: the image to boot (default ``"miosa-sandbox"``; see
                ``client.templates.list()``).
            size: a published size, ``"xs"`` to ``"xl"`` (1 to 16 vCPUs, 2 GiB of memory
                per vCPU). Leave it out to give ``cpu_count``/``memory_mb`` instead.
            name: a name unique in the tenant (``sandboxes.get_by_name``).
            slug: the name used in preview URLs.
            persistent: keep the disk across stop and resume.
            cpu_count: vCPUs, for a shape other than a published size.
            memory_mb: memory in MiB, with ``cpu_count``. Sent as given (no ``size`` is
                added); a pair equal to a published size may omit the disk, any other pair
                is a custom shape and needs ``disk_mb`` or ``disk_size_mb`` too
                (`ValueError` otherwise, before any request).
            disk_mb: disk in MiB (``disk_size_mb`` is the same under its other name).
            disk_size_mb: see ``disk_mb``.
            timeout_sec: the sandbox's lifetime in seconds; it is destroyed after it.
            idle_timeout_sec: stop after this many seconds without activity.
            always_on: never stop for idleness.
            allow_provision: let the platform start a new machine when none is free.
            env: environment variables for every command in the sandbox.
            metadata: free-form JSON kept with the sandbox (for your own lookups).
            services: processes the sandbox keeps running (each a JSON object).
            readiness_probe: how the platform tells that the template's app is up.
            database: ``True`` (or a database spec) to attach a managed database.
            github_repo_url: a repository to clone at create.
            github_branch: the branch to clone (default: the repository's).
            github_clone_path: where to clone it (default: ``/workspace``).
            region: the region id to run in (``client.regions.list()``); default: the
                platform's choice.
            entrypoint: the command the template starts with.
            tags: labels to filter ``sandboxes.list(tags=...)`` by.
            agent_runtime_profile_id: the agent runtime profile to install.
            skip_agent_runtime_profile: install no agent runtime profile.
            workspace_id: the workspace the sandbox belongs to (or ``workspace_slug``,
                ``workspace_name``).
            workspace_slug: see ``workspace_id``.
            workspace_name: see ``workspace_id``.
            project_id: the project it belongs to (or ``project_slug``, ``project_name``).
            project_slug: see ``project_id``.
            project_name: see ``project_id``.
            external_workspace_id: your own workspace id, for a white-label tenant.
            external_user_id: your own user id, for a white-label tenant.
            external_project_id: your own project id, for a white-label tenant.
            agent_profile_id: the agent profile to apply.
            setup_file: a setup script run at create.
            environment: a saved environment by name (or ``environment_id``/``env_id``),
                which ``env`` extends.
            environment_id: see ``environment``.
            env_id: see ``environment``.
            no_env: apply no saved environment.
            auto_start: start the template's app once the sandbox is up.
            compute_placement_request: where to run it (bring your own cloud): a
                `ComputePlacementRequest` dict, ``{"provider": "aws", "region_id": ...,
                "pool_id": ...}``.
            fail_fast: answer at once when no machine is ready; the call is then not
                retried (a 503 is raised at once).
            wait: seconds the server waits for the sandbox to be ready before it answers
                (or ``True``), sent as the ``wait`` query parameter.
            idempotency_key: makes a retried create (yours or the SDK's) return the same
                sandbox; the SDK sends a fresh one per call when it is not given.

        Returns:
            A live handle (`AsyncSandbox`) with the sandbox's fields and operations.
        """
        disk = disk_size_mb if isinstance(disk_mb, NotGiven) else disk_mb
        check_resources(
            None if isinstance(size, NotGiven) else size,
            None if isinstance(cpu_count, NotGiven) else cpu_count,
            None if isinstance(memory_mb, NotGiven) else memory_mb,
            None if isinstance(disk, NotGiven) else disk,
        )
        payload = body(
            template_id="miosa-sandbox" if isinstance(template_id, NotGiven) else template_id,
            size=size,
            name=name,
            slug=slug,
            persistent=persistent,
            cpu_count=cpu_count,
            memory_mb=memory_mb,
            disk_mb=disk_mb,
            disk_size_mb=disk_size_mb,
            timeout_sec=timeout_sec,
            idle_timeout_sec=idle_timeout_sec,
            always_on=always_on,
            allow_provision=allow_provision,
            env=env,
            metadata=metadata,
            services=services,
            readiness_probe=readiness_probe,
            database=database,
            github_repo_url=github_repo_url,
            github_branch=github_branch,
            github_clone_path=github_clone_path,
            region=region,
            entrypoint=entrypoint,
            tags=tags,
            agent_runtime_profile_id=agent_runtime_profile_id,
            skip_agent_runtime_profile=skip_agent_runtime_profile,
            workspace_id=workspace_id,
            workspace_slug=workspace_slug,
            workspace_name=workspace_name,
            project_id=project_id,
            project_slug=project_slug,
            project_name=project_name,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
            agent_profile_id=agent_profile_id,
            setup_file=setup_file,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            fail_fast=fail_fast,
            auto_start=auto_start,
            compute_placement_request=compute_placement_request,
        )
        return await self._sandbox(
            "POST",
            "/sandboxes",
            json=payload,
            params=query(wait=wait),
            idempotency_key=idempotency_key,
            retry=fail_fast is not True,
        )

    async def get(self, sandbox_id: str) -> AsyncSandbox:
        """Fetch a sandbox by id. ``GET /sandboxes/{sandbox_id}``.

        Args:
            sandbox_id: the sandbox's id (``sbx_...``).

        Raises:
            NotFoundError: no such sandbox in this tenant.
        """
        return await self._sandbox("GET", sandbox_path(sandbox_id))

    async def get_by_name(self, name: str) -> AsyncSandbox:
        """Fetch a sandbox by its name. ``GET /sandboxes/by-name/{name}``."""
        return await self._sandbox("GET", route("/sandboxes/by-name/{name}", name=name))

    async def list(
        self,
        *,
        state: SandboxStateName | SandboxState | None = None,
        tags: Sequence[str] | None = None,
        external_workspace_id: str | None = None,
        external_user_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[AsyncSandbox]:
        """List sandboxes, optionally filtered. ``GET /sandboxes``.

        The reply is the whole set (no paging): a plain list of handles.

        Args:
            state: only sandboxes in this state (``"running"``, ``"paused"`` ...; the
                server may add states, see `SandboxStateName`).
            tags: only sandboxes carrying every one of these tags.
            external_workspace_id: only those created with this white-label workspace id.
            external_user_id: only those created for this white-label user id.
            external_project_id: only those created for this white-label project id.
        """
        items = await self._list(
            "GET",
            "/sandboxes",
            AsyncSandbox,
            params=query(
                state=state,
                tags=tags,
                external_workspace_id=external_workspace_id,
                external_user_id=external_user_id,
                external_project_id=external_project_id,
            ),
            keys=("data", "items", "sandboxes"),
            options=options,
        )
        return [self._handle(item) for item in items]

    async def destroy(self, sandbox_id: str, **options: Unpack[RequestOptions]) -> None:
        """Destroy a sandbox and its disk. ``DELETE /sandboxes/{sandbox_id}``.

        Args:
            sandbox_id: the sandbox's id.
        """
        await self._none("DELETE", sandbox_path(sandbox_id), options=options)

    delete = destroy

    async def update(
        self,
        sandbox_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        always_on: bool | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        idle_timeout_sec: int | NotGiven = NOT_GIVEN,
    ) -> AsyncSandbox:
        """Change a sandbox's settings. ``PATCH /sandboxes/{sandbox_id}``.

        Only the arguments given are sent.

        Args:
            sandbox_id: the sandbox's id.
            name: a new name, unique in the tenant.
            slug: a new name for preview URLs.
            tags: the new set of tags (replaces the old one).
            metadata: the new free-form metadata (replaces the old one).
            always_on: never stop for idleness (or stop again).
            timeout_sec: a new lifetime in seconds.
            idle_timeout_sec: stop after this many seconds without activity.
        """
        payload = body(
            name=name,
            slug=slug,
            tags=tags,
            metadata=metadata,
            always_on=always_on,
            timeout_sec=timeout_sec,
            idle_timeout_sec=idle_timeout_sec,
        )
        return await self._sandbox("PATCH", sandbox_path(sandbox_id), json=payload)

    async def extend(
        self, sandbox_id: str, *, timeout_sec: int | NotGiven = NOT_GIVEN
    ) -> AsyncSandbox:
        """Extend a sandbox's lifetime. ``POST /sandboxes/{sandbox_id}/extend``."""
        return await self._sandbox(
            "POST", sandbox_path(sandbox_id) + "/extend", json=body(timeout_sec=timeout_sec)
        )

    async def pause(self, sandbox_id: str) -> AsyncSandbox:
        """Pause a sandbox. ``POST /sandboxes/{sandbox_id}/pause``."""
        return await self._sandbox("POST", sandbox_path(sandbox_id) + "/pause", json={})

    async def resume(
        self,
        sandbox_id: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> AsyncSandbox:
        """Resume a paused or stopped sandbox. ``POST /sandboxes/{sandbox_id}/resume``.

        ``environment`` (or ``environment_id``/``env_id``) and ``env`` apply a saved
        environment and extra variables on the way up; ``no_env`` skips it.
        """
        payload = body(
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
        )
        return await self._sandbox(
            "POST",
            sandbox_path(sandbox_id) + "/resume",
            json=payload,
            idempotency_key=idempotency_key,
        )

    async def stop(self, sandbox_id: str) -> AsyncSandbox:
        """Stop a sandbox. ``POST /sandboxes/{sandbox_id}/stop``."""
        return await self._sandbox("POST", sandbox_path(sandbox_id) + "/stop", json={})

    async def fork(
        self,
        sandbox_id: str,
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
        """Fork a sandbox (live, or from ``snapshot_id``) into a new one.

        ``POST /sandboxes/{sandbox_id}/fork``; returns the NEW sandbox.
        """
        payload = body(
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
        )
        return await self._sandbox(
            "POST",
            sandbox_path(sandbox_id) + "/fork",
            json=payload,
            idempotency_key=idempotency_key,
            retry=fail_fast is not True,
        )

    async def usage(self, sandbox_id: str, **options: Unpack[RequestOptions]) -> SandboxUsage:
        """Resource usage of one sandbox. ``GET /sandboxes/{sandbox_id}/usage``."""
        return await self._object(
            "GET", sandbox_path(sandbox_id) + "/usage", SandboxUsage, options=options
        )

    async def preview_token(
        self,
        sandbox_id: str,
        *,
        expires_in: int = 3600,
        scope: PreviewTokenScope = "read",
        **options: Unpack[RequestOptions],
    ) -> PreviewToken:
        """Mint a preview token (both fields always sent).

        ``POST /sandboxes/{sandbox_id}/preview-token``.

        Args:
            sandbox_id: the sandbox's id.
            expires_in: how long the token is valid, in seconds.
            scope: ``"read"`` to view the preview, ``"interact"`` to send input too.
        """
        return await self._object(
            "POST",
            sandbox_path(sandbox_id) + "/preview-token",
            PreviewToken,
            json={"expires_in": expires_in, "scope": scope},
            unwrap=("data", "preview_token"),
            options=options,
        )

    async def readiness(self, sandbox_id: str, **options: Unpack[RequestOptions]) -> Readiness:
        """Whether the sandbox is ready. ``GET /sandboxes/{sandbox_id}/readiness``."""
        return await self._object(
            "GET", sandbox_path(sandbox_id) + "/readiness", Readiness, options=options
        )

    async def metrics(
        self, sandbox_id: str, *, window: str = "1h", **options: Unpack[RequestOptions]
    ) -> SandboxMetrics:
        """Resource metrics over ``window`` (always sent). ``GET .../metrics``."""
        return await self._object(
            "GET",
            sandbox_path(sandbox_id) + "/metrics",
            SandboxMetrics,
            params=query(window=window),
            options=options,
        )

    def handle(self, sandbox_id: str) -> AsyncSandbox:
        """A handle on the sandbox ``sandbox_id`` without fetching it (no request is made).

        Its fields other than ``id`` are None until ``await sandbox.refresh()``; every
        operation (``sandbox.exec.run(...)``, ``sandbox.files.read(...)`` ...) works at once.
        """
        path_param("sandbox_id", sandbox_id)
        return AsyncSandbox(id=sandbox_id)._bind(self._client)

    async def wait_until_ready(self, sandbox_id: str, *, timeout: float = 30.0) -> AsyncSandbox:
        """Wait until the sandbox is ready, then fetch and return it.

        Listens on ``GET /sandboxes/{sandbox_id}/readiness/stream``; where the server has
        no such stream (404), the stream fails, or it gives up before ``timeout``, polls
        ``GET /sandboxes/{sandbox_id}/readiness`` with backoff (50 ms, growing by half up
        to 2 s). Raises `WaitTimeoutError` (an `APITimeoutError`) when the sandbox is not
        ready within ``timeout`` seconds.
        """
        poller = Poller(_READINESS, sandbox_id, timeout=timeout, first_delay=0.05, max_delay=2.0)
        if await self._readiness_verdict(sandbox_id, timeout, poller) != "ready":
            while True:
                ready = (await self.readiness(sandbox_id)).is_ready
                delay = poller.next_delay("ready" if ready else "not ready")
                if delay is None:
                    break
                await asleep(delay)
        return await self.get(sandbox_id)

    async def _readiness_verdict(
        self, sandbox_id: str, timeout: float, poller: Poller
    ) -> str | None:
        stream = self._events(
            sandbox_path(sandbox_id) + "/readiness/stream",
            parse_readiness,
            resumable=False,
            timeout=timeout,
        )
        try:
            async with stream as verdicts:
                async for verdict in verdicts:
                    if verdict in ("ready", "timeout"):
                        return verdict
        except APITimeoutError:
            if poller.expired:
                raise poller.timeout_error(None) from None
            return None  # the stream timed out opening, not waiting: poll instead
        except (AuthenticationError, PermissionDeniedError):
            raise
        except MiosaError:
            return None  # no usable stream here (404, 5xx, a drop, not SSE): poll instead
        return None

    async def deploy(
        self,
        sandbox_id: str,
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
        **options: Unpack[RequestOptions],
    ) -> SandboxDeployResult:
        """Publish the sandbox's output as a deployment. ``POST /sandboxes/{sandbox_id}/deploy``.

        ``type_`` is sent as ``type`` (``static`` / ``dynamic`` / ``server``);
        ``deployment_type="docker_deploy"`` targets App Engine. Show the returned ``url``
        (else ``public_url``) rather than building one.
        """
        payload = body(
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
            type=type_,
            mode=mode,
            database=database,
            resources=resources,
            domain=domain,
            custom_domain=custom_domain,
        )
        return await self._object(
            "POST",
            sandbox_path(sandbox_id) + "/deploy",
            SandboxDeployResult,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def start_template(
        self,
        sandbox_id: str,
        *,
        install: bool | NotGiven = NOT_GIVEN,
        install_command: str | NotGiven = NOT_GIVEN,
        start_command: str | NotGiven = NOT_GIVEN,
        install_timeout_sec: int | NotGiven = NOT_GIVEN,
        start_timeout_sec: int | NotGiven = NOT_GIVEN,
        port: int | NotGiven = NOT_GIVEN,
        workdir: str | NotGiven = NOT_GIVEN,
        readiness_probe: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SandboxTemplateStart:
        """Install and start the template's app. ``POST /sandboxes/{sandbox_id}/template/start``."""
        payload = body(
            install=install,
            install_command=install_command,
            start_command=start_command,
            install_timeout_sec=install_timeout_sec,
            start_timeout_sec=start_timeout_sec,
            port=port,
            workdir=workdir,
            readiness_probe=readiness_probe,
        )
        return await self._object(
            "POST",
            sandbox_path(sandbox_id) + "/template/start",
            SandboxTemplateStart,
            json=payload,
            options=options,
        )

    async def artifacts(
        self, sandbox_id: str, **options: Unpack[RequestOptions]
    ) -> SandboxArtifacts:
        """The sandbox's build artifacts. ``GET /sandboxes/{sandbox_id}/artifacts``."""
        return await self._object(
            "GET", sandbox_path(sandbox_id) + "/artifacts", SandboxArtifacts, options=options
        )

    async def expose(
        self, sandbox_id: str, port: int | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> ExposeResult:
        """Make a port reachable; returns its URL. ``POST /sandboxes/{sandbox_id}/expose``."""
        return await self._object(
            "POST",
            sandbox_path(sandbox_id) + "/expose",
            ExposeResult,
            json=body(port=port),
            options=options,
        )

    async def snapshot(
        self, sandbox_id: str, **options: Unpack[RequestOptions]
    ) -> SandboxSnapshotRef:
        """Take a snapshot (legacy route; prefer ``sandbox.snapshots.create()``).

        ``POST /sandboxes/{sandbox_id}/snapshot``.
        """
        return await self._object(
            "POST",
            sandbox_path(sandbox_id) + "/snapshot",
            SandboxSnapshotRef,
            json={},
            options=options,
        )

    async def resources(
        self, sandbox_id: str, **options: Unpack[RequestOptions]
    ) -> SandboxResources:
        """vCPUs and memory, and whether each can change live. ``GET .../resources``."""
        return await self._object(
            "GET", sandbox_path(sandbox_id) + "/resources", SandboxResources, options=options
        )

    async def resize(
        self,
        sandbox_id: str,
        *,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SandboxResize:
        """Change vCPUs and/or memory. ``PATCH /sandboxes/{sandbox_id}/resources``.

        Only what is given is sent; `ValueError` (no request) when neither is. What cannot
        change live answers ``requires_restart``, or 409 ``RESIZE_UNSUPPORTED``; a reply
        with ``restarted`` names the recreated sandbox in ``new_sandbox``.
        """
        payload = body(cpu_count=cpu_count, memory_mb=memory_mb)
        if not payload:
            raise ValueError("resize needs cpu_count and/or memory_mb")
        return await self._object(
            "PATCH",
            sandbox_path(sandbox_id) + "/resources",
            SandboxResize,
            json=payload,
            options=options,
        )

    async def ssh_certificates(
        self,
        sandbox_id: str,
        *,
        public_key: str,
        ttl_seconds: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SshCertificate:
        """Sign ``public_key`` for SSH into the sandbox for ``ttl_seconds`` (server default
        15 minutes, at most an hour). ``POST /sandboxes/{sandbox_id}/ssh-certificates``."""
        return await self._object(
            "POST",
            sandbox_path(sandbox_id) + "/ssh-certificates",
            SshCertificate,
            json=body(public_key=public_key, ttl_seconds=ttl_seconds),
            options=options,
        )

    async def ssh_info(self, sandbox_id: str, **options: Unpack[RequestOptions]) -> SshInfo:
        """How to reach the sandbox over SSH. ``GET /sandboxes/{sandbox_id}/ssh-info``."""
        return await self._object(
            "GET", sandbox_path(sandbox_id) + "/ssh-info", SshInfo, options=options
        )

    async def browser_cdp_url(
        self,
        sandbox_id: str,
        *,
        ttl_seconds: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> BrowserCdpGrant:
        """Mint a grant to the DevTools protocol of a browser in the sandbox.

        ``POST /sandboxes/{sandbox_id}/browser/cdp-url``; ``ttl_seconds`` is 60 to 604800
        (the body is left out without it). It starts no browser.
        """
        payload = body(ttl_seconds=ttl_seconds)
        return await self._object(
            "POST",
            sandbox_path(sandbox_id) + "/browser/cdp-url",
            BrowserCdpGrant,
            json=payload if payload else NOT_GIVEN,
            options=options,
        )

    async def get_or_create(
        self,
        name: str,
        *,
        resume: bool = True,
        wait_until_ready: bool = False,
        wait_timeout: float = 60.0,
        **create_options: Any,
    ) -> AsyncSandbox:
        """The sandbox named ``name``, created (with ``create_options``) when there is none.

        ``GET /sandboxes/by-name/{name}``, then ``POST /sandboxes`` on a 404. A paused
        sandbox is resumed (``resume=False`` leaves it paused), after any checkpoint it is
        still writing. When two callers race to create the same name, the loser gets the
        winner's sandbox. ``wait_until_ready`` waits up to ``wait_timeout`` seconds for it
        to accept work. A destroyed sandbox is never brought back.
        """
        try:
            sandbox = await self.get_by_name(name)
        except NotFoundError:
            try:
                sandbox = await self.create(name=name, **create_options)
            except ConflictError:
                sandbox = await self.get_by_name(name)
        if resume and sandbox.state == "paused" and sandbox.id is not None:
            if sandbox.raw.get("checkpoint_pending") is True:
                sandbox = await self.wait_for_checkpoint(sandbox.id, timeout=wait_timeout)
            sandbox = await self.resume(sandbox.id)
        if wait_until_ready and sandbox.id is not None:
            sandbox = await self.wait_until_ready(sandbox.id, timeout=wait_timeout)
        return sandbox

    async def wait_for_checkpoint(
        self, sandbox_id: str, *, timeout: float = 120.0, poll_interval: float = 0.25
    ) -> AsyncSandbox:
        """Wait until the checkpoint a sandbox writes right after a pause is finished.

        Until then a resume can be answered 503 (``RESTORE_TRANSIENT``). Polls
        ``GET /sandboxes/{sandbox_id}`` until ``checkpoint_pending`` is no longer true (a
        server that does not report it is done at once), after ``poll_interval`` seconds,
        then 1.5 times longer each time, at most 10 s apart; returns the sandbox as last
        read. Raises `miosa.WaitTimeoutError` when ``timeout`` seconds pass first.
        """
        poller = Poller(_CHECKPOINT, sandbox_id, timeout=timeout, first_delay=poll_interval)
        while True:
            sandbox = await self.get(sandbox_id)
            pending = sandbox.raw.get("checkpoint_pending") is True
            delay = poller.next_delay("pending" if pending else "written")
            if delay is None:
                return sandbox
            await asleep(delay)

    async def create_agent_workspace(
        self,
        name: str,
        *,
        template_id: str | NotGiven = NOT_GIVEN,
        timeout_sec: int = AGENT_WORKSPACE_TIMEOUT_SEC,
        idle_timeout_sec: int = AGENT_WORKSPACE_IDLE_TIMEOUT_SEC,
        snapshot_expiration_sec: int = AGENT_WORKSPACE_SNAPSHOT_EXPIRATION_SEC,
        keep_last_snapshots: int | Mapping[str, Any] = AGENT_WORKSPACE_KEEP_LAST_SNAPSHOTS,
        metadata: Mapping[str, Any] | None = None,
        wait_until_ready: bool = True,
        wait_timeout: float = 60.0,
        **create_options: Any,
    ) -> AsyncSandbox:
        """A persistent sandbox an AI agent works in, found by ``name`` or created.

        The agent edits files under ``/workspace``, installs, tests, builds, previews and
        publishes from this one sandbox instead of uploading a repository each time. It
        lives ``timeout_sec`` (a day), sleeps after ``idle_timeout_sec`` idle (30 min),
        and keeps its last ``keep_last_snapshots`` snapshots for
        ``snapshot_expiration_sec`` (30 days). See `get_or_create` for the lookup.
        """
        policy = agent_workspace_metadata(metadata, snapshot_expiration_sec, keep_last_snapshots)
        return await self.get_or_create(
            name,
            wait_until_ready=wait_until_ready,
            wait_timeout=wait_timeout,
            template_id=template_id,
            persistent=True,
            timeout_sec=timeout_sec,
            idle_timeout_sec=idle_timeout_sec,
            metadata=policy,
            **create_options,
        )
