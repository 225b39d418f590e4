"""OpenComputers (bring your own computer): the tenant's alerting, audit log and webhooks.

Hosts are machines the local server does not have, so the routes below a host keep their
records under whatever host id the path names (the record store does not check parents).
Each route answers in production's envelope (``{"data": ...}`` for alerts and webhooks).
Verbs change state the way production does: firing a rule records a fire, acknowledging a
fire stamps who and when, verifying a channel stamps ``verified_at``, testing a webhook
logs a delivery. The audit log is a view of this server's own audit records of
``/opencomputers`` calls, chained with SHA-256 as production chains its entries.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets

from starlette.datastructures import QueryParams
from starlette.responses import Response

from .common import JSON, iso, new_id, now, parse_iso
from .http import bad_request, int_param, json_response, not_found, ok, paginate
from .records import Collection, crud_endpoints, find, records, respond
from .routing import Call, Endpoint

_OC = "/opencomputers"

# -- alerts --------------------------------------------------------------------------------

ALERT_RULES = Collection(
    _OC + "/alerts/rules",
    "rule_id",
    "ocar",
    "alert rule",
    verbs=frozenset({"list", "create", "update", "delete"}),
    update=("PATCH",),
    required=("name", "trigger_kind"),
    defaults={
        "description": None,
        "state": "active",
        "trigger_config": {},
        "cooldown_s": 300,
        "severity": "warning",
        "channel_ids": [],
        "host_id": None,
        "last_fired_at": None,
        "fire_count": 0,
    },
)
ALERT_CHANNELS = Collection(
    _OC + "/alerts/channels",
    "channel_id",
    "ocac",
    "alert channel",
    verbs=frozenset({"list", "create", "update", "delete"}),
    update=("PATCH",),
    required=("name", "kind"),
    defaults={"config": {}, "verified_at": None, "failure_count": 0, "last_used_at": None},
)
ALERT_FIRES = Collection(
    _OC + "/alerts/fires",
    "fire_id",
    "ocaf",
    "alert fire",
    verbs=frozenset(),
)
FIRES_DEFAULT_LIMIT, FIRES_MAX_LIMIT = 50, 200


async def fire_rule(call: Call) -> Response:
    """``POST .../rules/{rule_id}/fire-test``: record a fire now, whatever the trigger."""
    rule = find(call, ALERT_RULES)
    await call.json()
    stamp = iso(now())
    fire = {
        "id": new_id(ALERT_FIRES.prefix),
        "rule_id": rule["id"],
        "fired_at": stamp,
        "context": {"test": True, "rule_name": rule.get("name")},
        "deliveries": [
            {"channel_id": channel, "status": "delivered"} for channel in rule["channel_ids"]
        ],
        "acknowledged_at": None,
        "acknowledged_by": None,
        "created_at": stamp,
    }
    records(call, ALERT_FIRES)[fire["id"]] = fire
    rule.update(last_fired_at=stamp, fire_count=int(rule.get("fire_count") or 0) + 1)
    call.resource_id = rule["id"]
    return ok({"status": "fired", "fire_id": fire["id"]})


async def verify_channel(call: Call) -> Response:
    """``POST .../channels/{channel_id}/verify``: the probe succeeds; ``verified_at`` is set."""
    channel = find(call, ALERT_CHANNELS)
    await call.json()
    channel["verified_at"] = channel["updated_at"] = iso(now())
    return respond(ALERT_CHANNELS, channel)


async def list_fires(call: Call) -> Response:
    """``GET .../alerts/fires``: newest first, optionally one rule's."""
    limit = int_param(call.query, "limit", FIRES_DEFAULT_LIMIT, 1, FIRES_MAX_LIMIT)
    rule_id = call.query.get("rule_id")
    fires = [
        f
        for f in reversed(records(call, ALERT_FIRES).values())
        if not rule_id or f["rule_id"] == rule_id
    ]
    return ok(fires[:limit])


