"""OpenComputers hosts: revoking and renaming them, their event stream, SSH keys, jobs,
files, secrets and terminal/desktop tickets.

Hosts are machines the local server does not have (see ``open_computers``): a host is
whatever id a path names, known from its first mention; revoking it makes every route
below it answer 404 and puts a ``host_disconnected`` event on ``GET .../hosts/events``
(which replays the host events so far, then ends).

Jobs are simulated, never run: there is no host to run them on. A job is ``queued`` when
started and has ``succeeded`` (exit code 0, no output) when next read or streamed, unless
it was cancelled first; ``POST .../exec`` answers the finished result at once (or, with
``stream: true``, its ``exec_result`` event). Each step is logged as the job activity
``GET .../jobs`` lists, newest first.

A host's file system is kept in memory per host: uploads create a file (and its parent
directories), ``stat`` and ``delete`` act on that tree. Host secrets keep their value out of
every reply but ``reveal``. Terminal and desktop tickets are well-formed, but nothing
listens at their ``ws_url``.
"""

from __future__ import annotations

import base64
import posixpath
import secrets

from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .events import Event
from .fields import optional, require
from .http import ApiError, bad_request, int_param, json_response, no_content, not_found, ok
from .records import Collection, find, records
from .routing import Call, Endpoint, not_acceptable
from .sandbox_ssh import parse_public_key
from .sse import SSEResponse, refuses_accept

_OC = "/opencomputers"
_HOSTS = _OC + "/hosts"
_HOST = _HOSTS + "/{host_id}"
TICKET_TTL_SEC = 60

# -- hosts ---------------------------------------------------------------------------------

_HOST_TABLE = "oc-hosts"
_HOST_EVENTS = "oc-host-events"


def _host_record(call: Call, host_id: str) -> JSON:
    """The host's record, made on its first mention (the local server has no enrollment)."""
    table = call.store.records.setdefault(_HOST_TABLE, {})
    if host_id not in table:
        stamp = iso(now())
        table[host_id] = {
            "id": host_id,
            "name": host_id,
            "region": None,
            "status": "online",
            "tenant_id": None,
            "labels": {},
            "created_at": stamp,
            "updated_at": stamp,
        }
    return table[host_id]


def live_host(call: Call) -> JSON:
    """The host named by the path; 404 once it has been revoked."""
    host = _host_record(call, call.params["host_id"])
    if host["status"] == "revoked":
        raise not_found("host", host["id"])
    return host


def _host_event(call: Call, kind: str, host_id: str, data: JSON) -> None:
    frames = call.store.records.setdefault(_HOST_EVENTS, {}).setdefault("all", {"frames": []})
    frames["frames"].append(
        {"type": kind, "host_id": host_id, "data": data, "timestamp": iso(now())}
    )


async def update_host(call: Call) -> Response:
    """``PATCH /opencomputers/hosts/{host_id}``: the name and labels (an admin route in
    production, which the SDK does not call)."""
    host = live_host(call)
    body = await call.json()
    name = optional(body, "name", str)
    labels = optional(body, "labels", dict, items=str)
    if name is not None:
        if not name.strip():
            raise bad_request("name must not be empty", field="name")
        host["name"] = name
    if labels is not None:
        host["labels"] = labels
    host["updated_at"] = iso(now())
    return ok(host)


async def revoke_host(call: Call) -> Response:
    """``DELETE /opencomputers/hosts/{host_id}``: its routes answer 404 from now on."""
    host = live_host(call)
    host.update(status="revoked", updated_at=iso(now()))
    _host_event(call, "host_disconnected", host["id"], {"reason": "revoked"})
    return no_content()


def replay(call: Call, frames: list[JSON]) -> Response:
    """An SSE stream of ``frames`` (each names its ``type``), then its end."""
    snapshot = list(frames)

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            for n, frame in enumerate(snapshot, 1):
                await out.send(Event(n, str(frame["type"]), frame))

    return SSEResponse(produce, call.store)


