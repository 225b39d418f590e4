"""What ``with_raw_response`` and ``with_streaming_response`` share (pure, no I/O).

How they work, for every method without per-method code: the call runs on a derived client
(like `with_options`) whose transport is "tapped". The tap lets the call's first request go
out and stops the method as soon as its answer arrives (`StopAtFirstResponse`), before the
method decodes anything; that answer is the raw response. ``parse()`` later runs the same
method again on a client whose tap hands back the recorded answer instead of sending, so it
returns exactly what the normal call returns, and any further requests the method makes
(the polling of a wait, a second page) happen then.

A normal client has no tap: the normal path neither checks nor allocates anything for it.
"""

from __future__ import annotations

import codecs
from typing import Any, Final, Literal

import httpx

# What the tap does with the call's first request.
TapMode = Literal["raw", "stream", "replay"]


class StopAtFirstResponse(BaseException):
    """Unwinds a tapped method once its first answer is recorded.

    A BaseException, so that a method's ``except Exception`` (a fallback, a translation
    into another error) cannot swallow it and carry on with an answer it never got.
    """


class Captured:
    """The first answer of a tapped call: the response, how many retries it took, and when
    the call started (``time.perf_counter()``).

    ``opened`` is the transport's open response (a pool slot held until it is closed)
    when the body is streamed, else None (the body was read and the slot given back).
    """

    __slots__ = ("opened", "response", "retries_taken", "started")

    def __init__(
        self, response: httpx.Response, retries_taken: int, started: float, opened: Any = None
    ) -> None:
        self.response = response
        self.retries_taken = retries_taken
        self.started = started
        self.opened = opened


class Tap:
    """One raw call's state, shared by the tapped client and its `with_options` copies."""

    __slots__ = ("captured", "mode", "replayed")

    def __init__(self, mode: TapMode, captured: Captured | None = None) -> None:
        self.mode: TapMode = mode
        self.captured = captured
        self.replayed = False


class StreamOpenedFirst(BaseException):
    """Unwinds a tapped method whose first request opens a stream, before it is sent.

    Not an error the method could catch: a method that falls back from a stream to
    polling (``wait_until_ready``) would otherwise go on and show the wrong exchange.
    The raw call turns it into a `MiosaError` that names the method.
    """


def only(kind: type[BaseException], exc: BaseException) -> bool:
    """Whether ``exc`` is a ``kind`` signal, alone or grouped by a task group."""
    if isinstance(exc, kind):
        return True
    inner = getattr(exc, "exceptions", None)
    return isinstance(inner, tuple) and bool(inner) and all(only(kind, e) for e in inner)


def dotted(root: str, path: tuple[str, ...]) -> str:
    """``client.sandboxes.get``: how the caller reached a method, for messages."""
    return ".".join((root, *path))


def no_request_message(name: str) -> str:
    return (
        f"{name}() made no HTTP request, so it has no raw response. A stream or a "
        "download connects when it is entered and shows its own headers; a method that only "
        "builds something locally (a handle, a URL) has nothing to show"
    )


def streamed_first_message(name: str) -> str:
    return (
        f"{name}() opens a stream (server-sent events or a download) as its first "
        "request; with_raw_response and with_streaming_response cover calls answered by one "
        "reply. Use the stream itself: it has .headers once entered"
    )


REPLAY_CHANGED: Final = (
    "parse() ran the method again to decode the recorded reply, and this time its first "
    "request was a stream; the call cannot be parsed from the recorded reply"
)
NOT_READ: Final = (
    "the body of a streamed response has not been read: call read() (aread() on the async "
    "client) first, or iterate it with iter_bytes()/iter_text()/iter_lines()"
)
CONSUMED: Final = (
    "the body was already consumed by iter_bytes()/iter_text()/iter_lines(); read() it "
    "instead to keep it for parse()"
)
CLOSED: Final = "the response is closed: its body was not read before the `with` block ended"


class LineSplitter:
    """Text fed in pieces, split into lines (``\\n`` or ``\\r\\n``), a line cut by a piece
    boundary kept until it ends."""

    __slots__ = ("_pending",)

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, text: str) -> list[str]:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        return [line.removesuffix("\r") for line in lines]

    def flush(self) -> list[str]:
        pending, self._pending = self._pending, ""
        return [pending.removesuffix("\r")] if pending else []


def text_decoder(response: httpx.Response) -> codecs.IncrementalDecoder:
    """An incremental decoder for the body's charset (UTF-8 when it names none)."""
    try:
        factory = codecs.getincrementaldecoder(response.charset_encoding or "utf-8")
    except LookupError:
        factory = codecs.getincrementaldecoder("utf-8")
    return factory(errors="replace")
