"""OpenComputers (bring your own computer): alerting, the audit log, webhooks, schedules,
backups, Docker Compose projects and containers.

Hosts are machines the local server does not have, so the routes below a host keep their
records under whatever host id the path names (the record store does not check parents).
Each route answers in production's envelope (``{"data": ...}`` for alerts and webhooks).
Verbs change state the way production does: firing a rule records a fire, acknowledging a
fire stamps who and when, verifying a channel stamps ``verified_at``, testing a webhook
logs a delivery, triggering a schedule queues a run, triggering a backup takes a snapshot
(written by the time it is next read). A Compose project starts one container per service
of its YAML; a project or container being started is running when next read, and their
event, log and stats streams replay what happened to them, then end. The audit log is a
view of this server's own audit records of ``/opencomputers`` calls, chained with SHA-256 as
production chains its entries.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets

from anyio.streams.memory import MemoryObjectSendStream
from starlette.datastructures import QueryParams
from starlette.responses import Response

from .common import JSON, iso, new_id, now, parse_iso
from .events import Event
from .http import (
    ApiError,
    bad_request,
    int_param,
    json_response,
    no_content,
    not_found,
    ok,
    paginate,
)
from .records import Action, Collection, crud_endpoints, find, records, respond
from .routing import Call, Endpoint
from .sse import SSEResponse

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


# -- schedules -----------------------------------------------------------------------------

_HOST = _OC + "/hosts/{host_id}"
_PAUSE_RESUME = {
    "pause": Action(sets={"state": "paused"}),
    "resume": Action(sets={"state": "active"}),
}
SCHEDULES = Collection(
    _HOST + "/schedules",
    "schedule_id",
    "ocs",
    "schedule",
    verbs=frozenset({"list", "get", "update", "delete"}),
    update=("PATCH",),
    actions=_PAUSE_RESUME,
    envelope="schedule",
    list_key="schedules",
)
SCHEDULE_RUNS = Collection(SCHEDULES.item_path + "/runs", "run_id", "ocsr", "schedule run")
RUNS_DEFAULT_LIMIT = 20
_TRIGGERS = ("cron", "webhook", "manual")


async def create_schedule(call: Call) -> Response:
    """``POST .../schedules``: a webhook schedule's token and URL are in this reply only."""
    body = await call.json()
    for name in ("name", "cmd"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)
    trigger = body.get("trigger_kind", "cron")
    if trigger not in _TRIGGERS:
        raise bad_request(
            f"trigger_kind must be one of {', '.join(_TRIGGERS)}", field="trigger_kind"
        )
    stamp = iso(now())
    schedule = {
        "description": None,
        "cron_expression": None,
        "timezone": "UTC",
        "args": [],
        "env": {},
        "cwd": None,
        "timeout_ms": None,
        "max_consecutive_failures": 5,
        **body,
        "id": new_id(SCHEDULES.prefix),
        "host_id": call.params["host_id"],
        "trigger_kind": trigger,
        "state": "active",
        "next_run_at": None,
        "last_run_at": None,
        "last_run_exit_code": None,
        "last_run_job_id": None,
        "consecutive_failures": 0,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, SCHEDULES)[schedule["id"]] = schedule
    call.resource_id = schedule["id"]
    reply: JSON = {"schedule": schedule}
    if trigger == "webhook":
        token = secrets.token_urlsafe(24)
        base = str(call.request.base_url).rstrip("/")
        reply.update(
            webhook_token=token, webhook_url=f"{base}/api/v1{_OC}/schedules/trigger/{token}"
        )
    return json_response(reply, 201)


def _newest(items: list[JSON], call: Call, default_limit: int) -> list[JSON]:
    """Newest first, at most ``limit``, only those older than the ``before`` id if given."""
    items = list(reversed(items))
    before = call.query.get("before")
    if before:
        ids = [item["id"] for item in items]
        items = items[ids.index(before) + 1 :] if before in ids else []
    return items[: int_param(call.query, "limit", default_limit, 1, 200)]


async def trigger_schedule(call: Call) -> Response:
    """``POST .../schedules/{schedule_id}/trigger``: a run is queued out of band."""
    schedule = find(call, SCHEDULES)
    await call.json()
    stamp = iso(now())
    run = {
        "id": new_id(SCHEDULE_RUNS.prefix),
        "schedule_id": schedule["id"],
        "host_id": schedule["host_id"],
        "trigger_kind": "manual",
        "job_id": None,
        "state": "queued",
        "exit_code": None,
        "error": None,
        "started_at": None,
        "finished_at": None,
        "created_at": stamp,
    }
    records(call, SCHEDULE_RUNS)[run["id"]] = run
    schedule["last_run_at"] = stamp
    return json_response({"run": run}, 201)


