"""Agent triggers: the wire, a refused kind, and firings that start runs locally."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import AgentTrigger, TriggerFiring
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

T = "/agents/agt_1/triggers"
ONE = T + "/trg_1"
FIRING = {"data": {"id": "x_1", "run_id": "run_1", "status": "started"}}

CASES = [
    Case(call="agent_triggers.list", args=("agt_1",), method="GET", path=T,
         reply={"triggers": [{"id": "x_1", "kind": "webhook"}, {"id": "x_2"}]},
         result=AgentTrigger, many=True, result_ids=("x_1", "x_2")),
    Case(call="agent_triggers.create", args=("agt_1",),
         kwargs={"kind": "schedule", "config": {"cron": "0 9 * * 1"}, "daily_run_limit": 3,
                 "conditions": ({"field": "branch", "equals": "main"},),
                 "idempotency_key": "k1"},
         method="POST", path=T,
         body={"kind": "schedule", "config": {"cron": "0 9 * * 1"}, "daily_run_limit": 3,
               "conditions": [{"field": "branch", "equals": "main"}]},
         headers={"idempotency-key": "k1"}, status=201,
         reply={"data": {"id": "x_1", "kind": "schedule",
                         "conditions": [{"field": "branch", "equals": "main"}]}},
         check=lambda t: isinstance(t, AgentTrigger) and t.kind == "schedule"
         and t.conditions == ({"field": "branch", "equals": "main"},)),
    Case(call="agent_triggers.get", args=("agt_1", "trg_1"), method="GET", path=ONE,
         reply={"data": {"id": "x_1", "recent_firings": [{"id": "f_1", "status": "skipped"}]}},
         check=lambda t: isinstance(t, AgentTrigger) and t.recent_firings[0].status == "skipped"),
    Case(call="agent_triggers.update", args=("agt_1", "trg_1"),
         kwargs={"enabled": False, "agent_version_id": None}, method="PATCH", path=ONE,
         body={"enabled": False, "agent_version_id": None}, result=AgentTrigger),
    Case(call="agent_triggers.delete", args=("agt_1", "trg_1"), method="DELETE", path=ONE,
         reply=None, status=204),
    Case(call="agent_triggers.rotate_secret", args=("agt_1", "trg_1"), method="POST",
         path=ONE + "/rotate-secret", body={}, result=AgentTrigger),
    Case(call="agent_triggers.fire", args=("agt_1", "trg_1"), kwargs={"payload": {"pr": 7}},
         method="POST", path=ONE + "/fire", body={"payload": {"pr": 7}},
         header_names=("idempotency-key",), reply=FIRING,
         check=lambda f: isinstance(f, TriggerFiring) and f.run_id == "run_1"),
    Case(call="agent_triggers.webhook", args=("tok/en",),
         kwargs={"payload": {"event": "push"}, "idempotency_key": "delivery-9"},
         method="POST", path="/agent-triggers/tok%2Fen", body={"event": "push"},
         headers={"idempotency-key": "delivery-9"}, status=202, reply=FIRING,
         check=lambda f: isinstance(f, TriggerFiring) and f.status == "started"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_a_reserved_kind_is_refused() -> None:
    error = {"error": {"code": "TRIGGER_KIND_UNAVAILABLE", "message": "slack is not available"}}
    api = MockAPI().on(f"POST {T}", json_response(422, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError) as caught:
            await client.agent_triggers.create("agt_1", kind="webhook")
    assert caught.value.code == "TRIGGER_KIND_UNAVAILABLE"


async def test_triggers_fire_runs_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            agent = await client.agents.create(name="reviewer")
            assert agent.id is not None
            hook = await client.agent_triggers.create(
                agent.id, kind="webhook", instruction="Review the push", daily_run_limit=1
            )
            assert hook.id is not None and hook.webhook_url is not None
            token = hook.webhook_url.rsplit("/", 1)[1]
            anonymous = AsyncMiosa(api_key="not-a-key", base_url=server.base_url)
            async with anonymous:
                first = await anonymous.agent_triggers.webhook(token, payload={"ref": "main"})
                limited = await anonymous.agent_triggers.webhook(token)
            run = await client.runs.wait_for_completion(str(first.run_id), poll_interval=0.02)
            manual = await client.agent_triggers.create(agent.id, kind="event", enabled=False)
            assert manual.id is not None
            skipped = await client.agent_triggers.fire(agent.id, manual.id)
            await client.agent_triggers.update(agent.id, manual.id, enabled=True)
            fired = await client.agent_triggers.fire(agent.id, manual.id, payload={"n": 1})
            rotated = await client.agent_triggers.rotate_secret(agent.id, hook.id)
            with pytest.raises(NotFoundError):
                await client.agent_triggers.webhook(token)
            detail = await client.agent_triggers.get(agent.id, hook.id)
            listed = await client.agent_triggers.list(agent.id)
            by_agent = await client.agents.runs(agent.id, source="trigger")
            await client.agent_triggers.delete(agent.id, manual.id)
            with pytest.raises(NotFoundError):
                await client.agent_triggers.get(agent.id, manual.id)
    assert first.status == "started" and run.status == "succeeded"
    assert run.instruction is not None and run.instruction.startswith("Review the push")
    assert run.source == "trigger" and run.agent_definition_id == agent.id
    assert (limited.status, limited.run_id) == ("skipped", None)
    assert limited.reason == "daily run limit of 1 reached"
    assert skipped.status == "skipped" and fired.status == "started"
    assert rotated.webhook_url not in (None, hook.webhook_url)
    assert [f.status for f in detail.recent_firings] == ["skipped", "started"]
    assert [t.id for t in listed] == [hook.id, manual.id]
    assert {r.id for r in by_agent} == {first.run_id, fired.run_id}
