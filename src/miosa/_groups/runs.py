"""Pure helpers for runs, run groups, workflow runs and operations: final states, typed
event parsing."""

from __future__ import annotations

from .._core.waiters import WaitTarget
from ..types.operations import OperationEvent
from ..types.runs import RunActivity, RunEvent
from .open_computers import event_parser

# Statuses after which a run (or a group) changes no more on its own. "cancelled" is the
# spelling some server versions send.
RUN_FINAL_STATES = frozenset({"succeeded", "failed", "canceled", "cancelled"})
RUN_WAIT = WaitTarget.of("run", ready=RUN_FINAL_STATES, failed=())
RUN_GROUP_WAIT = WaitTarget.of("run group", ready=RUN_FINAL_STATES, failed=())

DEFAULT_WAIT_TIMEOUT = 900.0
"""How long ``wait_for_completion`` waits by default, in seconds (15 minutes)."""
DEFAULT_POLL_INTERVAL = 2.0

parse_run_event = event_parser(RunEvent)
parse_run_activity = event_parser(RunActivity)


def has_final_status(item: RunEvent | RunActivity) -> bool:
    """True for the event that reports a final status: the stream has nothing more."""
    return item.status is not None and str(item.status) in RUN_FINAL_STATES


def group_activity_is_final(item: RunActivity) -> bool:
    """True for the group's own final row (a run's final row is not the group's)."""
    kind = item.type or ""
    return not kind.startswith("run_group.entry.") and has_final_status(item)


WORKFLOW_RUN_FINAL_STATES = frozenset({"succeeded", "failed", "cancelled", "canceled"})
WORKFLOW_RUN_WAIT = WaitTarget.of("workflow run", ready=WORKFLOW_RUN_FINAL_STATES, failed=())
WORKFLOW_RUN_OR_DECISION_WAIT = WaitTarget.of(
    "workflow run", ready=WORKFLOW_RUN_FINAL_STATES | {"waiting"}, failed=()
)

OPERATION_FINAL_STATES = frozenset({"succeeded", "failed", "cancelled", "canceled"})
OPERATION_WAIT = WaitTarget.of("operation", ready=OPERATION_FINAL_STATES, failed=())
parse_operation_event = event_parser(OperationEvent)


def operation_event_is_final(event: OperationEvent) -> bool:
    """True for the event reporting a final status: the log has nothing more."""
    return event.status is not None and str(event.status) in OPERATION_FINAL_STATES
