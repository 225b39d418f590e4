"""Models of agent triggers (``/agents/{agent_id}/triggers``): when an agent runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = ["AgentTrigger", "AgentTriggerKind", "TriggerFiring"]


class AgentTriggerKind(OpenEnum):
    """What starts the runs: a cron ``schedule``, a ``webhook`` call, a platform ``event``,
    a ``forge`` (git host) event or an ``email``. ``slack`` is reserved (refused)."""

    SCHEDULE = "schedule"
    WEBHOOK = "webhook"
    EVENT = "event"
    FORGE = "forge"
    EMAIL = "email"
    SLACK = "slack"


@attrs.frozen(kw_only=True)
class TriggerFiring(Model):
    """One time a trigger fired: the run it started, or why it started none."""

    id: str | None = None
    trigger_id: str | None = None
    run_id: str | None = None
    status: str | None = None
    reason: str | None = None
    payload: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class AgentTrigger(Model):
    """A trigger of an agent; it runs the agent's latest version unless one is pinned.

    ``webhook_url`` (webhook triggers) and ``email_address`` (email triggers) are the
    secrets that start runs; ``get`` adds the last 20 ``recent_firings``.
    """

    id: str | None = None
    agent_id: str | None = None
    name: str | None = None
    kind: AgentTriggerKind | None = None
    instruction: str | None = None
    agent_version_id: str | None = None
    enabled: bool | None = None
    config: dict[str, Any] | None = None
    conditions: tuple[dict[str, Any], ...] = ()
    daily_run_limit: int | None = None
    machine: dict[str, Any] | None = None
    webhook_url: str | None = None
    email_address: str | None = None
    recent_firings: tuple[TriggerFiring, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
