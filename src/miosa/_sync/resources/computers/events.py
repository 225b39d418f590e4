# This file was generated from
#   src/miosa/_async/resources/computers/events.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.events``: in-VM events over a WebSocket at ``/computers/{id}/events``."""

from __future__ import annotations

from collections.abc import Sequence

from ...._core.request import query
from ...._groups.computers import EVENT_PRODUCERS, event_producers
from ....types.websocket import WebSocketTarget
from ..._resource import ScopedResource

EVENTS_SUBPROTOCOL = "miosa-events-v1"


class ComputerEvents(ScopedResource):
    """``computer.events``: window, clipboard, file, process and idle events."""

    def subscribe(
        self,
        producers: str | Sequence[str] = EVENT_PRODUCERS,
        *,
        paths: str | Sequence[str] | None = None,
        idle_threshold_sec: int | None = None,
    ) -> WebSocketTarget:
        """Where to open the event WebSocket; makes no request.

        ``GET /computers/{computer_id}/events`` (WebSocket, subprotocol
        ``miosa-events-v1``; JSON text frames ``{type, timestamp, payload}``).
        `producers` go out as ``subscribe`` (default: all five); `paths` are watched
        by the ``file`` producer and `idle_threshold_sec` tunes the ``idle`` producer.
        """
        params = query(
            subscribe=event_producers(producers),
            paths=[paths] if isinstance(paths, str) else paths and list(paths),
            idle_threshold_sec=idle_threshold_sec,
        )
        return self._websocket(
            self._prefix + "/events", subprotocol=EVENTS_SUBPROTOCOL, params=params
        )