async def ack_fire(call: Call) -> Response:
    """``POST .../fires/{fire_id}/ack``: stamp the acknowledging caller and time."""
    fire = find(call, ALERT_FIRES)
    await call.json()
    if fire["acknowledged_at"] is None:
        fire.update(acknowledged_at=iso(now()), acknowledged_by=call.principal.key_id)
    return ok(fire)


# -- audit log -----------------------------------------------------------------------------

AUDIT_DEFAULT_LIMIT, AUDIT_MAX_LIMIT = 100, 200
EXPORT_DEFAULT_LIMIT, EXPORT_MAX_LIMIT = 1000, 5000
_CSV_COLUMNS = ("id", "seq", "event_type", "actor_user_id", "object_kind", "object_id")


def _audit_chain(call: Call) -> list[JSON]:
    """The server's audit records of ``/opencomputers`` calls, oldest first, each linked
    to the one before by ``hash_fingerprint`` (SHA-256 of the previous hash and the entry).
    """
    chain: list[JSON] = []
    previous = ""
    for entry in call.store.audit:
        metadata = entry.get("metadata") or {}
        if f"{_OC}/" not in str(metadata.get("path", "")):
            continue
        event = {
            "id": entry["id"],
            "seq": len(chain) + 1,
            "event_type": entry["action"],
            "actor_user_id": entry.get("actor_id"),
            "actor_host_id": None,
            "tenant_id": entry.get("tenant_id"),
            "object_kind": entry.get("resource_type"),
            "object_id": entry.get("resource_id"),
            "payload": {k: v for k, v in metadata.items() if k != "request_id"},
            "created_at": entry["created_at"],
        }
        digest = hashlib.sha256((previous + json.dumps(event, sort_keys=True)).encode())
        previous = event["hash_fingerprint"] = digest.hexdigest()
        chain.append(event)
    return chain


def _audit_filtered(call: Call) -> list[JSON]:
    """The chain newest first, narrowed by ``event_type``/``kind``, ``host_id``, ``actor``,
    ``from`` and ``to``."""
    q = call.query
    kind = q.get("event_type") or q.get("kind")
    since = parse_iso(q["from"]) if q.get("from") else None
    until = parse_iso(q["to"]) if q.get("to") else None
    found = []
    for event in reversed(_audit_chain(call)):
        stamp = parse_iso(event["created_at"]) or 0.0
        if (
            (kind and event["event_type"] != kind)
            or (q.get("actor") and event["actor_user_id"] != q["actor"])
            or (q.get("host_id") and q["host_id"] not in str(event["payload"].get("path")))
            or (since is not None and stamp < since)
            or (until is not None and stamp > until)
        ):
            continue
        found.append(event)
    return found


async def list_audit(call: Call) -> Response:
    """``GET /opencomputers/audit``: cursor pages of ``{"events", "next_cursor", "count"}``."""
    events = _audit_filtered(call)
    limit = int_param(call.query, "limit", AUDIT_DEFAULT_LIMIT, 1, AUDIT_MAX_LIMIT)
    page = paginate(events, QueryParams({**call.query, "limit": str(limit)}))
    items = page.pop("data")
    return json_response({"events": items, "next_cursor": page["next_cursor"], "count": len(items)})


async def get_audit(call: Call) -> Response:
    """``GET /opencomputers/audit/{event_id}``: ``{"event": {...}}``."""
    ident = call.params["event_id"]
    for event in _audit_chain(call):
        if event["id"] == ident:
            return json_response({"event": event})
    raise not_found("audit event", ident)


async def export_audit(call: Call) -> Response:
    """``GET /opencomputers/audit/export``: JSON (default) or ``format=csv``."""
    limit = int_param(call.query, "limit", EXPORT_DEFAULT_LIMIT, 1, EXPORT_MAX_LIMIT)
    events = _audit_filtered(call)[:limit]
    fmt = call.query.get("format", "json")
    if fmt == "json":
        return json_response({"events": events, "count": len(events)})
    if fmt != "csv":
        raise bad_request("format must be json or csv", param="format")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*_CSV_COLUMNS, "created_at"])
    for event in events:
        writer.writerow([*(event[c] for c in _CSV_COLUMNS), event["created_at"]])
    return Response(out.getvalue(), media_type="text/csv")


