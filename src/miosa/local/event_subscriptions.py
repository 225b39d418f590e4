"""The platform-event outbox: subscriptions, and the deliveries routed to them.

Deliveries are the tenant's events since a subscription was made that match its
``event_type`` (exact, or ``prefix.*``) and its ``filter`` (equality on payload keys),
while it is active. The local server has no consumers to hand them to, so each reads
``delivered`` on its first attempt; a redelivery queues it again (``queued``, attempt
count up) and a queued one cannot be requeued (409 ``NOT_REDELIVERABLE``).
"""

from __future__ import annotations

import re

from starlette.responses import Response

from .common import JSON, iso, new_id, now, parse_iso
from .events import Event
from .http import ApiError, ok, page_response
from .records import Collection, crud_endpoints, find, records
from .routing import Call, Endpoint

CONSUMERS = ("workflow", "webhook", "agent", "notification")
EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?$")
MAX_FILTER_KEYS = 8
SUBSCRIPTIONS = Collection(
    "/event-subscriptions",
    "subscription_id",
    "esub",
    "subscription",
    verbs=frozenset({"list", "get", "delete"}),
    filters=("consumer_kind", "consumer_id"),
)
REQUEUED = "/event-deliveries"


def _check_filter(value: object) -> None:
    flat = isinstance(value, dict) and all(
        isinstance(v, (str, int, float, bool)) or v is None for v in value.values()
    )
    if not flat or len(value) > MAX_FILTER_KEYS:  # type: ignore[arg-type]
        message = f"filter must be a flat object of at most {MAX_FILTER_KEYS} keys"
        raise ApiError(422, "INVALID_FILTER", message)


async def create(call: Call) -> Response:
    body = await call.json()
    if body.get("consumer_kind") not in CONSUMERS:
        raise ApiError(422, "VALIDATION_ERROR",
                       f"consumer_kind must be one of {', '.join(CONSUMERS)}")  # fmt: skip
    if not isinstance(body.get("consumer_id"), str) or not body["consumer_id"]:
        raise ApiError(422, "VALIDATION_ERROR", "consumer_id is required")
    event_type = body.get("event_type")
    if not isinstance(event_type, str) or not EVENT_TYPE.match(event_type):
        raise ApiError(422, "UNKNOWN_EVENT_TYPE", f"unknown event type {event_type!r}")
    if "filter" in body:
        _check_filter(body["filter"])
    stamp = iso(now())
    subscription: JSON = {
        "id": new_id(SUBSCRIPTIONS.prefix),
        "consumer_kind": body["consumer_kind"],
        "consumer_id": body["consumer_id"],
        "event_type": event_type,
        "filter": body.get("filter") or {},
        "workspace_id": body.get("workspace_id"),
        "project_id": body.get("project_id"),
        "active": True,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, SUBSCRIPTIONS)[subscription["id"]] = subscription
    call.resource_id = subscription["id"]
    return ok(subscription, 201)


async def update(call: Call) -> Response:
    """``PATCH``: ``active`` and ``filter`` only."""
    subscription = find(call, SUBSCRIPTIONS)
    body = await call.json()
    unknown = set(body) - {"active", "filter"}
    if unknown:
        raise ApiError(422, "VALIDATION_ERROR", f"cannot change {', '.join(sorted(unknown))}")
    if "filter" in body:
        _check_filter(body["filter"])
    subscription.update(body)
    subscription["updated_at"] = iso(now())
    return ok(subscription)


def _matches(subscription: JSON, event: Event) -> bool:
    wanted = str(subscription["event_type"])
    if wanted.endswith(".*"):
        if not event.type.startswith(wanted[:-1]):
            return False
    elif event.type != wanted:
        return False
    data = event.data.get("data") if isinstance(event.data.get("data"), dict) else {}
    payload = {**event.data, **(data or {})}
    return all(payload.get(k) == v for k, v in subscription["filter"].items())


def _deliveries(call: Call, subscription: JSON) -> list[JSON]:
    since = parse_iso(str(subscription["created_at"])) or 0.0
    requeued = call.store.records.get(REQUEUED, {})
    found = []
    for event in call.store.tenant_events.all():
        stamp = event.data.get("timestamp")
        if (parse_iso(str(stamp)) or 0.0) < since or not _matches(subscription, event):
            continue
        ident = f"edl_{subscription['id']}_{event.id}"
        again = requeued.get(ident, {})
        found.append({
            "id": ident,
            "subscription_id": subscription["id"],
            "event_id": str(event.id),
            "event_type": event.type,
            "state": again.get("state", "delivered"),
            "attempts": 1 + int(again.get("requeues", 0)),
            "last_error": None,
            "next_attempt_at": None,
            "delivered_at": stamp,
            "created_at": stamp,
        })  # fmt: skip
    return list(reversed(found))


async def deliveries(call: Call) -> Response:
    subscription = find(call, SUBSCRIPTIONS)
    items = _deliveries(call, subscription) if subscription["active"] else []
    state = call.query.get("state")
    return page_response([d for d in items if not state or d["state"] == state], call.query)


async def redeliver(call: Call) -> Response:
    """``POST /event-deliveries/{delivery_id}/redeliver``: 202 ``queued``."""
    ident = call.params["delivery_id"]
    for subscription in records(call, SUBSCRIPTIONS).values():
        for delivery in _deliveries(call, subscription):
            if delivery["id"] != ident:
                continue
            if delivery["state"] == "queued":
                raise ApiError(409, "NOT_REDELIVERABLE", "the delivery is already queued")
            again = call.store.records.setdefault(REQUEUED, {}).setdefault(ident, {})
            again.update(state="queued", requeues=int(again.get("requeues", 0)) + 1)
            return ok({"id": ident, "state": "queued"}, 202)
    raise ApiError(404, "DELIVERY_NOT_FOUND", f"delivery {ident} not found")


def endpoints() -> list[Endpoint]:
    item = SUBSCRIPTIONS.item_path
    return [
        *crud_endpoints([SUBSCRIPTIONS]),
        Endpoint("POST", SUBSCRIPTIONS.path, create, "event_subscription.create"),
        Endpoint("PATCH", item, update, "event_subscription.update"),
        Endpoint("GET", item + "/deliveries", deliveries),
        Endpoint("POST", "/event-deliveries/{delivery_id}/redeliver", redeliver,
                 "event_delivery.redeliver"),
    ]  # fmt: skip
