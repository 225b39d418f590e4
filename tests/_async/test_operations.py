"""Durable operations: the wire, the event stream, the wait, and a refused cancel.

The local server starts no durable operations, so there is no round trip against it.
"""

from __future__ import annotations

import httpx
import pytest

from miosa import ConflictError
from miosa.types import Operation, OperationStatus
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

OP = "/operations/op_1"

CASES = [
    Case(call="operations.get", args=("op_1",), method="GET", path=OP,
         reply={"data": {"id": "x_1", "type": "sandbox.migrate", "resource_type": "sandbox",
                         "resource_id": "sbx_1", "status": "running", "current_step": "copy"}},
         check=lambda o: isinstance(o, Operation) and o.status == OperationStatus.RUNNING
         and (o.resource_id, o.current_step) == ("sbx_1", "copy")),
    Case(call="operations.cancel", args=("op 1",), method="POST",
         path="/operations/op%201/cancel", body={},
         reply={"data": {"id": "x_1", "status": "cancelled"}},
         check=lambda o: isinstance(o, Operation) and o.status is not None
         and o.status.is_final),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


def _sse(*frames: str) -> httpx.Response:
    body = "".join(frames).encode()
    return httpx.Response(200, content=body, headers={"content-type": "text/event-stream"})


async def test_events_stream_until_the_final_status() -> None:
    api = MockAPI().on(
        "GET /operations/op_1/events",
        _sse(
            'id: 1\ndata: {"type": "step", "step": "copy", "status": "running"}\n\n',
            'id: 2\ndata: {"type": "done", "status": "succeeded"}\n\n',
            'id: 3\ndata: {"type": "after", "status": "succeeded"}\n\n',
        ),
    )
    async with make_client(api) as client, client.operations.events("op_1") as stream:
        events = [e async for e in stream]
    assert [(e.id, e.type, e.step, e.status) for e in events] == [
        ("1", "step", "copy", "running"),
        ("2", "done", None, "succeeded"),
    ]


async def test_wait_for_completion_returns_a_failed_operation() -> None:
    def state(status: str) -> httpx.Response:
        return httpx.Response(200, json={"data": {"id": "op_1", "status": status}})

    api = MockAPI().on("GET /operations/op_1", state("pending"), state("running"), state("failed"))
    async with make_client(api) as client:
        operation = await client.operations.wait_for_completion("op_1", poll_interval=0)
    assert operation.status == OperationStatus.FAILED and len(api.requests) == 3


async def test_an_irrevocable_operation_refuses_to_cancel() -> None:
    error = {"error": {"code": "OPERATION_NOT_CANCELLABLE", "message": "accepted destruction"}}
    api = MockAPI().on("POST /operations/op_1/cancel", json_response(409, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError) as caught:
            await client.operations.cancel("op_1")
    assert caught.value.code == "OPERATION_NOT_CANCELLABLE"
