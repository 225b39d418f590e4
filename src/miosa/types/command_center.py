"""Models of the command center (the agent fleet)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "CommandCenterAgent",
    "CommandCenterMetrics",
    "CommandCenterOverview",
    "CommandCenterPreset",
    "CommandCenterTiers",
]


@attrs.frozen(kw_only=True)
class CommandCenterOverview(Model):
    """The top-level snapshot of the fleet; its sections are server-defined (see `raw`)."""

    agents: Any = None
    metrics: Any = None


@attrs.frozen(kw_only=True)
class CommandCenterAgent(Model):
    """An agent of the fleet."""

    id: str | None = None
    name: str | None = None
    status: str | None = None
    tier: str | None = None
    preset: str | None = None
    started_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CommandCenterMetrics(Model):
    """Fleet metrics; the figures are server-defined (see `raw`)."""


@attrs.frozen(kw_only=True)
class CommandCenterPreset(Model):
    """A launch preset for agents."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    tier: str | None = None
    config: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class CommandCenterTiers(Model):
    """The agent tiers on offer (server-defined map; see `raw`)."""

    tiers: Any = None
