"""Wire tests of ``client.benchmarks`` (admin), including waiting for a run."""

from __future__ import annotations

from typing import Any

import pytest

from miosa import WaitTimeoutError
from miosa._converter import structure
from miosa.types.benchmarks import (
    BenchmarkComparison,
    BenchmarkKind,
    BenchmarkRun,
    BenchmarkSample,
    BenchmarkStatus,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, json_response

RUN = {
    "id": "bm_1",
    "kind": "cold_boot",
    "status": "running",
    "options": {"iterations": 20, "region": "eu-west"},
    "created_at": "2026-11-28T09:00:00Z",
    "started_at": "2026-11-28T09:00:01Z",
    "host": "fc-07",
}
SAMPLE = {"benchmark_id": "bm_1", "iteration": 3, "duration_ms": 412.5, "success": True}


def _run(status: str) -> dict[str, Any]:
    return {"data": {**RUN, "status": status}}


CASES = [
    Case(
        call=lambda c: c.benchmarks.list(extra={"kind": "cold_boot", "limit": 5}),
        method="GET",
        path="/admin/benchmarks",
        check=lambda r: (
            [type(x) for x in r] == [BenchmarkRun] and r[0].kind is BenchmarkKind.COLD_BOOT
        ),
        reply={"benchmarks": [RUN]},
        query={"kind": "cold_boot", "limit": "5"},
    ),
    Case(
        call=lambda c: c.benchmarks.get("bm_1"),
        method="GET",
        path="/admin/benchmarks/bm_1",
        check=lambda r: isinstance(r, BenchmarkRun) and r.status is BenchmarkStatus.RUNNING,
        reply={"data": RUN},
    ),
    Case(
        call=lambda c: c.benchmarks.create(kind=BenchmarkKind.FULL_E2E, options={"iterations": 10}),
        method="POST",
        path="/admin/benchmarks",
        check=lambda r: isinstance(r, BenchmarkRun) and r.id == "bm_1",
        reply={"data": RUN},
        body={"kind": "full_e2e", "iterations": 10},
    ),
    Case(
        call=lambda c: c.benchmarks.cancel("bm_1"),
        method="POST",
        path="/admin/benchmarks/bm_1/cancel",
        check=lambda r: isinstance(r, BenchmarkRun) and r.is_finished,
        reply=_run("cancelled"),
    ),
    Case(
        call=lambda c: c.benchmarks.samples("bm_1", extra={"limit": 100}),
        method="GET",
        path="/admin/benchmarks/bm_1/samples",
        check=lambda r: isinstance(r[0], BenchmarkSample) and r[0].duration_ms == 412.5,
        reply={"samples": [SAMPLE]},
        query={"limit": "100"},
    ),
    Case(
        call=lambda c: c.benchmarks.compare(left_id="bm_1", right_id="bm_2"),
        method="POST",
        path="/admin/benchmarks/compare",
        check=lambda r: isinstance(r, BenchmarkComparison) and r.raw["p50_delta_ms"] == -12,
        reply={"data": {"left_id": "bm_1", "right_id": "bm_2", "p50_delta_ms": -12}},
        body={"left_id": "bm_1", "right_id": "bm_2"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.route for case in CASES])
async def test_benchmarks_wire(case: Case) -> None:
    await run_case(case)


async def test_wait_for_completion_polls_until_the_run_finishes() -> None:
    api = MockAPI().on(
        "GET /admin/benchmarks/bm_1",
        json_response(200, _run("queued")),
        json_response(200, _run("running")),
        json_response(200, _run("completed")),
    )
    async with make_client(api) as client:
        run = await client.benchmarks.wait_for_completion("bm_1", interval=0)
    assert run.status is BenchmarkStatus.COMPLETED
    assert len(api.requests) == 3


async def test_wait_for_completion_times_out_on_a_run_that_never_finishes() -> None:
    api = MockAPI().on("GET /admin/benchmarks/bm_1", json_response(200, _run("warming_up")))
    async with make_client(api) as client:
        with pytest.raises(WaitTimeoutError, match="last state: warming_up"):
            await client.benchmarks.wait_for_completion("bm_1", timeout=0)
    assert len(api.requests) == 1


def test_benchmark_round_trip_keeps_unknown_fields_and_statuses() -> None:
    run = structure({**RUN, "kind": "gpu_boot", "status": "paused"}, BenchmarkRun)
    assert run.kind == "gpu_boot" and run.kind is not None and not run.kind.is_known
    assert run.status == "paused" and not run.is_finished
    assert run.options == {"iterations": 20, "region": "eu-west"}
    assert run.started_at is not None and run.started_at.second == 1
    assert run.raw["host"] == "fc-07"
    sample = structure({**SAMPLE, "phase": "boot"}, BenchmarkSample)
    assert (sample.iteration, sample.success, sample.raw["phase"]) == (3, True, "boot")
