# This file was generated from
#   tests/_async/test_agent_chats.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Agent chats: the wire, a busy chat, and compaction through a real run locally."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Miosa, NotFoundError
from miosa.local import LocalServer
from miosa.types import ChatContext, Run
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

CH = "/agents/chats/chat%201"

CASES = [
    Case(call="agent_chats.context", args=("chat 1",), method="GET", path=CH + "/context",
         reply={"data": {"chat_id": "chat 1", "context_window": 200000, "used_tokens": 5000,
                         "compactions": [{"run_id": "run_1", "tokens_before": 9000}],
                         "can_compact": True}},
         check=lambda c: isinstance(c, ChatContext) and c.used_tokens == 5000
         and c.compactions[0].tokens_before == 9000 and c.can_compact is True),
    Case(call="agent_chats.compact", args=("chat 1",),
         kwargs={"focus": "the API design", "idempotency_key": "k1"}, method="POST",
         path=CH + "/compact", body={"focus": "the API design"},
         headers={"idempotency-key": "k1"}, status=201,
         reply={"data": {"id": "x_1", "status": "queued", "chat_id": "chat 1"}},
         check=lambda r: isinstance(r, Run) and (r.id, r.chat_id) == ("x_1", "chat 1")),
    Case(call="agent_chats.compact", args=("chat 1",), method="POST", path=CH + "/compact",
         body={}, header_names=("idempotency-key",), status=201,
         reply={"data": {"chat_id": "chat 1", "run": {"id": "x_1", "status": "queued"}}},
         check=lambda r: isinstance(r, Run) and r.id == "x_1",
         name="agent_chats.compact-run-nested"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_a_busy_chat_refuses_to_compact() -> None:
    error = {"error": {"code": "CHAT_BUSY", "message": "the chat has a run in flight"}}
    api = MockAPI().on("POST /agents/chats/c_1/compact", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="in flight"):
            client.agent_chats.compact("c_1")


def test_a_chat_compacts_through_a_run_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            with pytest.raises(NotFoundError):
                client.agent_chats.context("chat_1")
            first = client.runs.create(instruction="draft the schema", chat_id="chat_1")
            with pytest.raises(ConflictError):
                client.agent_chats.compact("chat_1")
            client.runs.wait_for_completion(str(first.id), poll_interval=0.05)
            client.runs.create(instruction="now the endpoints", chat_id="chat_1", wait=True)
            before = client.agent_chats.context("chat_1")
            run = client.agent_chats.compact("chat_1", focus="the schema")
            done = client.runs.wait_for_completion(str(run.id), poll_interval=0.05)
            after = client.agent_chats.context("chat_1")
    assert before.runs == 2 and before.used_tokens and before.can_compact
    assert before.compactions == ()
    assert run.chat_id == "chat_1" and run.instruction == "/compact the schema"
    assert done.status == "succeeded"
    assert [(c.run_id, c.focus, c.tokens_before) for c in after.compactions] == [
        (run.id, "the schema", before.used_tokens)
    ]
    assert after.used_tokens == 0 and after.runs == 3
