"""Wire tests for serverless functions, including invoke's as-is result."""

from __future__ import annotations

import pytest

from miosa._converter import structure
from miosa.types.functions import Function
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

F = "/functions/fn_1"

CASES = [
    Case(call="functions.list", kwargs={"limit": 3, "cursor": "c", "state": "active",
                                        "extra": {"runtime": "node20"}},
         method="GET", path="/functions",
         query={"runtime": "node20", "limit": "3", "cursor": "c", "state": "active"},
         reply={"functions": [{"id": "x_1"}, {"id": "x_2"}]}, result=Function, many=True,
         result_ids=("x_1", "x_2")),
    Case(call="functions.get", args=("fn_1",), method="GET", path=F, result=Function),
    Case(call="functions.create",
         kwargs={"name": "hello", "runtime": "python3.12", "handler": "main.handler",
                 "memory_mb": 256, "timeout_sec": 30, "env": {"A": "1"},
                 "extra": {"code": "def handler(e): return e"}, "idempotency_key": "idem-fn"},
         method="POST", path="/functions",
         body={"name": "hello", "runtime": "python3.12", "handler": "main.handler",
               "memory_mb": 256, "timeout_sec": 30, "env": {"A": "1"},
               "code": "def handler(e): return e"},
         headers={"idempotency-key": "idem-fn"}, status=201, result=Function),
    Case(call="functions.update", args=("fn_1",), kwargs={"memory_mb": 512,
                                                          "extra": {"code": "x"}},
         method="PATCH", path=F, body={"memory_mb": 512, "code": "x"}, result=Function),
    Case(call="functions.delete", args=("fn_1",), method="DELETE", path=F, reply=None,
         status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_invoke_sends_the_payload_as_the_body_and_returns_the_result_as_is() -> None:
    result = {"data": {"greeting": "hi"}, "status": 200}
    api = MockAPI().on("POST /functions/fn_1/invoke", json_response(200, result))
    async with make_client(api) as client:
        out = await client.functions.invoke(
            "fn_1",
            {"name": "Ada", "data": [1, 2]},
            headers={"X-Trace": "t-1"},
            idempotency_key="idem-inv",
        )
    assert out == result
    assert api.body() == {"name": "Ada", "data": [1, 2]}
    assert api.last.headers["x-trace"] == "t-1"
    assert api.last.headers["idempotency-key"] == "idem-inv"


async def test_invoke_defaults_to_an_empty_object() -> None:
    api = MockAPI().on("POST /functions/fn_1/invoke", json_response(200, [1, 2, 3]))
    async with make_client(api) as client:
        assert await client.functions.invoke("fn_1") == [1, 2, 3]
    assert api.body() == {}


def test_function_model_round_trip() -> None:
    fn = structure(
        {"id": "fn_1", "name": "hello", "state": "deploying", "runtime": "python3.12",
         "handler": "main.handler", "memory_mb": 256, "timeout_sec": 30,
         "env": {"A": "1"}, "url": "https://fn.miosa.app/hello",
         "updated_at": "2026-11-28T10:00:00Z"},
        Function,
    )  # fmt: skip
    assert (fn.memory_mb, fn.timeout_sec, fn.env) == (256, 30, {"A": "1"})
    assert fn.raw["url"] == "https://fn.miosa.app/hello"
    assert fn.updated_at is not None and fn.updated_at.tzinfo is not None
