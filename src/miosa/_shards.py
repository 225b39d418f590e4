"""Several small httpx pools instead of one large one, and which of them takes a request.

httpcore's pool re-examines every connection it holds, idle ones included (a ``poll``
per idle socket, a count of idle connections per connection), each time a request
starts or a response ends. With 100 connections that work dominates a burst of calls;
with ten pools of ten it stays small, and the client can still keep 100 requests in
flight against a slow API. Requests go to the least-loaded pool, so a lone caller
always reuses the first pool's warm connection, and with admission control in front
(at most `max_connections` in flight) the chosen pool always has a free connection.
"""

from __future__ import annotations

import math
import threading

import httpx

CONNECTIONS_PER_SHARD = 10


def shard_limits(max_connections: int, max_keepalive_connections: int) -> list[httpx.Limits]:
    """Per-pool limits that add up to at least the totals asked for."""
    shards = max(1, math.ceil(max_connections / CONNECTIONS_PER_SHARD))
    per_shard = math.ceil(max_connections / shards)
    keepalive = math.ceil(max_keepalive_connections / shards)
    return [
        httpx.Limits(max_connections=per_shard, max_keepalive_connections=keepalive)
        for _ in range(shards)
    ]


class ShardLoad:
    """Requests in flight per pool; `take` picks the least loaded (the first on a tie)."""

    def __init__(self, shards: int) -> None:
        self._load = [0] * shards
        self._lock = threading.Lock()  # the blocking client is shared across threads

    def take(self) -> int:
        with self._lock:
            load = self._load
            index = load.index(min(load)) if len(load) > 1 else 0
            load[index] += 1
            return index

    def put(self, index: int) -> None:
        with self._lock:
            self._load[index] -= 1

    @property
    def in_flight(self) -> tuple[int, ...]:
        return tuple(self._load)
