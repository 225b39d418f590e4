# This file was generated from
#   src/miosa/_async/resources/computers.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Cloud computers: the collection (``client.computers``) and the handle (`Computer`)."""

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
from ..._concurrency import sleep
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
from .._resource import APIResource, ScopedResource
from ..pagination import Page

if TYPE_CHECKING:
    from ..client import Miosa
    from .computer_auto_stop import ComputerAutoStop
    from .computer_checkpoints import ComputerCheckpoints
    from .computer_desktop import ComputerDesktop
    from .computer_domains import ComputerDomains
    from .computer_env import ComputerEnv
    from .computer_events import ComputerEvents
    from .computer_exec import ComputerExec
    from .computer_files import ComputerFiles, ScopedFs
    from .computer_inbox import ComputerInbox
    from .computer_logs import ComputerLogs
    from .computer_network_policy import ComputerNetworkPolicy
    from .computer_osa import ComputerOsa
    from .computer_ports import ComputerPorts
    from .computer_terminal import ComputerTerminal
    from .computer_volumes import ComputerVolumes

P = TypeVar("P", bound=ScopedResource)
T = TypeVar("T")

_FIELDS = tuple(a.name for a in attrs.fields(ComputerData))
_LIST_KEYS = ("data", "computers", "items")


def _computer_path(computer_id: str) -> str:
    return route("/computers/{computer_id}", computer_id=computer_id)


