"""Webhooks: CRUD, signed HTTP deliveries with retries, delivery records and replays."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import anyio
from starlette.responses import Response

from .common import JSON, glob_match, iso, new_id, now
from .events import Event
from .fields import optional
from .http import (
    ApiError,
    bad_request,
    dumps,
    json_response,
    no_content,
    not_found,
    ok,
    page_response,
)
from .routing import Call, Endpoint
from .state import Sandbox, Store

if TYPE_CHECKING:
    import httpx

DELIVERY_TIMEOUT = 5.0
DEFAULT_RETRIES = 2
MAX_RETRIES = 10
MAX_DELIVERIES = 10_000
SIGNATURE_HEADER = "X-Miosa-Signature"
CATALOG: dict[str, list[str]] = {
    "sandbox": [
        "sandbox.created",
        "sandbox.ready",
        "sandbox.paused",
        "sandbox.resumed",
        "sandbox.stopped",
        "sandbox.destroyed",
        "sandbox.error",
        "sandbox.snapshot.created",
    ],
    "template": ["template.build.ready", "template.build.failed"],
    "deployment": ["deployment.succeeded"],
    "webhook": ["webhook.test"],
}
DELIVERABLE = frozenset(e for events in CATALOG.values() for e in events)


def sign(secret: str, body: bytes, scheme: str, timestamp: int | None = None) -> str:
    """``sha256=<hex>`` over the body, or ``t=<unix>,v1=<hex>`` over ``"<t>." + body``."""
    key = secret.encode()
    if scheme == "timestamped":
        t = int(time.time()) if timestamp is None else timestamp
        digest = hmac.new(key, f"{t}.".encode() + body, hashlib.sha256).hexdigest()
        return f"t={t},v1={digest}"
    return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def webhook_json(store: Store, hook: JSON) -> JSON:
    """A webhook without its secret (only the last four characters show)."""
    secret = store.webhook_secrets.get(hook["id"], "")
    return {**hook, "secret_preview": "..." + secret[-4:] if secret else None}


def _check_url(value: Any) -> str:
    if not isinstance(value, str):
        raise bad_request("url is required", field="url")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise bad_request("url must be an absolute http(s) URL", field="url")
    return value


def _check_events(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(e, str) for e in value):
        raise bad_request("events must be an array of strings", field="events")
    return value


def _retry_count(value: Any) -> int:
    if value is None:
        return DEFAULT_RETRIES
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_RETRIES:
        raise bad_request(f"retry_count must be an integer 0-{MAX_RETRIES}", field="retry_count")
    return value


def _described(body: JSON, *, only_given: bool = False) -> JSON:
    """``name`` and ``description`` (strings or null) from a create or update body."""
    return {
        key: optional(body, key, str)
        for key in ("name", "description")
        if key in body or not only_given
    }


def _set_enabled(hook: JSON, enabled: bool) -> None:
    hook["enabled"] = hook["active"] = enabled
    hook["state"] = "active" if enabled else "disabled"


# -- delivery ---------------------------------------------------------------------------


def _client(store: Store) -> httpx.AsyncClient:
    import httpx

    if store.webhook_client is None:
        # trust_env=False: a proxy from the environment must not intercept local receivers.
        store.webhook_client = httpx.AsyncClient(
            timeout=DELIVERY_TIMEOUT, follow_redirects=False, trust_env=False
        )
    client: httpx.AsyncClient = store.webhook_client
    return client


async def close(store: Store) -> None:
    """Close the delivery HTTP client of ``store``."""
    client, store.webhook_client = store.webhook_client, None
    if client is not None:
        await client.aclose()


def _new_delivery(
    store: Store, hook: JSON, event_type: str, data: JSON, replay_of: str | None = None
) -> JSON:
    ident = new_id("dlv", 10)
    created_at = iso(now())
    record: JSON = {
        "id": ident,
        "delivery_id": ident,
        "webhook_id": hook["id"],
        "event": event_type,
        "event_type": event_type,
        "state": "pending",
        "status": "pending",
        "success": None,
        "response_status": None,
        "status_code": None,
        "attempt_count": 0,
        "attempts": 0,
        "next_retry_at": None,
        "delivered_at": None,
        "attempted_at": None,
        "error": None,
        "replay_of": replay_of,
        "created_at": created_at,
        "_data": data,
    }
    store.deliveries[ident] = record
    if len(store.deliveries) > MAX_DELIVERIES:
        del store.deliveries[next(iter(store.deliveries))]
    return record


def delivery_json(record: JSON) -> JSON:
    """Wire form of a delivery (the internal payload stays out)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