async def list_schedule_runs(call: Call) -> Response:
    """``GET .../schedules/{schedule_id}/runs``: newest first."""
    schedule = find(call, SCHEDULES)
    runs = [r for r in records(call, SCHEDULE_RUNS).values() if r["schedule_id"] == schedule["id"]]
    return json_response({"runs": _newest(runs, call, RUNS_DEFAULT_LIMIT)})


# -- backups -------------------------------------------------------------------------------

BACKUP_CONFIGS = Collection(
    _HOST + "/backup-configs",
    "config_id",
    "ocb",
    "backup config",
    verbs=frozenset({"list", "create", "update", "delete"}),
    update=("PATCH",),
    required=("path",),
    defaults={
        "name": None,
        "schedule_cron": "0 3 * * *",
        "timezone": "UTC",
        "retention_count": 7,
        "retention_days": None,
        "exclude_patterns": [],
        "compression_level": 3,
        "state": "active",
        "last_snapshot_at": None,
        "last_snapshot_size_bytes": None,
    },
    actions=_PAUSE_RESUME,
    envelope="backup_config",
    list_key="backup_configs",
)
SNAPSHOTS = Collection(
    _OC + "/snapshots",
    "snapshot_id",
    "ocsnap",
    "snapshot",
    verbs=frozenset({"delete"}),
    envelope="snapshot",
)
SNAPSHOTS_DEFAULT_LIMIT = 20


def _settled(call: Call, snapshot: JSON) -> JSON:
    """A snapshot being written is complete by the time it is read again."""
    if snapshot["state"] == "running":
        stamp = iso(now())
        snapshot.update(state="completed", completed_at=stamp, total_bytes=0, compressed_bytes=0)
        config = records(call, BACKUP_CONFIGS).get(snapshot["config_id"])
        if config is not None:
            config.update(last_snapshot_at=stamp, last_snapshot_size_bytes=0)
    return snapshot


async def trigger_backup(call: Call) -> Response:
    """``POST .../backup-configs/{config_id}/trigger``: 202 with the snapshot being written."""
    config = find(call, BACKUP_CONFIGS)
    await call.json()
    snapshot = {
        "id": new_id(SNAPSHOTS.prefix),
        "config_id": config["id"],
        "host_id": config["host_id"],
        "state": "running",
        "total_bytes": None,
        "compressed_bytes": None,
        "chunk_count": 0,
        "started_at": iso(now()),
        "completed_at": None,
        "error": None,
    }
    records(call, SNAPSHOTS)[snapshot["id"]] = snapshot
    call.resource_id = snapshot["id"]
    return json_response({"snapshot": snapshot}, 202)


async def list_snapshots(call: Call) -> Response:
    """``GET .../backup-configs/{config_id}/snapshots``: newest first."""
    config = find(call, BACKUP_CONFIGS)
    mine = [
        _settled(call, s)
        for s in records(call, SNAPSHOTS).values()
        if s["config_id"] == config["id"]
    ]
    return json_response({"snapshots": _newest(mine, call, SNAPSHOTS_DEFAULT_LIMIT)})


async def get_snapshot(call: Call) -> Response:
    """``GET /opencomputers/snapshots/{snapshot_id}``."""
    return respond(SNAPSHOTS, _settled(call, find(call, SNAPSHOTS)))


async def restore_snapshot(call: Call) -> Response:
    """``POST /opencomputers/snapshots/{snapshot_id}/restore``: 202 with a restore id."""
    snapshot = _settled(call, find(call, SNAPSHOTS))
    body = await call.json()
    if not isinstance(body.get("target_host_id"), str) or not body["target_host_id"]:
        raise bad_request("target_host_id is required", field="target_host_id")
    call.audit_metadata = {"snapshot_id": snapshot["id"], "target_host_id": body["target_host_id"]}
    return json_response({"restore_id": new_id("ocrst")}, 202)


# -- Compose projects and containers -------------------------------------------------------

COMPOSE = Collection(
    _HOST + "/compose-projects",
    "project_id",
    "occp",
    "compose project",
    verbs=frozenset({"list", "get"}),
    envelope="compose_project",
    list_key="compose_projects",
)
CONTAINERS = Collection(
    _HOST + "/containers",
    "container_id",
    "occt",
    "container",
    verbs=frozenset({"list", "get"}),
    envelope="container",
    list_key="containers",
)
# What happened to each project or container, replayed by its event or log stream.
_HISTORY = "opencomputers history"


def _history(call: Call, ident: str) -> list[JSON]:
    entry = call.store.records.setdefault(_HISTORY, {}).setdefault(ident, {"frames": []})
    frames: list[JSON] = entry["frames"]
    return frames


