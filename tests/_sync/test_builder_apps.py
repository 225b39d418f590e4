# This file was generated from
#   tests/_async/test_builder_apps.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Builder apps: the wire of every call, a server error, and the release flow, data planes
and automation runs on the local server."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Miosa, NotFoundError
from miosa.local import LocalServer
from miosa.types import (
    AutomationRun,
    AutomationRunStatus,
    BuilderApp,
    BuilderAppApproval,
    BuilderAppCandidate,
    BuilderAppComponent,
    BuilderAppDiagnostics,
    BuilderAppPublication,
    BuilderAppRecord,
    BuilderAppRuntimeBinding,
    BuilderAppRuntimeToken,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

A = "/builder/apps/bapp_1"
TWO = ("x_1", "x_2")
COUNTED = {"data": [{"id": "x_1"}, {"id": "x_2"}], "total": 7}
IDEM = ("idempotency-key",)


def _counted(result: object) -> bool:
    items = getattr(result, "items", ())
    return getattr(result, "total", None) == 7 and [i.raw["id"] for i in items] == list(TWO)


CASES = [
    Case(call="builder_apps.list", kwargs={"extra": {"status": "published"}}, method="GET",
         path="/builder/apps", query={"status": "published"}, reply=COUNTED,
         check=lambda r: _counted(r) and isinstance(r.items[0], BuilderApp)),
    Case(call="builder_apps.create", args=({"name": "CRM", "template": None},), method="POST",
         path="/builder/apps", body={"name": "CRM"}, header_names=IDEM, status=201,
         result=BuilderApp),
    Case(call="builder_apps.get", args=("bapp_1",), method="GET", path=A, result=BuilderApp),
    Case(call="builder_apps.update", args=("bapp_1", {"name": "CRM 2"}), method="PATCH", path=A,
         body={"name": "CRM 2"}, result=BuilderApp),
    Case(call="builder_apps.delete", args=("bapp_1",), method="DELETE", path=A, reply=None,
         status=204),
    Case(call="builder_apps.diagnostics", args=("bapp_1",), method="GET",
         path=A + "/diagnostics", reply={"data": {"ready": False, "checks": [{"id": "name"}]}},
         check=lambda r: isinstance(r, BuilderAppDiagnostics) and r.ready is False
         and r.checks[0]["id"] == "name"),
    Case(call="builder_apps.component", args=("bapp_1", "Nav Bar"), method="GET",
         path=A + "/components/Nav%20Bar", result=BuilderAppComponent),
    Case(call="builder_apps.stage_candidate", args=("bapp_1",), method="POST",
         path=A + "/candidates", body={}, header_names=IDEM, status=201,
         result=BuilderAppCandidate),
    Case(call="builder_apps.approve", args=("bapp_1", {"release_id": "rls_1"}), method="POST",
         path=A + "/approvals", body={"release_id": "rls_1"}, status=201,
         result=BuilderAppApproval),
    Case(call="builder_apps.revoke_approval", args=("bapp_1", "appr_1"), method="POST",
         path=A + "/approvals/appr_1/revoke", result=BuilderAppApproval),
    Case(call="builder_apps.publish", args=("bapp_1",), method="POST", path=A + "/publish",
         reply={"data": {"app": {"id": "bapp_1", "status": "published"}, "release_id": "r"}},
         check=lambda r: isinstance(r, BuilderAppPublication) and r.app is not None
         and r.app.status == "published" and r.release_id == "r"),
    Case(call="builder_apps.runtime_token", args=("bapp_1",), method="POST",
         path=A + "/runtime-token", result=BuilderAppRuntimeToken),
    Case(call="builder_apps.runtime_binding", args=("bapp_1", "db"), method="GET",
         path=A + "/runtime/bindings/db", result=BuilderAppRuntimeBinding),
    Case(call="builder_apps.list_data", args=("bapp_1", "todos"), kwargs={"extra": {"limit": 5}},
         method="GET", path=A + "/data/todos", query={"limit": "5"}, reply=COUNTED,
         check=lambda r: _counted(r) and isinstance(r.items[0], BuilderAppRecord)),
    Case(call="builder_apps.get_data", args=("bapp_1", "todos", "a/b"), method="GET",
         path=A + "/data/todos/a%2Fb", result=BuilderAppRecord),
    Case(call="builder_apps.put_data", args=("bapp_1", "todos", "1", {"title": "x"}),
         method="PUT", path=A + "/data/todos/1", body={"title": "x"}, result=BuilderAppRecord),
    Case(call="builder_apps.delete_data", args=("bapp_1", "todos", "1"), method="DELETE",
         path=A + "/data/todos/1", reply=None, status=204),
    Case(call="builder_apps.list_runtime_data", args=("bapp_1", "todos"), method="GET",
         path=A + "/runtime/data/todos", reply=COUNTED, check=_counted),
    Case(call="builder_apps.get_runtime_data", args=("bapp_1", "todos", "1"), method="GET",
         path=A + "/runtime/data/todos/1", result=BuilderAppRecord),
    Case(call="builder_apps.put_runtime_data", args=("bapp_1", "todos", "1", {"done": True}),
         method="PUT", path=A + "/runtime/data/todos/1", body={"done": True},
         result=BuilderAppRecord),
    Case(call="builder_apps.delete_runtime_data", args=("bapp_1", "todos", "1"),
         method="DELETE", path=A + "/runtime/data/todos/1", reply=None, status=204),
    Case(call="builder_apps.list_automation_runs", args=("bapp_1",), method="GET",
         path=A + "/automation-runs", reply=COUNTED,
         check=lambda r: _counted(r) and isinstance(r.items[0], AutomationRun)),
    Case(call="builder_apps.run_automation", args=("bapp_1", "nightly", {"input": {"n": 1}}),
         method="POST", path=A + "/automations/nightly/runs", body={"input": {"n": 1}},
         header_names=IDEM, status=201, result=AutomationRun),
    Case(call="builder_apps.claim_automation_run", args=("bapp_1", "arun_1"), method="POST",
         path=A + "/automation-runs/arun_1/claim", body={}, result=AutomationRun),
    Case(call="builder_apps.complete_automation_run",
         args=("bapp_1", "arun_1", {"output": {"ok": True}}), method="POST",
         path=A + "/automation-runs/arun_1/complete", body={"output": {"ok": True}},
         result=AutomationRun),
    Case(call="builder_apps.fail_automation_run", args=("bapp_1", "arun_1", {"error": "boom"}),
         method="POST", path=A + "/automation-runs/arun_1/fail", body={"error": "boom"},
         reply={"data": {"id": "x_1", "status": "failed"}},
         check=lambda r: isinstance(r, AutomationRun) and r.status is AutomationRunStatus.FAILED),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_publishing_without_an_approval_is_a_conflict() -> None:
    error = {"error": {"code": "APPROVAL_REQUIRED", "message": "no standing approval"}}
    api = MockAPI().on(f"POST {A}/publish", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="no standing approval"):
            client.builder_apps.publish("bapp_1")


def test_release_flow_data_planes_and_automations_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            app = client.builder_apps.create(
                {"name": "CRM", "components": {"Nav": {"kind": "react", "source": "<nav/>"}},
                 "metadata": {"bindings": {"db": {"kind": "postgres", "resource_id": "db_1"}}}}
            )  # fmt: skip
            assert app.id is not None
            aid = app.id
            ready = client.builder_apps.diagnostics(aid)
            nav = client.builder_apps.component(aid, "Nav")
            with pytest.raises(ConflictError):
                client.builder_apps.put_runtime_data(aid, "todos", "1", {"t": 1})
            candidate = client.builder_apps.stage_candidate(aid)
            approval = client.builder_apps.approve(aid)
            assert approval.id is not None
            client.builder_apps.revoke_approval(aid, approval.id)
            with pytest.raises(ConflictError):
                client.builder_apps.publish(aid)
            client.builder_apps.approve(aid)
            published = client.builder_apps.publish(aid)
            token = client.builder_apps.runtime_token(aid)
            binding = client.builder_apps.runtime_binding(aid, "db")
            client.builder_apps.put_data(aid, "todos", "1", {"title": "draft"})
            second = client.builder_apps.put_data(aid, "todos", "1", {"title": "final"})
            client.builder_apps.put_runtime_data(aid, "todos", "r1", {"title": "live"})
            workspace = client.builder_apps.list_data(aid, "todos")
            runtime = client.builder_apps.list_runtime_data(aid, "todos")
            client.builder_apps.delete_data(aid, "todos", "1")
            with pytest.raises(NotFoundError):
                client.builder_apps.get_data(aid, "todos", "1")
            run = client.builder_apps.run_automation(aid, "nightly", {"input": {"n": 1}})
            assert run.id is not None
            claimed = client.builder_apps.claim_automation_run(aid, run.id)
            with pytest.raises(ConflictError):
                client.builder_apps.claim_automation_run(aid, run.id)
            done = client.builder_apps.complete_automation_run(aid, run.id, {"output": {"sent": 3}})
            runs = client.builder_apps.list_automation_runs(aid)
            client.builder_apps.delete(aid)
            apps = client.builder_apps.list()
    assert ready.ready is True and nav.source == "<nav/>"
    assert published.release_id == candidate.release_id and published.app is not None
    assert published.app.published_release_id == candidate.release_id
    assert token.token and token.release_id == candidate.release_id
    assert (binding.kind, binding.resource_id) == ("postgres", "db_1")
    assert second.version == 2 and second.data == {"title": "final"}
    assert [r.key for r in workspace.items] == ["1"] and workspace.total == 1
    assert [r.data for r in runtime.items] == [{"title": "live"}]
    assert claimed.status is AutomationRunStatus.RUNNING
    assert done.status is AutomationRunStatus.SUCCEEDED and done.output == {"sent": 3}
    assert runs.total == 1 and apps.total == 0
