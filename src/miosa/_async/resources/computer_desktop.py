"""``computer.desktop``: screenshots, mouse, keyboard and windows of one computer."""

from __future__ import annotations

from ..._request import NOT_GIVEN, NotGiven, body
from ...types.computers import DesktopActionResult, DesktopCursor, DesktopWindow
from .._resource import AsyncScopedResource

_WINDOW_KEYS = ("windows", "data", "items")


class AsyncComputerDesktop(AsyncScopedResource):
    """``computer.desktop``: drive the computer's graphical desktop."""

    async def _action(self, action: str, payload: dict[str, object]) -> DesktopActionResult:
        return await self._object(
            "POST", f"{self._prefix}/desktop/{action}", DesktopActionResult, json=payload
        )

    async def screenshot(self) -> bytes:
        """The whole desktop as PNG bytes. ``GET /computers/{computer_id}/desktop/screenshot``."""
        return await self._bytes("GET", self._prefix + "/desktop/screenshot")

    async def screenshot_region(self, *, x: int, y: int, width: int, height: int) -> bytes:
        """A region of the desktop as PNG bytes.

        ``POST /computers/{computer_id}/screenshot-region``. This is the TypeScript SDK's
        path (the contract's); the older Python SDK posted to
        ``/desktop/screenshot/region`` instead.
        """
        return await self._bytes(
            "POST",
            self._prefix + "/screenshot-region",
            json={"x": x, "y": y, "width": width, "height": height},
        )

    async def click(self, x: int, y: int, *, button: str = "left") -> DesktopActionResult:
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
        direction: str,
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

    async def windows(self) -> list[DesktopWindow]:
        """The open windows. ``GET /computers/{computer_id}/desktop/windows``."""
        return await self._list(
            "GET", self._prefix + "/desktop/windows", DesktopWindow, keys=_WINDOW_KEYS
        )

    async def cursor(self) -> DesktopCursor:
        """The pointer position. ``GET /computers/{computer_id}/desktop/cursor``."""
        return await self._object("GET", self._prefix + "/desktop/cursor", DesktopCursor)

    async def focus_window(self, window_id: str) -> DesktopActionResult:
        """Bring a window to the front. ``POST /computers/{computer_id}/desktop/window/focus``."""
        return await self._action("window/focus", {"window_id": window_id})

    async def launch(self, app_name: str) -> DesktopActionResult:
        """Launch an installed application. ``POST /computers/{computer_id}/desktop/launch``."""
        return await self._action("launch", {"app_name": app_name})
