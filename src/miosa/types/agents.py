"""Models of saved agents (``/agents``) and their immutable, numbered versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = ["Agent", "AgentStatus", "AgentVersion"]


class AgentStatus(OpenEnum):
    """Whether an agent accepts runs: ``archived`` agents do not until restored."""

    ACTIVE = "active"
    ARCHIVED = "archived"


@attrs.frozen(kw_only=True)
class AgentVersion(Model):
    """One published configuration of an agent, numbered from 1 and never changed.

    ``unchanged`` is true when a publish found the same fingerprint as the latest version
    and returned that version instead of minting a new one.
    """

    id: str | None = None
    agent_id: str | None = None
    version: int | None = None
    configuration: dict[str, Any] | None = None
    fingerprint: str | None = None
    unchanged: bool | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class Agent(Model):
    """A saved agent: identity and scope; its behaviour lives in its current ``version``."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    status: AgentStatus | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    metadata: dict[str, Any] | None = None
    version: AgentVersion | None = None
    latest_version: int | None = None
    archived_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
