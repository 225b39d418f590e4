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
from ..._resource import AsyncScopedResource

_WINDOW_KEYS = ("windows", "data", "items")


class AsyncComputerDesktop(AsyncScopedResource):
    """``computer.desktop``: drive the computer's graphical desktop."""

    async def _action(self, action: str, payload: dict[str, object]) -> DesktopActionResult:
        # The action is a literal segment of the route: `+` keeps the prefix's template.
        path = self._prefix + "/desktop/" + action
        return await self._object("POST", path, DesktopActionResult, json=payload)

    async def screenshot(self, **options: Unpack[RequestOptions]) -> bytes:
        """The whole desktop as PNG bytes. ``GET /computers/{computer_id}/desktop/screenshot``."""
        return await self._bytes("GET", self._prefix + "/desktop/screenshot", options=options)

    async def screenshot_region(self, *, x: int, y: int, width: int, height: int) -> bytes:
        """A region of the desktop as PNG bytes.

        ``POST /computers/{computer_id}/desktop/screenshot/region`` (the path of the
        vendor's Python SDK 2.19.2); when the server answers 404 there, the same body goes
        to ``POST /computers/{computer_id}/screenshot-region`` (the TypeScript SDK's path).
        """
        payload = {"x": x, "y": y, "width": width, "height": height}
        primary, fallback = SCREENSHOT_REGION_PATHS
        try:
            return await self._bytes("POST", self._prefix + primary, json=payload)
        except NotFoundError:
            return await self._bytes("POST", self._prefix + fallback, json=payload)

    async def click(self, x: int, y: int, *, button: MouseButton = "left") -> DesktopActionResult:
        """Click at (x, y) with ``left``, ``right`` or ``middle``.

        ``POST /computers/{computer_id}/desktop/click``.
        """
        return await self._action("click", {"x": x, "y": y, "button": button})

    async def left_click(self, x: int, y: int) -> DesktopActionResult:
        """Left-click. ``POST /computers/{computer_id}/desktop/click``."""
        return await self.click(x, y, button="left")

    async def right_click(self, x: int, y: int) -> DesktopActionResult:
        """Right-click. ``POST /computers/{computer_id}/desktop/click``."""
        return await self.click(x, y, button="right")

    async def middle_click(self, x: int, y: int) -> DesktopActionResult:
        """Middle-click. ``POST /computers/{computer_id}/desktop/click``."""
        return await self.click(x, y, button="middle")

    async def double_click(self, x: int, y: int) -> DesktopActionResult:
        """Double-click at (x, y). ``POST /computers/{computer_id}/desktop/double-click``."""
        return await self._action("double-click", {"x": x, "y": y})

    async def move_mouse(self, x: int, y: int) -> DesktopActionResult:
        """Move the pointer without clicking. ``POST /computers/{computer_id}/desktop/move``."""
        return await self._action("move", {"x": x, "y": y})

    async def write(self, text: str, *, delay: float | NotGiven = NOT_GIVEN) -> DesktopActionResult:
        """Type text into the focused element (also ``type``); `delay` between keystrokes.

        ``POST /computers/{computer_id}/desktop/type``.
        """
        return await self._action("type", body(text=text, delay=delay))

    type = write

    async def key(self, key: str) -> DesktopActionResult:
        """Press a key or combination (``"Enter"``, ``"ctrl+c"``).

        ``POST /computers/{computer_id}/desktop/key``.
        """
        return await self._action("key", {"key": key})

    press = key

    async def scroll(
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
        return await self._action("scroll", body(direction=direction, clicks=clicks, x=x, y=y))

    async def drag(self, from_x: int, from_y: int, to_x: int, to_y: int) -> DesktopActionResult:
        """Drag from one point to another. ``POST /computers/{computer_id}/desktop/drag``."""
        return await self._action(
            "drag", {"from_x": from_x, "from_y": from_y, "to_x": to_x, "to_y": to_y}
        )

    async def wait(self, seconds: float) -> DesktopActionResult:
        """Sleep inside the desktop (not a status poll).

        ``POST /computers/{computer_id}/desktop/wait``.
        """
        return await self._action("wait", {"seconds": seconds})

    async def windows(self, **options: Unpack[RequestOptions]) -> list[DesktopWindow]:
        """The open windows. ``GET /computers/{computer_id}/desktop/windows``."""
        return await self._list(
            "GET",
            self._prefix + "/desktop/windows",
            DesktopWindow,
            keys=_WINDOW_KEYS,
            options=options,
        )

    async def cursor(self, **options: Unpack[RequestOptions]) -> DesktopCursor:
        """The pointer position. ``GET /computers/{computer_id}/desktop/cursor``."""
        return await self._object(
            "GET", self._prefix + "/desktop/cursor", DesktopCursor, options=options
        )

    async def focus_window(self, window_id: str) -> DesktopActionResult:
        """Bring a window to the front. ``POST /computers/{computer_id}/desktop/window/focus``."""
        return await self._action("window/focus", {"window_id": window_id})

    async def launch(self, app_name: str) -> DesktopActionResult:
        """Launch an installed application. ``POST /computers/{computer_id}/desktop/launch``.

        The wire key is ``app`` (``{"app": app_name}``).
        """
        return await self._action("launch", {"app": app_name})

    # -- keys and buttons held or combined ---------------------------------------------

    async def hotkey(self, *keys: str) -> DesktopActionResult:
        """Press keys together and release them together (``hotkey("ctrl", "c")``).

        ``POST /computers/{computer_id}/desktop/hotkey``.
        """
        return await self._action("hotkey", {"keys": list(keys)})

    async def key_down(self, key: str) -> DesktopActionResult:
        """Press a key and keep it held (release with `key_up`).

        ``POST /computers/{computer_id}/desktop/key-down``.
        """
        return await self._action("key-down", {"key": key})

    async def key_up(self, key: str) -> DesktopActionResult:
        """Release a key held with `key_down`. ``POST /computers/{computer_id}/desktop/key-up``."""
        return await self._action("key-up", {"key": key})

    async def mouse_down(
        self, x: int, y: int, *, button: MouseButton = "left"
    ) -> DesktopActionResult:
        """Press a mouse button at (x, y) and keep it held (release with `mouse_up`).

        ``POST /computers/{computer_id}/desktop/mouse-down``.
        """
        return await self._action("mouse-down", {"x": x, "y": y, "button": button})

    async def mouse_up(
        self, x: int, y: int, *, button: MouseButton = "left"
    ) -> DesktopActionResult:
        """Release a mouse button at (x, y). ``POST /computers/{computer_id}/desktop/mouse-up``."""
        return await self._action("mouse-up", {"x": x, "y": y, "button": button})

    # -- the screen and the session ----------------------------------------------------

    async def screen_size(self, **options: Unpack[RequestOptions]) -> DesktopSize:
        """The screen resolution. ``GET /computers/{computer_id}/desktop/screen-size``.

        It answers only once the desktop session is up, which makes it a cheap readiness
        probe.
        """
        return await self._object(
            "GET", self._prefix + "/desktop/screen-size", DesktopSize, options=options
        )

    async def accessibility_tree(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """The AT-SPI accessibility tree of what is on screen (free-form, nested).

        ``GET /computers/{computer_id}/desktop/accessibility-tree``. Its schema depends
        on the agent inside the VM; nodes usually carry ``role``, ``name``, ``bounds``
        and ``children``.
        """
        return await self._object(
            "GET", self._prefix + "/desktop/accessibility-tree", JSONObject, options=options
        )

    async def environment(self, **options: Unpack[RequestOptions]) -> DesktopEnvironment:
        """The desktop session: its name, session type and resolution.

        ``GET /computers/{computer_id}/desktop/environment``.
        """
        return await self._object(
            "GET", self._prefix + "/desktop/environment", DesktopEnvironment, options=options
        )

    async def set_wallpaper(self, path: str) -> DesktopActionResult:
        """Set the wallpaper from an absolute path in the VM or an ``https://`` URL.

        ``POST /computers/{computer_id}/desktop/wallpaper``.
        """
        return await self._action("wallpaper", {"path": path})

    async def clipboard(self, **options: Unpack[RequestOptions]) -> str:
        """The clipboard's text. ``GET /computers/{computer_id}/desktop/clipboard``."""
        payload = await self._object(
            "GET", self._prefix + "/desktop/clipboard", JSONObject, options=options
        )
        return clipboard_text(payload)

    async def set_clipboard(self, text: str) -> DesktopActionResult:
        """Put text on the clipboard. ``POST /computers/{computer_id}/desktop/clipboard``."""
        return await self._action("clipboard", {"text": text})

    # -- one window --------------------------------------------------------------------

    def _window(self, window_id: str, action: str) -> str:
        return self._prefix + route(
            "/desktop/window/{window_id}/" + action, window_id=str(window_id)
        )

    async def window_size(self, window_id: str, **options: Unpack[RequestOptions]) -> DesktopSize:
        """A window's size. ``GET /computers/{computer_id}/desktop/window/{window_id}/size``."""
        return await self._object(
            "GET", self._window(window_id, "size"), DesktopSize, options=options
        )

    async def window_position(
        self, window_id: str, **options: Unpack[RequestOptions]
    ) -> DesktopPosition:
        """A window's position.

        ``GET /computers/{computer_id}/desktop/window/{window_id}/position``.
        """
        return await self._object(
            "GET", self._window(window_id, "position"), DesktopPosition, options=options
        )

    async def resize_window(
        self, window_id: str, width: int, height: int, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Resize a window. ``POST /computers/{computer_id}/desktop/window/{window_id}/resize``."""
        return await self._object(
            "POST",
            self._window(window_id, "resize"),
            DesktopActionResult,
            json={"width": width, "height": height},
            options=options,
        )

    async def move_window(
        self, window_id: str, x: int, y: int, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Move a window. ``POST /computers/{computer_id}/desktop/window/{window_id}/move``."""
        return await self._object(
            "POST",
            self._window(window_id, "move"),
            DesktopActionResult,
            json={"x": x, "y": y},
            options=options,
        )

    async def maximize_window(
        self, window_id: str, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Maximize a window.

        ``POST /computers/{computer_id}/desktop/window/{window_id}/maximize`` (body ``{}``).
        """
        return await self._object(
            "POST",
            self._window(window_id, "maximize"),
            DesktopActionResult,
            json={},
            options=options,
        )

    async def minimize_window(
        self, window_id: str, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Minimize a window.

        ``POST /computers/{computer_id}/desktop/window/{window_id}/minimize`` (body ``{}``).
        """
        return await self._object(
            "POST",
            self._window(window_id, "minimize"),
            DesktopActionResult,
            json={},
            options=options,
        )

    async def close_window(
        self, window_id: str, **options: Unpack[RequestOptions]
    ) -> DesktopActionResult:
        """Close a window.

        ``POST /computers/{computer_id}/desktop/window/{window_id}/close`` (body ``{}``).
        """
        return await self._object(
            "POST", self._window(window_id, "close"), DesktopActionResult, json={}, options=options
        )
