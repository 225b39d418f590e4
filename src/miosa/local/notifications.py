"""The notification center, the alert feed and the activity feed, over the tenant's events.

Every tenant event (``sandbox.created``, ``deployment.succeeded``...) is a notification,
newest first, unread until marked; the stream sends them as they happen. An event whose
type ends in ``failed`` or ``error`` fires an alert. The activity feed merges the events
with the audit log's rows.
"""

from __future__ import annotations

from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from .common import JSON, iso, now
from .events import Event, EventLog
from .http import bad_request, json_response, not_found, ok, page_response
from .routing import Call, Endpoint
from .sse import Producer, SSEResponse, last_event_id

READ = "/notifications/read"
RESOLVED = "/alerts/resolved"
ALERTING = ("failed", "error")


def _read(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(READ, {})


def _notification(read: dict[str, JSON], event: Event) -> JSON:
    ident = f"ntf_{event.id}"
    data = event.data.get("data") if isinstance(event.data.get("data"), dict) else {}
    subject = event.data.get("sandbox_id") or (data or {}).get("id")
    title = event.type.replace(".", " ").replace("_", " ").capitalize()
    marked = read.get(ident)
    return {
        "id": ident,
        "type": event.type,
        "title": title,
        "body": f"{title}: {subject}" if subject else title,
        "url": None,
        "read": marked is not None,
        "read_at": marked["read_at"] if marked else None,
        "data": data,
        "created_at": event.data.get("timestamp"),
    }


def _all(call: Call) -> list[JSON]:
    read = _read(call)
    return [_notification(read, e) for e in reversed(call.store.tenant_events.all())]


async def list_notifications(call: Call) -> Response:
    items = _all(call)
    unread = call.query.get("unread", "").lower()
    if unread in ("true", "1"):
        items = [n for n in items if not n["read"]]
    return page_response(items, call.query)


async def unread_count(call: Call) -> Response:
    return ok({"count": sum(1 for n in _all(call) if not n["read"])})


async def mark_read(call: Call) -> Response:
    ident = call.params["notification_id"]
    found = next((n for n in _all(call) if n["id"] == ident), None)
    if found is None:
        raise not_found("notification", ident)
    _read(call).setdefault(ident, {"read_at": iso(now())})
    return ok({**found, "read": True, "read_at": _read(call)[ident]["read_at"]})


async def mark_all_read(call: Call) -> Response:
    stamp = iso(now())
    fresh = [n["id"] for n in _all(call) if not n["read"]]
    for ident in fresh:
        _read(call)[ident] = {"read_at": stamp}
    return ok({"updated": len(fresh)})


def _live(call: Call, log: EventLog, after: int) -> Producer:
    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            last = after
            while True:
                for event in log.since(last):
                    last = event.id
                    note = _notification(_read(call), event)
                    await out.send(Event(event.id, "notification", note))
                if log.closed and last >= log.last_id:
                    return
                await log.wait_after(last)

    return produce


async def stream(call: Call) -> Response:
    """``GET /notifications/stream``: new notifications as they happen."""
    log = call.store.tenant_events
    resume = last_event_id(call.request)
    return SSEResponse(_live(call, log, log.last_id if resume is None else resume), call.store)


def _alerts(call: Call) -> list[JSON]:
    resolved = call.store.records.get(RESOLVED, {})
    found = []
    for event in reversed(call.store.tenant_events.all()):
        if not event.type.endswith(ALERTING):
            continue
        ident = f"alrt_{event.id}"
        done = resolved.get(ident)
        found.append(
            {
                "id": ident,
                "name": event.type,
                "severity": "error",
                "message": f"{event.type} on {event.data.get('sandbox_id') or 'the tenant'}",
                "resource_type": event.type.split(".", 1)[0],
                "resource_id": event.data.get("sandbox_id"),
                "resolved": done is not None,
                "resolved_at": done["resolved_at"] if done else None,
                "fired_at": event.data.get("timestamp"),
                "data": event.data.get("data"),
            }
        )
    return found


async def list_alerts(call: Call) -> Response:
    items = _alerts(call)
    resolved = call.query.get("resolved", "").lower()
    if resolved in ("true", "false"):
        items = [a for a in items if a["resolved"] is (resolved == "true")]
    limit = call.query.get("limit")
    if limit:
        if not limit.isdigit():
            raise bad_request("limit must be an integer", param="limit")
        items = items[: int(limit)]
    return json_response({"data": items})


async def resolve_alert(call: Call) -> Response:
    ident = call.params["alert_id"]
    alert = next((a for a in _alerts(call) if a["id"] == ident), None)
    if alert is None:
        raise not_found("alert", ident)
    body = await call.json()
    done = call.store.records.setdefault(RESOLVED, {}).setdefault(
        ident, {"resolved_at": iso(now()), "note": body.get("note")}
    )
    return ok({**alert, "resolved": True, "resolved_at": done["resolved_at"]})


async def activity(call: Call) -> Response:
    """``GET /activity``: tenant events and audit rows, newest first, filtered."""
    rows: list[JSON] = []
    for event in call.store.tenant_events.all():
        data = event.data.get("data") if isinstance(event.data.get("data"), dict) else {}
        rows.append({
            "id": f"evt_{event.id}",
            "type": event.type,
            "source": "event",
            "action": event.type,
            "actor_id": None,
            "project_id": (data or {}).get("project_id"),
            "resource_type": event.type.split(".", 1)[0],
            "resource_id": event.data.get("sandbox_id") or (data or {}).get("id"),
            "summary": event.type,
            "data": data,
            "occurred_at": event.data.get("timestamp"),
        })  # fmt: skip
    for entry in call.store.audit:
        rows.append({
            "id": entry["id"],
            "type": entry["action"],
            "source": "audit",
            "action": entry["action"],
            "actor_id": entry["actor_id"],
            "project_id": None,
            "resource_type": entry["resource_type"],
            "resource_id": entry["resource_id"],
            "summary": f"{entry['action']} by {entry['actor_id']}",
            "data": entry["metadata"],
            "occurred_at": entry["created_at"],
        })  # fmt: skip
    names = ("project_id", "resource_type", "resource_id")
    wanted = {n: call.query[n] for n in names if call.query.get(n)}
    rows = [r for r in rows if all(r.get(k) == v for k, v in wanted.items())]
    rows.sort(key=lambda r: str(r["occurred_at"] or ""), reverse=True)
    return page_response(rows, call.query)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/notifications", list_notifications),
        Endpoint("GET", "/notifications/unread-count", unread_count),
        Endpoint("GET", "/notifications/stream", stream),
        Endpoint("POST", "/notifications/read-all", mark_all_read, "notification.read_all"),
        Endpoint("POST", "/notifications/{notification_id}/read", mark_read, "notification.read"),
        Endpoint("GET", "/alerts", list_alerts),
        Endpoint("POST", "/alerts/{alert_id}/resolve", resolve_alert, "alert.resolve"),
        Endpoint("GET", "/activity", activity),
    ]