class Computers(APIResource):
    """``client.computers``: create, find, change and delete cloud computers.

    Calls on one computer are also here with its id first (``client.computers.start(id)``);
    the handle `Computer` (from `create`, `get`, `list` or `handle`) has them all
    without the id, plus its sub-resources (``computer.desktop``, ``computer.files`` ...).
    """

    def handle(self, computer_id: str) -> Computer:
        """A handle for a computer by id, without fetching it (makes no request).

        Its fields stay empty until ``computer.refresh()``; its operations work at once.
        """
        path_param("computer_id", computer_id)
        return Computer(id=computer_id)._bind(self._client)

    def _computer(
        self, method: str, path: str, *, computer_id: str | None = None, json: object = NOT_GIVEN
    ) -> Computer:
        data = self._object(method, path, Computer, json=json)
        if data.id is None and computer_id is not None:
            # The server answered with an acknowledgement ({"success": true}), not the record.
            object.__setattr__(data, "id", computer_id)
        return data._bind(self._client)

    def _fetch_page(self, request: PageRequest, cast_to: type[T], keys: tuple[str, ...]) -> Page[T]:
        # Every page, the first and those fetched while iterating, hands out bound handles.
        page = super()._fetch_page(request, cast_to, keys)
        for item in page.items:
            if isinstance(item, Computer):
                item._bind(self._client)
        return page

    # -- the collection --------------------------------------------------------------

    def create(
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
    ) -> Computer:
        """Create a computer and return its handle. ``POST /computers``.

        ``template_type`` defaults to ``"miosa-desktop"`` (or ``"miosa-sandbox"``) and
        ``size`` to ``"small"``; ``"xlarge"`` is sent as ``"xl"``. ``environment`` /
        ``environment_id`` / ``env_id`` name the environment to apply (``no_env=True``:
        none), ``env`` adds variables, ``fail_fast`` makes a failing environment step
        fail the create. ``compute_placement_request`` picks where it runs
        (``{"provider": "aws", "region_id": ..., "pool_id": ...}``; camelCase keys are
        accepted). The new computer is provisioning: ``computer.wait_until_ready()``.
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
        return self._computer("POST", "/computers", json=payload)

    def list(
        self,
        *,
        page: int | None = None,
        per_page: int | None = None,
        status: str | None = None,
        workspace_id: str | None = None,
    ) -> Page[Computer]:
        """One page of computers; ``for`` walks every page. ``GET /computers``.

        ``workspace_id`` keeps the computers of one workspace. The reply may be
        ``{data, meta}`` or ``{total, computers}``: both are read.
        """
        return self._page(
            "/computers",
            Computer,
            params=query(page=page, per_page=per_page, status=status, workspace_id=workspace_id),
            keys=_LIST_KEYS,
        )

    def get(self, computer_id: str) -> Computer:
        """Fetch a computer by id. ``GET /computers/{computer_id}``."""
        return self._computer("GET", _computer_path(computer_id), computer_id=computer_id)

    def update(
        self,
        computer_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        visibility: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Computer:
        """Rename a computer or change its visibility or metadata.

        ``PATCH /computers/{computer_id}``.
        """
        payload = body(name=name, visibility=visibility, metadata=metadata)
        return self._computer(
            "PATCH", _computer_path(computer_id), computer_id=computer_id, json=payload
        )

    def delete(self, computer_id: str) -> None:
        """Delete a computer for good. ``DELETE /computers/{computer_id}``."""
        self._none("DELETE", _computer_path(computer_id))

    destroy = delete

    def viewer_password(self, computer_id: str) -> ComputerViewerPasswordStatus:
        """Whether the raw desktop viewer password is set.

        ``GET /computers/{computer_id}/viewer-password``.
        """
        return self._object(
            "GET", _computer_path(computer_id) + "/viewer-password", ComputerViewerPasswordStatus
        )

    def rotate_viewer_password(self, computer_id: str) -> ComputerViewerPassword:
        """Set a new raw viewer password and return it (shown once).

        ``POST /computers/{computer_id}/viewer-password/rotate``.
        """
        return self._object(
            "POST",
            _computer_path(computer_id) + "/viewer-password/rotate",
            ComputerViewerPassword,
        )

    # -- one computer ------------------------------------------------------------------

    def start(
        self,
        computer_id: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
    ) -> Computer:
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
        return self._computer(
            "POST",
            _computer_path(computer_id) + "/start",
            computer_id=computer_id,
            json=payload or NOT_GIVEN,
        )

    def stop(self, computer_id: str) -> Computer:
        """Stop a computer. ``POST /computers/{computer_id}/stop``."""
        return self._computer(
            "POST", _computer_path(computer_id) + "/stop", computer_id=computer_id
        )

    def restart(self, computer_id: str) -> Computer:
        """Restart a computer. ``POST /computers/{computer_id}/restart``."""
        return self._computer(
            "POST", _computer_path(computer_id) + "/restart", computer_id=computer_id
        )

    def vnc_credentials(self, computer_id: str) -> JSONObject:
        """VNC credentials (a free-form map). ``GET /computers/{computer_id}/vnc-credentials``."""
        return self._object("GET", _computer_path(computer_id) + "/vnc-credentials", JSONObject)

    def apps(self, computer_id: str) -> builtins.list[Any]:
        """The apps installed in the VM. ``GET /computers/{computer_id}/apps``.

        The list may come bare or under ``data``, ``apps`` or ``items``; a reply that is
        one object without a list is returned as a one-item list.
        """
        payload, _ = self._json("GET", _computer_path(computer_id) + "/apps")
        return item_list(payload, ("data", "apps", "items"))

    def urls(self, computer_id: str) -> builtins.list[Any]:
        """The computer's public preview and exposed URLs. ``GET /computers/{computer_id}/urls``.

        The list may come bare or under ``data``, ``urls`` or ``items``; a reply that is
        one object (a map of named URLs) is returned as a one-item list.
        """
        payload, _ = self._json("GET", _computer_path(computer_id) + "/urls")
        return item_list(payload, ("data", "urls", "items"))

    def stream_token(self, computer_id: str) -> JSONObject:
        """Mint a short-lived stream token. ``POST /computers/{computer_id}/stream-token``."""
        return self._object("POST", _computer_path(computer_id) + "/stream-token", JSONObject)

    def embed(
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
        return self._object(
            "GET",
            _computer_path(computer_id) + "/embed",
            JSONObject,
            params=query(ttl=ttl, mode=mode, view_only=view_only),
        )

    def clone(
        self,
        computer_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> Computer:
        """Clone a computer; returns the NEW one. ``POST /computers/{computer_id}/clone``.

        ``extra`` passes further clone options through verbatim.
        """
        payload = merge(body(name=name), extra)
        return self._computer("POST", _computer_path(computer_id) + "/clone", json=payload)

    def resize(
        self,
        computer_id: str,
        *,
        size: str | NotGiven = NOT_GIVEN,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
    ) -> Computer:
        """Change a computer's size: a bundle (``"xlarge"`` is sent as ``"xl"``) or an
        explicit ``cpu_count`` / ``memory_mb``. ``POST /computers/{computer_id}/resize``.

        The server checks the combination (with none of the three it answers 422).
        """
        payload = body(
            size=size if isinstance(size, NotGiven) else normalize_size(size),
            cpu_count=cpu_count,
            memory_mb=memory_mb,
        )
        return self._computer(
            "POST", _computer_path(computer_id) + "/resize", computer_id=computer_id, json=payload
        )

    def move(
        self,
        computer_id: str,
        *,
        region: str | NotGiven = NOT_GIVEN,
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> Computer:
        """Move a computer to another region or host. ``POST /computers/{computer_id}/move``.

        The contract leaves the body open: ``extra`` passes other keys through verbatim.
        """
        payload = merge(body(region=region, host_id=host_id), extra)
        return self._computer(
            "POST", _computer_path(computer_id) + "/move", computer_id=computer_id, json=payload
        )

    def screenshot_region(
        self, computer_id: str, *, x: int, y: int, width: int, height: int
    ) -> bytes:
        """A region of the desktop as PNG bytes.

        ``POST /computers/{computer_id}/desktop/screenshot/region``, then
        ``POST /computers/{computer_id}/screenshot-region`` if the first answers 404.
        """
        desktop = self.handle(computer_id).desktop
        return desktop.screenshot_region(x=x, y=y, width=width, height=height)

    def metrics(self, computer_id: str, *, window: str = "1h") -> JSONObject:
        """Time-series metrics for ``"1h"``, ``"24h"`` or ``"7d"``.

        ``GET /computers/{computer_id}/metrics``.
        """
        return self._object(
            "GET", _computer_path(computer_id) + "/metrics", JSONObject, params={"window": window}
        )


class Computer(ComputerData):
    """A cloud computer: its fields (``computer.id``, ``computer.status`` ...) plus operations.

    Sub-resources (``computer.desktop``, ``computer.files``, ``computer.exec`` ...) are
    created on first use. The desktop and exec shortcuts of the TypeScript SDK are here
    too (``computer.screenshot()``, ``computer.click(x, y)``, ``computer.bash(cmd)`` ...).
    ``with computer:`` deletes the computer on exit; a failed delete is raised.
    """

    __slots__ = ("_client", "_destroyed", "_parts")

    if TYPE_CHECKING:
        # Declared for the type checker only: cattrs resolves runtime annotations.
        _client: Miosa
        _destroyed: bool
        _parts: dict[str, ScopedResource]

    def _bind(self, client: Miosa) -> Computer:
        object.__setattr__(self, "_client", client)
        object.__setattr__(self, "_destroyed", False)
        object.__setattr__(self, "_parts", {})
        return self

    def _merge(self, fresh: ComputerData) -> Computer:
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
    def _computers(self) -> Computers:
        return self._client.computers

    def _part(self, name: str, cls: type[P]) -> P:
        part = self._parts.get(name)
        if part is None:
            part = self._parts[name] = cls(self._client, _computer_path(self._computer_id))
        assert isinstance(part, cls)
        return part

    # -- sub-resources -----------------------------------------------------------------

    @property
    def desktop(self) -> ComputerDesktop:
        """Desktop control: screenshots, mouse, keyboard, windows."""
        from .computer_desktop import ComputerDesktop

        return self._part("desktop", ComputerDesktop)

    @property
    def files(self) -> ComputerFiles:
        """Files inside the VM: upload, download, list, stat, mkdir ..."""
        from .computer_files import ComputerFiles

        return self._part("files", ComputerFiles)

    def fs(self, working_dir: str) -> ScopedFs:
        """`files` with paths relative to ``working_dir`` (makes no request).

        ``fs = computer.fs("/workspace"); fs.write("main.py", "print(1)")``.
        """
        from .computer_files import ScopedFs

        return ScopedFs(self.files, working_dir)

    @property
    def exec(self) -> ComputerExec:
        """Run shell commands and Python code; open an interactive exec WebSocket."""
        from .computer_exec import ComputerExec

        return self._part("exec", ComputerExec)

    @property
    def events(self) -> ComputerEvents:
        """In-VM events (windows, clipboard, files, processes, idle) over a WebSocket."""
        from .computer_events import ComputerEvents

        return self._part("events", ComputerEvents)

    @property
    def terminal(self) -> ComputerTerminal:
        """PTY sessions."""
        from .computer_terminal import ComputerTerminal

        return self._part("terminal", ComputerTerminal)

    @property
    def env(self) -> ComputerEnv:
        """Encrypted environment variables."""
        from .computer_env import ComputerEnv

        return self._part("env", ComputerEnv)

    @property
    def ports(self) -> ComputerPorts:
        """Exposed ports and their visibility."""
        from .computer_ports import ComputerPorts

        return self._part("ports", ComputerPorts)

    @property
    def volumes(self) -> ComputerVolumes:
        """Volume attachments."""
        from .computer_volumes import ComputerVolumes

        return self._part("volumes", ComputerVolumes)

    @property
    def logs(self) -> ComputerLogs:
        """VM logs, read or streamed."""
        from .computer_logs import ComputerLogs

        return self._part("logs", ComputerLogs)

    @property
    def auto_stop(self) -> ComputerAutoStop:
        """Idle auto-stop configuration."""
        from .computer_auto_stop import ComputerAutoStop

        return self._part("auto_stop", ComputerAutoStop)

    @property
    def osa(self) -> ComputerOsa:
        """The in-VM OSA agent."""
        from .computer_osa import ComputerOsa

        return self._part("osa", ComputerOsa)

    @property
    def inbox(self) -> ComputerInbox:
        """The computer's inbox configuration."""
        from .computer_inbox import ComputerInbox

        return self._part("inbox", ComputerInbox)

    @property
    def checkpoints(self) -> ComputerCheckpoints:
        """Firecracker checkpoints (snapshots) of this computer."""
        from .computer_checkpoints import ComputerCheckpoints

        return self._part("checkpoints", ComputerCheckpoints)

    @property
    def network_policy(self) -> ComputerNetworkPolicy:
        """Egress firewall rules."""
        from .computer_network_policy import ComputerNetworkPolicy

        return self._part("network_policy", ComputerNetworkPolicy)

    @property
    def domains(self) -> ComputerDomains:
        """Custom domains mapped to this computer."""
        from .computer_domains import ComputerDomains

        return self._part("domains", ComputerDomains)

    # -- computer-level operations -----------------------------------------------------

    def refresh(self) -> Computer:
        """Reload this handle's fields. ``GET /computers/{computer_id}``."""
        return self._merge(self._computers.get(self._computer_id))

    reload = refresh

    def update(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        visibility: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Computer:
        """Change this computer's settings. ``PATCH /computers/{computer_id}``."""
        fresh = self._computers.update(
            self._computer_id, name=name, visibility=visibility, metadata=metadata
        )
        return self._merge(fresh)

    def destroy(self) -> None:
        """Delete this computer for good. ``DELETE /computers/{computer_id}``."""
        self._computers.delete(self._computer_id)
        object.__setattr__(self, "_destroyed", True)

    delete = destroy

    def start(
        self,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
    ) -> Computer:
        """Start this computer. ``POST /computers/{computer_id}/start``."""
        fresh = self._computers.start(
            self._computer_id,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            fail_fast=fail_fast,
        )
        return self._merge(fresh)

    def stop(self) -> Computer:
        """Stop this computer. ``POST /computers/{computer_id}/stop``."""
        return self._merge(self._computers.stop(self._computer_id))

    def restart(self) -> Computer:
        """Restart this computer. ``POST /computers/{computer_id}/restart``."""
        return self._merge(self._computers.restart(self._computer_id))

    def resize(
        self,
        size: str | NotGiven = NOT_GIVEN,
        *,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
    ) -> Computer:
        """Change this computer's size. ``POST /computers/{computer_id}/resize``."""
        fresh = self._computers.resize(
            self._computer_id, size=size, cpu_count=cpu_count, memory_mb=memory_mb
        )
        return self._merge(fresh)

    def move(
        self,
        *,
        region: str | NotGiven = NOT_GIVEN,
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> Computer:
        """Move this computer to another region or host. ``POST /computers/{computer_id}/move``."""
        fresh = self._computers.move(self._computer_id, region=region, host_id=host_id, extra=extra)
        return self._merge(fresh)

    def clone(
        self, *, name: str | NotGiven = NOT_GIVEN, extra: Mapping[str, Any] | None = None
    ) -> Computer:
        """Clone this computer; returns the NEW one. ``POST /computers/{computer_id}/clone``."""
        return self._computers.clone(self._computer_id, name=name, extra=extra)

    def viewer_password(self) -> ComputerViewerPasswordStatus:
        """Whether the raw viewer password is set.

        ``GET /computers/{computer_id}/viewer-password``.
        """
        return self._computers.viewer_password(self._computer_id)

    def rotate_viewer_password(self) -> ComputerViewerPassword:
        """Set and return a new raw viewer password.

        ``POST /computers/{computer_id}/viewer-password/rotate``.
        """
        return self._computers.rotate_viewer_password(self._computer_id)

    def vnc_credentials(self) -> JSONObject:
        """VNC credentials. ``GET /computers/{computer_id}/vnc-credentials``."""
        return self._computers.vnc_credentials(self._computer_id)

    def apps(self) -> builtins.list[Any]:
        """Installed apps. ``GET /computers/{computer_id}/apps``."""
        return self._computers.apps(self._computer_id)

    def urls(self) -> builtins.list[Any]:
        """The computer's public URLs. ``GET /computers/{computer_id}/urls``."""
        return self._computers.urls(self._computer_id)

    def stream_token(self) -> JSONObject:
        """A short-lived stream token. ``POST /computers/{computer_id}/stream-token``."""
        return self._computers.stream_token(self._computer_id)

    def embed(
        self, *, ttl: int | None = None, mode: str | None = None, view_only: bool | None = None
    ) -> JSONObject:
        """A passwordless embed URL. ``GET /computers/{computer_id}/embed``."""
        return self._computers.embed(self._computer_id, ttl=ttl, mode=mode, view_only=view_only)

    def metrics(self, *, window: str = "1h") -> JSONObject:
        """Time-series metrics. ``GET /computers/{computer_id}/metrics``."""
        return self._computers.metrics(self._computer_id, window=window)

    def screenshot_region(self, *, x: int, y: int, width: int, height: int) -> bytes:
        """A desktop region as PNG bytes. ``POST .../desktop/screenshot/region`` (see desktop)."""
        return self.desktop.screenshot_region(x=x, y=y, width=width, height=height)

    # -- waiting -----------------------------------------------------------------------

    def wait_until(
        self,
        state: str | Iterable[str] = "running",
        *,
        timeout: float = 300.0,
        poll_interval: float = WAIT_FIRST_DELAY,
    ) -> Computer:
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
        while (delay := poller.next_delay((self.refresh()).status)) is not None:
            sleep(delay)
        return self

    def wait_until_ready(self, *, timeout: float = 300.0) -> Computer:
        """Wait until the computer is running. Polls ``GET /computers/{computer_id}``."""
        return self.wait_until("running", timeout=timeout)

    # -- URLs (no request) ---------------------------------------------------------------

    def preview_url(self, port: int, path: str = "/") -> str:
        """The public URL of a port inside the VM, on the tenant's preview domain."""
        return preview_url(self.slug or self._computer_id, self.preview_domain, port, path)

    @property
    def public_url(self) -> str:
        """The root preview URL, ``https://{slug}.sandbox.{preview_domain}``."""
        return public_url(self.slug or self._computer_id, self.preview_domain)

    # -- shortcuts of the TypeScript SDK -------------------------------------------------

    def bash(self, command: str, *, timeout: int | NotGiven = NOT_GIVEN) -> ComputerExecResult:
        """Run a shell command. ``POST /computers/{computer_id}/exec``."""
        return self.exec.bash(command, timeout=timeout)

    def python(self, code: str, *, timeout: int | NotGiven = NOT_GIVEN) -> ComputerExecResult:
        """Run Python code. ``POST /computers/{computer_id}/exec/python``."""
        return self.exec.python(code, timeout=timeout)

    def screenshot(self) -> bytes:
        """The desktop as PNG bytes. ``GET /computers/{computer_id}/desktop/screenshot``."""
        return self.desktop.screenshot()

    def screenshot_base64(self) -> str:
        """The desktop screenshot, base64-encoded here (the wire carries raw PNG bytes).

        ``GET /computers/{computer_id}/desktop/screenshot``.
        """
        return base64.b64encode(self.desktop.screenshot()).decode("ascii")

    def click(self, x: int, y: int, button: str = "left") -> DesktopActionResult:
        """Click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return self.desktop.click(x, y, button=button)

    def left_click(self, x: int, y: int) -> DesktopActionResult:
        """Left-click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return self.desktop.click(x, y, button="left")

    def right_click(self, x: int, y: int) -> DesktopActionResult:
        """Right-click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return self.desktop.click(x, y, button="right")

    def middle_click(self, x: int, y: int) -> DesktopActionResult:
        """Middle-click at (x, y). ``POST /computers/{computer_id}/desktop/click``."""
        return self.desktop.click(x, y, button="middle")

    def double_click(self, x: int, y: int) -> DesktopActionResult:
        """Double-click at (x, y). ``POST /computers/{computer_id}/desktop/double-click``."""
        return self.desktop.double_click(x, y)

    def move_mouse(self, x: int, y: int) -> DesktopActionResult:
        """Move the pointer. ``POST /computers/{computer_id}/desktop/move``."""
        return self.desktop.move_mouse(x, y)

    def write(self, text: str, *, delay: float | NotGiven = NOT_GIVEN) -> DesktopActionResult:
        """Type text (also ``type``). ``POST /computers/{computer_id}/desktop/type``."""
        return self.desktop.write(text, delay=delay)

    type = write

    def key(self, key: str) -> DesktopActionResult:
        """Press a key or combo (``"Return"``, ``"ctrl+c"``). ``POST .../desktop/key``."""
        return self.desktop.key(key)

    press = key

    def scroll(
        self,
        direction: str,
        clicks: int = 3,
        *,
        x: int | NotGiven = NOT_GIVEN,
        y: int | NotGiven = NOT_GIVEN,
    ) -> DesktopActionResult:
        """Scroll ``up``/``down``/``left``/``right``. ``POST .../desktop/scroll``."""
        return self.desktop.scroll(direction, clicks, x=x, y=y)

    def drag(self, from_x: int, from_y: int, to_x: int, to_y: int) -> DesktopActionResult:
        """Drag from one point to another. ``POST /computers/{computer_id}/desktop/drag``."""
        return self.desktop.drag(from_x, from_y, to_x, to_y)

    def wait(self, seconds: float) -> DesktopActionResult:
        """Sleep inside the desktop (not a status poll: see `wait_until`).

        ``POST /computers/{computer_id}/desktop/wait``.
        """
        return self.desktop.wait(seconds)

    def windows(self) -> list[DesktopWindow]:
        """Open windows. ``GET /computers/{computer_id}/desktop/windows``."""
        return self.desktop.windows()

    def cursor(self) -> DesktopCursor:
        """The pointer position. ``GET /computers/{computer_id}/desktop/cursor``."""
        return self.desktop.cursor()

    def focus_window(self, window_id: str) -> DesktopActionResult:
        """Focus a window. ``POST /computers/{computer_id}/desktop/window/focus``."""
        return self.desktop.focus_window(window_id)

    def launch(self, app_name: str) -> DesktopActionResult:
        """Launch an installed app. ``POST /computers/{computer_id}/desktop/launch``."""
        return self.desktop.launch(app_name)

    # -- context manager -----------------------------------------------------------------

    def __enter__(self) -> Computer:
        return self

    def __exit__(
        self,
        exc_type: builtins.type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._destroyed:
            self.destroy()
