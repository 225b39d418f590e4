# This file was generated from
#   tests/_async/test_snapshot_history.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Snapshot history and named snapshots: the wire, conflicts, and real snapshots locally."""

from __future__ import annotations

import io
import tarfile

import pytest

from miosa import ConflictError, Miosa, NotFoundError
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
from tests._sync._helpers import make_client, run_case
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
def test_wire(case: Case) -> None:
    run_case(case)


def test_file_downloads_the_bytes() -> None:
    reply = json_response(200, {})
    api = MockAPI().on("GET /snapshots/snap_1/files", reply)
    with make_client(api) as client:
        data = client.snapshot_history.file("snap_1", path="/app/main.py")
    assert data == b"{}" and dict(api.last.url.params) == {"path": "/app/main.py"}


def test_a_snapshot_in_use_is_a_conflict() -> None:
    error = {"error": {"code": "SNAPSHOT_IN_USE", "message": "snapshot snap_1 is in use"}}
    api = MockAPI().on("DELETE /snapshots/snap_1", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="in use"):
            client.snapshot_history.delete("snap_1")


def test_history_names_and_forks_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            sandbox = client.sandboxes.create()
            sandbox.files.write("/workspace/app/hello.txt", "hello from the snapshot")
            first = sandbox.snapshots.create()
            second = sandbox.snapshots.create()
            history = client.snapshot_history.list(resource_id=sandbox.id)
            grouped = client.snapshot_history.groups()
            tree = client.snapshot_history.tree(first.id or "", path="/workspace/app")
            text = client.snapshot_history.file(first.id or "", path="/workspace/app/hello.txt")
            folder = client.snapshot_history.file(first.id or "", path="/workspace/app")
            forked = client.snapshot_history.fork(first.id or "")
            detail = client.snapshot_history.get(first.id or "")
            with pytest.raises(ConflictError):
                client.snapshot_history.delete(first.id or "")
            named = client.named_snapshots.create("golden", snapshot_id=second.id or "")
            with pytest.raises(ConflictError):
                client.named_snapshots.create("golden", sandbox_id=sandbox.id)
            after_pin = client.snapshot_history.list(resource_id=sandbox.id)
            deployed = client.named_snapshots.deploy("golden")
            names = client.named_snapshots.list()
            released = client.named_snapshots.delete("golden")
            with pytest.raises(NotFoundError):
                client.named_snapshots.get("golden")
            client.sandboxes.delete(forked.id or "")
            bulk = client.snapshot_history.bulk_delete(
                resource_id=sandbox.id, all=True, confirm=sandbox.id
            )
            left = client.snapshot_history.list(resource_id=sandbox.id)
            for machine in (sandbox.id, deployed.id or ""):
                client.sandboxes.delete(machine)
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
