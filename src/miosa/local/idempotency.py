"""Idempotency-Key replay: the first response to a key is stored and replayed exactly."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import anyio

from .common import now

if TYPE_CHECKING:
    from .persist import Persistence

TTL_SECONDS = 24 * 3600
MAX_ENTRIES = 10_000
MAX_STORED_BODY = 4 * 1024 * 1024


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    """What must match for a replay: method, path, query and body bytes."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query.encode()):
        digest.update(part)
        digest.update(b"\0")
    digest.update(body)
    return digest.hexdigest()


@dataclass
class Entry:
    """A key's first request: in flight until ``done`` is set, then replayable."""

    fingerprint: str
    created: float
    done: anyio.Event = field(default_factory=anyio.Event)
    status: int | None = None
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""


class IdempotencyCache:
    """Entries keyed by (API key, Idempotency-Key); loop-thread only."""

    def __init__(self, persistence: Persistence | None = None) -> None:
        self._entries: OrderedDict[tuple[str, str], Entry] = OrderedDict()
        # With a data directory, stored replies are written there too.
        self.persistence = persistence

    def get(self, scope: tuple[str, str]) -> Entry | None:
        """The live entry for ``scope`` (expired ones are dropped)."""
        entry = self._entries.get(scope)
        if entry is not None and now() - entry.created > TTL_SECONDS:
            self._drop(scope)
            return None
        return entry

    def begin(self, scope: tuple[str, str], fp: str) -> Entry:
        """Claim ``scope`` for a request about to run."""
        entry = Entry(fp, now())
        self._entries[scope] = entry
        while len(self._entries) > MAX_ENTRIES:
            self._drop(next(iter(self._entries)))
        return entry

    def store(
        self,
        scope: tuple[str, str],
        entry: Entry,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
    ) -> None:
        """Keep ``entry``'s reply for replays (and write it down, with a data directory)."""
        entry.status, entry.headers, entry.body = status, headers, body
        if self.persistence is not None and self._entries.get(scope) is entry:
            self.persistence.save_reply(scope, entry)

    def restore(
        self,
        scope: tuple[str, str],
        fp: str,
        created: float,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
    ) -> None:
        """Put back a finished entry read from the data directory."""
        entry = Entry(fp, created, status=status, headers=headers, body=body)
        entry.done.set()
        self._entries[scope] = entry

    def _drop(self, scope: tuple[str, str]) -> None:
        self._entries.pop(scope, None)
        if self.persistence is not None:
            self.persistence.forget_reply(scope)

    def finish(self, scope: tuple[str, str], entry: Entry, keep: bool) -> None:
        """Store the outcome (or release the key when it must not be replayed)."""
        if not keep and self._entries.get(scope) is entry:
            del self._entries[scope]
        entry.done.set()


def replayable(status: int, headers: list[tuple[bytes, bytes]], body_len: int) -> bool:
    """Server errors, 429s, streams and huge bodies are not stored: a retry runs again."""
    if status >= 500 or status == 429 or body_len > MAX_STORED_BODY:
        return False
    return not any(
        k.lower() == b"content-type" and v.startswith(b"text/event-stream") for k, v in headers
    )
