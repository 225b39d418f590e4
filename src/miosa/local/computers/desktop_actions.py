"""The desktop routes over the simulated screen (`screen.py`): screenshots, pointer,
keyboard, windows and clipboard."""

from __future__ import annotations

import anyio
from starlette.responses import Response

from ..http import bad_request, not_found, ok
from ..routing import Call, Handler
from ..screen import Screen
from .base import (
    APPS,
    BUTTONS,
    DIRECTIONS,
    MAX_SCROLL_CLICKS,
    MAX_WAIT_SEC,
    computer_screen,
)

# -- the desktop -------------------------------------------------------------------------------


def _done(message: str) -> Response:
    return ok({"success": True, "status": "ok", "message": message})


async def _point(
    call: Call, screen: Screen, x_name: str = "x", y_name: str = "y"
) -> tuple[int, int]:
    x = await call.require(x_name, int, low=0, high=screen.width - 1)
    y = await call.require(y_name, int, low=0, high=screen.height - 1)
    return x, y


async def _button(call: Call) -> str:
    return await call.optional("button", str, "left", choices=BUTTONS)


def _png(data: bytes) -> Response:
    return Response(data, media_type="image/png")


async def screenshot(call: Call) -> Response:
    """``GET /computers/{computer_id}/desktop/screenshot``: the screen as a PNG."""
    screen = computer_screen(call)
    return _png(await anyio.to_thread.run_sync(screen.png))


async def screenshot_region(call: Call) -> Response:
    """``POST /computers/{computer_id}/desktop/screenshot/region`` ``{x, y, width, height}``."""
    screen = computer_screen(call)
    x, y = await _point(call, screen)
    width = await call.require("width", int, low=1, high=screen.width - x)
    height = await call.require("height", int, low=1, high=screen.height - y)
    return _png(await anyio.to_thread.run_sync(screen.region_png, x, y, width, height))


async def click(call: Call) -> Response:
    """``POST .../desktop/click`` ``{x, y, button}``: a cross at the point."""
    screen = computer_screen(call)
    x, y = await _point(call, screen)
    button = await _button(call)
    screen.click(x, y, button)
    return _done(f"{button} click at ({x}, {y})")


async def double_click(call: Call) -> Response:
    """``POST .../desktop/double-click`` ``{x, y}``."""
    screen = computer_screen(call)
    x, y = await _point(call, screen)
    screen.click(x, y, "left", count=2)
    return _done(f"double click at ({x}, {y})")


async def move_mouse(call: Call) -> Response:
    """``POST .../desktop/move`` ``{x, y}``: the pointer moves (nothing is drawn)."""
    screen = computer_screen(call)
    x, y = await _point(call, screen)
    screen.move(x, y)
    return _done(f"pointer at ({x}, {y})")


async def drag(call: Call) -> Response:
    """``POST .../desktop/drag`` ``{from_x, from_y, to_x, to_y}``: a line."""
    screen = computer_screen(call)
    x0, y0 = await _point(call, screen, "from_x", "from_y")
    x1, y1 = await _point(call, screen, "to_x", "to_y")
    screen.drag(x0, y0, x1, y1)
    return _done(f"dragged from ({x0}, {y0}) to ({x1}, {y1})")


async def mouse_down(call: Call) -> Response:
    """``POST .../desktop/mouse-down`` ``{x, y, button}``."""
    screen = computer_screen(call)
    x, y = await _point(call, screen)
    button = await _button(call)
    screen.mouse_down(x, y, button)
    return _done(f"{button} button down at ({x}, {y})")


async def mouse_up(call: Call) -> Response:
    """``POST .../desktop/mouse-up`` ``{x, y, button}``: a line from the press."""
    screen = computer_screen(call)
    x, y = await _point(call, screen)
    button = await _button(call)
    screen.mouse_up(x, y, button)
    return _done(f"{button} button up at ({x}, {y})")


async def scroll(call: Call) -> Response:
    """``POST .../desktop/scroll`` ``{direction, clicks, x?, y?}``."""
    screen = computer_screen(call)
    direction = await call.require("direction", str, choices=DIRECTIONS)
    clicks = await call.optional("clicks", int, 3, low=1, high=MAX_SCROLL_CLICKS)
    body = await call.json()
    at = None
    if body.get("x") is not None or body.get("y") is not None:
        at = await _point(call, screen)
    screen.scroll_by(direction, clicks, at)
    return _done(f"scrolled {direction} {clicks}")


async def type_text(call: Call) -> Response:
    """``POST .../desktop/type`` ``{text, delay?}``: blocks from the text cursor."""
    screen = computer_screen(call)
    text = await call.require("text", str)
    await call.optional("delay", float, low=0)
    screen.type(text)
    return _done(f"typed {len(text)} characters")


async def _key_name(call: Call) -> str:
    key = (await call.require("key", str)).strip()
    if not key:
        raise bad_request("key is required", field="key")
    return key


async def key(call: Call) -> Response:
    """``POST .../desktop/key`` ``{key}`` (``Enter``, ``ctrl+c``)."""
    screen = computer_screen(call)
    name = await _key_name(call)
    screen.key(name)
    return _done(f"pressed {name}")


async def key_down(call: Call) -> Response:
    """``POST .../desktop/key-down`` ``{key}``: held until key-up."""
    screen = computer_screen(call)
    name = await _key_name(call)
    screen.key_down(name)
    return _done(f"holding {name}")


async def key_up(call: Call) -> Response:
    """``POST .../desktop/key-up`` ``{key}``."""
    screen = computer_screen(call)
    name = await _key_name(call)
    screen.key_up(name)
    return _done(f"released {name}")


