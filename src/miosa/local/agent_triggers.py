"""Agent triggers: records under an agent, and firings that start real runs.

Firing a trigger (``.../fire``, or a webhook call to ``/agent-triggers/{token}`` with no
API key) starts a run of the agent (``source: "trigger"``) through the runs state
machine, unless the trigger is disabled or its ``daily_run_limit`` is reached: the firing
then says why (``skipped``). Conditions are stored but not evaluated here. Rotating the
secret replaces the webhook token (and email address) and the old one answers 404.
"""

from __future__ import annotations

import json
import secrets
import time

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import ApiError, bad_request, no_content, not_found, ok
from .records import Collection, records
from .routing import Call, Endpoint
from .runs import start_run

TRIGGERS = Collection("/agents/{agent_id}/triggers", "trigger_id", "trg", "trigger")
KINDS = frozenset({"schedule", "webhook", "event", "forge", "email"})
RESERVED = frozenset({"slack"})
RECENT = 20
# The fields a create or an update may set, with their types.
_EDITABLE: dict[str, type] = {
    "name": str, "instruction": str, "agent_version_id": str, "enabled": bool,
    "config": dict, "conditions": list, "daily_run_limit": int, "machine": str,
}  # fmt: skip


def _editable(body: JSON) -> JSON:
    """The editable fields present in ``body``, each of its type (``null`` kept: unset)."""
    return {
        name: optional(body, name, kind, low=0 if kind is int else None)
        for name, kind in _EDITABLE.items()
        if name in body
    }


def _agent(call: Call) -> JSON:
    ident = call.params["agent_id"]
    agent = call.store.records.get("/agents", {}).get(ident)
    if agent is None:
        raise not_found("agent", ident)
    return agent


def _trigger(call: Call) -> JSON:
    agent = _agent(call)
    ident = call.params["trigger_id"]
    trigger = records(call, TRIGGERS).get(ident)
    if trigger is None or trigger["agent_id"] != agent["id"]:
        raise not_found("trigger", ident)
    return trigger


def _new_secret(call: Call, trigger: JSON) -> None:
    token = f"trg_{secrets.token_urlsafe(24)}"
    url = call.request.url
    trigger["_token"] = token
    if trigger["kind"] == "webhook":
        trigger["webhook_url"] = f"{url.scheme}://{url.netloc}/api/v1/agent-triggers/{token}"
    if trigger["kind"] == "email":
        trigger["email_address"] = f"{token.lower()}@triggers.miosa.local"


def _view(trigger: JSON, firings: bool = False) -> JSON:
    out = {k: v for k, v in trigger.items() if not k.startswith("_")}
    if firings:
        out["recent_firings"] = list(reversed(trigger["_firings"][-RECENT:]))
    return out


async def list_triggers(call: Call) -> Response:
    agent = _agent(call)
    mine = [t for t in records(call, TRIGGERS).values() if t["agent_id"] == agent["id"]]
    return ok([_view(t) for t in mine])


async def create(call: Call) -> Response:
    agent = _agent(call)
    body = await call.json()
    kind = require(body, "kind", str)
    if kind in RESERVED:
        raise ApiError(422, "TRIGGER_KIND_UNAVAILABLE", f"{kind} triggers are not available")
    if kind not in KINDS:
        raise bad_request(f"kind must be one of {', '.join(sorted(KINDS))}", field="kind")
    stamp = iso(now())
    given = _editable(body)
    trigger: JSON = {
        "id": new_id("trg"),
        "agent_id": agent["id"],
        "kind": kind,
        "name": given.get("name") or f"{kind} trigger",
        "instruction": given.get("instruction"),
        "agent_version_id": given.get("agent_version_id"),
        "enabled": given.get("enabled", True) is not False,
        "config": given.get("config") or {},
        "conditions": given.get("conditions") or [],
        "daily_run_limit": given.get("daily_run_limit"),
        "machine": given.get("machine"),
        "webhook_url": None,
        "email_address": None,
        "created_at": stamp,
        "updated_at": stamp,
        "_firings": [],
    }
    _new_secret(call, trigger)
    records(call, TRIGGERS)[trigger["id"]] = trigger
    call.resource_id = trigger["id"]
    return ok(_view(trigger), 201)


