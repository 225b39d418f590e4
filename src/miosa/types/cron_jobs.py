"""Models of cron jobs and their executions."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["CronExecution", "CronJob"]


@attrs.frozen(kw_only=True)
class CronJob(Model):
    """Scheduled work (``/cron-jobs``); ``schedule`` is a cron expression.

    What a job runs is not in the contract; such fields are in ``raw``.
    """

    id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    schedule: str | None = None
    state: str | None = None
    paused: bool | None = None
    last_run_at: datetime | None = None
    next_run_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CronExecution(Model):
    """One run of a cron job (``/cron-jobs/{id}/executions``)."""

    id: str | None = None
    cron_job_id: str | None = None
    state: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: int | None = None
    exit_code: int | None = None
    error: str | None = None
    created_at: datetime | None = None
