"""The request log tests assert on (``LocalServer.requests``)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

RECORDED_BODY_LIMIT = 1024 * 1024


@dataclass
class RecordedRequest:
    """One request as received.

    ``path`` is relative to ``/api/v1`` (``full_path`` is not); ``query`` is the raw query
    string; ``headers`` has lower-case names; ``body`` holds at most the first MiB
    (``body_size`` is the real length); ``status`` is filled in once the reply starts
    (``None`` for a dropped connection).
    """

    method: str
    path: str
    full_path: str
    query: str
    headers: dict[str, str]
    body: bytes
    body_size: int
    request_id: str
    status: int | None = None
    fault: bool = False
    time: float = field(default=0.0)

    @property
    def json(self) -> object:
        """The body decoded as JSON (``None`` when empty)."""
        import json

        return json.loads(self.body) if self.body else None


class RequestLog:
    """Thread-safe append-only list with a cap (oldest dropped)."""

    def __init__(self, cap: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._items: list[RecordedRequest] = []
        self._cap = cap

    def append(self, item: RecordedRequest) -> None:
        """Record a request."""
        with self._lock:
            self._items.append(item)
            if len(self._items) > self._cap:
                del self._items[0]

    def snapshot(self) -> list[RecordedRequest]:
        """A copy of the current list."""
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        """Forget everything recorded."""
        with self._lock:
            self._items.clear()