async def hotkey(call: Call) -> Response:
    """``POST .../desktop/hotkey`` ``{keys: [...]}``: pressed together."""
    screen = computer_screen(call)
    keys = await call.require("keys", list, items=str)
    if not keys or not all(k.strip() for k in keys):
        raise bad_request("keys must name at least one key", field="keys")
    screen.hotkey(keys)
    return _done(f"pressed {'+'.join(keys)}")


async def wait(call: Call) -> Response:
    """``POST .../desktop/wait`` ``{seconds}``: returns after at most a second (nothing on
    the simulated screen changes meanwhile)."""
    computer_screen(call)
    seconds = (
        await call.require("seconds", float, low=0, high=3600)
        if ((await call.json()).get("seconds") != 0)
        else 0.0
    )
    await anyio.sleep(min(seconds, MAX_WAIT_SEC))
    return _done(f"waited {seconds:g} seconds")


async def windows(call: Call) -> Response:
    """``GET .../desktop/windows``: the open windows, back to front."""
    screen = computer_screen(call)
    return ok([w.to_json(w.id == screen.focused) for w in screen.windows])


async def cursor(call: Call) -> Response:
    """``GET .../desktop/cursor``: the pointer."""
    x, y = computer_screen(call).cursor
    return ok({"x": x, "y": y})


async def screen_size(call: Call) -> Response:
    """``GET .../desktop/screen-size``."""
    screen = computer_screen(call)
    return ok({"width": screen.width, "height": screen.height})


async def environment(call: Call) -> Response:
    """``GET .../desktop/environment``: the simulated session."""
    screen = computer_screen(call)
    return ok(
        {
            "name": "miosa-local (simulated)",
            "session_type": "x11",
            "resolution": f"{screen.width}x{screen.height}",
            "width": screen.width,
            "height": screen.height,
            "color_depth": 24,
            "display": ":1",
            "simulated": True,
        }
    )


async def accessibility_tree(call: Call) -> Response:
    """``GET .../desktop/accessibility-tree``: the desktop and its windows."""
    return ok(computer_screen(call).accessibility_tree())


async def clipboard(call: Call) -> Response:
    """``GET .../desktop/clipboard``: ``{text}``."""
    return ok({"text": computer_screen(call).clipboard})


async def set_clipboard(call: Call) -> Response:
    """``POST .../desktop/clipboard`` ``{text}``."""
    screen = computer_screen(call)
    text = await call.optional("text", str, "")
    screen.set_clipboard(text)
    return _done(f"clipboard holds {len(text)} characters")


async def set_wallpaper(call: Call) -> Response:
    """``POST .../desktop/wallpaper`` ``{path}``: an absolute path or an https URL (the
    image is not fetched: the wallpaper becomes a colour derived from it)."""
    screen = computer_screen(call)
    path = await call.require("path", str)
    if not (path.startswith("/") or path.startswith("https://")):
        raise bad_request("path must be absolute or an https:// URL", field="path")
    screen.set_wallpaper(path)
    return _done(f"wallpaper set to {path}")


async def launch(call: Call) -> Response:
    """``POST .../desktop/launch`` ``{app}``: a new focused window for it."""
    screen = computer_screen(call)
    app = (await call.require("app", str)).strip()
    if not app:
        raise bad_request("app is required", field="app")
    known = next((a for a in APPS if app.lower() in (a["id"], a["name"].lower())), None)
    title = known["name"] if known else app
    window = screen.open(title, known["exec"] if known else app)
    return ok(
        {"success": True, "status": "ok", "message": f"launched {title}", "window_id": window.id}
    )


async def focus_window(call: Call) -> Response:
    """``POST .../desktop/window/focus`` ``{window_id}``."""
    screen = computer_screen(call)
    ident = str(await call.require("window_id", str))
    if screen.window(ident) is None:
        raise not_found("window", ident)
    screen.focus(ident)
    return _done(f"focused {ident}")


def _window_call(call: Call) -> tuple[Screen, str]:
    screen = computer_screen(call)
    ident = call.params["window_id"]
    if screen.window(ident) is None:
        raise not_found("window", ident)
    return screen, ident


def window_action(action: str) -> Handler:
    async def run(call: Call) -> Response:
        screen, ident = _window_call(call)
        await call.json()
        {"close": screen.close, "maximize": screen.maximize, "minimize": screen.minimize}[action](
            ident
        )
        return _done(f"{action}d {ident}")

    run.__doc__ = f"``POST .../desktop/window/{{window_id}}/{action}``."
    return run


async def move_window(call: Call) -> Response:
    """``POST .../desktop/window/{window_id}/move`` ``{x, y}`` (a window may leave the
    screen partly, as on a real desktop)."""
    screen, ident = _window_call(call)
    x = await call.require("x", int, low=-screen.width, high=screen.width)
    y = await call.require("y", int, low=-screen.height, high=screen.height)
    screen.place(ident, x=x, y=y)
    return _done(f"moved {ident} to ({x}, {y})")


async def resize_window(call: Call) -> Response:
    """``POST .../desktop/window/{window_id}/resize`` ``{width, height}``."""
    screen, ident = _window_call(call)
    width = await call.require("width", int, low=1, high=screen.width * 4)
    height = await call.require("height", int, low=1, high=screen.height * 4)
    screen.place(ident, width=width, height=height)
    return _done(f"resized {ident} to {width}x{height}")


async def window_position(call: Call) -> Response:
    """``GET .../desktop/window/{window_id}/position``."""
    screen, ident = _window_call(call)
    window = screen.window(ident)
    assert window is not None
    return ok({"x": window.x, "y": window.y})


async def window_size(call: Call) -> Response:
    """``GET .../desktop/window/{window_id}/size``."""
    screen, ident = _window_call(call)
    window = screen.window(ident)
    assert window is not None
    return ok({"width": window.width, "height": window.height})
