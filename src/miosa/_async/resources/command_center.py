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
from .._resource import AsyncAPIResource
from ..streams import AsyncEventStream


class AsyncCommandCenter(AsyncAPIResource):
    """``client.command_center`` (needs a JWT or a user API key)."""

    async def overview(self, **options: Unpack[RequestOptions]) -> CommandCenterOverview:
        """The fleet snapshot. ``GET /command-center``."""
        return await self._object("GET", "/command-center", CommandCenterOverview, options=options)

    async def agents(self, **options: Unpack[RequestOptions]) -> list[CommandCenterAgent]:
        """List the fleet's agents. ``GET /command-center/agents``."""
        return await self._list(
            "GET",
            "/command-center/agents",
            CommandCenterAgent,
            keys=("data", "items", "agents"),
            options=options,
        )

    async def running_agents(self, **options: Unpack[RequestOptions]) -> list[CommandCenterAgent]:
        """List the agents running now. ``GET /command-center/agents/running``."""
        return await self._list(
            "GET",
            "/command-center/agents/running",
            CommandCenterAgent,
            keys=("data", "items", "running", "agents"),
            options=options,
        )

    async def metrics(self, **options: Unpack[RequestOptions]) -> CommandCenterMetrics:
        """Fleet metrics. ``GET /command-center/metrics``."""
        return await self._object(
            "GET",
            "/command-center/metrics",
            CommandCenterMetrics,
            unwrap=("data", "metrics"),
            options=options,
        )

    async def presets(self, **options: Unpack[RequestOptions]) -> list[CommandCenterPreset]:
        """List the agent launch presets. ``GET /command-center/presets``."""
        return await self._list(
            "GET",
            "/command-center/presets",
            CommandCenterPreset,
            keys=("data", "items", "presets"),
            options=options,
        )

    async def tiers(self, **options: Unpack[RequestOptions]) -> CommandCenterTiers:
        """The agent tiers on offer. ``GET /command-center/tiers``."""
        return await self._object(
            "GET", "/command-center/tiers", CommandCenterTiers, options=options
        )

    def events(self) -> AsyncEventStream[Event]:
        """Live command-center events. ``GET /command-center/events`` (server-sent events).

        ``async with client.command_center.events() as events: async for event in events``;
        connects when entered and resumes after a dropped connection.
        """
        return self._events("/command-center/events", parse_event)
