"""Incremental, spec-conformant Server-Sent Events decoder (pure, no I/O).

This implements the "event stream interpretation" of the WHATWG HTML standard
(https://html.spec.whatwg.org/multipage/server-sent-events.html) over raw response
bytes. Both the async and the sync stream layers feed it the chunks they read and get
back `ServerSentEvent` objects, with the attributes httpx-sse's events have.

Why not httpx-sse's own decoder: its line splitter works on already-decoded text one
line at a time, and its event builder is not conformant in a few corners (it
dispatches events that carry only an ``id:``, accepts ``retry: +5`` and non-ASCII
digits). This decoder splits lines in bulk on bytes, decodes UTF-8 once per chunk
and runs one tight loop per line; `benchmarks/sse_decoder_bench.py` measures it
against httpx-sse in the same process.

Conformance notes (each one has a test in ``tests/test_sse_decoder.py``):

* Lines end with CRLF, LF or CR; a CR at the end of one chunk followed by an LF at
  the start of the next is one line end.
* One UTF-8 BOM is stripped at the start of the stream only.
* Bytes are decoded as UTF-8 with replacement characters; only CR and LF end lines,
  so U+2028 / U+2029 / NEL inside JSON stay in the data.
* ``:`` lines are comments (heartbeats); they are counted in `SSEDecoder.comments`
  and otherwise ignored.
* An event is dispatched on a blank line, only when at least one ``data`` field was
  seen; a blank line still commits the ``id`` buffer to `SSEDecoder.last_event_id`.
* At the end of the stream an event without its terminating blank line is
  discarded (the spec says so); `SSEDecoder.flush` returns an empty list.
* One event's data is capped at `MAX_EVENT_BYTES` (16 MiB of UTF-8); a bigger event,
  or a single line longer than that, raises `miosa.errors.StreamError`.
"""

from __future__ import annotations

import json
from typing import Any

from miosa.errors import StreamError

__all__ = ["MAX_EVENT_BYTES", "SSE_ACCEPT", "SSEDecoder", "ServerSentEvent"]

SSE_ACCEPT = "text/event-stream, application/json;q=0.9"
"""The ``Accept`` header of every stream request.

Event streams stay the stated preference; JSON is named as a lower-q fallback because
MIOSA routes behind a JSON-only content negotiation answer ``406 Not Acceptable`` to a
bare ``text/event-stream`` before authentication or the route itself runs (the
vendor's own Python SDK 2.19.2 sends this value for that reason). Routes that serve
events without that negotiation ignore the fallback, so one value fits every stream.
"""

MAX_EVENT_BYTES = 16 * 1024 * 1024
"""Largest ``data`` of one event (UTF-8 bytes) before `StreamError` is raised."""

_BOM = b"\xef\xbb\xbf"

# A line is the field name, a colon and the value, so a line may be a few bytes longer
# than the largest data it can carry. Only a guard against unbounded buffering.
_MAX_LINE_BYTES = MAX_EVENT_BYTES + 64


class ServerSentEvent:
    """One dispatched event: ``event`` (``"message"`` when the stream named none), ``data``,
    ``id`` (the last event id, ``""`` for none) and ``retry`` (the event's ``retry:`` ms).

    The same attributes and ``json()`` as httpx-sse's event, as plain slots: the stream
    parsers read three of them per event, and httpx-sse serves each through a property.
    """

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self,
        event: str | None = None,
        data: str | None = None,
        id: str | None = None,  # noqa: A002 - the SSE field's name
        retry: int | None = None,
    ) -> None:
        self.event: str = event or "message"
        self.data: str = data if data is not None else ""
        self.id: str = id if id is not None else ""
        self.retry: int | None = retry

    def json(self) -> Any:
        """``data`` decoded as JSON."""
        return json.loads(self.data)

    def __repr__(self) -> str:
        pieces = [f"event={self.event!r}"]
        if self.data:
            pieces.append(f"data={self.data!r}")
        if self.id:
            pieces.append(f"id={self.id!r}")
        if self.retry is not None:
            pieces.append(f"retry={self.retry!r}")
        return f"ServerSentEvent({', '.join(pieces)})"


