"""The simulated desktop of a local computer: a screen, a pointer, a keyboard, windows.

Nothing here draws a real desktop. The screen is an RGB framebuffer (a ``bytearray`` of
``width * height * 3`` bytes) painted from the state below: a wallpaper colour, a task
bar, the open windows back to front, then the marks the actions left, oldest first. A
click leaves a small cross at its point (red, green or blue for the left, right or middle
button), a drag or a press-move-release a line, typed text a row of light blocks from
the text cursor (a click moves the text cursor to its point; Enter starts a new line,
BackSpace removes the last block), a scroll moves the thumb of a scroll bar on the right
edge. So a screenshot taken after an action differs from one taken before, and agent
code can be exercised end to end. Keys, scrolls and the clipboard are also kept as data.

Pure logic, no I/O: the `computers` package serves it over HTTP.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .._images import encode_rgb

Colour = tuple[int, int, int]

WIDTH, HEIGHT = 1280, 800
TASKBAR_HEIGHT = 28
SCROLLBAR_WIDTH = 8
MAX_MARKS = 5000
MAX_LOG = 500

_WALLPAPER: Colour = (46, 52, 64)
_TASKBAR: Colour = (30, 33, 40)
_WINDOW: Colour = (216, 222, 233)
_TITLE: Colour = (94, 129, 172)
_TITLE_FOCUSED: Colour = (136, 192, 208)
_TEXT: Colour = (236, 239, 244)
_BUTTONS: dict[str, Colour] = {
    "left": (191, 97, 106),
    "right": (163, 190, 140),
    "middle": (129, 161, 193),
}
_LINE: Colour = (235, 203, 139)
_THUMB: Colour = (180, 142, 173)
_GLYPH_W, _GLYPH_H, _ADVANCE, _LINE_HEIGHT = 6, 10, 8, 14


@dataclass
class Window:
    """One application window."""

    id: str
    title: str
    app: str
    x: int
    y: int
    width: int
    height: int
    minimized: bool = False
    maximized: bool = False

    def to_json(self, focused: bool) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "app": self.app,
            "x": self.x,
            "y": self.y,
            "width": self.width,
            "height": self.height,
            "is_focused": focused,
            "focused": focused,
            "minimized": self.minimized,
            "maximized": self.maximized,
        }


@dataclass
class Mark:
    """A rectangle an action painted (lines and crosses are made of them)."""

    x: int
    y: int
    width: int
    height: int
    colour: Colour


@dataclass
class Screen:
    """A desktop session's state; `png` renders it."""

    width: int = WIDTH
    height: int = HEIGHT
    wallpaper: str | None = None
    background: Colour = _WALLPAPER
    cursor: tuple[int, int] = (WIDTH // 2, HEIGHT // 2)
    text_cursor: tuple[int, int] = (96, 120)
    clipboard: str = ""
    keys_down: set[str] = field(default_factory=set)
    buttons_down: dict[str, tuple[int, int]] = field(default_factory=dict)
    scroll: tuple[int, int] = (0, 0)
    windows: list[Window] = field(default_factory=list)
    focused: str | None = None
    marks: list[Mark] = field(default_factory=list)
    # What happened, newest last: ("key", "ctrl+c"), ("scroll", "down 3 at (10, 20)") ...
    log: list[tuple[str, str]] = field(default_factory=list)
    _next_window: int = 1
    _png: bytes | None = None

    def __post_init__(self) -> None:
        if not self.windows:
            self.open("Terminal", "xterm")

    # -- state changes -----------------------------------------------------------------

    def _changed(self) -> None:
        self._png = None

    def _record(self, kind: str, detail: str) -> None:
        self.log.append((kind, detail))
        del self.log[:-MAX_LOG]

    def _mark(self, x: int, y: int, width: int, height: int, colour: Colour) -> None:
        self.marks.append(Mark(x, y, width, height, colour))
        del self.marks[:-MAX_MARKS]
        self._changed()

    def contains(self, x: int, y: int) -> bool:
        """Whether (x, y) is on the screen."""
        return 0 <= x < self.width and 0 <= y < self.height

    def move(self, x: int, y: int) -> None:
        """The pointer moves to (x, y)."""
        self.cursor = (x, y)
        self._record("move", f"({x}, {y})")

    def click(self, x: int, y: int, button: str = "left", count: int = 1) -> None:
        """A click: a cross at the point; the text cursor and the focus follow it."""
        self.cursor = (x, y)
        colour = _BUTTONS.get(button, _BUTTONS["left"])
        self._mark(x - 5, y - 1, 11, 3, colour)
        self._mark(x - 1, y - 5, 3, 11, colour)
        if count > 1:
            self._mark(x - 3, y - 3, 7, 7, colour)
        self.text_cursor = (x, y)
        hit = self.window_at(x, y)
        if hit is not None:
            self.focus(hit.id)
        self._record("click", f"{button} x{count} at ({x}, {y})")

    def line(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """A 2-pixel line from (x0, y0) to (x1, y1)."""
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        stride = max(1, steps // 1000)  # long lines: at most ~1000 dots
        for i in range(0, steps + 1, stride):
            self._mark(x0 + (x1 - x0) * i // steps, y0 + (y1 - y0) * i // steps, 2, 2, _LINE)

    def drag(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """Press at one point, move, release at another."""
        self.line(x0, y0, x1, y1)
        self.cursor = (x1, y1)
        self._record("drag", f"({x0}, {y0}) -> ({x1}, {y1})")

    def mouse_down(self, x: int, y: int, button: str) -> None:
        """A button pressed and held at (x, y)."""
        self.cursor = (x, y)
        self.buttons_down[button] = (x, y)
        self._record("mouse-down", f"{button} at ({x}, {y})")

    def mouse_up(self, x: int, y: int, button: str) -> None:
        """A held button released: a line from where it was pressed (a dot if not moved)."""
        start = self.buttons_down.pop(button, (x, y))
        self.line(*start, x, y)
        self.cursor = (x, y)
        self._record("mouse-up", f"{button} at ({x}, {y})")

    def type(self, text: str) -> None:
        """Typed text: a light block per visible character from the text cursor."""
        x, y = self.text_cursor
        left = x
        for char in text:
            if char == "\n":
                x, y = left, y + _LINE_HEIGHT
                continue
            if x + _GLYPH_W > self.width:
                x, y = left if left + _GLYPH_W <= self.width else 0, y + _LINE_HEIGHT
            if y + _GLYPH_H > self.height:
                y = 0
            if not char.isspace():
                self._mark(x, y, _GLYPH_W, _GLYPH_H, _TEXT)
            x += _ADVANCE
        self.text_cursor = (x, y)
        self._record("type", text)

    def key(self, key: str) -> None:
        """A key press (or a ``ctrl+c`` chord): Enter and BackSpace move the text cursor."""
        name = key.strip().lower()
        x, y = self.text_cursor
        if name in ("enter", "return", "kp_enter"):
            self.text_cursor = (x, y + _LINE_HEIGHT)
        elif name in ("backspace", "back_space"):
            self.text_cursor = (max(0, x - _ADVANCE), y)
            for index in range(len(self.marks) - 1, -1, -1):
                mark = self.marks[index]
                if (mark.x, mark.y) == (x - _ADVANCE, y) and mark.colour == _TEXT:
                    del self.marks[index]
                    self._changed()
                    break
        elif name in ("ctrl+a", "ctrl+l"):
            # Chords a desktop reacts to visibly: keep the screen honest about them.
            self._mark(0, self.height - TASKBAR_HEIGHT - 2, self.width, 2, _TITLE_FOCUSED)
        self._record("key", key)

    def key_down(self, key: str) -> None:
        self.keys_down.add(key)
        self._record("key-down", key)

    def key_up(self, key: str) -> None:
        self.keys_down.discard(key)
        self._record("key-up", key)

    def hotkey(self, keys: list[str]) -> None:
        self.key("+".join(keys))

    def scroll_by(self, direction: str, clicks: int, at: tuple[int, int] | None) -> None:
        """A scroll: the offset changes and the scroll bar's thumb moves."""
        dx, dy = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}[direction]
        sx, sy = self.scroll
        self.scroll = (sx + dx * clicks, sy + dy * clicks)
        if at is not None:
            self.cursor = at
        self._changed()
        where = f" at {at}" if at is not None else ""
        self._record("scroll", f"{direction} {clicks}{where}")

    def set_clipboard(self, text: str) -> None:
        self.clipboard = text
        self._record("clipboard", text)

    def set_wallpaper(self, path: str) -> None:
        """A new wallpaper: a solid colour derived from its path (the image is not read)."""
        digest = hashlib.sha256(path.encode()).digest()
        self.wallpaper = path
        self.background = (digest[0] // 2, digest[1] // 2, digest[2] // 2)
        self._changed()

    # -- windows -------------------------------------------------------------------------

    def open(self, title: str, app: str) -> Window:
        """A new window, cascaded from the last, focused."""
        offset = 32 * (len(self.windows) % 8)
        width, height = min(720, self.width - 40), min(440, self.height - TASKBAR_HEIGHT - 40)
        window = Window(
            id=f"0x{0x3E00000 + self._next_window:08x}",
            title=title,
            app=app,
            x=min(80 + offset, max(0, self.width - width)),
            y=min(60 + offset, max(0, self.height - height)),
            width=width,
            height=height,
        )
        self._next_window += 1
        self.windows.append(window)
        self.focus(window.id)
        return window

    def window(self, window_id: str) -> Window | None:
        return next((w for w in self.windows if w.id == window_id), None)

    def window_at(self, x: int, y: int) -> Window | None:
        for window in reversed(self.windows):
            inside = (
                window.x <= x < window.x + window.width and window.y <= y < window.y + window.height
            )
            if not window.minimized and inside:
                return window
        return None

    def focus(self, window_id: str) -> None:
        """Raise and focus a window (restoring it if minimized)."""
        window = self.window(window_id)
        if window is None:
            return
        window.minimized = False
        self.windows.remove(window)
        self.windows.append(window)
        self.focused = window.id
        self._changed()

    def close(self, window_id: str) -> None:
        self.windows = [w for w in self.windows if w.id != window_id]
        if self.focused == window_id:
            visible = [w for w in self.windows if not w.minimized]
            self.focused = visible[-1].id if visible else None
        self._changed()

    def minimize(self, window_id: str) -> None:
        window = self.window(window_id)
        if window is not None:
            window.minimized = True
            if self.focused == window_id:
                self.focused = None
            self._changed()

    def maximize(self, window_id: str) -> None:
        window = self.window(window_id)
        if window is not None:
            window.x, window.y, window.maximized = 0, 0, True
            window.width, window.height = self.width, self.height - TASKBAR_HEIGHT
            self.focus(window_id)

    def place(
        self,
        window_id: str,
        *,
        x: int | None = None,
        y: int | None = None,
        width: int | None = None,
        height: int | None = None,
    ) -> None:
        """Move and/or resize a window (it is no longer maximized)."""
        window = self.window(window_id)
        if window is None:
            return
        window.x = window.x if x is None else x
        window.y = window.y if y is None else y
        window.width = window.width if width is None else width
        window.height = window.height if height is None else height
        window.maximized = False
        self._changed()

    def accessibility_tree(self) -> dict[str, object]:
        """An AT-SPI-like tree: the desktop, its visible windows and their title bars."""
        children = []
        for window in self.windows:
            if window.minimized:
                continue
            bounds = {"x": window.x, "y": window.y, "width": window.width, "height": window.height}
            title = {"x": window.x, "y": window.y, "width": window.width, "height": 20}
            children.append(
                {
                    "role": "frame",
                    "name": window.title,
                    "id": window.id,
                    "bounds": bounds,
                    "focused": window.id == self.focused,
                    "children": [{"role": "title bar", "name": window.title, "bounds": title}],
                }
            )
        return {
            "role": "desktop frame",
            "name": "Desktop",
            "bounds": {"x": 0, "y": 0, "width": self.width, "height": self.height},
            "children": children,
        }

    # -- rendering -----------------------------------------------------------------------

    def _fill(self, pixels: bytearray, x: int, y: int, w: int, h: int, colour: Colour) -> None:
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(self.width, x + w), min(self.height, y + h)
        if x0 >= x1 or y0 >= y1:
            return
        run = bytes(colour) * (x1 - x0)
        for row in range(y0, y1):
            start = (row * self.width + x0) * 3
            pixels[start : start + len(run)] = run

    def framebuffer(self) -> bytearray:
        """The screen as RGB bytes, rows top to bottom."""
        pixels = bytearray(bytes(self.background) * (self.width * self.height))
        self._fill(pixels, 0, self.height - TASKBAR_HEIGHT, self.width, TASKBAR_HEIGHT, _TASKBAR)
        for window in self.windows:
            if window.minimized:
                continue
            self._fill(pixels, window.x, window.y, window.width, window.height, _WINDOW)
            bar = _TITLE_FOCUSED if window.id == self.focused else _TITLE
            self._fill(pixels, window.x, window.y, window.width, 20, bar)
        travel = max(1, self.height - TASKBAR_HEIGHT - 40)
        thumb = (self.scroll[1] * 16) % travel
        self._fill(pixels, self.width - SCROLLBAR_WIDTH, thumb, SCROLLBAR_WIDTH, 40, _THUMB)
        thumb_x = (self.scroll[0] * 16) % max(1, self.width - 40)
        self._fill(pixels, thumb_x, self.height - TASKBAR_HEIGHT - 4, 40, 4, _THUMB)
        for mark in self.marks:
            self._fill(pixels, mark.x, mark.y, mark.width, mark.height, mark.colour)
        return pixels

    def png(self) -> bytes:
        """The whole screen as a PNG (kept until the screen changes)."""
        if self._png is None:
            self._png = encode_rgb(self.width, self.height, self.framebuffer())
        return self._png

    def region_png(self, x: int, y: int, width: int, height: int) -> bytes:
        """A rectangle of the screen (inside it) as a PNG."""
        pixels = self.framebuffer()
        stride = self.width * 3
        rows = bytearray()
        for row in range(y, y + height):
            start = row * stride + x * 3
            rows += pixels[start : start + width * 3]
        return encode_rgb(width, height, rows)
