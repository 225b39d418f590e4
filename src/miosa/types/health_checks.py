"""Models of uptime health checks."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = ["HealthCheck", "HealthStatus"]


class HealthStatus(OpenEnum):
    UP = "up"
    DOWN = "down"


@attrs.frozen(kw_only=True)
class HealthCheck(Model):
    """An uptime check of a URL (``/health-checks``); intervals are in seconds."""

    id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    url: str | None = None
    state: str | None = None
    interval_sec: int | None = None
    timeout_sec: int | None = None
    method: str | None = None
    expected_status: int | None = None
    last_checked_at: datetime | None = None
    last_status: HealthStatus | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
