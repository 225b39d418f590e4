"""Models of sandbox batches (``/sandboxes/batch``) and the one-shot run lane."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model
from .sandboxes import ExecResult

__all__ = ["SandboxBatch", "SandboxBatchEvent", "SandboxBatchItem", "SandboxRun"]


@attrs.frozen(kw_only=True)
class SandboxBatch(Model):
    """A durable batch of sandbox creates sharing one request, dispatched with a bound.

    ``requested`` sandboxes are asked for; ``completed`` and ``failed`` count the creates
    done; ``runtime`` counts the batch's sandboxes by their current state.
    """

    id: str | None = None
    status: str | None = None
    requested: int | None = None
    completed: int | None = None
    failed: int | None = None
    concurrency: int | None = None
    template_id: str | None = None
    workspace_id: str | None = None
    runtime: dict[str, int] | None = None
    created_at: datetime | None = None
    settled_at: datetime | None = None
    cancelled_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SandboxBatchItem(Model):
    """One create of a batch: its sandbox, or the error it met."""

    id: str | None = None
    batch_id: str | None = None
    index: int | None = None
    status: str | None = None
    sandbox_id: str | None = None
    error: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SandboxBatchEvent(Model):
    """One progress event of a batch: ``batch_progress``, then a final ``batch_settled``.

    ``batch`` is the snapshot the event carries.
    """

    type: str | None = None
    batch: SandboxBatch | None = None

    @property
    def settled(self) -> bool:
        return self.type == "batch_settled"


@attrs.frozen(kw_only=True)
class SandboxRun(Model):
    """``POST /sandboxes/run``: the sandbox created, and its first command's result."""

    id: str | None = None
    name: str | None = None
    state: str | None = None
    template_id: str | None = None
    command_result: ExecResult | None = None
    created_at: datetime | None = None
    metadata: dict[str, Any] | None = None
