"""Server-sent events: framing, heartbeats, Last-Event-ID resume and injected cuts."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import anyio
from anyio import CancelScope
from anyio.streams.memory import MemoryObjectSendStream
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from .events import Event, EventLog
from .http import dumps
from .state import Store

log = logging.getLogger("miosa.local")

Producer = Callable[[MemoryObjectSendStream[Event]], Awaitable[None]]
EventFilter = Callable[[Event], bool]

RETRY_MS = 1000
KEEPALIVE = b": keepalive\n\n"

# Stream routes that, on MIOSA, sit behind JSON-only content negotiation: an ``Accept``
# naming no JSON-compatible type is answered 406 before the route runs, so a client
# must send ``text/event-stream, application/json;q=0.9`` rather than the bare event
# type. ``POST /sandboxes/{sandbox_id}/exec/stream`` is served without that negotiation
# and takes any ``Accept``. (The vendor's SDK 2.19.2 documents both, see docs/local-server.md.)
NEGOTIATED_STREAMS = frozenset(
    {
        ("GET", "/events/stream"),
        ("GET", "/sandboxes/{sandbox_id}/events"),
        ("GET", "/sandboxes/{sandbox_id}/files/watch"),
        ("GET", "/sandboxes/{sandbox_id}/logs/stream"),
        ("GET", "/sandboxes/{sandbox_id}/processes/{pid}/stream"),
        ("GET", "/sandboxes/{sandbox_id}/readiness/stream"),
    }
)
_JSON_COMPATIBLE = frozenset({"*/*", "application/*", "application/json"})


def refuses_accept(header: str | None) -> bool:
    """Whether JSON-only negotiation refuses this ``Accept`` header (so: 406).

    No header, an empty one, or any entry that JSON satisfies (``application/json``,
    ``application/*``, ``*/*``; whatever its q) is accepted; anything else, the bare
    ``text/event-stream`` included, is refused.
    """
    if header is None or not header.strip():
        return False
    for entry in header.split(","):
        media_type = entry.split(";", 1)[0].strip().lower()
        if media_type in _JSON_COMPATIBLE:
            return False
    return True


def encode(event: Event) -> bytes:
    """``id:``, ``event:`` and one ``data:`` line (JSON never contains a raw newline)."""
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (event.id, event.type.encode(), dumps(event.data))


def last_event_id(request: Request) -> int | None:
    """``Last-Event-ID`` header (or ``?last_event_id=``) as an int, ``None`` when absent or bad."""
    raw = request.headers.get("last-event-id") or request.query_params.get("last_event_id")
    if raw is None:
        return None
    try:
        return max(0, int(raw.strip()))
    except ValueError:
        return None


def follow(log_: EventLog, after: int, keep: EventFilter | None = None) -> Producer:
    """Replay events newer than ``after``, then follow until the log closes."""

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            last = after
            while True:
                for event in log_.since(last):
                    last = event.id
                    if keep is None or keep(event):
                        await out.send(event)
                if log_.closed and last >= log_.last_id:
                    return
                await log_.wait_after(last)

    return produce


class SSEResponse(Response):
    """Streams what ``producer`` sends; ends cleanly when it finishes or the server stops.

    A ``retry:`` line opens the stream, ``: keepalive`` comments fill every silence of the
    server's heartbeat interval, and an injected ``drop_after_events`` fault cuts the
    connection (no chunked terminator) after that many events.
    """

    media_type = "text/event-stream"

    def __init__(self, producer: Producer, store: Store) -> None:
        # Not Response.__init__: without a ``body`` no Content-Length is declared.
        self.status_code = 200
        self.background = None
        self.init_headers({"cache-control": "no-cache", "x-accel-buffering": "no"})
        self.producer = producer
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        drop_after: int | None = scope.get("miosa.drop_after_events")
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        await send(
            {"type": "http.response.body", "body": b"retry: %d\n\n" % RETRY_MS, "more_body": True}
        )
        cut = drop_after == 0
        if not cut:
            cut = await self._pump(receive, send, drop_after)
        if cut:
            await scope["miosa.abort"]()
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _pump(self, receive: Receive, send: Send, drop_after: int | None) -> bool:
        """Forward events until the producer ends; True when a fault says to cut."""
        out, events = anyio.create_memory_object_stream[Event](16)
        sent = 0
        cut = False
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._produce, out)
            tg.start_soon(_cancel_on_disconnect, receive, tg.cancel_scope)
            tg.start_soon(self._cancel_on_shutdown, tg.cancel_scope)
            async with events:
                while True:
                    with anyio.move_on_after(
                        max(0.01, self.store.settings.heartbeat_interval)
                    ) as timer:
                        try:
                            event = await events.receive()
                        except anyio.EndOfStream:
                            break
                    if timer.cancelled_caught:
                        await send(
                            {"type": "http.response.body", "body": KEEPALIVE, "more_body": True}
                        )
                        continue
                    await send(
                        {"type": "http.response.body", "body": encode(event), "more_body": True}
                    )
                    sent += 1
                    if drop_after is not None and sent >= drop_after:
                        cut = True
                        break
            tg.cancel_scope.cancel()
        return cut

    async def _produce(self, out: MemoryObjectSendStream[Event]) -> None:
        try:
            await self.producer(out)
        except Exception:
            log.exception("SSE producer failed")
        finally:
            out.close()

    async def _cancel_on_shutdown(self, scope: CancelScope) -> None:
        if self.store.shutting_down is not None:
            await self.store.shutting_down.wait()
            scope.cancel()


async def _cancel_on_disconnect(receive: Receive, scope: CancelScope) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            scope.cancel()
            return
