# This file was generated from
#   src/miosa/_async/resources/computers/logs.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.logs``: VM logs under ``/computers/{id}/logs``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query
from ...._events import parse_event
from ....types._base import JSONObject
from ....types.events import Event
from ..._resource import ScopedResource
from ...streams import EventStream


class ComputerLogs(ScopedResource):
    """``computer.logs``: a snapshot of recent lines, or a live stream."""

    def get(
        self,
        *,
        lines: int | None = None,
        since: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> JSONObject:
        """Recent log lines (a free-form snapshot). ``GET /computers/{computer_id}/logs``."""
        return self._object(
            "GET",
            self._prefix + "/logs",
            JSONObject,
            params=query(lines=lines, since=since),
            options=options,
        )

    def stream(self) -> EventStream[Event]:
        """Live log events; connects when entered.

        ``GET /computers/{computer_id}/logs/stream`` (SSE). ``with
        computer.logs.stream() as events: for event in events: ...``.
        """
        return self._events(self._prefix + "/logs/stream", parse_event)
