"""Sandbox batches, the run lane and bulk actions: the wire, errors, real sandboxes locally."""

from __future__ import annotations

import httpx
import pytest

from miosa import AsyncMiosa, NotFoundError, ResourceFailedError, ValidationError
from miosa.local import LocalServer
from miosa.types import BulkJob, SandboxBatch, SandboxBatchItem, SandboxRun
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

B = "/sandboxes/batches/sbat_1"
TWO = ("x_1", "x_2")

CASES = [
    Case(call="sandbox_batches.create", args=(3,),
         kwargs={"concurrency": 2, "template_id": "python", "size": "small",
                 "idempotency_key": "idem-b"},
         method="POST", path="/sandboxes/batch",
         body={"count": 3, "concurrency": 2, "template_id": "python", "size": "small"},
         headers={"idempotency-key": "idem-b"}, status=201, result=SandboxBatch),
    Case(call="sandbox_batches.get", args=("sbat_1",), method="GET", path=B,
         reply={"data": {"id": "x_1", "runtime": {"running": 2}}},
         check=lambda r: isinstance(r, SandboxBatch) and r.runtime == {"running": 2}),
    Case(call="sandbox_batches.items", args=("sbat_1",), kwargs={"limit": 10}, method="GET",
         path=B + "/items", query={"limit": "10"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=SandboxBatchItem, many=True,
         result_ids=TWO),
    Case(call="sandbox_batches.cancel", args=("sbat_1",), method="POST", path=B + "/cancel",
         result=SandboxBatch),
    Case(call="sandbox_batches.run", args=("python -V",), kwargs={"template_id": "python"},
         method="POST", path="/sandboxes/run",
         body={"command": "python -V", "template_id": "python"},
         header_names=("idempotency-key",), status=201,
         reply={"data": {"id": "x_1", "command_result": {"stdout": "Python 3", "exit_code": 0}}},
         check=lambda r: isinstance(r, SandboxRun) and r.command_result is not None
         and r.command_result.stdout == "Python 3"),
    Case(call="bulk.sandboxes.pause", kwargs={"ids": ("sbx_1", "sbx_2")}, method="POST",
         path="/bulk/sandboxes/pause", body={"ids": ["sbx_1", "sbx_2"]}, status=202,
         result=BulkJob),
    Case(call="bulk.sandboxes.resume", kwargs={"filter": {"tag": "ci"}}, method="POST",
         path="/bulk/sandboxes/resume", body={"filter": {"tag": "ci"}}, status=202,
         result=BulkJob),
    Case(call="bulk.sandboxes.destroy", kwargs={"ids": ["sbx_1"]}, method="POST",
         path="/bulk/sandboxes/destroy", body={"ids": ["sbx_1"]}, status=202, result=BulkJob),
    Case(call="bulk.policy.apply",
         kwargs={"tier": "workspace", "ids_or_filter": ["ws_1"],
                 "policy": {"lifecycle": {"default_idle_timeout_sec": 600}}},
         method="POST", path="/bulk/policy/apply",
         body={"tier": "workspace", "ids": ["ws_1"],
               "policy": {"lifecycle": {"default_idle_timeout_sec": 600}}},
         status=202, result=BulkJob),
    Case(call="bulk.policy.apply",
         kwargs={"tier": "external_user", "ids_or_filter": {"plan": "free"}, "policy": {}},
         method="POST", path="/bulk/policy/apply",
         body={"tier": "external_user", "filter": {"plan": "free"}, "policy": {}},
         status=202, result=BulkJob, name="bulk.policy.apply-filter"),
    Case(call="bulk.jobs.get", args=("bjob_1",), method="GET", path="/bulk/jobs/bjob_1",
         reply={"job": {"id": "x_1"}}, result=BulkJob),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_bulk_needs_a_target_and_waits_for_its_job() -> None:
    running = json_response(200, {"data": {"id": "bjob_1", "status": "running"}})
    failed = json_response(200, {"data": {"id": "bjob_1", "status": "failed"}})
    api = MockAPI().on("GET /bulk/jobs/bjob_1", running, failed)
    async with make_client(api) as client:
        with pytest.raises(ValueError, match="ids= or filter="):
            await client.bulk.sandboxes.pause()
        with pytest.raises(ResourceFailedError):
            await client.bulk.jobs.wait("bjob_1", poll_interval=0.01)
    assert len(api.requests) == 2


async def test_batch_events_end_with_settled() -> None:
    text = (
        'event: batch_progress\ndata: {"id": "sbat_1", "completed": 1}\n\n'
        'event: batch_settled\ndata: {"batch": {"id": "sbat_1", "completed": 2}}\n\n'
        'event: batch_progress\ndata: {"id": "never"}\n\n'
    )
    reply = httpx.Response(200, headers={"content-type": "text/event-stream"}, text=text)
    api = MockAPI().on("GET /sandboxes/batches/sbat_1/events", reply)
    client = make_client(api, max_retries=0)
    async with client, client.sandbox_batches.events("sbat_1") as events:
        got = [(e.type, e.batch.completed if e.batch else None) async for e in events]
    assert got == [("batch_progress", 1), ("batch_settled", 2)]


async def test_an_oversized_batch_is_refused() -> None:
    error = {"error": {"code": "VALIDATION_ERROR", "message": "count must be at most 1000"}}
    api = MockAPI().on("POST /sandboxes/batch", json_response(422, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="count"):
            await client.sandbox_batches.create(5000)


async def test_batches_run_and_bulk_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            batch = await client.sandbox_batches.create(3, concurrency=2)
            assert batch.id is not None
            items = await client.sandbox_batches.items(batch.id)
            async with client.sandbox_batches.events(batch.id) as events:
                progress = [e async for e in events]
            cancelled = await client.sandbox_batches.cancel(batch.id)
            with pytest.raises(NotFoundError):
                await client.sandbox_batches.get("sbat_missing")
            ran = await client.sandbox_batches.run("echo ready")
            ids = [i.sandbox_id or "" for i in items]
            paused = await client.bulk.sandboxes.pause(ids=ids[:2])
            assert paused.id is not None
            done = await client.bulk.jobs.wait(paused.id, timeout=5)
            states = {s: str((await client.sandboxes.get(s)).state) for s in ids}
            resumed = await client.bulk.sandboxes.resume(ids=ids)
            destroyed = await client.bulk.sandboxes.destroy(ids=[*ids, ran.id or ""])
            snapshot = await client.sandbox_batches.get(batch.id)
            applied = await client.bulk.policy.apply(
                tier="workspace", ids_or_filter=["ws_1", "ws_2"], policy={"max_sandboxes": 3}
            )
    assert (batch.status, batch.requested, batch.completed, batch.failed) == ("completed", 3, 3, 0)
    assert batch.runtime == {"running": 3}
    assert [i.index for i in items] == [0, 1, 2] and all(i.sandbox_id for i in items)
    assert [e.type for e in progress] == ["batch_progress"] * 3 + ["batch_settled"]
    assert cancelled.status == "completed"
    assert ran.command_result is not None and ran.command_result.stdout.strip() == "ready"
    assert (done.status, done.total, done.succeeded) == ("completed", 2, 2)
    assert sorted(states.values()) == ["paused", "paused", "running"]
    assert (resumed.succeeded, destroyed.total) == (3, 4)
    assert snapshot.runtime == {"destroyed": 3}
    assert (applied.total, applied.succeeded) == (2, 2)
