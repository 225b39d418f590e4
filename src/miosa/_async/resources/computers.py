"""Cloud computers: the collection (``client.computers``) and the handle (`AsyncComputer`)."""

from __future__ import annotations

import base64
import builtins
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..._computers import (
    COMPUTER_FAILURE_STATES,
    WAIT_FIRST_DELAY,
    WAIT_MAX_DELAY,
    expand_states,
    item_list,
    normalize_size,
    placement_request,
    preview_url,
    public_url,
)
from ..._concurrency import asleep
from ..._paging import PageRequest
from ..._request import NOT_GIVEN, NotGiven, body, merge, path_param, query, route
from ..._waiters import Poller, WaitTarget
from ...types._base import JSONObject
from ...types.computers import (
    ComputerData,
    ComputerExecResult,
    ComputerViewerPassword,
    ComputerViewerPasswordStatus,
    DesktopActionResult,
    DesktopCursor,
    DesktopWindow,
)
from .._resource import AsyncAPIResource, AsyncScopedResource
from ..pagination import AsyncPage

if TYPE_CHECKING:
    from ..client import AsyncMiosa
    from .computer_auto_stop import AsyncComputerAutoStop
    from .computer_checkpoints import AsyncComputerCheckpoints
    from .computer_desktop import AsyncComputerDesktop
    from .computer_domains import AsyncComputerDomains
    from .computer_env import AsyncComputerEnv
    from .computer_events import AsyncComputerEvents
    from .computer_exec import AsyncComputerExec
    from .computer_files import AsyncComputerFiles, AsyncScopedFs
    from .computer_inbox import AsyncComputerInbox
    from .computer_logs import AsyncComputerLogs
    from .computer_network_policy import AsyncComputerNetworkPolicy
    from .computer_osa import AsyncComputerOsa
    from .computer_ports import AsyncComputerPorts
    from .computer_terminal import AsyncComputerTerminal
    from .computer_volumes import AsyncComputerVolumes

P = TypeVar("P", bound=AsyncScopedResource)
T = TypeVar("T")

_FIELDS = tuple(a.name for a in attrs.fields(ComputerData))
_LIST_KEYS = ("data", "computers", "items")


def _computer_path(computer_id: str) -> str:
    return route("/computers/{computer_id}", computer_id=computer_id)