async def _attempt(store: Store, hook: JSON, record: JSON) -> bool:
    body = dumps(
        {
            "id": record["id"],
            "delivery_id": record["id"],
            "event": record["event"],
            "type": record["event"],
            "occurred_at": record["created_at"],
            "timestamp": record["created_at"],
            "tenant_id": store.settings.tenant_id,
            "data": record["_data"],
        }
    )
    secret = store.webhook_secrets.get(hook["id"], "")
    headers = {str(k): str(v) for k, v in (hook.get("headers") or {}).items()}
    headers.update(
        {
            "Content-Type": "application/json",
            "User-Agent": "miosa-local-webhooks/1",
            "X-Miosa-Event": record["event"],
            "X-Miosa-Delivery": record["id"],
            SIGNATURE_HEADER: sign(secret, body, store.settings.webhook_signature),
        }
    )
    record["attempts"] = record["attempt_count"] = record["attempts"] + 1
    record["attempted_at"] = iso(now())
    try:
        response = await _client(store).post(hook["url"], content=body, headers=headers)
    except Exception as exc:  # any transport failure is a failed attempt, never a crash
        record["error"] = f"{type(exc).__name__}: {exc}"
        record["response_status"] = record["status_code"] = None
        return False
    record["response_status"] = record["status_code"] = response.status_code
    record["error"] = None if response.is_success else f"HTTP {response.status_code}"
    return response.is_success


def _finish(store: Store, record: JSON, delivered: bool) -> None:
    state = "delivered" if delivered else "failed"
    record["state"] = record["status"] = state
    record["success"] = delivered
    record["next_retry_at"] = None
    if delivered:
        record["delivered_at"] = iso(now())
    store.emit(f"webhook.{state}", delivery_json(record))


async def deliver(store: Store, hook: JSON, record: JSON, retries: int | None = None) -> None:
    """Attempt a delivery, retrying failures with short backoff."""
    total = 1 + (hook.get("retry_count", DEFAULT_RETRIES) if retries is None else retries)
    for attempt in range(total):
        if await _attempt(store, hook, record):
            _finish(store, record, True)
            return
        if attempt + 1 < total:
            pause = min(0.25 * 2**attempt, 2.0)
            record["next_retry_at"] = iso(now() + pause)
            await anyio.sleep(pause)
    _finish(store, record, False)


def dispatch(store: Store, event: Event, sandbox: Sandbox | None) -> None:
    """Listener: queue a delivery of ``event`` to every enabled, subscribed webhook."""
    if event.type not in DELIVERABLE or event.type == "webhook.test":
        return
    data = event.data.get("data", {})
    for hook in list(store.webhooks.values()):
        if hook.get("enabled") and glob_match(event.type, hook.get("events") or []):
            record = _new_delivery(store, hook, event.type, data)
            store.spawn(deliver, store, hook, record, name=f"webhook {record['id']}")


def install(store: Store) -> None:
    """Subscribe the dispatcher to the store's events."""
    store.listeners.append(lambda event, sandbox: dispatch(store, event, sandbox))


# -- handlers ---------------------------------------------------------------------------


def _hook(call: Call) -> JSON:
    ident = call.params["webhook_id"]
    hook = call.store.webhooks.get(ident)
    if hook is None:
        raise not_found("webhook", ident)
    return hook


async def create_webhook(call: Call) -> Response:
    """``POST /webhooks``: the signing secret is in this reply only."""
    body = await call.json()
    secret = optional(body, "secret", str)
    if secret == "":
        raise bad_request("secret must be a non-empty string", field="secret")
    secret = secret or "whsec_" + secrets.token_urlsafe(24)
    ident = new_id("wh")
    stamp = iso(now())
    hook: JSON = {
        "id": ident,
        "tenant_id": call.store.settings.tenant_id,
        "url": _check_url(body.get("url")),
        "events": _check_events(body.get("events")),
        **_described(body),
        "workspace_id": optional(body, "workspace_id", str),
        "headers": optional(body, "headers", dict, {}, items=str),
        "metadata": optional(body, "metadata", dict, {}),
        "retry_count": _retry_count(body.get("retry_count")),
        "created_at": stamp,
        "updated_at": stamp,
    }
    enabled = optional(body, "enabled", bool)
    _set_enabled(hook, optional(body, "active", bool, True) if enabled is None else enabled)
    call.store.webhooks[ident] = hook
    call.store.webhook_secrets[ident] = secret
    call.resource_id = ident
    # Production puts the one-time secret beside ``data``, not inside the webhook.
    return json_response({"data": webhook_json(call.store, hook), "secret": secret}, 201)


async def list_webhooks(call: Call) -> Response:
    """``GET /webhooks`` (``active`` and ``workspace_id`` filters)."""
    q = call.query
    items = []
    for hook in call.store.webhooks.values():
        if q.get("active") is not None and hook["active"] != (
            q["active"].lower() in ("1", "true", "yes")
        ):
            continue
        if q.get("workspace_id") and hook.get("workspace_id") != q["workspace_id"]:
            continue
        items.append(webhook_json(call.store, hook))
    return page_response(items, q)


async def get_webhook(call: Call) -> Response:
    """``GET /webhooks/{webhook_id}``."""
    return ok(webhook_json(call.store, _hook(call)))