async def host_events(call: Call) -> Response:
    """``GET /opencomputers/hosts/events``: the host state changes so far, then the end."""
    entry = call.store.records.get(_HOST_EVENTS, {}).get("all", {"frames": []})
    return replay(call, entry["frames"])


# -- SSH keys ------------------------------------------------------------------------------

SSH_KEYS = Collection(_HOST + "/ssh-keys", "key_id", "ocssh", "SSH key", verbs=frozenset())


async def list_ssh_keys(call: Call) -> Response:
    """``GET .../hosts/{host_id}/ssh-keys``: oldest first."""
    host = live_host(call)
    return ok([k for k in records(call, SSH_KEYS).values() if k["host_id"] == host["id"]])


async def add_ssh_key(call: Call) -> Response:
    """``POST .../hosts/{host_id}/ssh-keys``: adding a key the host has returns it again."""
    host = live_host(call)
    public_key = (await call.require("public_key", str)).strip()
    algorithm, fingerprint, comment = parse_public_key(public_key)
    table = records(call, SSH_KEYS)
    for key in table.values():
        if key["host_id"] == host["id"] and key["fingerprint"] == fingerprint:
            return ok(key)
    key = {
        "id": new_id(SSH_KEYS.prefix),
        "host_id": host["id"],
        "public_key": public_key,
        "algorithm": algorithm,
        "fingerprint": fingerprint,
        "comment": comment,
        "created_at": iso(now()),
    }
    table[key["id"]] = key
    call.resource_id = key["id"]
    return ok(key, 201)


# -- jobs ----------------------------------------------------------------------------------

JOBS = Collection(_HOST + "/exec", "job_id", "ocj", "job", verbs=frozenset())
ACTIVITY = Collection(_HOST + "/jobs", "activity_id", "ocja", "job activity", verbs=frozenset())
JOB_ENDED = frozenset({"succeeded", "failed", "timeout", "canceled"})
DEFAULT_TIMEOUT_MS = 30_000
MAX_TIMEOUT_MS = 24 * 3600 * 1000
ACTIVITY_DEFAULT_LIMIT, ACTIVITY_MAX_LIMIT = 20, 100


def _env(body: JSON) -> list[JSON]:
    """``env`` as the wire's list of ``{name, value}`` string maps."""
    env = optional(body, "env", list, default=[])
    for item in env:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("name"), str)
            or not item["name"]
            or not isinstance(item.get("value"), str)
        ):
            raise bad_request("env must be a list of {name, value} strings", field="env")
    return [{"name": item["name"], "value": item["value"]} for item in env]


def _log(call: Call, job: JSON, kind: str) -> None:
    """One row of the host's job activity (what ``GET .../jobs`` lists)."""
    stamp = iso(now())
    row = {
        "id": new_id(ACTIVITY.prefix),
        "host_id": job["host_id"],
        "job_id": job["id"],
        "kind": kind,
        "status": job["state"],
        "duration_ms": 0 if job["state"] in JOB_ENDED else None,
        "dispatched_at": job["inserted_at"],
        "completed_at": job["ended_at"],
        "event_at": stamp,
        "payload": {"cmd": job["cmd"]},
    }
    records(call, ACTIVITY)[row["id"]] = row


def _new_job(call: Call, host: JSON, cmd: str, body: JSON, timeout_ms: int) -> JSON:
    stamp = iso(now())
    job: JSON = {
        "id": new_id(JOBS.prefix),
        "host_id": host["id"],
        "tenant_id": None,
        "cmd": cmd,
        "args": optional(body, "args", list, default=[], items=str),
        "env": _env(body),
        "cwd": optional(body, "cwd", str),
        "timeout_ms": timeout_ms,
        "state": "queued",
        "exit_code": None,
        "started_at": None,
        "ended_at": None,
        "inserted_at": stamp,
        "created_at": stamp,
    }
    records(call, JOBS)[job["id"]] = job
    call.resource_id = job["id"]
    _log(call, job, "job.dispatched")
    return job