class AsyncComputers(AsyncAPIResource):
    """``client.computers``: create, find, change and delete cloud computers.

    Calls on one computer are also here with its id first (``client.computers.start(id)``);
    the handle `AsyncComputer` (from `create`, `get`, `list` or `handle`) has them all
    without the id, plus its sub-resources (``computer.desktop``, ``computer.files`` ...).
    """

    def handle(self, computer_id: str) -> AsyncComputer:
        """A handle for a computer by id, without fetching it (makes no request).

        Its fields stay empty until ``await computer.refresh()``; its operations work at once.
        """
        path_param("computer_id", computer_id)
        return AsyncComputer(id=computer_id)._bind(self._client)

    async def _computer(
        self, method: str, path: str, *, computer_id: str | None = None, json: object = NOT_GIVEN
    ) -> AsyncComputer:
        data = await self._object(method, path, AsyncComputer, json=json)
        if data.id is None and computer_id is not None:
            # The server answered with an acknowledgement ({"success": true}), not the record.
            object.__setattr__(data, "id", computer_id)
        return data._bind(self._client)

    async def _fetch_page(
        self, request: PageRequest, cast_to: type[T], keys: tuple[str, ...]
    ) -> AsyncPage[T]:
        # Every page, the first and those fetched while iterating, hands out bound handles.
        page = await super()._fetch_page(request, cast_to, keys)
        for item in page.items:
            if isinstance(item, AsyncComputer):
                item._bind(self._client)
        return page

    # -- the collection --------------------------------------------------------------

    async def create(
        self,
        *,
        name: str,
        template_type: str | NotGiven = NOT_GIVEN,
        size: str | NotGiven = NOT_GIVEN,
        visibility: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        agent_runtime_profile_id: str | NotGiven = NOT_GIVEN,
        agent_profile_id: str | NotGiven = NOT_GIVEN,
        skip_agent_runtime_profile: bool | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        setup_file: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
        compute_placement_request: Mapping[str, Any] | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Create a computer and return its handle. ``POST /computers``.

        ``template_type`` defaults to ``"miosa-desktop"`` (or ``"miosa-sandbox"``) and
        ``size`` to ``"small"``; ``"xlarge"`` is sent as ``"xl"``. ``environment`` /
        ``environment_id`` / ``env_id`` name the environment to apply (``no_env=True``:
        none), ``env`` adds variables, ``fail_fast`` makes a failing environment step
        fail the create. ``compute_placement_request`` picks where it runs
        (``{"provider": "aws", "region_id": ..., "pool_id": ...}``; camelCase keys are
        accepted). The new computer is provisioning: ``await computer.wait_until_ready()``.
        """
        payload = body(
            name=name,
            template_type="miosa-desktop" if isinstance(template_type, NotGiven) else template_type,
            size=normalize_size("small" if isinstance(size, NotGiven) else size),
            visibility=visibility,
            metadata=metadata,
            workspace_id=workspace_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            agent_runtime_profile_id=agent_runtime_profile_id,
            agent_profile_id=agent_profile_id,
            skip_agent_runtime_profile=skip_agent_runtime_profile,
            compute_placement_request=(
                compute_placement_request
                if isinstance(compute_placement_request, NotGiven)
                else placement_request(compute_placement_request)
            ),
            setup_file=setup_file,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            fail_fast=fail_fast,
        )
        return await self._computer("POST", "/computers", json=payload)

    async def list(
        self,
        *,
        page: int | None = None,
        per_page: int | None = None,
        status: str | None = None,
        workspace_id: str | None = None,
    ) -> AsyncPage[AsyncComputer]:
        """One page of computers; ``async for`` walks every page. ``GET /computers``.

        ``workspace_id`` keeps the computers of one workspace. The reply may be
        ``{data, meta}`` or ``{total, computers}``: both are read.
        """
        return await self._page(
            "/computers",
            AsyncComputer,
            params=query(page=page, per_page=per_page, status=status, workspace_id=workspace_id),
            keys=_LIST_KEYS,
        )

    async def get(self, computer_id: str) -> AsyncComputer:
        """Fetch a computer by id. ``GET /computers/{computer_id}``."""
        return await self._computer("GET", _computer_path(computer_id), computer_id=computer_id)

    async def update(
        self,
        computer_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        visibility: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Rename a computer or change its visibility or metadata.

        ``PATCH /computers/{computer_id}``.
        """
        payload = body(name=name, visibility=visibility, metadata=metadata)
        return await self._computer(
            "PATCH", _computer_path(computer_id), computer_id=computer_id, json=payload
        )

    async def delete(self, computer_id: str) -> None:
        """Delete a computer for good. ``DELETE /computers/{computer_id}``."""
        await self._none("DELETE", _computer_path(computer_id))

    destroy = delete

    async def viewer_password(self, computer_id: str) -> ComputerViewerPasswordStatus:
        """Whether the raw desktop viewer password is set.

        ``GET /computers/{computer_id}/viewer-password``.
        """
        return await self._object(
            "GET", _computer_path(computer_id) + "/viewer-password", ComputerViewerPasswordStatus
        )

    async def rotate_viewer_password(self, computer_id: str) -> ComputerViewerPassword:
        """Set a new raw viewer password and return it (shown once).

        ``POST /computers/{computer_id}/viewer-password/rotate``.
        """
        return await self._object(
            "POST",
            _computer_path(computer_id) + "/viewer-password/rotate",
            ComputerViewerPassword,
        )

    # -- one computer ------------------------------------------------------------------

    async def start(
        self,
        computer_id: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Start a computer. ``POST /computers/{computer_id}/start``.

        The options name the environment applied on this start (as for `create`); with
        none the request has no body.
        """
        payload = body(
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            fail_fast=fail_fast,
        )
        return await self._computer(
            "POST",
            _computer_path(computer_id) + "/start",
            computer_id=computer_id,
            json=payload or NOT_GIVEN,
        )

    async def stop(self, computer_id: str) -> AsyncComputer:
        """Stop a computer. ``POST /computers/{computer_id}/stop``."""
        return await self._computer(
            "POST", _computer_path(computer_id) + "/stop", computer_id=computer_id
        )

    async def restart(self, computer_id: str) -> AsyncComputer:
        """Restart a computer. ``POST /computers/{computer_id}/restart``."""
        return await self._computer(
            "POST", _computer_path(computer_id) + "/restart", computer_id=computer_id
        )

    async def vnc_credentials(self, computer_id: str) -> JSONObject:
        """VNC credentials (a free-form map). ``GET /computers/{computer_id}/vnc-credentials``."""
        return await self._object(
            "GET", _computer_path(computer_id) + "/vnc-credentials", JSONObject
        )

    async def apps(self, computer_id: str) -> builtins.list[Any]:
        """The apps installed in the VM. ``GET /computers/{computer_id}/apps``.

        The list may come bare or under ``data``, ``apps`` or ``items``; a reply that is
        one object without a list is returned as a one-item list.
        """
        payload, _ = await self._json("GET", _computer_path(computer_id) + "/apps")
        return item_list(payload, ("data", "apps", "items"))

    async def urls(self, computer_id: str) -> builtins.list[Any]:
        """The computer's public preview and exposed URLs. ``GET /computers/{computer_id}/urls``.

        The list may come bare or under ``data``, ``urls`` or ``items``; a reply that is
        one object (a map of named URLs) is returned as a one-item list.
        """
        payload, _ = await self._json("GET", _computer_path(computer_id) + "/urls")
        return item_list(payload, ("data", "urls", "items"))

    async def stream_token(self, computer_id: str) -> JSONObject:
        """Mint a short-lived stream token. ``POST /computers/{computer_id}/stream-token``."""
        return await self._object("POST", _computer_path(computer_id) + "/stream-token", JSONObject)

    async def embed(
        self,
        computer_id: str,
        *,
        ttl: int | None = None,
        mode: str | None = None,
        view_only: bool | None = None,
    ) -> JSONObject:
        """A short-lived passwordless embed URL (``url``, ``expires_at`` ...) for platform use.

        ``GET /computers/{computer_id}/embed``. ``ttl`` is its lifetime in seconds;
        ``view_only`` is sent when given, but servers may not enforce it yet.
        """
        return await self._object(
            "GET",
            _computer_path(computer_id) + "/embed",
            JSONObject,
            params=query(ttl=ttl, mode=mode, view_only=view_only),
        )

    async def clone(
        self,
        computer_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> AsyncComputer:
        """Clone a computer; returns the NEW one. ``POST /computers/{computer_id}/clone``.

        ``extra`` passes further clone options through verbatim.
        """
        payload = merge(body(name=name), extra)
        return await self._computer("POST", _computer_path(computer_id) + "/clone", json=payload)

    async def resize(
        self,
        computer_id: str,
        *,
        size: str | NotGiven = NOT_GIVEN,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Change a computer's size: a bundle (``"xlarge"`` is sent as ``"xl"``) or an
        explicit ``cpu_count`` / ``memory_mb``. ``POST /computers/{computer_id}/resize``.

        The server checks the combination (with none of the three it answers 422).
        """
        payload = body(
            size=size if isinstance(size, NotGiven) else normalize_size(size),
            cpu_count=cpu_count,
            memory_mb=memory_mb,
        )
        return await self._computer(
            "POST", _computer_path(computer_id) + "/resize", computer_id=computer_id, json=payload
        )

    async def move(
        self,
        computer_id: str,
        *,
        region: str | NotGiven = NOT_GIVEN,
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> AsyncComputer:
        """Move a computer to another region or host. ``POST /computers/{computer_id}/move``.

        The contract leaves the body open: ``extra`` passes other keys through verbatim.
        """
        payload = merge(body(region=region, host_id=host_id), extra)
        return await self._computer(
            "POST", _computer_path(computer_id) + "/move", computer_id=computer_id, json=payload
        )

    async def screenshot_region(
        self, computer_id: str, *, x: int, y: int, width: int, height: int
    ) -> bytes:
        """A region of the desktop as PNG bytes.

        ``POST /computers/{computer_id}/desktop/screenshot/region``, then
        ``POST /computers/{computer_id}/screenshot-region`` if the first answers 404.
        """
        desktop = self.handle(computer_id).desktop
        return await desktop.screenshot_region(x=x, y=y, width=width, height=height)

    async def metrics(self, computer_id: str, *, window: str = "1h") -> JSONObject:
        """Time-series metrics for ``"1h"``, ``"24h"`` or ``"7d"``.

        ``GET /computers/{computer_id}/metrics``.
        """
        return await self._object(
            "GET", _computer_path(computer_id) + "/metrics", JSONObject, params={"window": window}
        )


class AsyncComputer(ComputerData):
    """A cloud computer: its fields (``computer.id``, ``computer.status`` ...) plus operations.

    Sub-resources (``computer.desktop``, ``computer.files``, ``computer.exec`` ...) are
    created on first use. The desktop and exec shortcuts of the TypeScript SDK are here
    too (``computer.screenshot()``, ``computer.click(x, y)``, ``computer.bash(cmd)`` ...).
    ``async with computer:`` deletes the computer on exit; a failed delete is raised.
    """

    __slots__ = ("_client", "_destroyed", "_parts")

    if TYPE_CHECKING:
        # Declared for the type checker only: cattrs resolves runtime annotations.
        _client: AsyncMiosa
        _destroyed: bool
        _parts: dict[str, AsyncScopedResource]

    def _bind(self, client: AsyncMiosa) -> AsyncComputer:
        object.__setattr__(self, "_client", client)
        object.__setattr__(self, "_destroyed", False)
        object.__setattr__(self, "_parts", {})
        return self

    def _merge(self, fresh: ComputerData) -> AsyncComputer:
        # A full record replaces every field; an acknowledgement without an id (some
        # servers answer start/stop that way) only updates the fields it carries.
        reply = fresh.raw
        full = "id" in reply
        for name in _FIELDS:
            if name != "id" and (full or name in reply):
                object.__setattr__(self, name, getattr(fresh, name))
        object.__setattr__(self, "_raw", dict(reply) if full else {**self.raw, **reply})
        return self

    @property
    def data(self) -> ComputerData:
        """A detached, immutable copy of the computer's fields."""
        copy = ComputerData(**{name: getattr(self, name) for name in _FIELDS})
        object.__setattr__(copy, "_raw", self.raw)
        return copy

    @property
    def _computer_id(self) -> str:
        if not self.id:
            raise ValueError("this computer handle has no id")
        return self.id

    @property
    def _computers(self) -> AsyncComputers:
        return self._client.computers

    def _part(self, name: str, cls: type[P]) -> P:
        part = self._parts.get(name)
        if part is None:
            part = self._parts[name] = cls(self._client, _computer_path(self._computer_id))
        assert isinstance(part, cls)
        return part

    # -- sub-resources -----------------------------------------------------------------

    @property
    def desktop(self) -> AsyncComputerDesktop:
        """Desktop control: screenshots, mouse, keyboard, windows."""
        from .computer_desktop import AsyncComputerDesktop

        return self._part("desktop", AsyncComputerDesktop)

    @property
    def files(self) -> AsyncComputerFiles:
        """Files inside the VM: upload, download, list, stat, mkdir ..."""
        from .computer_files import AsyncComputerFiles

        return self._part("files", AsyncComputerFiles)

    def fs(self, working_dir: str) -> AsyncScopedFs:
        """`files` with paths relative to ``working_dir`` (makes no request).

        ``fs = computer.fs("/workspace"); await fs.write("main.py", "print(1)")``.
        """
        from .computer_files import AsyncScopedFs

        return AsyncScopedFs(self.files, working_dir)

    @property
    def exec(self) -> AsyncComputerExec:
        """Run shell commands and Python code; open an interactive exec WebSocket."""
        from .computer_exec import AsyncComputerExec

        return self._part("exec", AsyncComputerExec)

    @property
    def events(self) -> AsyncComputerEvents:
        """In-VM events (windows, clipboard, files, processes, idle) over a WebSocket."""
        from .computer_events import AsyncComputerEvents

        return self._part("events", AsyncComputerEvents)

    @property
    def terminal(self) -> AsyncComputerTerminal:
        """PTY sessions."""
        from .computer_terminal import AsyncComputerTerminal

        return self._part("terminal", AsyncComputerTerminal)

    @property
    def env(self) -> AsyncComputerEnv:
        """Encrypted environment variables."""
        from .computer_env import AsyncComputerEnv

        return self._part("env", AsyncComputerEnv)

    @property
    def ports(self) -> AsyncComputerPorts:
        """Exposed ports and their visibility."""
        from .computer_ports import AsyncComputerPorts

        return self._part("ports", AsyncComputerPorts)

    @property
    def volumes(self) -> AsyncComputerVolumes:
        """Volume attachments."""
        from .computer_volumes import AsyncComputerVolumes

        return self._part("volumes", AsyncComputerVolumes)

    @property
    def logs(self) -> AsyncComputerLogs:
        """VM logs, read or streamed."""
        from .computer_logs import AsyncComputerLogs

        return self._part("logs", AsyncComputerLogs)

    @property
    def auto_stop(self) -> AsyncComputerAutoStop:
        """Idle auto-stop configuration."""
        from .computer_auto_stop import AsyncComputerAutoStop

        return self._part("auto_stop", AsyncComputerAutoStop)

    @property
    def osa(self) -> AsyncComputerOsa:
        """The in-VM OSA agent."""
        from .computer_osa import AsyncComputerOsa

        return self._part("osa", AsyncComputerOsa)

    @property
    def inbox(self) -> AsyncComputerInbox:
        """The computer's inbox configuration."""
        from .computer_inbox import AsyncComputerInbox

        return self._part("inbox", AsyncComputerInbox)

    @property
    def checkpoints(self) -> AsyncComputerCheckpoints:
        """Firecracker checkpoints (snapshots) of this computer."""
        from .computer_checkpoints import AsyncComputerCheckpoints

        return self._part("checkpoints", AsyncComputerCheckpoints)

    @property
    def network_policy(self) -> AsyncComputerNetworkPolicy:
        """Egress firewall rules."""
        from .computer_network_policy import AsyncComputerNetworkPolicy

        return self._part("network_policy", AsyncComputerNetworkPolicy)

    @property
    def domains(self) -> AsyncComputerDomains:
        """Custom domains mapped to this computer."""
        from .computer_domains import AsyncComputerDomains

        return self._part("domains", AsyncComputerDomains)

    # -- computer-level operations -----------------------------------------------------

    async def refresh(self) -> AsyncComputer:
        """Reload this handle's fields. ``GET /computers/{computer_id}``."""
        return self._merge(await self._computers.get(self._computer_id))

    reload = refresh

    async def update(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        visibility: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Change this computer's settings. ``PATCH /computers/{computer_id}``."""
        fresh = await self._computers.update(
            self._computer_id, name=name, visibility=visibility, metadata=metadata
        )
        return self._merge(fresh)

    async def destroy(self) -> None:
        """Delete this computer for good. ``DELETE /computers/{computer_id}``."""
        await self._computers.delete(self._computer_id)
        object.__setattr__(self, "_destroyed", True)

    delete = destroy

    async def start(
        self,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Start this computer. ``POST /computers/{computer_id}/start``."""
        fresh = await self._computers.start(
            self._computer_id,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            fail_fast=fail_fast,
        )
        return self._merge(fresh)

    async def stop(self) -> AsyncComputer:
        """Stop this computer. ``POST /computers/{computer_id}/stop``."""
        return self._merge(await self._computers.stop(self._computer_id))

    async def restart(self) -> AsyncComputer:
        """Restart this computer. ``POST /computers/{computer_id}/restart``."""
        return self._merge(await self._computers.restart(self._computer_id))

    async def resize(
        self,
        size: str | NotGiven = NOT_GIVEN,
        *,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Change this computer's size. ``POST /computers/{computer_id}/resize``."""
        fresh = await self._computers.resize(
            self._computer_id, size=size, cpu_count=cpu_count, memory_mb=memory_mb
        )
        return self._merge(fresh)

    async def move(
        self,
        *,
        region: str | NotGiven = NOT_GIVEN,
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> AsyncComputer:
        """Move this computer to another region or host. ``POST /computers/{computer_id}/move``."""
        fresh = await self._computers.move(
            self._computer_id, region=region, host_id=host_id, extra=extra
        )
        return self._merge(fresh)

    async def clone(
        self, *, name: str | NotGiven = NOT_GIVEN, extra: Mapping[str, Any] | None = None
    ) -> AsyncComputer:
        """Clone this computer; returns the NEW one. ``POST /computers/{computer_id}/clone``."""
        return await self._computers.clone(self._computer_id, name=name, extra=extra)

    async def viewer_password(self) -> ComputerViewerPasswordStatus:
        """Whether the raw viewer password is set.

        ``GET /computers/{computer_id}/viewer-password``.
        """
        return await self._computers.viewer_password(self._computer_id)

    async def rotate_viewer_password(self) -> ComputerViewerPassword:
        """Set and return a new raw viewer password.

        ``POST /computers/{computer_id}/viewer-password/rotate``.
        """
        return await self._computers.rotate_viewer_password(self._computer_id)

    async def vnc_credentials(self) -> JSONObject:
        """VNC credentials. ``GET /computers/{computer_id}/vnc-credentials``."""
        return await self._computers.vnc_credentials(self._computer_id)

    async def apps(self) -> builtins.list[Any]:
        """Installed apps. ``GET /computers/{computer_id}/apps``."""
        return await self._computers.apps(self._computer_id)

    async def urls(self) -> builtins.list[Any]:
        """The computer's public URLs. ``GET /computers/{computer_id}/urls``."""
        return await self._computers.urls(self._computer_id)

    async def stream_token(self) -> JSONObject:
        """A short-lived stream token. ``POST /computers/{computer_id}/stream-token``."""
        return await self._computers.stream_token(self._computer_id)

    async def embed(
        self, *, ttl: int | None = None, mode: str | None = None, view_only: bool | None = None
    ) -> JSONObject:
        """A passwordless embed URL. ``GET /computers/{computer_id}/embed``."""
        return await self._computers.embed(
            self._computer_id, ttl=ttl, mode=mode, view_only=view_only
        )

    async def metrics(self, *, window: str = "1h") -> JSONObject:
        """Time-series metrics. ``GET /computers/{computer_id}/metrics``."""
        return await self._computers.metrics(self._computer_id, window=window)

    async def screenshot_region(self, *, x: int, y: int, width: int, height: int) -> bytes:
        """A desktop region as PNG bytes. ``POST .../desktop/screenshot/region`` (see desktop)."""
        return await self.desktop.screenshot_region(x=x, y=y, width=width, height=height)

    # -- waiting -----------------------------------------------------------------------

    async def wait_until(
        self,
        state: str | Iterable[str] = "running",
        *,
        timeout: float = 300.0,
        poll_interval: float = WAIT_FIRST_DELAY,
    ) -> AsyncComputer:
        """Poll ``GET /computers/{computer_id}`` until the status is `state`; refreshes this handle.

        `state` may be several states; ``"running"`` and ``"active"`` are the same state.
        Polls after `poll_interval` seconds, then 1.5 times longer each time, at most 5 s
        apart. Raises `miosa.WaitTimeoutError` if `timeout` seconds pass first and
        `miosa.ResourceFailedError` if the computer reaches ``error`` or ``destroyed``.
        """
        wanted = expand_states(state)
        poller = Poller(
            WaitTarget.of("computer", ready=wanted, failed=COMPUTER_FAILURE_STATES - wanted),
            self._computer_id,
            timeout=timeout,
            first_delay=poll_interval,
            max_delay=WAIT_MAX_DELAY,
        )
        while (delay := poller.next_delay((await self.refresh()).status)) is not None:
            await asleep(delay)
        return self

    async def wait_until_ready(self, *, timeout: float = 300.0) -> AsyncComputer:
        """Wait until the computer is running. Polls ``GET /computers/{computer_id}``."""
        return await self.wait_until("running", timeout=timeout)

    # -- URLs (no request) ---------------------------------------------------------------

    def preview_url(self, port: int, path: str = "/") -> str:
        """The public URL of a port inside the VM, on the tenant's preview domain."""
        return preview_url(self.slug or self._computer_id, self.preview_domain, port, path)

    @property
    def public_url(self) -> str:
        """The root preview URL, ``https://{slug}.sandbox.{preview_domain}``."""
        return public_url(self.slug or self._computer_id, self.preview_domain)

    # -- shortcuts of the TypeScript SDK -------------------------------------------------

    async def bash(
        self, command: str, *, timeout: int | NotGiven = NOT_GIVEN
    ) -> ComputerExecResult:
        """Run a shell command. ``POST /computers/{computer_id}/exec``."""
        return await self.exec.bash(command, timeout=timeout)

    async def python(self, code: str, *, timeout: int | NotGiven = NOT_GIVEN) -> ComputerExecResult:
        """Run Python code. ``POST /computers/{computer_id}/exec/python``."""
        return await self.exec.python(code, timeout=timeout)

    async def screenshot(self) -> bytes:
        """The desktop as PNG bytes. ``GET /computers/{computer_id}/desktop/screenshot``."""
        return await self.desktop.screenshot()

    async def screenshot_base64(self) -> str:
        """The desktop screenshot, base64-encoded here (the wire carries raw PNG bytes).

        ``GET /computers/{computer_id}/desktop/screenshot``.
        """
        return base64.b64encode(await self.desktop.screenshot()).decode("ascii")

    async def click(self, x: int, y: int, button: str = "left") -> DesktopActionResult:
        """Click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return await self.desktop.click(x, y, button=button)

    async def left_click(self, x: int, y: int) -> DesktopActionResult:
        """Left-click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return await self.desktop.click(x, y, button="left")

    async def right_click(self, x: int, y: int) -> DesktopActionResult:
        """Right-click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return await self.desktop.click(x, y, button="right")

    async def middle_click(self, x: int, y: int) -> DesktopActionResult:
        """Middle-click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return await self.desktop.click(x, y, button="middle")

    async def double_click(self, x: int, y: int) -> DesktopActionResult:
        """Double-click at (x, y). ``POST /computers/{computer_id}/desktop/double-click``."""
        return await self.desktop.double_click(x, y)

    async def move_mouse(self, x: int, y: int) -> DesktopActionResult:
        """Move the pointer. ``POST /computers/{computer_id}/desktop/move``."""
        return await self.desktop.move_mouse(x, y)

    async def write(self, text: str, *, delay: float | NotGiven = NOT_GIVEN) -> DesktopActionResult:
        """Type text (also ``type``). ``POST /computers/{computer_id}/desktop/type``."""
        return await self.desktop.write(text, delay=delay)

    type = write

    async def key(self, key: str) -> DesktopActionResult:
        """Press a key or combo (``"Return"``, ``"ctrl+c"``). ``POST .../desktop/key``."""
        return await self.desktop.key(key)

    press = key

    async def scroll(
        self,
        direction: str,
        clicks: int = 3,
        *,
        x: int | NotGiven = NOT_GIVEN,
        y: int | NotGiven = NOT_GIVEN,
    ) -> DesktopActionResult:
        """Scroll ``up``/``down``/``left``/``right``. ``POST .../desktop/scroll``."""
        return await self.desktop.scroll(direction, clicks, x=x, y=y)

    async def drag(self, from_x: int, from_y: int, to_x: int, to_y: int) -> DesktopActionResult:
        """Drag from one point to another. ``POST /computers/{computer_id}/desktop/drag``."""
        return await self.desktop.drag(from_x, from_y, to_x, to_y)

    async def wait(self, seconds: float) -> DesktopActionResult:
        """Sleep inside the desktop (not a status poll: see `wait_until`).

        ``POST /computers/{computer_id}/desktop/wait``.
        """
        return await self.desktop.wait(seconds)

    async def windows(self) -> list[DesktopWindow]:
        """Open windows. ``GET /computers/{computer_id}/desktop/windows``."""
        return await self.desktop.windows()

    async def cursor(self) -> DesktopCursor:
        """The pointer position. ``GET /computers/{computer_id}/desktop/cursor``."""
        return await self.desktop.cursor()

    async def focus_window(self, window_id: str) -> DesktopActionResult:
        """Focus a window. ``POST /computers/{computer_id}/desktop/window/focus``."""
        return await self.desktop.focus_window(window_id)

    async def launch(self, app_name: str) -> DesktopActionResult:
        """Launch an installed app. ``POST /computers/{computer_id}/desktop/launch``."""
        return await self.desktop.launch(app_name)

    # -- context manager -----------------------------------------------------------------

    async def __aenter__(self) -> AsyncComputer:
        return self

    async def __aexit__(
        self,
        exc_type: builtins.type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._destroyed:
            await self.destroy()
