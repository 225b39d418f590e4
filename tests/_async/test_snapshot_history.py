"""Snapshot history and named snapshots: the wire, conflicts, and real snapshots locally."""

from __future__ import annotations

import io
import tarfile

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError
from miosa.local import LocalServer
from miosa.types import (
    ForkedMachine,
    HistorySnapshot,
    NamedSnapshot,
    NamedSnapshotDeletion,
    SnapshotBulkDeletion,
    SnapshotDeletion,
    SnapshotGroup,
    SnapshotTree,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

S = "/snapshots/snap_1"
N = "/named-snapshots/golden%20image"
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}

CASES = [
    Case(call="snapshot_history.list", kwargs={"resource_id": "sbx_1", "q": "web", "limit": 20},
         method="GET", path="/snapshots", query={"resource_id": "sbx_1", "q": "web", "limit": "20"},
         reply=LIST, result=HistorySnapshot, many=True, result_ids=TWO),
    Case(call="snapshot_history.groups", kwargs={"offset": 50}, method="GET",
         path="/snapshots/groups", query={"offset": "50"},
         reply={"data": [{"resource": {"id": "sbx_1", "type": "sandbox"}, "snapshot_count": 3}]},
         check=lambda r: isinstance(r[0], SnapshotGroup) and r[0].resource is not None
         and (r[0].resource.type, r[0].snapshot_count) == ("sandbox", 3)),
    Case(call="snapshot_history.get", args=("snap_1",), method="GET", path=S,
         reply={"data": {"id": "x_1"}, "dependents": [{"type": "sandbox", "id": "sbx_2"}]},
         check=lambda r: isinstance(r, HistorySnapshot) and r.id == "x_1"
         and r.dependents == ({"type": "sandbox", "id": "sbx_2"},)),
    Case(call="snapshot_history.delete", args=("snap_1",), method="DELETE", path=S,
         reply={"data": {"id": "x_1", "deleted": True}},
         check=lambda r: isinstance(r, SnapshotDeletion) and r.deleted is True),
    Case(call="snapshot_history.bulk_delete",
         kwargs={"resource_id": "sbx_1", "all": True, "confirm": "sbx_1"}, method="POST",
         path="/snapshots/delete", body={"resource_id": "sbx_1", "all": True, "confirm": "sbx_1"},
         reply={"data": {"deleted": ["s1"], "blocked": [{"id": "s2", "reason": "in_use"}]}},
         check=lambda r: isinstance(r, SnapshotBulkDeletion) and r.deleted == ("s1",)),
    Case(call="snapshot_history.tree", args=("snap_1",), kwargs={"path": "/app"}, method="GET",
         path=S + "/tree", query={"path": "/app"}, status=202,
         reply={"status": "warming", "retry_after_ms": 2000},
         check=lambda r: isinstance(r, SnapshotTree) and r.warming and r.retry_after_ms == 2000),
    Case(call="snapshot_history.fork", args=("snap_1",),
         kwargs={"environment": "staging", "idempotency_key": "idem-f"}, method="POST",
         path=S + "/fork", body={"environment": "staging"}, headers={"idempotency-key": "idem-f"},
         status=201, result=ForkedMachine),
    Case(call="named_snapshots.list", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/named-snapshots", query={"workspace_id": "ws_1"},
         reply={"data": [{"name": "a", "id": "x_1"}, {"name": "b", "id": "x_2"}],
                "allowance": {"free": 3}},
         result=NamedSnapshot, many=True, result_ids=TWO),
    Case(call="named_snapshots.create", args=("golden image",), kwargs={"sandbox_id": "sbx_1"},
         method="POST", path="/named-snapshots",
         body={"name": "golden image", "sandbox_id": "sbx_1"},
         header_names=("idempotency-key",), status=201, result=NamedSnapshot),
    Case(call="named_snapshots.get", args=("golden image",), method="GET", path=N,
         reply={"data": {"name": "golden image"}, "dependents": []},
         check=lambda r: isinstance(r, NamedSnapshot) and r.name == "golden image"),
    Case(call="named_snapshots.delete", args=("golden image",), method="DELETE", path=N,
         reply={"data": {"name": "golden image", "outcome": "released"}},
         check=lambda r: isinstance(r, NamedSnapshotDeletion) and r.outcome == "released"),
    Case(call="named_snapshots.deploy", args=("golden image",), method="POST",
         path=N + "/deploy", body={}, header_names=("idempotency-key",), status=201,
         result=ForkedMachine),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_file_downloads_the_bytes() -> None:
    reply = json_response(200, {})
    api = MockAPI().on("GET /snapshots/snap_1/files", reply)
    async with make_client(api) as client:
        data = await client.snapshot_history.file("snap_1", path="/app/main.py")
    assert data == b"{}" and dict(api.last.url.params) == {"path": "/app/main.py"}


async def test_a_snapshot_in_use_is_a_conflict() -> None:
    error = {"error": {"code": "SNAPSHOT_IN_USE", "message": "snapshot snap_1 is in use"}}
    api = MockAPI().on("DELETE /snapshots/snap_1", json_response(409, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="in use"):
            await client.snapshot_history.delete("snap_1")


async def test_history_names_and_forks_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            sandbox = await client.sandboxes.create()
            await sandbox.files.write("/workspace/app/hello.txt", "hello from the snapshot")
            first = await sandbox.snapshots.create()
            second = await sandbox.snapshots.create()
            history = await client.snapshot_history.list(resource_id=sandbox.id)
            grouped = await client.snapshot_history.groups()
            tree = await client.snapshot_history.tree(first.id or "", path="/workspace/app")
            text = await client.snapshot_history.file(
                first.id or "", path="/workspace/app/hello.txt"
            )
            folder = await client.snapshot_history.file(first.id or "", path="/workspace/app")
            forked = await client.snapshot_history.fork(first.id or "")
            detail = await client.snapshot_history.get(first.id or "")
            with pytest.raises(ConflictError):
                await client.snapshot_history.delete(first.id or "")
            named = await client.named_snapshots.create("golden", snapshot_id=second.id or "")
            with pytest.raises(ConflictError):
                await client.named_snapshots.create("golden", sandbox_id=sandbox.id)
            after_pin = await client.snapshot_history.list(resource_id=sandbox.id)
            deployed = await client.named_snapshots.deploy("golden")
            names = await client.named_snapshots.list()
            released = await client.named_snapshots.delete("golden")
            with pytest.raises(NotFoundError):
                await client.named_snapshots.get("golden")
            await client.sandboxes.delete(forked.id or "")
            bulk = await client.snapshot_history.bulk_delete(
                resource_id=sandbox.id, all=True, confirm=sandbox.id
            )
            left = await client.snapshot_history.list(resource_id=sandbox.id)
            for machine in (sandbox.id, deployed.id or ""):
                await client.sandboxes.delete(machine)
    assert [s.id for s in history] == [second.id, first.id]
    assert history[0].resource is not None and history[0].resource.type == "sandbox"
    assert grouped[0].snapshot_count == 2
    assert [(e.name, e.type) for e in tree.entries] == [("hello.txt", "file")]
    assert text == b"hello from the snapshot"
    with tarfile.open(fileobj=io.BytesIO(folder)) as archive:
        assert "app/hello.txt" in archive.getnames()
    assert forked.source_snapshot_id == first.id and forked.state == "running"
    assert detail.dependents == ({"type": "sandbox", "id": forked.id},)
    assert (named.name, named.status) == ("golden", "ready")
    assert [s.id for s in after_pin] == [first.id]
    assert deployed.source_snapshot_id == second.id
    assert [n.name for n in names] == ["golden"] and released.outcome == "released"
    # The deployed machine still needs the second snapshot: it is kept, the first goes.
    assert bulk.deleted == (first.id,)
    assert bulk.blocked == ({"id": second.id, "reason": "in_use"},)
    assert [s.id for s in left] == [second.id]
