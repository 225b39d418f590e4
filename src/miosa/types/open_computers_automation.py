"""Models of recurring work on OpenComputers hosts: schedules and their runs, backups."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "OpenComputerBackupConfig",
    "OpenComputerBackupSnapshot",
    "OpenComputerBackupState",
    "OpenComputerRestore",
    "OpenComputerSchedule",
    "OpenComputerScheduleCreated",
    "OpenComputerScheduleRun",
    "OpenComputerScheduleState",
    "OpenComputerScheduleTrigger",
]


# -- schedules -----------------------------------------------------------------------------


class OpenComputerScheduleTrigger(OpenEnum):
    """What starts a schedule's runs."""

    CRON = "cron"
    WEBHOOK = "webhook"
    MANUAL = "manual"


class OpenComputerScheduleState(OpenEnum):
    """Whether a schedule runs (``pause``/``resume`` switch it)."""

    ACTIVE = "active"
    PAUSED = "paused"


@attrs.frozen(kw_only=True)
class OpenComputerSchedule(Model):
    """A command a host runs on a cron, on a webhook call, or by hand.

    After ``max_consecutive_failures`` failed runs in a row the server pauses it.
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    trigger_kind: OpenComputerScheduleTrigger | None = None
    cron_expression: str | None = None
    timezone: str | None = None
    cmd: str | None = None
    args: tuple[str, ...] = ()
    env: dict[str, str] | None = None
    cwd: str | None = None
    timeout_ms: int | None = None
    state: OpenComputerScheduleState | None = None
    next_run_at: datetime | None = None
    last_run_at: datetime | None = None
    last_run_exit_code: int | None = None
    last_run_job_id: str | None = None
    consecutive_failures: int | None = None
    max_consecutive_failures: int | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerScheduleCreated(Model):
    """The reply to creating a schedule.

    A webhook schedule's ``webhook_token`` and ``webhook_url`` are in this reply only:
    store them now.
    """

    schedule: OpenComputerSchedule | None = None
    webhook_token: str | None = attrs.field(default=None, repr=False)
    webhook_url: str | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class OpenComputerScheduleRun(Model):
    """One run of a schedule: the job it started and how that ended."""

    id: str | None = None
    schedule_id: str | None = None
    host_id: str | None = None
    trigger_kind: OpenComputerScheduleTrigger | None = None
    job_id: str | None = None
    state: str | None = None
    exit_code: int | None = None
    error: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    created_at: datetime | None = None


# -- backups -------------------------------------------------------------------------------


class OpenComputerBackupState(OpenEnum):
    """Whether a backup config takes snapshots on its schedule."""

    ACTIVE = "active"
    PAUSED = "paused"


@attrs.frozen(kw_only=True)
class OpenComputerBackupConfig(Model):
    """What to back up on a host (``path``), when (``schedule_cron``), and what to keep."""

    id: str | None = None
    name: str | None = None
    path: str | None = None
    schedule_cron: str | None = None
    timezone: str | None = None
    retention_count: int | None = None
    retention_days: int | None = None
    exclude_patterns: tuple[str, ...] = ()
    compression_level: int | None = None
    state: OpenComputerBackupState | None = None
    last_snapshot_at: datetime | None = None
    last_snapshot_size_bytes: int | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerBackupSnapshot(Model):
    """One snapshot a backup config took (or is taking: see ``state``)."""

    id: str | None = None
    config_id: str | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    state: str | None = None
    total_bytes: int | None = None
    compressed_bytes: int | None = None
    chunk_count: int | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    error: str | None = None


@attrs.frozen(kw_only=True)
class OpenComputerRestore(Model):
    """The receipt of starting a restore; it runs on the target host."""

    restore_id: str | None = None
