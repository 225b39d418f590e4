"""Models of workflows (``/workflows``): versioned node graphs, and the runs that walk them
step by step (``/workflows/runs``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "Workflow",
    "WorkflowCapabilities",
    "WorkflowNodeType",
    "WorkflowRun",
    "WorkflowRunStatus",
    "WorkflowStatus",
    "WorkflowStep",
    "WorkflowTemplate",
    "WorkflowUsage",
    "WorkflowVersion",
    "WorkflowWebhook",
]


class WorkflowStatus(OpenEnum):
    """A definition's state: runs start only from a published, unpaused workflow."""

    DRAFT = "draft"
    PUBLISHED = "published"
    PAUSED = "paused"


class WorkflowRunStatus(OpenEnum):
    """A run's state. ``waiting`` holds at a decision node until it is answered."""

    QUEUED = "queued"
    RUNNING = "running"
    WAITING = "waiting"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        """True for ``succeeded``, ``failed`` and ``cancelled``."""
        return self.value in ("succeeded", "failed", "cancelled", "canceled")


@attrs.frozen(kw_only=True)
class Workflow(Model):
    """A workflow definition: its graph and where it stands."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    status: WorkflowStatus | None = None
    graph: dict[str, Any] | None = None
    version: int | None = None
    published_version: int | None = None
    webhook_enabled: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class WorkflowVersion(Model):
    """One immutable version of a workflow's graph."""

    id: str | None = None
    workflow_id: str | None = None
    version: int | None = None
    graph: dict[str, Any] | None = None
    published: bool | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class WorkflowStep(Model):
    """One node of a run: what it did, or why it holds or failed."""

    index: int | None = None
    node_id: str | None = None
    type: str | None = None
    status: str | None = None
    output: Any = None
    error: str | None = None
    decision: Any = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@attrs.frozen(kw_only=True)
class WorkflowRun(Model):
    """A run of a workflow version and its step states."""

    id: str | None = None
    workflow_id: str | None = None
    version: int | None = None
    status: WorkflowRunStatus | None = None
    source: str | None = None
    input: dict[str, Any] | None = None
    output: Any = None
    error: str | None = None
    steps: tuple[WorkflowStep, ...] = ()
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def waiting_step(self) -> WorkflowStep | None:
        """The decision step holding the run, if any."""
        return next((s for s in self.steps if s.status == "waiting"), None)


@attrs.frozen(kw_only=True)
class WorkflowWebhook(Model):
    """A workflow's webhook token: the secret path ``/workflows/trigger/{token}``."""

    workflow_id: str | None = None
    token: str | None = None
    url: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class WorkflowNodeType(Model):
    """A node type a graph may use."""

    type: str | None = None
    label: str | None = None
    description: str | None = None
    category: str | None = None
    config: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class WorkflowTemplate(Model):
    """A starter workflow."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    graph: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class WorkflowCapabilities(Model):
    """What this deployment's workflow engine supports."""

    node_types: tuple[str, ...] = ()
    decisions: bool | None = None
    webhooks: bool | None = None
    schedules: bool | None = None
    max_steps: int | None = None


@attrs.frozen(kw_only=True)
class WorkflowUsage(Model):
    """Workflow execution in the billing period."""

    period_start: datetime | None = None
    period_end: datetime | None = None
    runs: int | None = None
    steps: int | None = None
    included_steps: int | None = None
