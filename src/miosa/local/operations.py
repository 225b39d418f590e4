"""Durable operations (``/operations/{operation_id}``): work that outlives its request.

A route that starts such work (deleting a forge repository) calls :func:`start`, which
records the operation with its plan: ``pending`` for a grace period, then ``running``,
then ``succeeded``. Where an operation stands is worked out from the clock on every read,
so no background task is needed and a restarted server with a data directory carries on.
While ``pending`` the operation can be cancelled: the records it removed (``restore``)
are put back. Later, ``cancel`` is refused with 409 ``OPERATION_NOT_CANCELLABLE``.

``GET /operations/{operation_id}/events`` streams the event log (one event per step
reached, then each new one as it happens) and ends after the final one; ``Last-Event-ID``
resumes after the events already seen.
"""

from __future__ import annotations

import anyio
from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .events import Event
from .http import ApiError, ok
from .records import Collection, find, records
from .routing import Call, Endpoint
from .sse import SSEResponse, last_event_id

OPERATIONS = Collection("/operations", "operation_id", "op", "operation", verbs=frozenset())
# Seconds an operation waits before it runs (while it can be cancelled) and then runs.
GRACE_SECONDS = 0.5
RUN_SECONDS = 0.25
FINAL = frozenset({"succeeded", "failed", "cancelled"})
_POLL_SECONDS = 0.05


def start(
    call: Call,
    type_: str,
    resource_type: str,
    resource_id: str,
    restore: dict[str, list[JSON]] | None = None,
) -> str:
    """Record a new operation on ``resource_type``/``resource_id`` and return its id.

    ``restore`` maps a record-store table to the records the work removed; cancelling the
    operation in its grace period puts them back.
    """
    begun = now()
    verb = type_.rsplit(".", 1)[-1]
    operation: JSON = {
        "id": new_id(OPERATIONS.prefix),
        "type": type_,
        "resource_type": resource_type,
        "resource_id": resource_id,
        "created_at": iso(begun),
        "_t0": begun,
        "_plan": [
            [0.0, "pending", "queued", f"{verb} accepted"],
            [GRACE_SECONDS, "running", verb, f"{verb} in progress"],
            [GRACE_SECONDS + RUN_SECONDS, "succeeded", "done", f"{verb} finished"],
        ],
        "_cancelled_at": None,
        "_restore": restore or {},
    }
    records(call, OPERATIONS)[operation["id"]] = operation
    return str(operation["id"])


def _events(operation: JSON) -> list[JSON]:
    """The event log as of now: every step reached, and the cancellation if any."""
    t0, cancelled = float(operation["_t0"]), operation["_cancelled_at"]
    horizon = (cancelled if cancelled is not None else now()) - t0
    log = [
        {"status": status, "step": step, "message": message, "at": t0 + offset}
        for offset, status, step, message in operation["_plan"]
        if offset <= horizon
    ]
    if cancelled is not None:
        log.append({"status": "cancelled", "step": "cancelled", "message": "cancelled",
                    "at": cancelled})  # fmt: skip
    return [
        {
            "id": f"{operation['id']}-{n}",
            "type": f"operation.{entry['status']}",
            "operation_id": operation["id"],
            "status": entry["status"],
            "step": entry["step"],
            "message": entry["message"],
            "created_at": iso(entry["at"]),
        }
        for n, entry in enumerate(log, 1)
    ]


def view(operation: JSON) -> JSON:
    """The operation as it stands now (bookkeeping left out)."""
    log = _events(operation)
    last = log[-1]
    started = next((e["created_at"] for e in log if e["status"] == "running"), None)
    return {
        **{k: v for k, v in operation.items() if not k.startswith("_")},
        "status": last["status"],
        "current_step": last["step"],
        "error_code": None,
        "error_message": None,
        "started_at": started,
        "finished_at": last["created_at"] if last["status"] in FINAL else None,
        "updated_at": last["created_at"],
    }


async def get_operation(call: Call) -> Response:
    """``GET /operations/{operation_id}``."""
    return ok(view(find(call, OPERATIONS)))


async def cancel_operation(call: Call) -> Response:
    """``POST /operations/{operation_id}/cancel``: only while ``pending``; what the work
    removed comes back."""
    operation = find(call, OPERATIONS)
    status = view(operation)["status"]
    if status != "pending":
        raise ApiError(
            409,
            "OPERATION_NOT_CANCELLABLE",
            f"operation {operation['id']} is {status} and can no longer be cancelled",
            {"operation_id": operation["id"], "status": status},
        )
    operation["_cancelled_at"] = now()
    for table, removed in operation["_restore"].items():
        for record in removed:
            records_of = call.store.records.setdefault(table, {})
            records_of[str(record["id"])] = record
    operation["_restore"] = {}
    return ok(view(operation))


async def operation_events(call: Call) -> Response:
    """``GET /operations/{operation_id}/events``: the log, then new events, until final."""
    operation = find(call, OPERATIONS)
    after = last_event_id(call.request) or 0

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        sent = after
        async with out:
            while True:
                log = _events(operation)
                for number, event in enumerate(log[sent:], sent + 1):
                    await out.send(Event(number, str(event["type"]), event))
                sent = max(sent, len(log))
                if log[-1]["status"] in FINAL:
                    return
                await anyio.sleep(_POLL_SECONDS)

    return SSEResponse(produce, call.store)


def endpoints() -> list[Endpoint]:
    item = OPERATIONS.item_path
    return [
        Endpoint("GET", item, get_operation),
        Endpoint("POST", item + "/cancel", cancel_operation, "operation.cancel"),
        Endpoint("GET", item + "/events", operation_events),
    ]


__all__ = ["GRACE_SECONDS", "OPERATIONS", "endpoints", "start", "view"]
