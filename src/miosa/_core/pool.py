"""Several small httpx pools instead of one large one, and which of them takes a request.

httpcore's pool re-examines every connection it holds, idle ones included (a ``poll``
per idle socket, a count of idle connections per connection), each time a request
starts or a response ends. With 100 connections that work dominates a burst of calls;
with ten pools of ten it stays small, and the client can still keep 100 requests in
flight against a slow API. Requests go to the pool with the most free connections,
so a lone caller always reuses the first pool's warm connection, and with admission
control in front (at most `max_connections` in flight) the chosen pool always has one.
"""

from __future__ import annotations

import math
import threading

import httpx

CONNECTIONS_PER_SHARD = 10


def _split(total: int, parts: int) -> list[int]:
    """``total`` shared out over ``parts`` as evenly as it goes, the larger shares first."""
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def shard_limits(
    max_connections: int, max_keepalive_connections: int, *, http2: bool = False
) -> list[httpx.Limits]:
    """Per-pool limits that add up exactly to the totals asked for.

    HTTP/2 gets one pool: it multiplexes up to the server's stream limit (typically 100)
    on one connection, so the pool holds a connection or two and the per-connection
    bookkeeping the shards spread out stays small; shards would each open their own
    connection and split the streams that one could carry.
    """
    if http2:
        return [
            httpx.Limits(
                max_connections=max_connections,
                max_keepalive_connections=max_keepalive_connections,
            )
        ]
    shards = max(1, math.ceil(max_connections / CONNECTIONS_PER_SHARD))
    return [
        httpx.Limits(max_connections=connections, max_keepalive_connections=keepalive)
        for connections, keepalive in zip(
            _split(max_connections, shards), _split(max_keepalive_connections, shards), strict=True
        )
    ]


class ShardLoad:
    """Requests in flight per pool; `take` picks the pool with the most free connections.

    Ties go to the first pool, so a lone caller always lands on pool 0. While fewer
    requests are in flight than the pools hold together, the pool picked has a free one.
    """

    def __init__(self, capacities: list[int]) -> None:
        self._capacity = capacities
        self._load = [0] * len(capacities)
        self._lock = threading.Lock()  # the blocking client is shared across threads

    def take(self) -> int:
        with self._lock:
            load, capacity = self._load, self._capacity
            if len(load) == 1:
                index = 0
            else:
                free = [c - n for c, n in zip(capacity, load, strict=True)]
                index = free.index(max(free))
            load[index] += 1
            return index

    def put(self, index: int) -> None:
        with self._lock:
            self._load[index] -= 1

    @property
    def in_flight(self) -> tuple[int, ...]:
        return tuple(self._load)
