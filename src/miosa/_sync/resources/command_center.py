# This file was generated from
#   src/miosa/_async/resources/command_center.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The command center: the agent fleet, its metrics and its live events."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ..._events import parse_event
from ...types.command_center import (
    CommandCenterAgent,
    CommandCenterMetrics,
    CommandCenterOverview,
    CommandCenterPreset,
    CommandCenterTiers,
)
from ...types.events import Event
from .._resource import APIResource
from ..streams import EventStream


class CommandCenter(APIResource):
    """``client.command_center`` (needs a JWT or a user API key)."""

    def overview(self, **options: Unpack[RequestOptions]) -> CommandCenterOverview:
        """The fleet snapshot. ``GET /command-center``."""
        return self._object("GET", "/command-center", CommandCenterOverview, options=options)

    def agents(self, **options: Unpack[RequestOptions]) -> list[CommandCenterAgent]:
        """List the fleet's agents. ``GET /command-center/agents``."""
        return self._list(
            "GET",
            "/command-center/agents",
            CommandCenterAgent,
            keys=("data", "items", "agents"),
            options=options,
        )

    def running_agents(self, **options: Unpack[RequestOptions]) -> list[CommandCenterAgent]:
        """List the agents running now. ``GET /command-center/agents/running``."""
        return self._list(
            "GET",
            "/command-center/agents/running",
            CommandCenterAgent,
            keys=("data", "items", "running", "agents"),
            options=options,
        )

    def metrics(self, **options: Unpack[RequestOptions]) -> CommandCenterMetrics:
        """Fleet metrics. ``GET /command-center/metrics``."""
        return self._object(
            "GET",
            "/command-center/metrics",
            CommandCenterMetrics,
            unwrap=("data", "metrics"),
            options=options,
        )

    def presets(self, **options: Unpack[RequestOptions]) -> list[CommandCenterPreset]:
        """List the agent launch presets. ``GET /command-center/presets``."""
        return self._list(
            "GET",
            "/command-center/presets",
            CommandCenterPreset,
            keys=("data", "items", "presets"),
            options=options,
        )

    def tiers(self, **options: Unpack[RequestOptions]) -> CommandCenterTiers:
        """The agent tiers on offer. ``GET /command-center/tiers``."""
        return self._object("GET", "/command-center/tiers", CommandCenterTiers, options=options)

    def events(self) -> EventStream[Event]:
        """Live command-center events. ``GET /command-center/events`` (server-sent events).

        ``with client.command_center.events() as events: for event in events``;
        connects when entered and resumes after a dropped connection.
        """
        return self._events("/command-center/events", parse_event)
