# This file was generated from
#   src/miosa/_async/resources/computers/handle.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The computer handle, `Computer`: a computer's fields plus every call on it."""

from __future__ import annotations

import base64
import builtins
import time
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from ...._concurrency import sleep
from ...._core.request import NOT_GIVEN, NotGiven
from ...._core.waiters import Poller, WaitTarget
from ...._groups.computers import (
    COMPUTER_FAILURE_STATES,
    DESKTOP_ACTIONS,
    IDLE,
    WAIT_FIRST_DELAY,
    WAIT_MAX_DELAY,
    IdleTracker,
    action_point,
    action_region,
    action_succeeded,
    action_text,
    expand_states,
    preview_url,
    public_url,
)
from ...._groups.runs import DEFAULT_WAIT_TIMEOUT
from ...._live import LiveModel
from ....errors import APIConnectionError, ConflictError, NotFoundError, ServerError
from ....types._base import JSONObject
from ....types.computers import (
    ComputerActResult,
    ComputerData,
    ComputerExecResult,
    ComputerLook,
    ComputerViewer,
    ComputerViewerPassword,
    ComputerViewerPasswordStatus,
    ComputerVisibility,
    DesktopActionResult,
    DesktopCursor,
    DesktopWindow,
)
from ....types.params import (
    ComputerVisibilityName,
    DesktopActionName,
    DesktopActionParams,
    MouseButton,
    ScrollDirection,
    SizeName,
)
from ....types.sandboxes import SandboxSize
from ..._resource import ScopedResource
from ._base import computer_path

if TYPE_CHECKING:
    from ....types.runs import Run
    from ...client import Miosa
    from ...raw_response import RawResponseView
    from .auto_stop import ComputerAutoStop
    from .checkpoints import ComputerCheckpoints
    from .desktop import ComputerDesktop
    from .domains import ComputerDomains
    from .env import ComputerEnv
    from .events import ComputerEvents
    from .exec import ComputerExec
    from .files import ComputerFiles, ScopedFs
    from .inbox import ComputerInbox
    from .logs import ComputerLogs
    from .network_policy import ComputerNetworkPolicy
    from .osa import ComputerOsa
    from .ports import ComputerPorts
    from .resource import Computers
    from .terminal import ComputerTerminal
    from .volumes import ComputerVolumes


P = TypeVar("P", bound=ScopedResource)

_DESKTOP_UP = WaitTarget.of("computer desktop", ready=("up",), failed=())

_FIELDS = tuple(a.name for a in attrs.fields(ComputerData))