async def verify_audit(call: Call) -> Response:
    """``GET /opencomputers/audit/verify``: the chain recomputed; it holds locally."""
    chain = _audit_chain(call)
    return json_response(
        {
            "verified": True,
            "last_good_idx": len(chain) - 1 if chain else None,
            "break_idx": None,
            "last_checked_at": iso(now()),
        }
    )


# -- webhooks ------------------------------------------------------------------------------

WEBHOOKS = Collection(
    _OC + "/webhooks",
    "webhook_id",
    "ocwh",
    "webhook",
    verbs=frozenset({"list", "update", "delete"}),
    update=("PATCH",),
)
DELIVERIES = Collection(
    _OC + "/webhooks/{webhook_id}/deliveries", "delivery_id", "ocwd", "webhook delivery"
)


async def create_webhook(call: Call) -> Response:
    """``POST /opencomputers/webhooks``: the signing secret is in this reply only."""
    body = await call.json()
    for name in ("name", "url"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)
    events = body.get("events")
    if not isinstance(events, list) or not events:
        raise bad_request("events must be a non-empty list of event names", field="events")
    stamp = iso(now())
    record = {
        "id": new_id(WEBHOOKS.prefix),
        "name": body["name"],
        "url": body["url"],
        "events": events,
        "state": "active",
        "host_id": body.get("host_id"),
        "last_delivered_at": None,
        "last_error": None,
        "consecutive_failures": 0,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, WEBHOOKS)[record["id"]] = record
    call.resource_id = record["id"]
    secret = {
        "secret_hex": secrets.token_hex(32),
        "signature_verification": "HMAC-SHA256 of the raw body, hex, in X-Miosa-Signature",
    }
    return ok({**record, **secret}, 201)


async def list_deliveries(call: Call) -> Response:
    """``GET .../webhooks/{webhook_id}/deliveries``: newest first, page-numbered."""
    webhook = find(call, WEBHOOKS)
    log = [d for d in records(call, DELIVERIES).values() if d["webhook_id"] == webhook["id"]]
    return json_response(paginate(list(reversed(log)), call.query))


async def test_webhook(call: Call) -> Response:
    """``POST .../webhooks/{webhook_id}/test``: a test delivery is logged."""
    webhook = find(call, WEBHOOKS)
    await call.json()
    stamp = iso(now())
    delivery = {
        "id": new_id(DELIVERIES.prefix),
        "webhook_id": webhook["id"],
        "event_type": "webhook.test",
        "delivered_at": stamp,
        "http_status": None,
        "response_body": None,
        "duration_ms": 0,
        "error": None,
        "created_at": stamp,
    }
    records(call, DELIVERIES)[delivery["id"]] = delivery
    webhook["last_delivered_at"] = stamp
    return ok({"status": "queued", "message": f"test event queued for {webhook['url']}"})


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        *crud_endpoints([ALERT_RULES, ALERT_CHANNELS, WEBHOOKS]),
        Endpoint("POST", ALERT_RULES.item_path + "/fire-test", fire_rule, "alert rule.fire"),
        Endpoint(
            "POST", ALERT_CHANNELS.item_path + "/verify", verify_channel, "alert channel.verify"
        ),
        Endpoint("GET", ALERT_FIRES.path, list_fires),
        Endpoint("POST", ALERT_FIRES.item_path + "/ack", ack_fire, "alert fire.ack"),
        Endpoint("GET", _OC + "/audit", list_audit),
        Endpoint("GET", _OC + "/audit/export", export_audit),
        Endpoint("GET", _OC + "/audit/verify", verify_audit),
        Endpoint("GET", _OC + "/audit/{event_id}", get_audit),
        Endpoint("POST", WEBHOOKS.path, create_webhook, "webhook.create"),
        Endpoint("GET", DELIVERIES.path, list_deliveries),
        Endpoint("POST", WEBHOOKS.item_path + "/test", test_webhook, "webhook.test"),
    ]
