"""Models of runs (``/runs``: an instruction or command dispatched into a sandbox or
computer) and run groups (``/run-groups``: runs fanned out and followed together)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypedDict

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "Run",
    "RunActivity",
    "RunCommandOutput",
    "RunDiagnostic",
    "RunEvent",
    "RunFile",
    "RunGroup",
    "RunGroupDispatch",
    "RunGroupDispatchResult",
    "RunGroupEntry",
    "RunMessage",
    "RunOutputs",
    "RunPreview",
    "RunSpec",
    "RunStatus",
    "RunUsage",
    "RunUsageGroup",
]


class RunStatus(OpenEnum):
    """A run's (or a run group's) lifecycle: ``queued`` -> ``running`` -> a final state."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"

    @property
    def is_final(self) -> bool:
        """True for ``succeeded``, ``failed`` and ``canceled`` (or ``cancelled``)."""
        return self.value in ("succeeded", "failed", "canceled", "cancelled")


@attrs.frozen(kw_only=True)
class Run(Model):
    """One dispatched run: what it runs, where, for whom, and how it ended.

    The command's output is not on the run: read ``runs.command_output(run.id)``.
    """

    id: str | None = None
    status: RunStatus | None = None
    instruction: str | None = None
    command: str | None = None
    runner: str | None = None
    provider: str | None = None
    model: str | None = None
    harness: str | None = None
    harness_session_id: str | None = None
    reasoning_effort: str | None = None
    cwd: str | None = None
    target_kind: str | None = None
    target_id: str | None = None
    runtime_id: str | None = None
    sandbox_id: str | None = None
    computer_id: str | None = None
    run_group_id: str | None = None
    parent_run_id: str | None = None
    orchestration_role: str | None = None
    chat_id: str | None = None
    agent_definition_id: str | None = None
    agent_version_id: str | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    source: str | None = None
    error: str | None = None
    provider_cost: float | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunEvent(Model):
    """A durable event of a run (``run.queued``, ``run.started``, ``run.output``, ...)."""

    id: str | None = None
    run_id: str | None = None
    type: str | None = None
    status: RunStatus | None = None
    message: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunActivity(Model):
    """One row of a run's or a run group's live activity feed."""

    id: str | None = None
    type: str | None = None
    run_id: str | None = None
    run_group_id: str | None = None
    status: RunStatus | None = None
    message: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunFile(Model):
    """A file a run produced; ``runs.download_file(run_id, file.id)`` reads it."""

    id: str | None = None
    run_id: str | None = None
    name: str | None = None
    path: str | None = None
    size: int | None = None
    content_type: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunOutputs(Model):
    """What a run produced against its ``expected_outputs``."""

    run_id: str | None = None
    outputs: dict[str, Any] | None = None
    expected_outputs: dict[str, Any] | None = None
    files: tuple[RunFile, ...] = ()


@attrs.frozen(kw_only=True)
class RunMessage(Model):
    """One message of the conversation a run had with its harness."""

    id: str | None = None
    run_id: str | None = None
    role: str | None = None
    content: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunCommandOutput(Model):
    """The captured output of a run's command (or its harness process)."""

    run_id: str | None = None
    command: str | None = None
    stdout: str | None = None
    stderr: str | None = None
    exit_code: int | None = None
    timed_out: bool | None = None
    duration_ms: int | None = None


@attrs.frozen(kw_only=True)
class RunPreview(Model):
    """A preview URL a run opened (a port served from its target)."""

    id: str | None = None
    run_id: str | None = None
    port: int | None = None
    url: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunDiagnostic(Model):
    """A finding about a run: why it failed, what it could not reach, what it skipped."""

    id: str | None = None
    run_id: str | None = None
    level: str | None = None
    code: str | None = None
    message: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunUsageGroup(Model):
    """One bucket of `RunUsage`: ``key`` holds the ``group_by`` dimensions' values."""

    key: dict[str, Any] | None = None
    runs: int | None = None
    provider_cost: float | None = None


@attrs.frozen(kw_only=True)
class RunUsage(Model):
    """``provider_cost`` summed over finished runs in a window, optionally grouped."""

    runs: int | None = None
    provider_cost: float | None = None
    group_by: tuple[str, ...] = ()
    groups: tuple[RunUsageGroup, ...] = ()


@attrs.frozen(kw_only=True)
class RunGroupEntry(Model):
    """One run's place in a group."""

    id: str | None = None
    run_group_id: str | None = None
    run_id: str | None = None
    status: RunStatus | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunGroup(Model):
    """Runs fanned out together; final once every run is (``runs`` with ``include_runs``)."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    status: RunStatus | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    concurrency_limit: int | None = None
    expected_runs: int | None = None
    metadata: dict[str, Any] | None = None
    runs: tuple[Run, ...] = ()
    entries: tuple[RunGroupEntry, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    finished_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RunGroupDispatchResult(Model):
    """One dispatched entry: the run it started, or why it could not."""

    run: Run | None = None
    error: str | None = None


@attrs.frozen(kw_only=True)
class RunGroupDispatch(Model):
    """The reply of a dispatch: the group as it stands and one result per entry."""

    group: RunGroup | None = None
    results: tuple[RunGroupDispatchResult, ...] = ()
    entries: tuple[RunGroupEntry, ...] = ()


class RunSpec(TypedDict, total=False):
    """One run to dispatch into a group (``run_groups.dispatch``): the fields of
    ``runs.create`` that a group entry may carry."""

    instruction: str
    message: str
    target_kind: str
    target_id: str
    runtime_id: str
    sandbox_id: str
    computer_id: str
    runner: str
    provider: str
    model: str
    command: str
    runtime_command: str
    cwd: str
    timeout: int
    env: Mapping[str, str]
    resume_session_id: str
    agent_runtime_profile_id: str
    agent_profile_id: str
    parent_run_id: str
    orchestration_role: str
    skip_agent_runtime_profile: bool
    execution_packet: Mapping[str, Any]
    expected_outputs: Mapping[str, Any]
    approval_policy: Mapping[str, Any]
    capability_requirements: Sequence[str]
    metadata: Mapping[str, Any]