def _finish(call: Call, job: JSON) -> JSON:
    """A job not cancelled has succeeded by the time it is read again (it runs nothing)."""
    if job["state"] not in JOB_ENDED:
        stamp = iso(now())
        job.update(state="succeeded", exit_code=0, started_at=stamp, ended_at=stamp)
        _log(call, job, "job.done")
    return job


def _result_event(job: JSON) -> JSON:
    return {
        "type": "exec_result",
        "job_id": job["id"],
        "exit_code": job["exit_code"],
        "elapsed_ms": 0,
    }


async def run_job(call: Call) -> Response:
    """``POST .../hosts/{host_id}/exec``: the finished result, or (``stream: true``) its
    ``exec_result`` event."""
    # The route sits behind production's JSON-only negotiation (2.19.2 names it among
    # them): the bare event type is refused, as on the GET streams (routing.py).
    accept = call.request.headers.get("accept")
    if refuses_accept(accept):
        raise not_acceptable(accept or "")
    host = live_host(call)
    body = await call.json()
    cmd = require(body, "cmd", str)
    timeout_ms = optional(body, "timeout_ms", int, DEFAULT_TIMEOUT_MS, low=1, high=MAX_TIMEOUT_MS)
    streaming = optional(body, "stream", bool, False)
    job = _finish(call, _new_job(call, host, cmd, body, timeout_ms))
    if streaming:
        return replay(call, [_result_event(job)])
    return ok({"job_id": job["id"], "exit_code": job["exit_code"], "stdout": "", "stderr": ""})


