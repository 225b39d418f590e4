"""Models of usage reporting (``/usage``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from .._aliases import aliases_filled
from ._base import Model, OpenEnum

__all__ = [
    "UsageGroupBy",
    "UsagePeriod",
    "UsageReport",
    "UsageReportRow",
    "UsageSession",
    "UsageSummary",
]


class UsageGroupBy(OpenEnum):
    """How ``usage.get`` groups its rows."""

    EXTERNAL_USER_ID = "external_user_id"
    EXTERNAL_PROJECT_ID = "external_project_id"
    WORKSPACE_ID = "workspace_id"


class UsagePeriod(OpenEnum):
    """Named reporting windows of ``usage.get``."""

    LAST_7_DAYS = "7d"
    LAST_30_DAYS = "30d"
    MONTH_TO_DATE = "month-to-date"


@attrs.frozen(kw_only=True)
class UsageSummary(Model):
    """``GET /usage/summary``: totals for a billing period."""

    period_start: datetime | None = None
    period_end: datetime | None = None
    total_credits: int | float | None = None
    compute_hours: int | float | None = None
    storage_gb: int | float | None = None
    bandwidth_gb: int | float | None = None
    ai_tokens: int | None = None


@attrs.frozen(kw_only=True)
class UsageSession(Model):
    """One usage session; ``credits_used`` and ``credit_cost`` hold the same value."""

    id: str | None = None
    computer_id: str | None = None
    sandbox_id: str | None = None
    external_user_id: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    duration_sec: int | float | None = None
    credits_used: int | float | None = None
    credit_cost: int | float | None = None

    __attrs_post_init__ = aliases_filled(("credits_used", "credit_cost"))


@attrs.frozen(kw_only=True)
class UsageReportRow(Model):
    """One attribution group of ``usage.get`` (the grouping key is set, the others may not be)."""

    external_user_id: str | None = None
    external_project_id: str | None = None
    workspace_id: str | None = None
    sandbox_seconds: int | float | None = None
    computer_seconds: int | float | None = None
    storage_gb_hours: int | float | None = None
    credit_cents: int | float | None = None


@attrs.frozen(kw_only=True)
class UsageReport(Model):
    """``GET /usage``: usage per external user, project or workspace over a period."""

    period_start: datetime | None = None
    period_end: datetime | None = None
    group_by: UsageGroupBy | None = None
    results: tuple[UsageReportRow, ...] | None = None