def _services(yaml_text: str) -> list[tuple[str, str | None]]:
    """The ``(name, image)`` of each service of a compose file: the keys indented one level
    under the top-level ``services:`` key (enough for the local server; no YAML library)."""
    found: list[tuple[str, str | None]] = []
    inside = False
    for line in yaml_text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 0:
            inside = line.strip() == "services:"
        elif inside and line.rstrip().endswith(":") and indent == 2:
            found.append((line.strip().rstrip(":"), None))
        elif inside and found and line.strip().startswith("image:"):
            found[-1] = (found[-1][0], line.split(":", 1)[1].strip())
    return found


def _settle(call: Call, record: JSON) -> JSON:
    """Something being started is running by the time it is read again."""
    if record["state"] in ("creating", "provisioning"):
        record.update(state="running", started_at=iso(now()), updated_at=iso(now()))
        _history(call, record["id"]).append(
            {"type": "progress", "payload": {"state": "running"}}
            if record["id"].startswith(COMPOSE.prefix)
            else {"stream": "stdout", "line": f"{record['name']} started", "ts": iso(now())}
        )
    return record


def _start_containers(call: Call, project: JSON) -> None:
    for container in records(call, CONTAINERS).values():
        if container.get("compose_project_id") == project["id"]:
            container.update(state="provisioning", exit_code=None)


async def create_compose(call: Call) -> Response:
    """``POST .../compose-projects``: a container per service; the project reads ``creating``."""
    body = await call.json()
    for name in ("name", "yaml"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)
    services = _services(body["yaml"])
    if not services:
        raise bad_request("yaml has no services", field="yaml")
    stamp = iso(now())
    host_id = call.params["host_id"]
    project = {
        "id": new_id(COMPOSE.prefix),
        "name": body["name"],
        "yaml": body["yaml"],
        "env": body.get("env") or {},
        "state": "creating",
        "services": [{"name": name, "image": image} for name, image in services],
        "last_error": None,
        "started_at": None,
        "stopped_at": None,
        "host_id": host_id,
        "inserted_at": stamp,
        "updated_at": stamp,
    }
    records(call, COMPOSE)[project["id"]] = project
    for name, image in services:
        container = {
            "id": new_id(CONTAINERS.prefix),
            "name": f"{body['name']}-{name}-1",
            "image": image,
            "command": [],
            "env": project["env"],
            "ports": [],
            "volumes": [],
            "restart_policy": "unless-stopped",
            "runtime": "docker",
            "state": "provisioning",
            "exit_code": None,
            "started_at": None,
            "stopped_at": None,
            "host_id": host_id,
            "compose_project_id": project["id"],
            "inserted_at": stamp,
            "updated_at": stamp,
        }
        records(call, CONTAINERS)[container["id"]] = container
        _history(call, project["id"]).append(
            {"type": "progress", "payload": {"service": name, "status": "created"}}
        )
    call.resource_id = project["id"]
    return respond(COMPOSE, project, 201)


async def get_compose(call: Call) -> Response:
    return respond(COMPOSE, _settle(call, find(call, COMPOSE)))


async def list_compose(call: Call) -> Response:
    mine = [
        _settle(call, p)
        for p in records(call, COMPOSE).values()
        if p["host_id"] == call.params["host_id"]
    ]
    return json_response({COMPOSE.list_key: mine})


async def compose_up(call: Call) -> Response:
    """``POST .../up``: the project and its containers start again."""
    project = find(call, COMPOSE)
    project.update(state="creating", stopped_at=None, updated_at=iso(now()))
    _start_containers(call, project)
    _history(call, project["id"]).append({"type": "progress", "payload": {"action": "up"}})
    return respond(COMPOSE, project)


def _stop(call: Call, record: JSON) -> None:
    stamp = iso(now())
    record.update(state="stopped", stopped_at=stamp, updated_at=stamp)
    if "compose_project_id" in record:
        record["exit_code"] = 0
        _history(call, record["id"]).append(
            {"stream": "stdout", "line": f"{record['name']} stopped", "ts": stamp}
        )


async def compose_down(call: Call) -> Response:
    """``POST .../down``: the project and its containers stop (``?remove_volumes=true``)."""
    project = find(call, COMPOSE)
    _stop(call, project)
    for container in records(call, CONTAINERS).values():
        if container.get("compose_project_id") == project["id"]:
            _stop(call, container)
    payload = {"action": "down", "remove_volumes": call.query.get("remove_volumes") == "true"}
    _history(call, project["id"]).append({"type": "progress", "payload": payload})
    return json_response({"ok": True})


async def delete_compose(call: Call) -> Response:
    """``DELETE .../compose-projects/{project_id}``: the stack and its containers go."""
    project = find(call, COMPOSE)
    containers = records(call, CONTAINERS)
    for ident in [k for k, c in containers.items() if c.get("compose_project_id") == project["id"]]:
        del containers[ident]
    del records(call, COMPOSE)[project["id"]]
    return no_content()


