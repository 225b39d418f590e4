"""Snapshots: copies of a sandbox directory, restorable and forkable; plus the admin index."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import anyio
from starlette.responses import Response

from .common import JSON, new_id, now
from .fields import optional
from .http import ApiError, created, no_content, not_found, ok, page_response
from .routing import Call, Endpoint
from .sandboxes import fail, sandbox_json
from .state import Snapshot


def _copy(source: Path, target: Path) -> int:
    shutil.copytree(source, target, symlinks=True)
    return sum(
        os.lstat(os.path.join(d, f)).st_size
        for d, _, files in os.walk(target, followlinks=False)
        for f in files
    )


# A hundred years: a longer retention is a mistake, and would overflow a timestamp.
MAX_RETENTION_SECONDS = 100 * 365 * 86400


def _retention(body: JSON) -> int | None:
    for key, scale in (
        ("retention_seconds", 1),
        ("expiration_seconds", 1),
        ("expiration_days", 86400),
    ):
        value = optional(body, key, int, low=1, high=MAX_RETENTION_SECONDS // scale)
        if value is not None:
            return value * scale
    return None


async def take_snapshot(call: Call, body: JSON) -> Snapshot:
    """Copy the sandbox directory into ``<root>/snapshots/<id>``."""
    sandbox = call.sandbox()
    comment = optional(body, "comment", str)
    keep = optional(body, "keep", bool, False)
    retention = _retention(body)
    ident = new_id("snap")
    target = call.store.settings.snapshots_dir / ident
    try:
        size = await anyio.to_thread.run_sync(_copy, sandbox.workspace, target)
    except OSError as exc:
        raise fail(call.store, sandbox, "snapshot", exc) from exc
    created_at = now()
    snap = Snapshot(
        id=ident,
        sandbox_id=sandbox.id,
        dir=target,
        comment=comment,
        keep=keep,
        retention_seconds=retention,
        expires_at=created_at + retention if retention else None,
        created_at=created_at,
        size_bytes=size,
    )
    call.store.snapshots[ident] = snap
    call.resource_id = ident
    call.store.emit("sandbox.snapshot.created", snap.to_json(), sandbox)
    return snap


async def create_snapshot(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/snapshots``."""
    return created((await take_snapshot(call, await call.json())).to_json())


async def legacy_snapshot(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/snapshot`` (older singular route)."""
    snap = await take_snapshot(call, await call.json())
    return ok(snap.to_json() | {"snapshot_id": snap.id})


async def list_snapshots(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/snapshots``."""
    sandbox = call.sandbox(allow_destroyed=True)
    items = [s.to_json() for s in call.store.snapshots.values() if s.sandbox_id == sandbox.id]
    return page_response(items, call.query)


def _snapshot(call: Call) -> Snapshot:
    ident = call.params["snapshot_id"]
    snap = call.store.snapshots.get(ident)
    if snap is None:
        raise not_found("snapshot", ident)
    return snap


def _swap_in(source: Path, workspace: Path) -> None:
    staging = workspace.with_name("workspace.restoring")
    old = workspace.with_name("workspace.old")
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(source, staging, symlinks=True)
    os.replace(workspace, old)
    os.replace(staging, workspace)
    shutil.rmtree(old, ignore_errors=True)


async def restore(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/restore/{snapshot_id}``: the files become the snapshot's."""
    sandbox = call.running_sandbox()
    snap = _snapshot(call)
    try:
        await anyio.to_thread.run_sync(_swap_in, snap.dir, sandbox.workspace)
    except OSError as exc:
        raise fail(call.store, sandbox, "restore", exc) from exc
    data = sandbox_json(call.store, sandbox)
    call.store.emit("sandbox.restored", data | {"snapshot_id": snap.id}, sandbox)
    return ok(data | {"restored_from": snap.id})


async def delete_snapshot(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}/snapshots/{snapshot_id}``."""
    sandbox = call.sandbox(allow_destroyed=True)
    snap = _snapshot(call)
    if snap.sandbox_id != sandbox.id:
        raise not_found("snapshot", snap.id)
    del call.store.snapshots[snap.id]
    await anyio.to_thread.run_sync(lambda: shutil.rmtree(snap.dir, ignore_errors=True))
    return no_content()


def _require_admin(call: Call) -> None:
    principal = call.principal
    if not (principal.is_root or "admin" in principal.scopes or "*" in principal.scopes):
        raise ApiError(
            403, "FORBIDDEN", "the admin snapshot index needs the server key or an admin-scoped key"
        )


async def admin_list(call: Call) -> Response:
    """``GET /admin/snapshots`` (filters: sandbox_id, status)."""
    _require_admin(call)
    q = call.query
    items = [
        s.to_json()
        for s in call.store.snapshots.values()
        if (not q.get("sandbox_id") or s.sandbox_id == q["sandbox_id"])
        and (not q.get("status") or s.status == q["status"])
    ]
    return page_response(items, q)


async def admin_get(call: Call) -> Response:
    """``GET /admin/snapshots/{snapshot_id}``."""
    _require_admin(call)
    snap = _snapshot(call)
    return ok(snap.to_json() | {"path": str(snap.dir)})


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    base = "/sandboxes/{sandbox_id}"
    return [
        Endpoint("POST", base + "/snapshots", create_snapshot, "sandbox.snapshot.create"),
        Endpoint("GET", base + "/snapshots", list_snapshots),
        Endpoint("POST", base + "/restore/{snapshot_id}", restore, "sandbox.snapshot.restore"),
        Endpoint(
            "DELETE", base + "/snapshots/{snapshot_id}", delete_snapshot, "sandbox.snapshot.delete"
        ),
        Endpoint("POST", base + "/snapshot", legacy_snapshot, "sandbox.snapshot.create"),
        Endpoint("GET", "/admin/snapshots", admin_list),
        Endpoint("GET", "/admin/snapshots/{snapshot_id}", admin_get),
    ]
