"""Pure bookkeeping for resumable SSE streams: Last-Event-ID, retry delay, dedupe, give-up.

Dedupe is paid for only where it can matter. While a stream stays on its first
connection, ids are appended to a list (cheap, on the hot path); when the stream
reconnects, the last `SEEN_IDS_KEPT` ids become a set, and events the server replays
on the new connection with one of those ids are dropped.
"""

from __future__ import annotations

import random
from collections.abc import Callable

DEFAULT_RETRY_MS = 1000
MAX_RETRY_MS = 30_000
MAX_CONSECUTIVE_FAILURES = 5
SEEN_IDS_KEPT = 4096


class ResumeState:
    """What a stream remembers across reconnects.

    Attributes read by the stream layer's hot loop: ``delivered`` (ids handed out, newest
    last, trimmed to the last `SEEN_IDS_KEPT` now and then) and ``seen`` (None until the
    first reconnect, then the ids that a replay must not hand out again).
    """

    __slots__ = ("_rand", "delivered", "failures", "retry_ms", "seen")

    def __init__(self, rand: Callable[[], float] = random.random) -> None:
        self.retry_ms: int = DEFAULT_RETRY_MS
        self.failures = 0
        self.delivered: list[str] = []
        self.seen: set[str] | None = None
        self._rand = rand

    @property
    def last_event_id(self) -> str:
        """The id to send as ``Last-Event-ID``; empty before the first event with an id."""
        return self.delivered[-1] if self.delivered else ""

    def accept(self, event_id: str | None) -> bool:
        """Record one event (an id that changed on its connection, or None); False when it
        is a replay of an event already delivered before a reconnect (drop it)."""
        self.failures = 0
        if not event_id:
            return True
        if self.seen is not None and event_id in self.seen:
            return False
        self.delivered.append(event_id)
        self.trim()
        return True

    def trim(self) -> None:
        if len(self.delivered) > 2 * SEEN_IDS_KEPT:
            del self.delivered[:-SEEN_IDS_KEPT]

    def reconnecting(self) -> None:
        """Called before each reconnect: freeze what a replay must not repeat."""
        self.seen = set(self.delivered[-SEEN_IDS_KEPT:])

    def note_retry(self, retry: int | None) -> None:
        """The server's ``retry:`` (milliseconds), clamped to 0..30 s."""
        if retry is not None:
            self.retry_ms = min(max(retry, 0), MAX_RETRY_MS)

    def next_delay(self) -> float | None:
        """Seconds to wait before the next reconnect, or None when it is time to give up."""
        if self.failures >= MAX_CONSECUTIVE_FAILURES:
            return None
        self.failures += 1
        # The server's retry: value, doubled per consecutive failure and jittered.
        base = self.retry_ms / 1000.0 * (2.0 ** (self.failures - 1))
        return min(base, MAX_RETRY_MS / 1000.0) * (0.5 + self._rand() / 2.0)
