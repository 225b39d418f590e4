"""The account-wide snapshot history and named snapshots, over the sandboxes' snapshots.

History is every snapshot (``store.snapshots``) that no name pins; a name pins one
snapshot, taken for it from a sandbox or chosen from the history. Forking or deploying
makes a real sandbox from the snapshot's files. The file browser reads the snapshot's own
directory (there is no image to unpack, so it is never ``warming``). Deleting a snapshot
a name pins, or that a machine was forked from while that machine lives, is refused with
409 ``SNAPSHOT_IN_USE``.
"""

from __future__ import annotations

import io
import os
import shutil
import tarfile
from pathlib import Path

import anyio
from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, json_response, not_found, ok
from .routing import Call, Endpoint
from .sandboxes import new_sandbox, sandbox_json
from .state import Snapshot

NAMES = "/named-snapshots"
FORKS = "/snapshots/forks"
MAX_LIMIT = 200
WORKSPACE = "/workspace"


def _names(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(NAMES, {})


def _pinned(call: Call) -> set[str]:
    return {n["snapshot_id"] for n in _names(call).values()}


def _machine(call: Call, snap: Snapshot) -> JSON:
    sandbox = call.store.sandboxes.get(snap.sandbox_id)
    return {"id": snap.sandbox_id, "type": "sandbox", "name": sandbox.name if sandbox else None}


def _json(call: Call, snap: Snapshot) -> JSON:
    return {
        "id": snap.id,
        "status": snap.status,
        "resource": _machine(call, snap),
        "workspace_id": None,
        "size_bytes": snap.size_bytes,
        "comment": snap.comment,
        "created_at": iso(snap.created_at),
        "expires_at": iso(snap.expires_at),
    }


def _dependents(call: Call, snap: Snapshot) -> list[JSON]:
    found: list[JSON] = [
        {"type": "named_snapshot", "name": n["name"]}
        for n in _names(call).values()
        if n["snapshot_id"] == snap.id
    ]
    for sandbox_id, source in call.store.records.get(FORKS, {}).items():
        sandbox = call.store.sandboxes.get(sandbox_id)
        if source.get("snapshot_id") == snap.id and sandbox is not None and sandbox.alive:
            found.append({"type": "sandbox", "id": sandbox_id})
    return found


def _history(call: Call) -> list[Snapshot]:
    pinned = _pinned(call)
    snaps = [s for s in call.store.snapshots.values() if s.id not in pinned]
    return sorted(snaps, key=lambda s: s.created_at, reverse=True)


def _window(call: Call, items: list[JSON]) -> list[JSON]:
    try:
        limit = min(int(call.query.get("limit") or 50), MAX_LIMIT)
        offset = int(call.query.get("offset") or 0)
    except ValueError:
        raise bad_request("limit and offset must be integers") from None
    return items[offset : offset + limit]


def _matches(call: Call, snap: Snapshot) -> bool:
    q = (call.query.get("q") or "").lower()
    machine = _machine(call, snap)
    haystack = " ".join(str(v) for v in (snap.id, machine["id"], machine["name"])).lower()
    return not q or q in haystack


async def list_history(call: Call) -> Response:
    resource_id = call.query.get("resource_id")
    snaps = [s for s in _history(call) if _matches(call, s)]
    snaps = [s for s in snaps if not resource_id or s.sandbox_id == resource_id]
    return ok(_window(call, [_json(call, s) for s in snaps]))


async def groups(call: Call) -> Response:
    grouped: dict[str, list[Snapshot]] = {}
    for snap in _history(call):
        if _matches(call, snap):
            grouped.setdefault(snap.sandbox_id, []).append(snap)
    items = [
        {
            "resource": _machine(call, snaps[0]),
            "snapshot_count": len(snaps),
            "size_bytes": sum(s.size_bytes for s in snaps),
            "latest_snapshot_id": snaps[0].id,
            "latest_at": iso(snaps[0].created_at),
        }
        for snaps in grouped.values()
    ]
    return ok(_window(call, items))


def _snapshot(call: Call) -> Snapshot:
    snap = call.store.snapshots.get(call.params["snapshot_id"])
    if snap is None:
        raise not_found("snapshot", call.params["snapshot_id"])
    return snap


async def get_snapshot(call: Call) -> Response:
    """``GET /snapshots/{snapshot_id}``: ``data`` and, beside it, ``dependents``."""
    snap = _snapshot(call)
    return json_response({"data": _json(call, snap), "dependents": _dependents(call, snap)})


async def _drop(call: Call, snap: Snapshot) -> None:
    del call.store.snapshots[snap.id]
    await anyio.to_thread.run_sync(lambda: shutil.rmtree(snap.dir, ignore_errors=True))


async def delete_snapshot(call: Call) -> Response:
    snap = _snapshot(call)
    dependents = _dependents(call, snap)
    if dependents:
        raise ApiError(409, "SNAPSHOT_IN_USE", f"snapshot {snap.id} is in use",
                       {"dependents": dependents})  # fmt: skip
    await _drop(call, snap)
    return ok({"id": snap.id, "deleted": True})


async def bulk_delete(call: Call) -> Response:
    """``POST /snapshots/delete``: ids, or ``resource_id`` + ``all`` + ``confirm``."""
    body = await call.json()
    if isinstance(body.get("ids"), list):
        wanted = [str(i) for i in body["ids"]]
    elif body.get("all") is True and body.get("resource_id"):
        if body.get("confirm") != body["resource_id"]:
            raise bad_request("confirm must equal resource_id to delete a whole history",
                              field="confirm")  # fmt: skip
        wanted = [s.id for s in _history(call) if s.sandbox_id == body["resource_id"]]
    else:
        raise bad_request("give ids, or resource_id with all=true and confirm")
    deleted: list[str] = []
    blocked: list[JSON] = []
    for ident in wanted:
        snap = call.store.snapshots.get(ident)
        if snap is None:
            blocked.append({"id": ident, "reason": "not_found"})
        elif _dependents(call, snap):
            blocked.append({"id": ident, "reason": "in_use"})
        else:
            await _drop(call, snap)
            deleted.append(ident)
    return ok({"deleted": deleted, "blocked": blocked})


def _inside(snap: Snapshot, path: str) -> Path:
    """The snapshot holds the workspace: ``/workspace/x`` and ``/x`` name the same file."""
    root = snap.dir.resolve()
    if path == WORKSPACE or path.startswith(WORKSPACE + "/"):
        path = path[len(WORKSPACE) :]
    target = (root / path.lstrip("/")).resolve()
    if target != root and root not in target.parents:
        raise bad_request("path leaves the snapshot", code="INVALID_PATH", field="path")
    if not target.exists():
        raise not_found("path", path)
    return target


async def tree(call: Call) -> Response:
    snap = _snapshot(call)
    path = call.query.get("path") or "/"
    folder = _inside(snap, path)
    if not folder.is_dir():
        raise bad_request(f"{path} is not a folder", code="INVALID_PATH", field="path")
    entries = []
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        stat = child.lstat()
        kind = "dir" if child.is_dir() and not child.is_symlink() else "file"
        rel = WORKSPACE + "/" + str(child.relative_to(snap.dir.resolve()))
        entries.append({"name": child.name, "path": rel, "type": kind,
                        "size": stat.st_size if kind == "file" else None})  # fmt: skip
    return ok({"path": path, "status": "ready", "entries": entries})


def _tar(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        archive.add(folder, arcname=folder.name or ".")
    return buffer.getvalue()


async def download(call: Call) -> Response:
    snap = _snapshot(call)
    target = _inside(snap, call.query.get("path") or "/")
    if target.is_dir():
        data = await anyio.to_thread.run_sync(_tar, target)
        return Response(data, media_type="application/x-tar")
    data = await anyio.to_thread.run_sync(target.read_bytes)
    return Response(data, media_type="application/octet-stream")


async def _fork_from(call: Call, snap: Snapshot, body: JSON) -> Response:
    sandbox = await new_sandbox(call, {}, source=snap.dir)
    call.store.records.setdefault(FORKS, {})[sandbox.id] = {"snapshot_id": snap.id}
    data = sandbox_json(call.store, sandbox)
    return ok({**data, "type": "sandbox", "source_snapshot_id": snap.id,
               "environment": body.get("environment")}, 201)  # fmt: skip


async def fork(call: Call) -> Response:
    return await _fork_from(call, _snapshot(call), await call.json())


async def _capture(call: Call, sandbox_id: str) -> Snapshot:
    sandbox = call.store.sandboxes.get(sandbox_id)
    if sandbox is None or not sandbox.alive:
        raise not_found("sandbox", sandbox_id)
    ident = new_id("snap")
    target = call.store.settings.snapshots_dir / ident
    await anyio.to_thread.run_sync(
        lambda: shutil.copytree(sandbox.workspace, target, symlinks=True)
    )
    size = sum(os.lstat(os.path.join(d, f)).st_size for d, _, fs in os.walk(target) for f in fs)
    snap = Snapshot(
        id=ident,
        sandbox_id=sandbox.id,
        dir=target,
        comment=None,
        keep=True,
        retention_seconds=None,
        expires_at=None,
        created_at=now(),
        size_bytes=size,
    )
    call.store.snapshots[ident] = snap
    return snap


def _name_json(call: Call, record: JSON) -> JSON:
    snap = call.store.snapshots.get(record["snapshot_id"])
    return {
        **record,
        "status": "ready" if snap is not None else "missing",
        "resource": _machine(call, snap) if snap else None,
        "size_bytes": snap.size_bytes if snap else None,
    }


async def create_name(call: Call) -> Response:
    body = await call.json()
    name = body.get("name")
    if not isinstance(name, str) or not name:
        raise bad_request("name is required", field="name")
    if name in _names(call):
        raise ApiError(409, "SNAPSHOT_ALREADY_NAMED", f"the name {name!r} is taken")
    sources = [k for k in ("snapshot_id", "sandbox_id", "computer_id") if body.get(k)]
    if len(sources) != 1:
        raise bad_request("give exactly one of snapshot_id, sandbox_id, computer_id")
    if sources[0] == "snapshot_id":
        snap = call.store.snapshots.get(str(body["snapshot_id"]))
        if snap is None or snap.id in _pinned(call):
            raise not_found("snapshot", str(body["snapshot_id"]))
    elif sources[0] == "sandbox_id":
        snap = await _capture(call, str(body["sandbox_id"]))
    else:
        raise not_found("computer", str(body["computer_id"]))
    record: JSON = {"name": name, "snapshot_id": snap.id,
                    "workspace_id": body.get("workspace_id"), "created_at": iso(now())}  # fmt: skip
    _names(call)[name] = record
    call.resource_id = name
    return ok(_name_json(call, record), 201)


def _named(call: Call) -> JSON:
    record = _names(call).get(call.params["name"])
    if record is None:
        raise not_found("named snapshot", call.params["name"])
    return record


async def list_names(call: Call) -> Response:
    records = sorted(_names(call).values(), key=lambda r: str(r["created_at"]), reverse=True)
    workspace = call.query.get("workspace_id")
    items = [
        _name_json(call, r) for r in records if not workspace or r["workspace_id"] == workspace
    ]
    return ok(items)


async def get_name(call: Call) -> Response:
    record = _named(call)
    snap = call.store.snapshots.get(record["snapshot_id"])
    dependents = (
        [d for d in _dependents(call, snap) if d["type"] != "named_snapshot"] if snap else []
    )
    return ok(_name_json(call, record) | {"dependents": dependents})


async def delete_name(call: Call) -> Response:
    """``DELETE /named-snapshots/{name}``: the snapshot goes back to the history."""
    record = _named(call)
    del _names(call)[record["name"]]
    return ok({"name": record["name"], "outcome": "released"})


async def deploy(call: Call) -> Response:
    record = _named(call)
    snap = call.store.snapshots.get(record["snapshot_id"])
    if snap is None:
        raise ApiError(409, "SNAPSHOT_NOT_READY", f"{record['name']} has no snapshot to deploy")
    return await _fork_from(call, snap, await call.json())


def endpoints() -> list[Endpoint]:
    one = "/snapshots/{snapshot_id}"
    return [
        Endpoint("GET", "/snapshots", list_history),
        Endpoint("GET", "/snapshots/groups", groups),
        Endpoint("POST", "/snapshots/delete", bulk_delete, "snapshot.bulk_delete"),
        Endpoint("GET", one, get_snapshot),
        Endpoint("DELETE", one, delete_snapshot, "snapshot.delete"),
        Endpoint("GET", one + "/tree", tree),
        Endpoint("GET", one + "/files", download),
        Endpoint("POST", one + "/fork", fork, "snapshot.fork"),
        Endpoint("GET", NAMES, list_names),
        Endpoint("POST", NAMES, create_name, "named_snapshot.create"),
        Endpoint("GET", NAMES + "/{name}", get_name),
        Endpoint("DELETE", NAMES + "/{name}", delete_name, "named_snapshot.delete"),
        Endpoint("POST", NAMES + "/{name}/deploy", deploy, "named_snapshot.deploy"),
    ]
