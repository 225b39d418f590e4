"""Pure bookkeeping for resumable SSE streams: Last-Event-ID, retry delay, dedupe, give-up."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable

DEFAULT_RETRY_MS = 1000
MAX_RETRY_MS = 30_000
MAX_CONSECUTIVE_FAILURES = 5
_SEEN_IDS_KEPT = 4096


class ResumeState:
    """What a stream remembers across reconnects.

    Ids already delivered are remembered (a bounded window) so an event the server
    replays after a reconnect is not delivered twice.
    """

    def __init__(self, rand: Callable[[], float] = random.random) -> None:
        self.last_event_id: str = ""
        self.retry_ms: int = DEFAULT_RETRY_MS
        self.failures = 0
        self._rand = rand
        self._seen: set[str] = set()
        self._order: deque[str] = deque()

    def accept(self, event_id: str | None, retry: int | None) -> bool:
        """Record an event; False when its id was already delivered (drop it)."""
        if retry is not None:
            self.retry_ms = min(max(retry, 0), MAX_RETRY_MS)
        self.failures = 0
        if not event_id:
            return True
        if event_id in self._seen:
            return False
        self.last_event_id = event_id
        self._seen.add(event_id)
        self._order.append(event_id)
        if len(self._order) > _SEEN_IDS_KEPT:
            self._seen.discard(self._order.popleft())
        return True

    def note_retry(self, retry: int | None) -> None:
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