async def start_job(call: Call) -> Response:
    """``POST .../hosts/{host_id}/jobs``: 202 with the queued job and its links."""
    host = live_host(call)
    body = await call.json()
    command = require(body, "command", str)
    timeout = optional(body, "timeout", int, DEFAULT_TIMEOUT_MS // 1000, low=1, high=86400)
    job = _new_job(call, host, command, body, timeout * 1000)
    path = f"/api/v1{_HOSTS}/{host['id']}/exec/{job['id']}"
    links = {"self": path, "result": path, "stream": path + "/stream"}
    return json_response({"job": job, "links": links}, 202)


def _job(call: Call) -> JSON:
    live_host(call)
    return find(call, JOBS)


async def get_job(call: Call) -> Response:
    """``GET .../exec/{job_id}``: ``{"job": {...}}``."""
    return json_response({"job": _finish(call, _job(call))})


async def cancel_job(call: Call) -> Response:
    """``DELETE .../exec/{job_id}``: 409 once the job has ended."""
    job = _job(call)
    if job["state"] in JOB_ENDED:
        raise ApiError(409, "CONFLICT", f"job {job['id']} already ended ({job['state']})")
    job.update(state="canceled", ended_at=iso(now()))
    _log(call, job, "job.canceled")
    return no_content()


async def stream_job(call: Call) -> Response:
    """``GET .../exec/{job_id}/stream``: the end of a job still going; 204 once it ended
    (output already sent is not replayed)."""
    job = _job(call)
    if job["state"] in JOB_ENDED:
        return no_content()
    return replay(call, [_result_event(_finish(call, job))])


async def list_activity(call: Call) -> Response:
    """``GET .../hosts/{host_id}/jobs``: job activity, newest first."""
    host = live_host(call)
    limit = int_param(call.query, "limit", ACTIVITY_DEFAULT_LIMIT, 1, ACTIVITY_MAX_LIMIT)
    rows = [r for r in records(call, ACTIVITY).values() if r["host_id"] == host["id"]]
    return json_response({"jobs": list(reversed(rows))[:limit]})


# -- files ---------------------------------------------------------------------------------

_FILES = "oc-host-files"
DIR_MODE, FILE_MODE = 0o40755, 0o100644


def _tree(call: Call, host: JSON) -> dict[str, JSON]:
    """The host's files and directories by absolute path (``/`` always exists)."""
    entry = call.store.records.setdefault(_FILES, {}).setdefault(host["id"], {"entries": {}})
    tree: dict[str, JSON] = entry["entries"]
    if "/" not in tree:
        tree["/"] = {"size": 0, "mode": DIR_MODE, "is_dir": True, "modified_at": iso(now())}
    return tree


def _path(value: object) -> str:
    """An absolute, normalized host path; 400 for anything else."""
    if not isinstance(value, str) or not value.startswith("/") or "\0" in value:
        raise bad_request("path must be an absolute path", field="path")
    path = posixpath.normpath(value)
    return "/" + path.lstrip("/")


def _stat(path: str, node: JSON) -> JSON:
    return {
        "path": path,
        "size": node["size"],
        "mode": node["mode"],
        "is_dir": node["is_dir"],
        "is_symlink": False,
        "symlink_target": None,
        "modified_at": node["modified_at"],
    }


async def stat_file(call: Call) -> Response:
    """``GET .../hosts/{host_id}/fs/stat?path=``."""
    tree = _tree(call, live_host(call))
    path = _path(call.query.get("path"))
    if path not in tree:
        raise not_found("path", path)
    return ok(_stat(path, tree[path]))


def _make_parents(tree: dict[str, JSON], path: str) -> None:
    parent = posixpath.dirname(path)
    while parent not in tree:
        tree[parent] = {"size": 0, "mode": DIR_MODE, "is_dir": True, "modified_at": iso(now())}
        parent = posixpath.dirname(parent)
    if not tree[parent]["is_dir"]:
        raise ApiError(409, "NOT_A_DIRECTORY", f"{parent} is a file", {"path": parent})


async def upload_file(call: Call) -> Response:
    """``POST .../hosts/{host_id}/fs/upload``: multipart ``path`` and ``file``."""
    tree = _tree(call, live_host(call))
    try:
        form = await call.request.form()
    except Exception:  # a body that is not multipart: whatever the parser raises
        raise bad_request("the body must be multipart/form-data with path and file") from None
    try:
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise bad_request("file is required", field="file")
        path = _path(form.get("path"))
        data = await upload.read()
    finally:
        await form.close()
    if tree.get(path, {}).get("is_dir"):
        raise ApiError(409, "IS_A_DIRECTORY", f"{path} is a directory", {"path": path})
    _make_parents(tree, path)
    stamp = iso(now())
    tree[path] = {
        "size": len(data),
        "mode": FILE_MODE,
        "is_dir": False,
        "modified_at": stamp,
        "content_b64": base64.b64encode(data).decode(),
    }
    entry = {"name": posixpath.basename(path), "path": path, "size": len(data), "is_dir": False}
    return ok({**entry, "modified_at": stamp}, 201)


async def delete_file(call: Call) -> Response:
    """``DELETE .../hosts/{host_id}/fs?path=&recursive=``: a directory with entries needs
    ``recursive=true``; ``/`` stays."""
    tree = _tree(call, live_host(call))
    path = _path(call.query.get("path"))
    if path not in tree:
        raise not_found("path", path)
    if path == "/":
        raise bad_request("the root directory cannot be deleted", field="path")
    below = [p for p in tree if p.startswith(path + "/")]
    if below and call.query.get("recursive", "false").lower() not in ("true", "1"):
        raise ApiError(409, "DIRECTORY_NOT_EMPTY", f"{path} is not empty", {"path": path})
    for name in [path, *below]:
        del tree[name]
    return no_content()


# -- secrets -------------------------------------------------------------------------------

SECRETS = Collection(_HOST + "/secrets", "secret_id", "ocsec", "secret", verbs=frozenset())
_SECRET_VALUES = "oc-host-secret-values"


def _values(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(_SECRET_VALUES, {})


async def list_secrets(call: Call) -> Response:
    """``GET .../hosts/{host_id}/secrets``: metadata only."""
    host = live_host(call)
    return ok([s for s in records(call, SECRETS).values() if s["host_id"] == host["id"]])


async def create_secret(call: Call) -> Response:
    """``POST .../hosts/{host_id}/secrets``: the value is kept, never answered."""
    host = live_host(call)
    body = await call.json()
    name = require(body, "name", str)
    value = require(body, "value", str)
    description = optional(body, "description", str)
    if any(
        s["host_id"] == host["id"] and s["name"] == name for s in records(call, SECRETS).values()
    ):
        raise ApiError(409, "CONFLICT", f"host {host['id']} already has a secret {name!r}")
    stamp = iso(now())
    secret = {
        "id": new_id(SECRETS.prefix),
        "name": name,
        "description": description,
        "host_id": host["id"],
        "tenant_id": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, SECRETS)[secret["id"]] = secret
    _values(call)[secret["id"]] = {"value": value}
    call.resource_id = secret["id"]
    return ok(secret, 201)


def _secret(call: Call) -> JSON:
    live_host(call)
    return find(call, SECRETS)


async def update_secret(call: Call) -> Response:
    """``PATCH .../secrets/{secret_id}``: a new value or description."""
    secret = _secret(call)
    body = await call.json()
    value = optional(body, "value", str)
    description = optional(body, "description", str)
    if value is not None:
        _values(call)[secret["id"]] = {"value": value}
    if description is not None:
        secret["description"] = description
    secret["updated_at"] = iso(now())
    return ok(secret)


async def delete_secret(call: Call) -> Response:
    """``DELETE .../secrets/{secret_id}``."""
    secret = _secret(call)
    del records(call, SECRETS)[secret["id"]]
    _values(call).pop(secret["id"], None)
    return no_content()


async def reveal_secret(call: Call) -> Response:
    """``POST .../secrets/{secret_id}/reveal``: the plaintext (audited like every call)."""
    secret = _secret(call)
    await call.json()
    call.audit_metadata = {"secret_id": secret["id"], "revealed": True}
    return ok({"value": _values(call).get(secret["id"], {}).get("value")})


# -- tickets -------------------------------------------------------------------------------


def _ticket(kind: str) -> Endpoint:
    path = _HOST + f"/{kind}/ticket"

    async def handler(call: Call) -> Response:
        """``POST .../hosts/{host_id}/{terminal|desktop}/ticket``: nothing listens at
        ``ws_url`` locally."""
        host = live_host(call)
        await call.json()
        ticket = secrets.token_urlsafe(24)
        base = str(call.request.base_url).rstrip("/").replace("http", "ws", 1)
        ws_url = f"{base}/api/v1{_HOSTS}/{host['id']}/{kind}/ws?ticket={ticket}"
        return ok({"ticket": ticket, "ws_url": ws_url, "expires_at": iso(now() + TICKET_TTL_SEC)})

    return Endpoint("POST", path, handler, f"host {kind}.ticket")


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", _HOSTS + "/events", host_events),
        Endpoint("PATCH", _HOST, update_host, "host.update"),
        Endpoint("DELETE", _HOST, revoke_host, "host.revoke"),
        Endpoint("GET", SSH_KEYS.path, list_ssh_keys),
        Endpoint("POST", SSH_KEYS.path, add_ssh_key, "host ssh key.create"),
        Endpoint("POST", JOBS.path, run_job, "job.run"),
        Endpoint("GET", JOBS.item_path, get_job),
        Endpoint("DELETE", JOBS.item_path, cancel_job, "job.cancel"),
        Endpoint("GET", JOBS.item_path + "/stream", stream_job),
        Endpoint("GET", ACTIVITY.path, list_activity),
        Endpoint("POST", ACTIVITY.path, start_job, "job.start"),
        Endpoint("GET", _HOST + "/fs/stat", stat_file),
        Endpoint("POST", _HOST + "/fs/upload", upload_file, "host file.upload"),
        Endpoint("DELETE", _HOST + "/fs", delete_file, "host file.delete"),
        Endpoint("GET", SECRETS.path, list_secrets),
        Endpoint("POST", SECRETS.path, create_secret, "host secret.create"),
        Endpoint("PATCH", SECRETS.item_path, update_secret, "host secret.update"),
        Endpoint("DELETE", SECRETS.item_path, delete_secret, "host secret.delete"),
        Endpoint("POST", SECRETS.item_path + "/reveal", reveal_secret, "host secret.reveal"),
        _ticket("terminal"),
        _ticket("desktop"),
    ]
