"""Bounded, resumable event logs: the source behind every SSE stream with an ``id:``."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import anyio

from .common import JSON


@dataclass(frozen=True)
class Event:
    """One published event; ``data`` always carries a ``type`` member."""

    id: int
    type: str
    data: JSON


class EventLog:
    """Events with monotonic ids, the newest ``maxlen`` kept so a reconnect can replay them.

    Used only from the server's event-loop thread, so it needs no lock; the wake-up
    event is created lazily because anyio primitives need a running loop.
    """

    def __init__(self, maxlen: int = 1000) -> None:
        self._events: deque[Event] = deque(maxlen=maxlen)
        self._last_id = 0
        self._closed = False
        self._changed: anyio.Event | None = None

    @property
    def last_id(self) -> int:
        """Id of the newest event published (0 before the first)."""
        return self._last_id

    @property
    def closed(self) -> bool:
        """True once the source has ended; followers stop after draining."""
        return self._closed

    def publish(self, type_: str, data: JSON) -> Event:
        """Append an event and wake every follower."""
        self._last_id += 1
        event = Event(self._last_id, type_, {"type": type_, **data})
        self._events.append(event)
        self._wake()
        return event

    def close(self) -> None:
        """Mark the source finished (idempotent)."""
        if not self._closed:
            self._closed = True
            self._wake()

    def since(self, last_id: int) -> list[Event]:
        """Retained events newer than ``last_id``, oldest first."""
        if last_id >= self._last_id:
            return []
        return [e for e in self._events if e.id > last_id]

    def all(self) -> list[Event]:
        """Every retained event, oldest first."""
        return list(self._events)

    async def wait_after(self, last_id: int) -> None:
        """Return once there is an event newer than ``last_id`` or the log is closed."""
        if self._last_id > last_id or self._closed:
            return
        if self._changed is None:
            self._changed = anyio.Event()
        await self._changed.wait()

    def _wake(self) -> None:
        if self._changed is not None:
            self._changed.set()
            self._changed = None
