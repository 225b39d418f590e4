"""Models of admin benchmark runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "BenchmarkComparison",
    "BenchmarkKind",
    "BenchmarkRun",
    "BenchmarkSample",
    "BenchmarkStatus",
]


class BenchmarkKind(OpenEnum):
    COLD_BOOT = "cold_boot"
    FLEET_ROUTING = "fleet_routing"
    CONCURRENT_CREATE = "concurrent_create"
    FULL_E2E = "full_e2e"


class BenchmarkStatus(OpenEnum):
    PENDING = "pending"
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    CANCELED = "canceled"
    ERROR = "error"

    @property
    def is_terminal(self) -> bool:
        """True once the run will not change any more."""
        return self in _TERMINAL


FINISHED_STATUSES = _TERMINAL = frozenset(
    {
        BenchmarkStatus.COMPLETED,
        BenchmarkStatus.SUCCEEDED,
        BenchmarkStatus.FAILED,
        BenchmarkStatus.CANCELLED,
        BenchmarkStatus.CANCELED,
        BenchmarkStatus.ERROR,
    }
)


@attrs.frozen(kw_only=True)
class BenchmarkRun(Model):
    """One benchmark run; long-running (poll `get` or use `wait_for_completion`)."""

    id: str | None = None
    kind: BenchmarkKind | None = None
    status: BenchmarkStatus | None = None
    options: dict[str, Any] | None = None
    summary: dict[str, Any] | None = None
    created_at: datetime | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None

    @property
    def is_finished(self) -> bool:
        return self.status is not None and self.status.is_terminal


@attrs.frozen(kw_only=True)
class BenchmarkSample(Model):
    """One per-iteration timing sample of a run."""

    id: str | None = None
    benchmark_id: str | None = None
    iteration: int | None = None
    duration_ms: float | None = None
    success: bool | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class BenchmarkComparison(Model):
    """Two runs compared; the figures are server-defined (see `raw`)."""

    left_id: str | None = None
    right_id: str | None = None
    left: BenchmarkRun | None = None
    right: BenchmarkRun | None = None
