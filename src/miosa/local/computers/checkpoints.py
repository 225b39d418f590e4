"""Checkpoints: snapshots of a computer, listed, streamed and restored."""

from __future__ import annotations

import secrets
import shutil

import anyio
from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from .. import sandboxes, snapshots
from ..common import JSON, iso
from ..events import Event
from ..http import json_response, not_found, ok
from ..routing import Call
from ..sse import SSEResponse
from ..state import SIZES, Sandbox, Snapshot, Store
from .base import (
    as_sandbox_call,
    computer_json,
    computer_sandbox,
)

# -- checkpoints -----------------------------------------------------------------------------


def _checkpoint_json(store: Store, snap: Snapshot, status: str | None = None) -> JSON:
    return {
        "id": snap.id,
        "computer_id": snap.sandbox_id,
        "tenant_id": store.settings.tenant_id,
        "comment": snap.comment,
        "status": status or snap.status,
        "state_size_bytes": snap.size_bytes,
        "memory_size_bytes": 0,
        "rootfs_size_bytes": snap.size_bytes,
        "compressed_size_bytes": snap.size_bytes,
        "s3_bucket": None,
        "s3_prefix": None,
        "parent_snapshot_id": None,
        "error": None,
        "created_at": iso(snap.created_at),
        "updated_at": iso(snap.created_at),
    }


def _checkpoint(call: Call, sandbox: Sandbox) -> Snapshot:
    ident = call.params["snapshot_id"]
    snap = call.store.snapshots.get(ident)
    if snap is None or snap.sandbox_id != sandbox.id:
        raise not_found("checkpoint", ident)
    return snap


async def create_checkpoint(call: Call) -> Response:
    """``POST /computers/{computer_id}/snapshots`` ``{comment}``: a copy of the files
    (``creating`` in the reply, ``ready`` when next read; memory is not captured)."""
    sandbox = computer_sandbox(call)
    comment = await call.optional("comment", str)
    snap = await snapshots.take_snapshot(as_sandbox_call(call, sandbox), {"comment": comment})
    call.resource_id = snap.id
    return ok(_checkpoint_json(call.store, snap, "creating"))


async def list_checkpoints(call: Call) -> Response:
    """``GET /computers/{computer_id}/snapshots``."""
    sandbox = computer_sandbox(call)
    found = [
        _checkpoint_json(call.store, s)
        for s in call.store.snapshots.values()
        if s.sandbox_id == sandbox.id
    ]
    return ok(found)


async def get_checkpoint(call: Call) -> Response:
    """``GET /computers/{computer_id}/snapshots/{snapshot_id}``."""
    sandbox = computer_sandbox(call)
    return ok(_checkpoint_json(call.store, _checkpoint(call, sandbox)))


async def delete_checkpoint(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/snapshots/{snapshot_id}``: the record, ``deleted``."""
    sandbox = computer_sandbox(call)
    snap = _checkpoint(call, sandbox)
    del call.store.snapshots[snap.id]
    await anyio.to_thread.run_sync(lambda: shutil.rmtree(snap.dir, ignore_errors=True))
    return ok(_checkpoint_json(call.store, snap, "deleted"))


async def checkpoint_events(call: Call) -> Response:
    """``GET /computers/{computer_id}/snapshots/{snapshot_id}/events`` (SSE): the steps a
    checkpoint went through, then the stream ends."""
    sandbox = computer_sandbox(call)
    snap = _checkpoint(call, sandbox)
    steps = (("creating", "capture", 0), ("uploading", "upload", 50), (snap.status, "done", 100))

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            for seq, (status, step, progress) in enumerate(steps, 1):
                payload = {
                    "type": "snapshot.progress",
                    "snapshot_id": snap.id,
                    "status": status,
                    "step": step,
                    "progress": progress,
                }
                await out.send(Event(seq, "snapshot.progress", payload))

    return SSEResponse(produce, call.store)


async def restore_checkpoint(call: Call) -> Response:
    """``POST /computers/{computer_id}/restore/{snapshot_id}``: a NEW computer with the
    checkpoint's files, ``{data: computer, snapshot: checkpoint}``."""
    sandbox = computer_sandbox(call)
    snap = _checkpoint(call, sandbox)
    await call.json()
    name = f"{sandbox.name}-restore-{secrets.token_hex(2)}"
    size = sandbox.size if sandbox.size in SIZES else None
    body: JSON = {"name": name, "metadata": dict(sandbox.metadata)}
    if size is not None:
        body["size"] = size
    restored = await sandboxes.new_sandbox(
        call,
        {**body, "always_on": True, "persistent": True},
        snap.dir,
        prefix="cmp",
    )
    restored.extra.update(
        {k: v for k, v in sandbox.extra.items() if k in ("kind", "template_type", "visibility")}
    )
    restored.network = sandbox.network
    call.resource_id = restored.id
    return json_response(
        {
            "data": computer_json(call.store, restored, "provisioning"),
            "snapshot": _checkpoint_json(call.store, snap),
        }
    )
