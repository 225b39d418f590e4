"""Models of agent runtime profiles (``/agent-runtime-profiles``): the defaults an agent
runtime gets in a sandbox or computer (tools, connectors, env, policy)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = ["AgentRuntimeProfile"]


@attrs.frozen(kw_only=True)
class AgentRuntimeProfile(Model):
    """Tenant, workspace or project defaults for an agent runtime.

    A run picks the default profile of its scope unless it names one
    (``agent_runtime_profile_id``) or skips it (``skip_agent_runtime_profile``).
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    runtime: str | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    applies_to: tuple[str, ...] = ()
    tools: tuple[Any, ...] = ()
    connectors: tuple[Any, ...] = ()
    env: dict[str, Any] | None = None
    policy: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None
    is_default: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