async def update_webhook(call: Call) -> Response:
    """``PATCH /webhooks/{webhook_id}``; a new ``secret`` rotates it."""
    hook = _hook(call)
    body = await call.json()
    if "url" in body:
        hook["url"] = _check_url(body["url"])
    if "events" in body:
        hook["events"] = _check_events(body["events"])
    hook.update(_described(body, only_given=True))
    if "headers" in body:
        hook["headers"] = optional(body, "headers", dict, {}, items=str)
    if "metadata" in body:
        hook["metadata"] = optional(body, "metadata", dict, {})
    if "retry_count" in body:
        hook["retry_count"] = _retry_count(body["retry_count"])
    for flag in ("enabled", "active"):
        value = optional(body, flag, bool)
        if value is not None:
            _set_enabled(hook, value)
    if body.get("state") in ("active", "disabled", "paused"):
        _set_enabled(hook, body["state"] == "active")
    hook["updated_at"] = iso(now())
    if isinstance(body.get("secret"), str) and body["secret"]:
        call.store.webhook_secrets[hook["id"]] = body["secret"]
        # A rotated secret is echoed the way create sends one: beside ``data``.
        return json_response({"data": webhook_json(call.store, hook), "secret": body["secret"]})
    return ok(webhook_json(call.store, hook))


async def delete_webhook(call: Call) -> Response:
    """``DELETE /webhooks/{webhook_id}``."""
    hook = _hook(call)
    del call.store.webhooks[hook["id"]]
    call.store.webhook_secrets.pop(hook["id"], None)
    return no_content()


async def test_webhook(call: Call) -> Response:
    """``POST /webhooks/{webhook_id}/test``: one ``webhook.test`` delivery, tried once, inline."""
    hook = _hook(call)
    data = {
        "webhook_id": hook["id"],
        "message": "This is a test delivery from the MIOSA local server.",
    }
    record = _new_delivery(call.store, hook, "webhook.test", data)
    await deliver(call.store, hook, record, retries=0)
    call.resource_id = record["id"]
    return ok(delivery_json(record))


async def list_deliveries(call: Call) -> Response:
    """``GET /webhooks/{webhook_id}/deliveries``: newest first."""
    hook = _hook(call)
    q = call.query
    items = [
        delivery_json(d)
        for d in reversed(list(call.store.deliveries.values()))
        if d["webhook_id"] == hook["id"]
        and (not q.get("state") or d["state"] == q["state"])
        and (not q.get("event") or d["event"] == q["event"])
    ]
    return page_response(items, q)


async def replay_delivery(call: Call) -> Response:
    """``POST .../deliveries/{delivery_id}/replay``: a new delivery of the same event (202)."""
    hook = _hook(call)
    original = call.store.deliveries.get(call.params["delivery_id"])
    if original is None or original["webhook_id"] != hook["id"]:
        raise not_found("delivery", call.params["delivery_id"])
    replay_id = (await call.json()).get("replay_id") or new_id("rpl")
    if not isinstance(replay_id, str):
        raise bad_request("replay_id must be a string", field="replay_id")
    if replay_id in call.store.replay_ids:
        raise ApiError(
            409, "REPLAY_ID_REUSED", "replay_id was already used", {"replay_id": replay_id}
        )
    call.store.replay_ids.add(replay_id)
    record = _new_delivery(
        call.store, hook, original["event"], original["_data"], replay_of=original["id"]
    )
    record["replay_id"] = replay_id
    call.store.spawn(deliver, call.store, hook, record, name=f"replay {record['id']}")
    call.resource_id = record["id"]
    return ok(delivery_json(record), 202)


async def event_catalog(call: Call) -> Response:
    """``GET /webhooks/events``: deliverable event types and how deliveries are signed."""
    timestamped = call.store.settings.webhook_signature == "timestamped"
    return json_response(
        {
            "data": CATALOG,
            "events": sorted(DELIVERABLE),
            "categories": [{"category": k, "events": v} for k, v in CATALOG.items()],
            "workspace_scoped_categories": ["sandbox"],
            "signing": {
                "header": SIGNATURE_HEADER.lower(),
                "algorithm": "hmac-sha256",
                "format": "t=<unix>,v1=<hex>" if timestamped else "sha256=<hex>",
            },
            "delivery_headers": [
                "content-type",
                "x-miosa-event",
                "x-miosa-delivery",
                SIGNATURE_HEADER.lower(),
            ],
        }
    )


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", "/webhooks/events", event_catalog),
        Endpoint("GET", "/webhooks", list_webhooks),
        Endpoint("POST", "/webhooks", create_webhook, "webhook.create"),
        Endpoint("GET", "/webhooks/{webhook_id}", get_webhook),
        Endpoint("PATCH", "/webhooks/{webhook_id}", update_webhook, "webhook.update"),
        Endpoint("DELETE", "/webhooks/{webhook_id}", delete_webhook, "webhook.delete"),
        Endpoint("POST", "/webhooks/{webhook_id}/test", test_webhook, "webhook.test"),
        Endpoint("GET", "/webhooks/{webhook_id}/deliveries", list_deliveries),
        Endpoint(
            "POST",
            "/webhooks/{webhook_id}/deliveries/{delivery_id}/replay",
            replay_delivery,
            "webhook.replay",
        ),
    ]