def _replay(call: Call, frames: list[JSON], kind: str) -> Response:
    """An SSE stream of ``frames`` (each typed ``kind`` unless it names its own), then its end."""
    snapshot = list(frames)

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            for n, frame in enumerate(snapshot, 1):
                data = {"type": kind, **frame}
                await out.send(Event(n, str(data["type"]), data))

    return SSEResponse(produce, call.store)


async def compose_events(call: Call) -> Response:
    """``GET .../compose-projects/{project_id}/events``: what happened to the project."""
    project = _settle(call, find(call, COMPOSE))
    return _replay(call, _history(call, project["id"]), "progress")


async def get_container(call: Call) -> Response:
    return respond(CONTAINERS, _settle(call, find(call, CONTAINERS)))


async def list_containers(call: Call) -> Response:
    mine = [
        _settle(call, c)
        for c in records(call, CONTAINERS).values()
        if c["host_id"] == call.params["host_id"]
    ]
    return json_response({CONTAINERS.list_key: mine})


async def start_container(call: Call) -> Response:
    """``POST .../start``: 409 when running; else it reads ``provisioning``."""
    container = find(call, CONTAINERS)
    if _settle(call, container)["state"] == "running":
        raise ApiError(409, "CONFLICT", f"container {container['id']} is already running")
    container.update(state="provisioning", exit_code=None, updated_at=iso(now()))
    return respond(CONTAINERS, container)


async def stop_container(call: Call) -> Response:
    """``POST .../stop``: 409 unless running."""
    container = _settle(call, find(call, CONTAINERS))
    if container["state"] != "running":
        raise ApiError(409, "CONFLICT", f"container {container['id']} is {container['state']}")
    _stop(call, container)
    return json_response({"ok": True})


async def restart_container(call: Call) -> Response:
    """``POST .../restart``: stop if running, then start."""
    container = _settle(call, find(call, CONTAINERS))
    if container["state"] == "running":
        _stop(call, container)
    container.update(state="provisioning", exit_code=None, updated_at=iso(now()))
    return json_response({"ok": True})


async def container_logs(call: Call) -> Response:
    """``GET .../containers/{container_id}/logs``: the container's lines so far."""
    container = _settle(call, find(call, CONTAINERS))
    return _replay(call, _history(call, container["id"]), "log")


async def container_stats(call: Call) -> Response:
    """``GET .../containers/{container_id}/stats``: a sample while running, then the state
    it is in once it is not (locally the stream ends after the sample)."""
    container = _settle(call, find(call, CONTAINERS))
    if container["state"] == "running":
        stamp = iso(now())
        container.update(last_cpu_percent=0.0, last_mem_mb=0, last_stats_at=stamp)
        frames: list[JSON] = [{"cpu_percent": 0.0, "mem_mb": 0, "stats_at": stamp}]
    else:
        frames = [{"state": container["state"]}]
    return _replay(call, frames, "stats")


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
        *crud_endpoints([SCHEDULES, BACKUP_CONFIGS, SNAPSHOTS]),
        Endpoint("POST", SCHEDULES.path, create_schedule, "schedule.create"),
        Endpoint("POST", SCHEDULES.item_path + "/trigger", trigger_schedule, "schedule.trigger"),
        Endpoint("GET", SCHEDULE_RUNS.path, list_schedule_runs),
        Endpoint("POST", BACKUP_CONFIGS.item_path + "/trigger", trigger_backup, "backup.trigger"),
        Endpoint("GET", BACKUP_CONFIGS.item_path + "/snapshots", list_snapshots),
        Endpoint("GET", SNAPSHOTS.item_path, get_snapshot),
        Endpoint("POST", SNAPSHOTS.item_path + "/restore", restore_snapshot, "snapshot.restore"),
        Endpoint("GET", COMPOSE.path, list_compose),
        Endpoint("POST", COMPOSE.path, create_compose, "compose project.create"),
        Endpoint("GET", COMPOSE.item_path, get_compose),
        Endpoint("DELETE", COMPOSE.item_path, delete_compose, "compose project.delete"),
        Endpoint("POST", COMPOSE.item_path + "/up", compose_up, "compose project.up"),
        Endpoint("POST", COMPOSE.item_path + "/down", compose_down, "compose project.down"),
        Endpoint("GET", COMPOSE.item_path + "/events", compose_events),
        Endpoint("GET", CONTAINERS.path, list_containers),
        Endpoint("GET", CONTAINERS.item_path, get_container),
        Endpoint("POST", CONTAINERS.item_path + "/start", start_container, "container.start"),
        Endpoint("POST", CONTAINERS.item_path + "/stop", stop_container, "container.stop"),
        Endpoint("POST", CONTAINERS.item_path + "/restart", restart_container, "container.restart"),
        Endpoint("GET", CONTAINERS.item_path + "/logs", container_logs),
        Endpoint("GET", CONTAINERS.item_path + "/stats", container_stats),
    ]