async def get(call: Call) -> Response:
    return ok(_view(_trigger(call), firings=True))


async def update(call: Call) -> Response:
    trigger = _trigger(call)
    body = await call.json()
    if "kind" in body and body["kind"] != trigger["kind"]:
        raise bad_request("a trigger's kind cannot change", field="kind")
    trigger.update(_editable(body))
    trigger["updated_at"] = iso(now())
    return ok(_view(trigger))


async def delete(call: Call) -> Response:
    trigger = _trigger(call)
    del records(call, TRIGGERS)[trigger["id"]]
    return no_content()


async def rotate(call: Call) -> Response:
    trigger = _trigger(call)
    _new_secret(call, trigger)
    trigger["updated_at"] = iso(now())
    return ok(_view(trigger))


def _fire(call: Call, trigger: JSON, payload: JSON) -> JSON:
    day_start = time.time() - time.time() % 86400
    today = [f for f in trigger["_firings"] if f["_at"] >= day_start and f["run_id"]]
    firing: JSON = {"id": new_id("fire"), "trigger_id": trigger["id"], "run_id": None,
                    "payload": payload, "created_at": iso(now()), "_at": time.time()}  # fmt: skip
    limit = trigger.get("daily_run_limit")
    if not trigger.get("enabled", True):
        firing.update(status="skipped", reason="the trigger is disabled")
    elif isinstance(limit, int) and len(today) >= limit:
        firing.update(status="skipped", reason=f"daily run limit of {limit} reached")
    else:
        instruction = trigger.get("instruction") or f"Triggered by {trigger['name']}"
        if payload:
            instruction += "\n\nPayload:\n" + json.dumps(payload, sort_keys=True)
        run = start_run(
            call,
            {"instruction": instruction},
            agent_definition_id=trigger["agent_id"],
            agent_version_id=trigger.get("agent_version_id"),
            source="trigger",
        )
        firing.update(status="started", reason=None, run_id=run["id"])
    trigger["_firings"].append(firing)
    return {k: v for k, v in firing.items() if not k.startswith("_")}


async def fire(call: Call) -> Response:
    trigger = _trigger(call)
    if (
        call.store.records.get("/agents", {}).get(trigger["agent_id"], {}).get("status")
        == "archived"
    ):
        raise ApiError(409, "AGENT_ARCHIVED", f"agent {trigger['agent_id']} is archived")
    payload = await call.optional("payload", dict, {})
    return ok(_fire(call, trigger, payload), 201)


async def webhook(call: Call) -> Response:
    """``POST /agent-triggers/{token}``: no API key, the token is the credential."""
    token = call.params["token"]
    found = [t for t in records(call, TRIGGERS).values() if t.get("_token") == token]
    if not found or found[0]["kind"] != "webhook":
        raise not_found("trigger", "(token)")
    return ok(_fire(call, found[0], await call.json()), 202)


def endpoints() -> list[Endpoint]:
    item = TRIGGERS.item_path
    return [
        Endpoint("GET", TRIGGERS.path, list_triggers),
        Endpoint("POST", TRIGGERS.path, create, "agent_trigger.create"),
        Endpoint("GET", item, get),
        Endpoint("PATCH", item, update, "agent_trigger.update"),
        Endpoint("DELETE", item, delete, "agent_trigger.delete"),
        Endpoint("POST", item + "/rotate-secret", rotate, "agent_trigger.rotate_secret"),
        Endpoint("POST", item + "/fire", fire, "agent_trigger.fire"),
        Endpoint("POST", "/agent-triggers/{token}", webhook, "agent_trigger.webhook", public=True),
    ]
