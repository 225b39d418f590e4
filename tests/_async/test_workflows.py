"""Workflows: the wire, the run wait, errors, and runs walking real graphs locally."""

from __future__ import annotations

import httpx
import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, ValidationError, WaitTimeoutError
from miosa.local import LocalServer
from miosa.types import (
    Workflow,
    WorkflowCapabilities,
    WorkflowNodeType,
    WorkflowRun,
    WorkflowRunStatus,
    WorkflowStatus,
    WorkflowTemplate,
    WorkflowUsage,
    WorkflowVersion,
    WorkflowWebhook,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

W = "/workflows/wf_1"
R = "/workflows/runs/wfr_1"
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
TWO = ("x_1", "x_2")
GRAPH = {"nodes": [{"id": "a", "type": "set", "value": 1}]}
RUN = {"data": {"id": "x_1", "status": "waiting",
                "steps": [{"index": 0, "type": "decision", "status": "waiting"}]}}  # fmt: skip


def _run(r: WorkflowRun) -> bool:
    step = r.waiting_step
    return (
        isinstance(r, WorkflowRun)
        and r.status == WorkflowRunStatus.WAITING
        and (step is not None and step.index == 0)
    )


CASES = [
    Case(call="workflows.list", kwargs={"status": "published", "limit": 5,
                                         "extra": {"tag": "ops"}},
         method="GET", path="/workflows", query={"status": "published", "limit": "5", "tag": "ops"},
         reply=LIST, result=Workflow, many=True, result_ids=TWO),
    Case(call="workflows.create", kwargs={"name": "triage", "graph": GRAPH, "idempotency_key": "k"},
         method="POST", path="/workflows", body={"name": "triage", "graph": GRAPH},
         headers={"idempotency-key": "k"}, status=201, result=Workflow),
    Case(call="workflows.capabilities", method="GET", path="/workflows/capabilities",
         reply={"data": {"node_types": ["set"], "decisions": True}},
         check=lambda c: isinstance(c, WorkflowCapabilities) and c.node_types == ("set",)),
    Case(call="workflows.node_types", method="GET", path="/workflows/node-types",
         reply={"data": [{"type": "set"}]},
         check=lambda ts: isinstance(ts[0], WorkflowNodeType) and ts[0].type == "set"),
    Case(call="workflows.templates", method="GET", path="/workflows/templates", reply=LIST,
         result=WorkflowTemplate, many=True, result_ids=TWO),
    Case(call="workflows.usage", kwargs={"from_": "2026-12-01", "to": "2026-12-31"},
         method="GET", path="/workflows/usage", query={"from": "2026-12-01", "to": "2026-12-31"},
         reply={"data": {"runs": 4, "steps": 9}},
         check=lambda u: isinstance(u, WorkflowUsage) and (u.runs, u.steps) == (4, 9)),
    Case(call="workflows.get", args=("wf_1",), method="GET", path=W,
         reply={"data": {"id": "x_1", "status": "paused"}},
         check=lambda w: isinstance(w, Workflow) and w.status == WorkflowStatus.PAUSED),
    Case(call="workflows.update", args=("wf_1",), kwargs={"graph": GRAPH}, method="PATCH",
         path=W, body={"graph": GRAPH}, result=Workflow),
    Case(call="workflows.delete", args=("wf_1",), method="DELETE", path=W, reply=None,
         status=204),
    Case(call="workflows.publish", args=("wf_1",), method="POST", path=W + "/publish", body={},
         result=Workflow),
    Case(call="workflows.pause", args=("wf_1",), method="POST", path=W + "/pause", body={},
         result=Workflow),
    Case(call="workflows.resume", args=("wf_1",), method="POST", path=W + "/resume", body={},
         result=Workflow),
    Case(call="workflows.run", args=("wf_1",), kwargs={"input": {"ticket": 7}, "version": 2},
         method="POST", path=W + "/run", body={"input": {"ticket": 7}, "version": 2},
         header_names=("idempotency-key",), status=201, reply=RUN, check=_run),
    Case(call="workflows.versions", args=("wf_1",), method="GET", path=W + "/versions",
         reply=LIST, result=WorkflowVersion, many=True, result_ids=TWO),
    Case(call="workflows.rotate_webhook", args=("wf_1",), method="POST", path=W + "/webhook",
         body={}, reply={"data": {"token": "wfh_1", "url": "https://x/wfh_1"}},
         check=lambda h: isinstance(h, WorkflowWebhook) and h.token == "wfh_1"),
    Case(call="workflows.revoke_webhook", args=("wf_1",), method="DELETE", path=W + "/webhook",
         reply=None, status=204),
    Case(call="workflows.trigger", args=("wfh 1",), kwargs={"payload": {"a": 1}},
         method="POST", path="/workflows/trigger/wfh%201", body={"a": 1},
         header_names=("idempotency-key",), status=201, result=WorkflowRun),
    Case(call="workflows.runs", kwargs={"workflow_id": "wf_1", "status": "failed"},
         method="GET", path="/workflows/runs", query={"workflow_id": "wf_1", "status": "failed"},
         reply=LIST, result=WorkflowRun, many=True, result_ids=TWO),
    Case(call="workflows.get_run", args=("wfr_1",), method="GET", path=R, reply=RUN, check=_run),
    Case(call="workflows.cancel_run", args=("wfr_1",), method="POST", path=R + "/cancel",
         body={}, result=WorkflowRun),
    Case(call="workflows.retry_run", args=("wfr_1",), method="POST", path=R + "/retry",
         body={}, result=WorkflowRun),
    Case(call="workflows.retry_step", args=("wfr_1", 2), method="POST",
         path=R + "/steps/2/retry", body={}, result=WorkflowRun),
    Case(call="workflows.decide_step", args=("wfr_1", 0), kwargs={"decision": "approve"},
         method="POST", path=R + "/steps/0/decision", body={"decision": "approve"},
         result=WorkflowRun),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


def _status(status: str) -> httpx.Response:
    return httpx.Response(200, json={"data": {"id": "wfr_1", "status": status}})


async def test_wait_for_run_stops_at_a_decision_unless_asked_not_to() -> None:
    api = MockAPI().on("GET /workflows/runs/wfr_1", _status("running"), _status("waiting"))
    async with make_client(api) as client:
        held = await client.workflows.wait_for_run("wfr_1", poll_interval=0)
    assert held.status == "waiting" and len(api.requests) == 2
    api = MockAPI().on("GET /workflows/runs/wfr_1", _status("waiting"))
    async with make_client(api) as client:
        with pytest.raises(WaitTimeoutError):
            await client.workflows.wait_for_run(
                "wfr_1", until_decision=False, timeout=0.05, poll_interval=0.01
            )


async def test_a_paused_workflow_refuses_a_run() -> None:
    error = {"error": {"code": "WORKFLOW_PAUSED", "message": "workflow wf_1 is paused"}}
    api = MockAPI().on("POST /workflows/wf_1/run", json_response(409, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="paused"):
            await client.workflows.run("wf_1")


async def test_workflow_runs_walk_their_graph_on_the_local_server() -> None:
    graph = {
        "nodes": [
            {"id": "fetch", "type": "set", "value": {"ticket": 7}},
            {"id": "approve", "type": "decision"},
            {"id": "check", "type": "fail", "message": "the check failed"},
            {"id": "done", "type": "log", "message": "shipped"},
        ]
    }
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            wfs = client.workflows
            with pytest.raises(ValidationError):
                await wfs.create(name="bad", graph={"nodes": [{"type": "teleport"}]})
            wf = await wfs.create(name="ship", graph={"nodes": []})
            assert wf.id is not None
            wf = await wfs.update(wf.id, graph=graph)
            published = await wfs.publish(str(wf.id))
            run = await wfs.run(str(wf.id), input={"ticket": 7})
            held = await wfs.wait_for_run(str(run.id), poll_interval=0.02)
            await wfs.decide_step(str(run.id), 1, decision="approve")
            failed = await wfs.wait_for_run(str(run.id), poll_interval=0.02)
            await wfs.retry_step(str(run.id), 2)
            done = await wfs.wait_for_run(str(run.id), poll_interval=0.02)
            hook = await wfs.rotate_webhook(str(wf.id))
            assert hook.token is not None
            fired = await wfs.trigger(hook.token, payload={"from": "ci"})
            await wfs.cancel_run(str(fired.id))
            cancelled = await wfs.get_run(str(fired.id))
            await wfs.revoke_webhook(str(wf.id))
            with pytest.raises(NotFoundError):
                await wfs.trigger(hook.token)
            await wfs.pause(str(wf.id))
            with pytest.raises(ConflictError):
                await wfs.run(str(wf.id))
            await wfs.resume(str(wf.id))
            versions = await wfs.versions(str(wf.id))
            runs = await wfs.runs(workflow_id=str(wf.id))
            usage = await wfs.usage()
    assert published.status == WorkflowStatus.PUBLISHED and published.published_version == 2
    assert held.status == "waiting" and held.waiting_step is not None
    assert held.steps[0].output == {"ticket": 7}
    assert (failed.status, failed.error) == ("failed", "the check failed")
    assert failed.steps[1].decision == "approve"
    assert done.status == "succeeded" and done.output == "shipped"
    assert [s.status for s in done.steps] == ["succeeded"] * 4
    assert cancelled.status == WorkflowRunStatus.CANCELLED and cancelled.source == "webhook"
    assert [v.version for v in versions] == [2, 1] and versions[0].published
    assert [r.id for r in runs] == [fired.id, run.id]
    assert usage.runs == 2