class Computer(LiveModel, ComputerData):
    """A cloud computer: its fields (``computer.id``, ``computer.status`` ...) plus operations.

    Sub-resources (``computer.desktop``, ``computer.files``, ``computer.exec`` ...) are
    created on first use. The desktop and exec shortcuts of the TypeScript SDK are here
    too (``computer.screenshot()``, ``computer.click(x, y)``, ``computer.bash(cmd)`` ...).
    ``with computer:`` deletes the computer on exit; a failed delete is raised.

    A handle is live state, not a value: `refresh` and the lifecycle calls (``start``,
    ``update``, ``resize`` ...) update its fields in place, two handles are equal only
    when they are the same object, and it is not hashable. `model` is a frozen,
    hashable `ComputerData` snapshot of its current fields.
    """

    __slots__ = ("_client", "_destroyed", "_parts")

    _model_type = ComputerData
    __hash__ = None  # type: ignore[assignment]  # restated: both bases define one
    _repr_fields = ("id", "status", "name")

    if TYPE_CHECKING:
        # Declared for the type checker only: cattrs resolves runtime annotations.
        _client: Miosa
        _destroyed: bool
        _parts: dict[str, ScopedResource]

    def _bind(self, client: Miosa, *, computer_id: str | None = None) -> Computer:
        self._client = client
        self._destroyed = False
        self._parts = {}
        if self.id is None and computer_id is not None:
            self._set_fields({"id": computer_id})
        return self

    def _set_fields(self, values: Mapping[str, Any]) -> None:
        # The one place a handle's model fields change.
        for name, value in values.items():
            setattr(self, name, value)

    def _replace_from(self, fresh: ComputerData) -> Computer:
        """Take the fields of a reply about this computer.

        A full record replaces every field; an acknowledgement without an id (some
        servers answer start/stop that way) only updates the fields it carries.
        """
        reply = fresh.raw
        full = "id" in reply
        self._set_fields(
            {
                name: getattr(fresh, name)
                for name in _FIELDS
                if name != "id" and (full or name in reply)
            }
        )
        self._raw = dict(reply) if full else {**self.raw, **reply}
        return self

    @property
    def with_raw_response(self) -> RawResponseView:
        """This handle's calls, each answering with its HTTP response (`APIResponse`).

        ``computer.with_raw_response.refresh()`` runs on a copy of
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
    def model(self) -> ComputerData:
        """A frozen snapshot of the computer's current fields (``raw`` included).

        Snapshots compare by value and hash like every model (a ``metadata`` dict in the
        reply makes a model unhashable, as anywhere in the SDK).
        """
        snapshot: ComputerData = self._snapshot()
        return snapshot

    @property
    def data(self) -> ComputerData:
        """The same snapshot as `model` (kept for existing callers)."""
        return self.model

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
            part = self._parts[name] = cls(self._client, computer_path(self._computer_id))
        assert isinstance(part, cls)
        return part

    # -- sub-resources -----------------------------------------------------------------

    @property
    def desktop(self) -> ComputerDesktop:
        """Desktop control: screenshots, mouse, keyboard, windows."""
        from .desktop import ComputerDesktop

        return self._part("desktop", ComputerDesktop)

    @property
    def files(self) -> ComputerFiles:
        """Files inside the VM: upload, download, list, stat, mkdir ..."""
        from .files import ComputerFiles

        return self._part("files", ComputerFiles)

    def fs(self, working_dir: str) -> ScopedFs:
        """`files` with paths relative to ``working_dir`` (makes no request).

        ``fs = computer.fs("/workspace"); fs.write("main.py", "print(1)")``.
        """
        from .files import ScopedFs

        return ScopedFs(self.files, working_dir)

    @property
    def exec(self) -> ComputerExec:
        """Run shell commands and Python code; open an interactive exec WebSocket."""
        from .exec import ComputerExec

        return self._part("exec", ComputerExec)

    @property
    def events(self) -> ComputerEvents:
        """In-VM events (windows, clipboard, files, processes, idle) over a WebSocket."""
        from .events import ComputerEvents

        return self._part("events", ComputerEvents)

    @property
    def terminal(self) -> ComputerTerminal:
        """PTY sessions."""
        from .terminal import ComputerTerminal

        return self._part("terminal", ComputerTerminal)

    @property
    def env(self) -> ComputerEnv:
        """Encrypted environment variables."""
        from .env import ComputerEnv

        return self._part("env", ComputerEnv)

    @property
    def ports(self) -> ComputerPorts:
        """Exposed ports and their visibility."""
        from .ports import ComputerPorts

        return self._part("ports", ComputerPorts)

    @property
    def volumes(self) -> ComputerVolumes:
        """Volume attachments."""
        from .volumes import ComputerVolumes

        return self._part("volumes", ComputerVolumes)

    @property
    def logs(self) -> ComputerLogs:
        """VM logs, read or streamed."""
        from .logs import ComputerLogs

        return self._part("logs", ComputerLogs)

    @property
    def auto_stop(self) -> ComputerAutoStop:
        """Idle auto-stop configuration."""
        from .auto_stop import ComputerAutoStop

        return self._part("auto_stop", ComputerAutoStop)

    @property
    def osa(self) -> ComputerOsa:
        """The in-VM OSA agent."""
        from .osa import ComputerOsa

        return self._part("osa", ComputerOsa)

    @property
    def inbox(self) -> ComputerInbox:
        """The computer's inbox configuration."""
        from .inbox import ComputerInbox

        return self._part("inbox", ComputerInbox)

    @property
    def checkpoints(self) -> ComputerCheckpoints:
        """Firecracker checkpoints (snapshots) of this computer."""
        from .checkpoints import ComputerCheckpoints

        return self._part("checkpoints", ComputerCheckpoints)

    @property
    def network_policy(self) -> ComputerNetworkPolicy:
        """Egress firewall rules."""
        from .network_policy import ComputerNetworkPolicy

        return self._part("network_policy", ComputerNetworkPolicy)

    @property
    def domains(self) -> ComputerDomains:
        """Custom domains mapped to this computer."""
        from .domains import ComputerDomains

        return self._part("domains", ComputerDomains)

    # -- computer-level operations -----------------------------------------------------

    def refresh(self) -> Computer:
        """Reload this handle's fields. ``GET /computers/{computer_id}``."""
        return self._replace_from(self._computers.get(self._computer_id))

    reload = refresh

    def update(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        visibility: ComputerVisibilityName | ComputerVisibility | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Computer:
        """Change this computer's settings. ``PATCH /computers/{computer_id}``.

        Args:
            name: a new name.
            visibility: who may reach its previews: ``"public"``, ``"tenant"`` or
                ``"key"``.
            metadata: the new metadata (string values; replaces the old).
        """
        fresh = self._computers.update(
            self._computer_id, name=name, visibility=visibility, metadata=metadata
        )
        return self._replace_from(fresh)

    def destroy(self) -> None:
        """Delete this computer for good. ``DELETE /computers/{computer_id}``."""
        self._computers.delete(self._computer_id)
        self._destroyed = True

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
        return self._replace_from(fresh)

    def stop(self) -> Computer:
        """Stop this computer. ``POST /computers/{computer_id}/stop``."""
        return self._replace_from(self._computers.stop(self._computer_id))

    def restart(self) -> Computer:
        """Restart this computer. ``POST /computers/{computer_id}/restart``."""
        return self._replace_from(self._computers.restart(self._computer_id))

    def resize(
        self,
        size: SizeName | SandboxSize | Literal["xlarge"] | NotGiven = NOT_GIVEN,
        *,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
    ) -> Computer:
        """Change this computer's size. ``POST /computers/{computer_id}/resize``."""
        fresh = self._computers.resize(
            self._computer_id, size=size, cpu_count=cpu_count, memory_mb=memory_mb
        )
        return self._replace_from(fresh)

    def move(
        self,
        *,
        region: str | NotGiven = NOT_GIVEN,
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> Computer:
        """Move this computer to another region or host. ``POST /computers/{computer_id}/move``."""
        fresh = self._computers.move(self._computer_id, region=region, host_id=host_id, extra=extra)
        return self._replace_from(fresh)

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

    def viewer_url(
        self,
        *,
        ttl_seconds: int | None = None,
        view_only: bool | None = None,
        mode: str | None = None,
    ) -> ComputerViewer:
        """An embeddable desktop viewer link. ``GET /computers/{computer_id}/embed``."""
        return self._computers.viewer_url(
            self._computer_id, ttl_seconds=ttl_seconds, view_only=view_only, mode=mode
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
        """Run a coding agent (``runner``: ``claude-code``, ``codex`` ...) in this computer.

        ``POST /runs`` with this computer as the target, through ``client.runs.create``;
        with ``wait`` (the default) it then polls ``GET /runs/{run_id}`` until the run is
        final (``client.runs.wait_for_completion``, up to ``wait_timeout`` seconds). A
        failed run is returned, not raised: check ``run.status``.
        """
        computer_id = self._computer_id
        run = self._client.runs.create(
            instruction=instruction,
            target_kind="computer",
            target_id=computer_id,
            computer_id=computer_id,
            runtime_id=computer_id,
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

    def look(self, *, include_image: bool = True, include_tree: bool = True) -> ComputerLook:
        """The screen as an image and as an accessibility tree, read together.

        ``GET /computers/{computer_id}/desktop/screenshot`` and ``.../desktop/screen-size``
        (with ``include_image``), then ``.../desktop/accessibility-tree`` (with
        ``include_tree``); ``look().find("Submit")`` finds a node and its centre.
        """
        image = width = height = None
        if include_image:
            image = base64.b64encode(self.desktop.screenshot()).decode("ascii")
            size = self.desktop.screen_size()
            width, height = size.width, size.height
        tree = dict(self.desktop.accessibility_tree()) if include_tree else None
        return ComputerLook(image_base64=image, width=width, height=height, tree=tree)

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

    def wait_until_idle(
        self, *, timeout: float = 300.0, poll_interval: float = 2.0, idle_seconds: float = 5.0
    ) -> Computer:
        """Wait until the computer is running and its status has not changed for
        ``idle_seconds``; refreshes this handle.

        The API reports no "busy" flag: this polls ``GET /computers/{computer_id}`` every
        ``poll_interval`` seconds, so a computer busy with work but steadily running is
        idle too. Raises `miosa.WaitTimeoutError` after ``timeout`` seconds and
        `miosa.ResourceFailedError` when the computer reaches ``error`` or ``destroyed``.
        """
        poller = Poller(
            WaitTarget.of("computer", ready=(IDLE,), failed=COMPUTER_FAILURE_STATES),
            self._computer_id,
            timeout=timeout,
            first_delay=poll_interval,
            max_delay=poll_interval,
        )
        idle = IdleTracker(idle_seconds, time.monotonic)
        while (delay := poller.next_delay(idle.observe((self.refresh()).status))) is not None:
            sleep(delay)
        return self

    def wait_for_desktop(
        self, *, vnc: bool = False, timeout: float = 120.0, poll_interval: float = 1.0
    ) -> JSONObject:
        """Wait until the desktop answers, then return how to connect to it.

        Polls ``GET /computers/{computer_id}/desktop/screen-size`` (it answers only once the
        desktop session is up; until then a 404, a 409, a 5xx or a failed connection means
        "not yet"), then returns `vnc_credentials` with ``vnc``, else the `embed` payload.
        Raises `miosa.WaitTimeoutError` after ``timeout`` seconds; other errors (a 401,
        a 403 ...) are raised at once.
        """
        poller = Poller(
            _DESKTOP_UP,
            self._computer_id,
            timeout=timeout,
            first_delay=poll_interval,
            max_delay=WAIT_MAX_DELAY,
        )
        while True:
            try:
                self.desktop.screen_size()
                state = "up"
            except (NotFoundError, ConflictError, ServerError, APIConnectionError) as exc:
                state = f"not answering ({type(exc).__name__})"
            delay = poller.next_delay(state)
            if delay is None:
                break
            sleep(delay)
        return self.vnc_credentials() if vnc else self.embed()

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

    def bash(
        self, command: str, *, timeout: int | NotGiven = NOT_GIVEN, check: bool = False
    ) -> ComputerExecResult:
        """Run a shell command. ``POST /computers/{computer_id}/exec``.

        Arguments as for ``computer.exec.bash``.
        """
        return self.exec.bash(command, timeout=timeout, check=check)

    def python(
        self, code: str, *, timeout: int | NotGiven = NOT_GIVEN, check: bool = False
    ) -> ComputerExecResult:
        """Run Python code. ``POST /computers/{computer_id}/exec/python``.

        Arguments as for ``computer.exec.python``.
        """
        return self.exec.python(code, timeout=timeout, check=check)

    def screenshot(self) -> bytes:
        """The desktop as PNG bytes. ``GET /computers/{computer_id}/desktop/screenshot``."""
        return self.desktop.screenshot()

    def screenshot_base64(self) -> str:
        """The desktop screenshot, base64-encoded here (the wire carries raw PNG bytes).

        ``GET /computers/{computer_id}/desktop/screenshot``.
        """
        return base64.b64encode(self.desktop.screenshot()).decode("ascii")

    def click(self, x: int, y: int, button: MouseButton = "left") -> DesktopActionResult:
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
        direction: ScrollDirection,
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

    def act(
        self, action: DesktopActionName, params: DesktopActionParams | None = None
    ) -> ComputerActResult:
        """Perform one desktop action by name, as a computer-use agent's tool call names it.

        Each action is the desktop call of the same meaning (``left_click`` is `left_click`,
        ``type`` is `write` ...); the few without a route of their own are built from
        others: ``triple_click`` is a double click and a click, ``zoom`` a region
        screenshot, ``hold_key`` key down, wait, key up, ``left_click_drag`` without
        ``start_coordinate`` drags from the pointer. `params` are the action's (see
        `DesktopActionParams`); a missing one raises `ValueError` before any request::

            computer.act("left_click", {"coordinate": [100, 200]})
            computer.act("scroll", {"scroll_direction": "down", "scroll_amount": 3})
        """
        if action not in DESKTOP_ACTIONS:
            raise ValueError(
                f"unknown desktop action {action!r}; one of: {', '.join(sorted(DESKTOP_ACTIONS))}"
            )
        p: DesktopActionParams = params or {}
        desktop = self.desktop
        if action == "screenshot":
            image = base64.b64encode(desktop.screenshot()).decode("ascii")
            return ComputerActResult(action=action, image_base64=image)
        if action == "zoom":
            left, top, width, height = action_region(p)
            png = desktop.screenshot_region(x=left, y=top, width=width, height=height)
            image = base64.b64encode(png).decode("ascii")
            return ComputerActResult(action=action, image_base64=image, width=width, height=height)
        if action == "cursor_position":
            cursor = desktop.cursor()
            point = (cursor.x, cursor.y) if cursor.x is not None and cursor.y is not None else None
            return ComputerActResult(action=action, cursor=cursor, coordinates=point)
        if action in ("type", "key", "hold_key"):
            text = action_text(action, p)
            if action == "type":
                reply = desktop.write(text)
            elif action == "key":
                reply = desktop.key(text)
            else:
                desktop.key_down(text)
                if p.get("duration") is not None:
                    desktop.wait(float(p["duration"]))
                reply = desktop.key_up(text)
            return ComputerActResult(
                action=action, ok=action_succeeded(reply), text=text, reply=reply
            )
        if action == "wait":
            if p.get("duration") is None:
                raise ValueError("'wait' needs 'duration' (seconds)")
            reply = desktop.wait(float(p["duration"]))
            return ComputerActResult(action=action, ok=action_succeeded(reply), reply=reply)
        if action == "scroll":
            at = action_point(p) if p.get("coordinate") is not None else None
            direction = p.get("scroll_direction", "down")
            amount = int(p.get("scroll_amount", 3))
            if at is None:
                reply = desktop.scroll(direction, amount)
            else:
                reply = desktop.scroll(direction, amount, x=at[0], y=at[1])
            return ComputerActResult(
                action=action, ok=action_succeeded(reply), coordinates=at, reply=reply
            )
        at = action_point(p)
        if action == "left_click_drag":
            if p.get("start_coordinate") is not None:
                start = action_point(p, "start_coordinate")
            else:
                cursor = desktop.cursor()
                start = (cursor.x or 0, cursor.y or 0)
            reply = desktop.drag(*start, *at)
        elif action in ("left_click", "right_click", "middle_click"):
            button: MouseButton = action.removesuffix("_click")  # type: ignore[assignment]
            reply = desktop.click(*at, button=button)
        elif action == "double_click":
            reply = desktop.double_click(*at)
        elif action == "triple_click":
            desktop.double_click(*at)
            reply = desktop.click(*at)
        elif action == "mouse_move":
            reply = desktop.move_mouse(*at)
        elif action == "left_mouse_down":
            reply = desktop.mouse_down(*at, button="left")
        else:
            reply = desktop.mouse_up(*at, button="left")
        return ComputerActResult(
            action=action, ok=action_succeeded(reply), coordinates=at, reply=reply
        )

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
