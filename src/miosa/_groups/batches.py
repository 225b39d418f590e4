"""Pure helpers for sandbox batches and bulk operations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from .._converter import structure
from .._core.sse import ServerSentEvent
from .._core.waiters import WaitTarget
from .._events import decode_payload, is_skip
from ..types.sandbox_batches import SandboxBatch, SandboxBatchEvent


def parse_batch_event(sse: ServerSentEvent) -> SandboxBatchEvent | None:
    """A ``batch_progress``/``batch_settled`` event; its JSON data is the batch snapshot."""
    payload = decode_payload(sse)
    if is_skip(payload) or not isinstance(payload, dict) or set(payload) == {"line"}:
        return None
    kind = sse.event if sse.event and sse.event != "message" else payload.get("type")
    snapshot = payload.get("batch") if isinstance(payload.get("batch"), dict) else payload
    event = SandboxBatchEvent(
        type=str(kind) if kind else None, batch=structure(snapshot, SandboxBatch)
    )
    object.__setattr__(event, "_raw", payload)
    return event


def batch_settled(event: SandboxBatchEvent) -> bool:
    return event.settled


def selection(ids: Sequence[str] | None, where: Mapping[str, Any] | None) -> dict[str, Any]:
    """A bulk body's target: the ids when given, else the filter; one of them is needed."""
    if ids is not None:
        return {"ids": list(ids)}
    if where is None:
        raise ValueError("give ids= or filter=")
    return {"filter": dict(where)}


# Bulk job states (the API documents none: the usual spellings).
BULK_JOB: Final = WaitTarget.of(
    "bulk job", ready={"completed", "succeeded", "done", "partial"}, failed={"failed"}
)
