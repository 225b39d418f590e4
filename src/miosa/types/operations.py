"""Models of durable operations (``/operations/{operation_id}``): long-running work such as
a sandbox's destruction, migration or snapshot, with its state and ordered event log."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = ["Operation", "OperationEvent", "OperationStatus"]


class OperationStatus(OpenEnum):
    """An operation's state; ``succeeded``, ``failed`` and ``cancelled`` are final."""

    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        """True once the operation changes no more."""
        return self.value in ("succeeded", "failed", "cancelled", "canceled")


@attrs.frozen(kw_only=True)
class Operation(Model):
    """A durable operation: what it acts on, where it stands, and how it failed."""

    id: str | None = None
    type: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    status: OperationStatus | None = None
    current_step: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OperationEvent(Model):
    """One entry of an operation's event log."""

    id: str | None = None
    type: str | None = None
    operation_id: str | None = None
    status: OperationStatus | None = None
    step: str | None = None
    message: str | None = None
    created_at: datetime | None = None
