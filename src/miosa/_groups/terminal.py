"""Pure helpers of the terminal client (``sandbox.terminal.connect()``); no I/O.

The wire protocol, as the local server (``miosa.local``) speaks it: binary frames from the
client are keystrokes, binary (or text) frames from the server are the terminal's output,
and a text frame ``{"type": "resize", "cols": C, "rows": R}`` resizes the terminal. The
client always sends keystrokes as binary frames, so typed text that happens to look like a
resize request is never taken for one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from urllib.parse import urlsplit

from ..types.sandbox_sharing import TerminalSession

__all__ = [
    "MAX_TERMINAL_SIZE",
    "Deadline",
    "keystrokes",
    "resize_message",
    "session_socket_url",
    "socket_headers",
    "sole_exception",
]

# The server ignores sizes outside 1..9999; refusing them here names the mistake.
MAX_TERMINAL_SIZE = 9999
_DEFAULT_PORTS = {"http": 80, "ws": 80, "https": 443, "wss": 443}


def keystrokes(data: str | bytes | bytearray | memoryview) -> bytes:
    """What ``send`` puts in a binary frame: ``str`` as UTF-8, bytes as they are."""
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"send() takes str or bytes, not {type(data).__name__}")


def resize_message(cols: int, rows: int) -> str:
    """The text frame that resizes the terminal to ``cols`` x ``rows`` characters."""
    for name, value in (("cols", cols), ("rows", rows)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        if not 0 < value <= MAX_TERMINAL_SIZE:
            raise ValueError(f"{name} must be between 1 and {MAX_TERMINAL_SIZE}, not {value}")
    return json.dumps({"type": "resize", "cols": cols, "rows": rows}, separators=(",", ":"))


def session_socket_url(session: TerminalSession) -> str | None:
    """The WebSocket URL a terminal session names (``ws_url``), if it names one."""
    url = session.ws_url or session.raw.get("websocket_url") or session.raw.get("url")
    if not isinstance(url, str) or not url:
        return None
    scheme = urlsplit(url).scheme.lower()
    return url if scheme in _DEFAULT_PORTS else None


def _origin(url: str) -> tuple[bool, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    secure = scheme in ("https", "wss")
    return secure, (parts.hostname or "").lower(), parts.port or _DEFAULT_PORTS.get(scheme)


def socket_headers(url: str, base_url: str, headers: Mapping[str, str]) -> dict[str, str]:
    """The client's headers to send on the WebSocket upgrade to ``url``.

    The credential (``Authorization``) goes only to the API's own origin (same host, port
    and security as ``base_url``); a socket on another host is authorised by the ticket in
    its URL, and the API key must not leak to it.
    """
    wanted: tuple[str, ...] = ("User-Agent", "X-MIOSA-Tenant")
    if _origin(url) == _origin(base_url):
        wanted = ("Authorization", *wanted)
    lowered = {name.lower() for name in wanted}
    return {name: value for name, value in headers.items() if name.lower() in lowered}


def sole_exception(error: BaseException) -> BaseException | None:
    """The one exception inside an exception group (nested groups unwrapped), else None.

    The WebSocket session runs a task group, so an error leaving ``async with`` comes back
    wrapped in a group; users should see the error they raised.
    """
    current: BaseException = error
    while True:
        inner = getattr(current, "exceptions", None)
        if not isinstance(inner, tuple) or len(inner) != 1:
            return None if current is error else current
        current = inner[0]


class Deadline:
    """Seconds left of one budget shared by a loop of waits; raises `TimeoutError` at 0."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._end = time.monotonic() + seconds

    def __call__(self) -> float:
        left = self._end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"not done within {self._seconds} s")
        return left
