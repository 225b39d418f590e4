# This file was generated from
#   src/miosa/_async/resources/computers/desktop.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.desktop``: screenshots, mouse, keyboard and windows of one computer."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ...._groups.computers import SCREENSHOT_REGION_PATHS, clipboard_text
from ....errors import NotFoundError
from ....types._base import JSONObject
from ....types.computers import (
    DesktopActionResult,
    DesktopCursor,
    DesktopEnvironment,
    DesktopPosition,
    DesktopSize,
    DesktopWindow,
)
from ....types.params import MouseButton, ScrollDirection
from ..._resource import ScopedResource

_WINDOW_KEYS = ("windows", "data", "items")


class ComputerDesktop(ScopedResource):
    """``computer.desktop``: drive the computer's graphical desktop."""

    def _action(self, action: str, payload: dict[str, object]) -> DesktopActionResult:
        # The action is a literal segment of the route: `+` keeps the prefix's template.
        path = self._prefix + "/desktop/" + action
        return self._object("POST", path, DesktopActionResult, json=payload)

    def screenshot(self, **options: Unpack[RequestOptions]) -> bytes:
        """The whole desktop as PNG bytes. ``GET /computers/{computer_id}/desktop/screenshot``."""
        return self._bytes("GET", self._prefix + "/desktop/screenshot", options=options)

    def screenshot_region(self, *, x: int, y: int, width: int, height: int) -> bytes:
        """A region of the desktop as PNG bytes.

        ``POST /computers/{computer_id}/desktop/screenshot/region`` (the path of the
        vendor's Python SDK 2.19.2); when the server answers 404 there, the same body goes
        to ``POST /computers/{computer_id}/screenshot-region`` (the TypeScript SDK's path).
        """
        payload = {"x": x, "y": y, "width": width, "height": height}
        primary, fallback = SCREENSHOT_REGION_PATHS
        try:
            return self._bytes("POST", self._prefix + primary, json=payload)
        except NotFoundError:
            return self._bytes("POST", self._prefix + fallback, json=payload)

    def click(self, x: int, y: int, *, button: MouseButton = "left") -> DesktopActionResult:
        """Click at (x, y) with ``left``, ``right`` or ``middle``.

        ``POST /computers/{computer_id}/desktop/click``.
        """
        return self._action("click", {"x": x, "y": y, "button": button})

    def left_click(self, x: int, y: int) -> DesktopActionResult:
        """Left-click. ``POST /computers/{computer_id}/desktop/click``."""
        return self.click(x, y, button="left")

    def right_click(self, x: int, y: int) -> DesktopActionResult:
        """Right-click. ``POST /computers/{computer_id}/desktop/click``."""
        return self.click(x, y, button="right")

    def middle_click(self, x: int, y: int) -> DesktopActionResult:
        """Middle-click. ``POST /computers/{computer_id}/desktop/click``."""
        return self.click(x, y, button="middle")

    def double_click(self, x: int, y: int) -> DesktopActionResult:
        """Double-click at (x, y). ``POST /computers/{computer_id}/desktop/double-click``."""
        return self._action("double-click", {"x": x, "y": y})

    def move_mouse(self, x: int, y: int) -> DesktopActionResult:
        """Move the pointer without clicking. ``POST /computers/{computer_id}/desktop/move``."""
        return self._action("move", {"x": x, "y": y})

    def write(self, text: str, *, delay: float | NotGiven = NOT_GIVEN) -> DesktopActionResult:
        """Type text into the focused element (also ``type``); `delay` between keystrokes.

        ``POST /computers/{computer_id}/desktop/type``.
        """
        return self._action("type", body(text=text, delay=delay))

    type = write

    def key(self, key: str) -> DesktopActionResult:
        """Press a key or combination (``"Enter"``, ``"ctrl+c"``).

        ``POST /computers/{computer_id}/desktop/key``.
        """
        return self._action("key", {"key": key})

    press = key

    def scroll(
        self,
        direction: ScrollDirection,
        clicks: int = 3,
        *,
        x: int | NotGiven = NOT_GIVEN,
        y: int | NotGiven = NOT_GIVEN,
    ) -> DesktopActionResult:
        """Scroll ``up``, ``down``, ``left`` or ``right``, optionally at (x, y).

        ``POST /computers/{computer_id}/desktop/scroll``.
        """
        return self._action("scroll", body(direction=direction, clicks=clicks, x=x, y=y))

    def drag(self, from_x: int, from_y: int, to_x: int, to_y: int) -> DesktopActionResult:
        """Drag from one point to another. ``POST /computers/{computer_id}/desktop/drag``."""
        return self._action(
            "drag", {"from_x": from_x, "from_y": from_y, "to_x": to_x, "to_y": to_y}
        )

    def wait(self, seconds: float) -> DesktopActionResult:
        """Sleep inside the desktop (not a status poll).

        ``POST /computers/{computer_id}/desktop/wait``.
        """
        return self._action("wait", {"seconds": seconds})

    def windows(self, **options: Unpack[RequestOptions]) -> list[DesktopWindow]:
        """The open windows. ``GET /computers/{computer_id}/desktop/windows``."""
        return self._list(
            "GET",
            self._prefix + "/desktop/windows",
            DesktopWindow,
            keys=_WINDOW_KEYS,
            options=options,
        )

    def cursor(self, **options: Unpack[RequestOptions]) -> DesktopCursor:
        """The pointer position. ``GET /computers/{computer_id}/desktop/cursor``."""
        return self._object("GET", self._prefix + "/desktop/cursor", DesktopCursor, options=options)

    def focus_window(self, window_id: str) -> DesktopActionResult:
        """Bring a window to the front. ``POST /computers/{computer_id}/desktop/window/focus``."""
        return self._action("window/focus", {"window_id": window_id})

    def launch(self, app_name: str) -> DesktopActionResult:
        """Launch an installed application. ``POST /computers/{computer_id}/desktop/launch``.

        The wire key is ``app`` (``{"app": app_name}``).
        """
        return self._action("launch", {"app": app_name})

    # -- keys and buttons held or combined ---------------------------------------------

    def hotkey(self, *keys: str) -> DesktopActionResult:
        """Press keys together and release them together (``hotkey("ctrl", "c")``).

        ``POST /computers/{computer_id}/desktop/hotkey``.
        """
        return self._action("hotkey", {"keys": list(keys)})

    def key_down(self, key: str) -> DesktopActionResult:
        """Press a key and keep it held (release with `key_up`).

        ``POST /computers/{computer_id}/desktop/key-down``.
        """
        return self._action("key-down", {"key": key})

    def key_up(self, key: str) -> DesktopActionResult:
        """Release a key held with `key_down`. ``POST /computers/{computer_id}/desktop/key-up``."""
        return self._action("key-up", {"key": key})

    def mouse_down(self, x: int, y: int, *, button: MouseButton = "left") -> DesktopActionResult:
        """Press a mouse button at (x, y) and keep it held (release with `mouse_up`).

        ``POST /computers/{computer_id}/desktop/mouse-down``.
        """
        return self._action("mouse-down", {"x": x, "y": y, "button": button})

    def mouse_up(self, x: int, y: int, *, button: MouseButton = "left") -> DesktopActionResult:
        """Release a mouse button at (x, y). ``POST /computers/{computer_id}/desktop/mouse-up``."""
        return self._action("mouse-up", {"x": x, "y": y, "button": button})

    # -- the screen and the session ----------------------------------------------------

    def screen_size(self, **options: Unpack[RequestOptions]) -> DesktopSize:
        """The screen resolution. ``GET /computers/{computer_id}/desktop/screen-size``.

        It answers only once the desktop session is up, which makes it a cheap readiness
        probe.
        """
        return self._object(
            "GET", self._prefix + "/desktop/screen-size", DesktopSize, options=options
        )

    def accessibility_tree(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """The AT-SPI accessibility tree of what is on screen (free-form, nested).

        ``GET /computers/{computer_id}/desktop/accessibility-tree``. Its schema depends
        on the agent inside the VM; nodes usually carry ``role``, ``name``, ``bounds``
        and ``children``.
        """
        return self._object(
            "GET", self._prefix + "/desktop/accessibility-tree", JSONObject, options=options
        )

    def environment(self, **options: Unpack[RequestOptions]) -> DesktopEnvironment:
        """The desktop session: its name, session type and resolution.

        ``GET /computers/{computer_id}/desktop/environment``.
        """
        return self._object(
            "GET", self._prefix + "/desktop/environment", DesktopEnvironment, options=options
        )

    def set_wallpaper(self, path: str) -> DesktopActionResult:
        """Set the wallpaper from an absolute path in the VM or an ``https://`` URL.

        ``POST /computers/{computer_id}/desktop/wallpaper``.
        """
        return self._action("wallpaper", {"path": path})

    def clipboard(self, **options: Unpack[RequestOptions]) -> str:
        """The clipboard's text. ``GET /computers/{computer_id}/desktop/clipboard``."""
        payload = self._object(
            "GET", self._prefix + "/desktop/clipboard", JSONObject, options=options
        )
        return clipboard_text(payload)

    def set_clipboard(self, text: str) -> DesktopActionResult:
        """Put text on the clipboard. ``POST /computers/{computer_id}/desktop/clipboard``."""
        return self._action("clipboard", {"text": text})

    # -- one window --------------------------------------------------------------------

    def _window(self, window_id: str, action: str) -> str:
        return self._prefix + route(
            "/desktop/window/{window_id}/" + action, window_id=str(window_id)
        )

    def window_size(self, window_id: str, **options: Unpack[RequestOptions]) -> DesktopSize:
        """A window's size. ``GET /computers/{computer_id}/desktop/window/{window_id}/size``."""
        return self._object("GET", self._window(window_id, "size"), DesktopSize, options=options)

    def window_position(self, window_id: str, **options: Unpack[RequestOptions]) -> DesktopPosition:
        """A window's position.

        ``GET /computers/{computer_id}/desktop/window/{window_id}/position``.
        """
        return self._object(
            "GET", self._window(window_id, "position"), DesktopPosition, options=options
        )

    def resize_window(
        self, window_id: str, width: int, height: int, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Resize a window. ``POST /computers/{computer_id}/desktop/window/{window_id}/resize``."""
        return self._object(
            "POST",
            self._window(window_id, "resize"),
            DesktopActionResult,
            json={"width": width, "height": height},
            options=options,
        )

    def move_window(
        self, window_id: str, x: int, y: int, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Move a window. ``POST /computers/{computer_id}/desktop/window/{window_id}/move``."""
        return self._object(
            "POST",
            self._window(window_id, "move"),
            DesktopActionResult,
            json={"x": x, "y": y},
            options=options,
        )

    def maximize_window(
        self, window_id: str, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Maximize a window.

        ``POST /computers/{computer_id}/desktop/window/{window_id}/maximize`` (body ``{}``).
        """
        return self._object(
            "POST",
            self._window(window_id, "maximize"),
            DesktopActionResult,
            json={},
            options=options,
        )

    def minimize_window(
        self, window_id: str, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Minimize a window.

        ``POST /computers/{computer_id}/desktop/window/{window_id}/minimize`` (body ``{}``).
        """
        return self._object(
            "POST",
            self._window(window_id, "minimize"),
            DesktopActionResult,
            json={},
            options=options,
        )

    def close_window(
        self, window_id: str, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Close a window.

        ``POST /computers/{computer_id}/desktop/window/{window_id}/close`` (body ``{}``).
        """
        return self._object(
            "POST", self._window(window_id, "close"), DesktopActionResult, json={}, options=options
        )