class SSEDecoder:
    """Turn the bytes of one ``text/event-stream`` body into events, chunk by chunk.

    ``feed`` may be called with chunks of any size split anywhere (inside a line, a
    CRLF pair or a multi-byte UTF-8 character); the events returned are the same as
    for the whole body at once. After each ``feed``:

    * `last_event_id` is the id to send as ``Last-Event-ID`` when reconnecting (the
      id committed by the last blank line, as the spec defines it);
    * `retry` is the reconnection time in milliseconds the server asked for, or None;
    * `comments` counts the comment (heartbeat) lines seen so far.

    Call `flush` when the body ends. It discards an unterminated event and resets the
    per-connection state, keeping `last_event_id` and `retry`, so the same decoder can
    decode the body of the next connection after a reconnect.
    """

    __slots__ = (
        "_at_start",
        "_data",
        "_data_size",
        "_event_retry",
        "_event_type",
        "_id_buffer",
        "_parts",
        "_pending",
        "_pending_size",
        "_skip_lf",
        "comments",
        "last_event_id",
        "retry",
    )

    def __init__(self, last_event_id: str = "", retry: int | None = None) -> None:
        """Start decoding a stream; pass the ``last_event_id``/``retry`` of a previous
        connection to carry them over a reconnect."""
        self.last_event_id: str = last_event_id
        self.retry: int | None = retry
        self.comments: int = 0
        self._reset()

    def _reset(self) -> None:
        # Per-connection state. The id buffer starts from the committed id (what
        # browsers do) so an event after a reconnect that carries no `id:` keeps the
        # id the stream resumed from instead of resetting it to "".
        self._at_start = True  # no byte seen yet: a BOM may still come
        self._skip_lf = False  # the previous chunk ended with CR: drop one leading LF
        self._pending: list[bytes] = []  # the bytes of an unfinished line
        self._pending_size = 0
        self._data: str | None = None  # first data line of the current event
        self._parts: list[str] | None = None  # further data lines, when there are any
        self._data_size = 0  # characters in _parts, to stop runaway events early
        self._event_type = ""
        self._event_retry: int | None = None
        self._id_buffer = self.last_event_id

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode the next chunk of the body; return the events it completed."""
        if self._at_start:
            if self._pending:
                chunk = b"".join(self._pending) + chunk
                self._pending.clear()
                self._pending_size = 0
            if len(chunk) < 3 and _BOM.startswith(chunk):
                # Could still be the start of a BOM split over chunks: wait for more.
                if chunk:
                    self._pending.append(chunk)
                    self._pending_size = len(chunk)
                return []
            self._at_start = False
            if chunk.startswith(_BOM):
                chunk = chunk[3:]
        if self._skip_lf and chunk:
            self._skip_lf = False
            if chunk[0] == 10:  # b"\n": second half of a CRLF split over two chunks
                chunk = chunk[1:]
        if b"\r" in chunk:
            # Normalise to LF once per chunk (memchr-fast when there is no CR, which is
            # the common case). A trailing CR is a complete line end already; remember
            # it so that an LF opening the next chunk is not taken as a second one.
            self._skip_lf = chunk.endswith(b"\r")
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        end = chunk.rfind(b"\n")
        if end < 0:
            if chunk:
                self._pending.append(chunk)
                self._pending_size += len(chunk)
                if self._pending_size > _MAX_LINE_BYTES:
                    raise StreamError(
                        f"SSE line longer than {MAX_EVENT_BYTES} bytes without a line end"
                    )
            return []
        if self._pending:
            end += self._pending_size
            self._pending.append(chunk)
            chunk = b"".join(self._pending)
            self._pending.clear()
            self._pending_size = 0
        if end + 1 < len(chunk):
            rest = chunk[end + 1 :]
            self._pending.append(rest)
            self._pending_size = len(rest)
            if self._pending_size > _MAX_LINE_BYTES:
                raise StreamError(
                    f"SSE line longer than {MAX_EVENT_BYTES} bytes without a line end"
                )
        # Lines only ever end at an LF byte, which never occurs inside a multi-byte UTF-8
        # sequence, so decoding everything up to the last LF at once is exactly the same
        # as decoding line by line, and a character split across chunks stays pending.
        # Splitting the str on "\n" only (never splitlines()) keeps U+2028 in the data.
        lines = chunk[:end].decode("utf-8", "replace").split("\n")
        return self._lines(lines)

    def _lines(self, lines: list[str]) -> list[ServerSentEvent]:
        # The hot loop: state lives in locals and is written back once at the end.
        events: list[ServerSentEvent] = []
        append = events.append
        make_event = ServerSentEvent
        data = self._data
        parts = self._parts
        data_size = self._data_size
        event_type = self._event_type
        event_retry = self._event_retry
        id_buffer = self._id_buffer
        last_event_id = self.last_event_id
        try:
            for line in lines:
                if not line:
                    # Blank line: dispatch. The id buffer is committed even when there
                    # is no data and nothing is dispatched.
                    last_event_id = id_buffer
                    if data is not None:
                        if parts is not None:
                            data, parts, data_size = "\n".join((data, *parts)), None, 0
                        if len(data) > _MAX_EVENT_CHARS_FAST:
                            _check_size(data)
                        append(make_event(event_type, data, id_buffer, event_retry))
                        data = None
                    event_type = ""
                    event_retry = None
                    continue
                name, _, value = line.partition(":")
                if value and value[0] == " ":
                    value = value[1:]
                if name == "data":
                    if data is None:
                        data = value
                    else:  # a second data line: rare in JSON streams, handled out of line
                        parts, data_size = _more_data(data, parts, data_size, value)
                elif name == "event":
                    event_type = value
                elif name == "id":
                    if "\0" not in value:
                        id_buffer = value
                elif name == "retry":
                    retry = _retry_value(value)
                    if retry is not None:
                        event_retry = self.retry = retry
                elif not name:
                    self.comments += 1
                # Any other field name is ignored, as the spec says.
        finally:
            self._data = data
            self._parts = parts
            self._data_size = data_size
            self._event_type = event_type
            self._event_retry = event_retry
            self._id_buffer = id_buffer
            self.last_event_id = last_event_id
        return events

    def flush(self) -> list[ServerSentEvent]:
        """End of the body: discard any unterminated event (as the spec says) and get
        ready for the next connection. Always returns an empty list; it is a list so the
        stream layer can treat it like `feed`."""
        self._reset()
        return []


# Up to this many characters the UTF-8 size cannot exceed the cap (4 bytes per char at
# most), so the exact check is skipped for every ordinary event.
_MAX_EVENT_CHARS_FAST = MAX_EVENT_BYTES // 4


def _more_data(data: str, parts: list[str] | None, size: int, value: str) -> tuple[list[str], int]:
    """One more ``data`` line of the event: the lines after the first and their size so far."""
    if parts is None:
        return [value], len(data) + len(value) + 1
    parts.append(value)
    size += len(value) + 1
    if size > MAX_EVENT_BYTES:
        # More characters than the cap means more bytes too; stop before a runaway event
        # eats memory.
        raise StreamError(_too_big())
    return parts, size


def _retry_value(value: str) -> int | None:
    """A ``retry:`` field's milliseconds, or None when it is not a valid value.

    Only ASCII digits; int() alone would accept "+5", " 5", "1_0" and non-ASCII digits.
    Like Chromium, a value that does not fit in 64 bits is ignored (it also keeps int()
    away from huge digit strings, which it refuses with ValueError since Python 3.11).
    """
    if value.isdigit() and value.isascii() and len(value) < 20:
        return int(value)
    return None


def _too_big() -> str:
    return f"SSE event data larger than {MAX_EVENT_BYTES} bytes"


def _check_size(data: str) -> None:
    # str.isascii() is O(1) in CPython, so ASCII data is measured without encoding.
    size = len(data) if data.isascii() else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_EVENT_BYTES:
        raise StreamError(_too_big())
