# This file was generated from
#   tests/_async/test_agents.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Agents, runs and run groups: the wire, waits, streams, errors, and a local round trip."""

from __future__ import annotations

import httpx
import pytest

from miosa import ConflictError, Miosa, NotFoundError, ValidationError, WaitTimeoutError
from miosa.local import LocalServer
from miosa.types import (
    Agent,
    AgentVersion,
    Run,
    RunActivity,
    RunCommandOutput,
    RunDiagnostic,
    RunEvent,
    RunFile,
    RunGroup,
    RunGroupDispatch,
    RunMessage,
    RunOutputs,
    RunPreview,
    RunStatus,
    RunUsage,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

A = "/agents/agt_1"
R = "/runs/run_1"
G = "/run-groups/rg_1"
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
PAGE = {"data": [{"id": "x_1"}, {"id": "x_2"}], "next_cursor": "c2"}

CASES = [
    # -- agents ------------------------------------------------------------------------
    Case(call="agents.list", kwargs={"workspace_id": "ws_1", "limit": 2}, method="GET",
         path="/agents", query={"workspace_id": "ws_1", "status": "active", "limit": "2"},
         reply=PAGE, check=lambda p: [a.id for a in p.items] == list(TWO)
         and p.next_cursor == "c2" and all(isinstance(a, Agent) for a in p.items)),
    Case(call="agents.list", kwargs={"status": None, "cursor": "c2"}, method="GET",
         path="/agents", query={"cursor": "c2"}, reply=LIST, name="agents.list-no-status",
         check=lambda p: [a.id for a in p.items] == list(TWO)),
    Case(call="agents.create",
         kwargs={"name": "triage", "configuration": {"model": "m"}, "idempotency_key": "k1"},
         method="POST", path="/agents", body={"name": "triage", "configuration": {"model": "m"}},
         headers={"idempotency-key": "k1"}, status=201,
         reply={"data": {"id": "x_1", "status": "active", "version": {"version": 1}}},
         check=lambda a: isinstance(a, Agent) and a.status == "active"
         and a.version is not None and a.version.version == 1),
    Case(call="agents.create", kwargs={"name": "bare"}, method="POST", path="/agents",
         body={"name": "bare", "configuration": {}}, header_names=("idempotency-key",),
         status=201, result=Agent, name="agents.create-sends-an-empty-configuration"),
    Case(call="agents.get", args=("agt_1",), method="GET", path=A, result=Agent),
    Case(call="agents.update", args=("agt_1",),
         kwargs={"description": "d", "extra": {"metadata_version": 2}}, method="PATCH", path=A,
         body={"description": "d", "metadata_version": 2}, result=Agent),
    Case(call="agents.archive", args=("agt_1",), method="DELETE", path=A, result=Agent),
    Case(call="agents.restore", args=("agt_1",), method="POST", path=A + "/restore", body={},
         status=201, result=Agent),
    Case(call="agents.versions", args=("agt_1",), kwargs={"limit": 5}, method="GET",
         path=A + "/versions", query={"limit": "5"}, reply=PAGE, result=AgentVersion,
         many=True, result_ids=TWO),
    Case(call="agents.publish", args=("agt_1", {"model": "n"}), method="POST",
         path=A + "/versions", body={"configuration": {"model": "n"}},
         reply={"data": {"id": "x_1", "version": 2, "unchanged": False}},
         check=lambda v: isinstance(v, AgentVersion) and (v.version, v.unchanged) == (2, False)),
    Case(call="agents.version", args=("agt_1", 3), method="GET", path=A + "/versions/3",
         result=AgentVersion),
    Case(call="agents.duplicate", args=("agt_1",), kwargs={"model": "m2", "version": 1},
         method="POST", path=A + "/duplicate", body={"model": "m2", "version": 1},
         header_names=("idempotency-key",), status=201, result=Agent),
    Case(call="agents.runs", args=("agt_1",), kwargs={"status": "failed", "source": "trigger"},
         method="GET", path=A + "/runs", query={"status": "failed", "source": "trigger"},
         reply=LIST, result=Run, many=True, result_ids=TWO),
    # -- runs --------------------------------------------------------------------------
    Case(call="runs.create",
         kwargs={"instruction": "fix the tests", "sandbox_id": "sbx_1", "runner": "claude-code",
                 "env": {"A": "1"}, "capability_requirements": ("git",),
                 "extra": {"future_flag": True}, "idempotency_key": "k2"},
         method="POST", path="/runs",
         body={"instruction": "fix the tests", "sandbox_id": "sbx_1", "runner": "claude-code",
               "env": {"A": "1"}, "capability_requirements": ["git"], "future_flag": True},
         headers={"idempotency-key": "k2"}, status=201,
         reply={"data": {"id": "x_1", "status": "queued"}},
         check=lambda r: isinstance(r, Run) and r.status is RunStatus.QUEUED),
    Case(call="runs.list", kwargs={"sandbox_id": "sbx_1", "status": "running", "limit": 10},
         method="GET", path="/runs",
         query={"sandbox_id": "sbx_1", "status": "running", "limit": "10"},
         reply={"runs": [{"id": "x_1"}, {"id": "x_2"}]}, result=Run, many=True,
         result_ids=TWO),
    Case(call="runs.get", args=("run_1",), method="GET", path=R, result=Run),
    Case(call="runs.cancel", args=("run_1",), method="POST", path=R + "/cancel", body={},
         result=Run),
    Case(call="runs.events", args=("run_1",), kwargs={"after_id": "7", "limit": 50},
         method="GET", path=R + "/events", query={"after_id": "7", "limit": "50"},
         reply={"events": [{"id": "x_1", "type": "run.started"}, {"id": "x_2"}]},
         result=RunEvent, many=True, result_ids=TWO),
    Case(call="runs.activity", args=("run_1",), method="GET", path=R + "/activity",
         reply=LIST, result=RunActivity, many=True, result_ids=TWO),
    Case(call="runs.outputs", args=("run_1",), method="GET", path=R + "/outputs",
         reply={"data": {"outputs": {"report": "r.md"}, "files": [{"id": "f_1"}]}},
         check=lambda o: isinstance(o, RunOutputs) and o.outputs == {"report": "r.md"}
         and [f.id for f in o.files] == ["f_1"]),
    Case(call="runs.command_output", args=("run_1",), method="GET", path=R + "/command-output",
         reply={"data": {"stdout": "ok\n", "exit_code": 0}},
         check=lambda o: isinstance(o, RunCommandOutput) and o.stdout == "ok\n"
         and o.exit_code == 0),
    Case(call="runs.files", args=("run_1",), method="GET", path=R + "/files", reply=LIST,
         result=RunFile, many=True, result_ids=TWO),
    Case(call="runs.download_file", args=("run_1", "f/1"), kwargs={"inline": True},
         method="GET", path=R + "/files/f%2F1/download", query={"disposition": "inline"},
         reply=httpx.Response(200, content=b"\x00bytes"), check=lambda b: b == b"\x00bytes"),
    Case(call="runs.download_file", args=("run_1", "f_1"), method="GET",
         path=R + "/files/f_1/download", reply=httpx.Response(200, content=b"x"),
         name="runs.download_file-attachment", check=lambda b: b == b"x"),
    Case(call="runs.messages", args=("run_1",), method="GET", path=R + "/messages",
         reply=LIST, result=RunMessage, many=True, result_ids=TWO),
    Case(call="runs.previews", args=("run_1",), method="GET", path=R + "/previews",
         reply=LIST, result=RunPreview, many=True, result_ids=TWO),
    Case(call="runs.diagnostics", args=("run_1",), method="GET", path=R + "/diagnostics",
         reply=LIST, result=RunDiagnostic, many=True, result_ids=TWO),
    Case(call="runs.usage",
         kwargs={"group_by": ["model", "day"], "from_": "2026-11-01", "billed_to": "own_key"},
         method="GET", path="/runs/usage",
         query={"group_by": "model,day", "from": "2026-11-01", "billed_to": "own_key"},
         reply={"data": {"runs": 3, "provider_cost": 1.5,
                         "groups": [{"key": {"model": "m"}, "runs": 3, "provider_cost": 1.5}]}},
         check=lambda u: isinstance(u, RunUsage) and u.provider_cost == 1.5
         and u.groups[0].key == {"model": "m"}),
    # -- run groups --------------------------------------------------------------------
    Case(call="run_groups.list", kwargs={"status": "running"}, method="GET",
         path="/run-groups", query={"status": "running"},
         reply={"groups": [{"id": "x_1"}, {"id": "x_2"}]}, result=RunGroup, many=True,
         result_ids=TWO),
    Case(call="run_groups.create", kwargs={"name": "fanout", "concurrency_limit": 2},
         method="POST", path="/run-groups", body={"name": "fanout", "concurrency_limit": 2},
         header_names=("idempotency-key",), status=201, result=RunGroup),
    Case(call="run_groups.get", args=("rg_1",), kwargs={"include_runs": True}, method="GET",
         path=G, query={"include": "runs"},
         reply={"data": {"id": "x_1", "runs": [{"id": "run_1", "status": "running"}]}},
         check=lambda g: isinstance(g, RunGroup) and g.runs[0].status == "running"),
    Case(call="run_groups.dispatch",
         args=("rg_1", [{"instruction": "a", "sandbox_id": "sbx_1"}, {"command": "make"}]),
         kwargs={"async_": True}, method="POST", path=G + "/dispatch",
         body={"runs": [{"instruction": "a", "sandbox_id": "sbx_1"}, {"command": "make"}],
               "async": True},
         header_names=("idempotency-key",),
         reply={"data": {"group": {"id": "rg_1"}, "results": [{"run": {"id": "run_1"}}]}},
         check=lambda d: isinstance(d, RunGroupDispatch) and d.group is not None
         and d.group.id == "rg_1" and d.results[0].run is not None),
    Case(call="run_groups.cancel", args=("rg_1",), method="POST", path=G + "/cancel", body={},
         result=RunGroup),
    Case(call="run_groups.activity", args=("rg_1",), method="GET", path=G + "/activity",
         reply={"activity": [{"id": "x_1"}, {"id": "x_2"}]}, result=RunActivity, many=True,
         result_ids=TWO),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def _run(status: str) -> httpx.Response:
    return json_response(200, {"data": {"id": "run_1", "status": status}})


def test_wait_for_completion_polls_until_final_and_returns_a_failed_run() -> None:
    api = MockAPI().on(f"GET {R}", _run("queued"), _run("running"), _run("failed"))
    with make_client(api) as client:
        run = client.runs.wait_for_completion("run_1", poll_interval=0.001)
    assert run.status is RunStatus.FAILED
    assert len(api.requests) == 3


def test_wait_for_completion_times_out_with_the_last_state() -> None:
    api = MockAPI().on(f"GET {R}", _run("running"))
    with make_client(api) as client:
        with pytest.raises(WaitTimeoutError) as caught:
            client.runs.wait_for_completion("run_1", timeout=0.05, poll_interval=0.01)
    assert caught.value.state == "running"


def test_a_group_wait_reads_the_runs_when_asked() -> None:
    group = {"data": {"id": "rg_1", "status": "succeeded", "runs": [{"id": "run_1"}]}}
    api = MockAPI().on(f"GET {G}", json_response(200, group))
    with make_client(api) as client:
        done = client.run_groups.wait_for_completion("rg_1", include_runs=True)
    assert done.status == "succeeded" and [r.id for r in done.runs] == ["run_1"]
    assert dict(api.last.url.params) == {"include": "runs"}


def _sse(*frames: str) -> httpx.Response:
    content = "".join(frames).encode()
    return httpx.Response(200, content=content, headers={"content-type": "text/event-stream"})


def test_stream_events_ends_at_the_final_status() -> None:
    api = MockAPI().on(
        f"GET {R}/events",
        _sse(
            'id: 1\nevent: run.started\ndata: {"run_id": "run_1", "status": "running"}\n\n',
            'id: 2\nevent: run.output\ndata: {"status": "running", "message": "hi"}\n\n',
            'id: 3\nevent: run.succeeded\ndata: {"status": "succeeded"}\n\n',
            'id: 4\nevent: run.extra\ndata: {"status": "succeeded"}\n\n',
        ),
    )
    with make_client(api) as client, client.runs.stream_events("run_1") as events:
        seen = [(e.id, e.type, e.message) for e in events]
    assert seen == [("1", "run.started", None), ("2", "run.output", "hi"),
                    ("3", "run.succeeded", None)]  # fmt: skip
    assert api.last.headers["accept"] == "text/event-stream, application/json;q=0.9"


def test_group_activity_stream_does_not_end_at_a_run_s_final_row() -> None:
    api = MockAPI().on(
        f"GET {G}/activity",
        _sse(
            'id: 1\nevent: run_group.entry.failed\ndata: {"run_id": "r1", "status": "failed"}\n\n',
            'id: 2\nevent: run_group.failed\ndata: {"status": "failed"}\n\n',
        ),
    )
    with make_client(api) as client, client.run_groups.stream_activity("rg_1") as rows:
        kinds = [row.type for row in rows]
    assert kinds == ["run_group.entry.failed", "run_group.failed"]


def test_group_files_reads_each_run_s_files() -> None:
    group = {"data": {"id": "rg_1", "runs": [{"id": "run_1"}, {"id": "run_2"}]}}
    api = (
        MockAPI()
        .on(f"GET {G}", json_response(200, group))
        .on("GET /runs/run_1/files", json_response(200, {"data": [{"id": "f_1"}]}))
        .on("GET /runs/run_2/files", json_response(200, {"files": [{"id": "f_2"}]}))
    )
    with make_client(api) as client:
        files = client.run_groups.files("rg_1")
    assert [f.id for f in files] == ["f_1", "f_2"]


def test_an_archived_agent_refuses_a_version_with_conflict() -> None:
    error = {"error": {"code": "AGENT_ARCHIVED", "message": "agent is archived"}}
    api = MockAPI().on(f"POST {A}/versions", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="agent is archived") as caught:
            client.agents.publish("agt_1", {"model": "m"})
    assert caught.value.code == "AGENT_ARCHIVED"


def test_a_run_without_instruction_or_command_is_a_validation_error() -> None:
    error = {"error": {"code": "VALIDATION_ERROR", "message": "an instruction is required"}}
    api = MockAPI().on("POST /runs", json_response(422, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="instruction is required"):
            client.runs.create(sandbox_id="sbx_1")


# -- against the local server -----------------------------------------------------------


def test_agents_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            agent = client.agents.create(name="triage", configuration={"model": "m1"})
            assert agent.id is not None
            same = client.agents.publish(agent.id, {"model": "m1"})
            second = client.agents.publish(agent.id, {"model": "m2"})
            renamed = client.agents.update(agent.id, name="triage-2")
            copy = client.agents.duplicate(agent.id, version=1, model="m3")
            archived = client.agents.archive(agent.id)
            with pytest.raises(ConflictError):
                client.agents.publish(agent.id, {"model": "m4"})
            active = client.agents.list()
            restored = client.agents.restore(agent.id)
            versions = client.agents.versions(agent.id)
            first = client.agents.version(agent.id, 1)
            fetched = client.agents.get(agent.id)
            with pytest.raises(NotFoundError):
                client.agents.version(agent.id, 9)
    assert agent.version is not None and agent.version.version == 1
    assert (same.version, same.unchanged) == (1, True)
    assert (second.version, second.unchanged) == (2, False)
    assert renamed.name == "triage-2"
    assert copy.version is not None and copy.version.configuration == {"model": "m3"}
    assert archived.status == "archived" and restored.status == "active"
    assert [a.id for a in active.items] == [copy.id]
    assert [v.version for v in versions.items] == [2, 1]
    assert first.configuration == {"model": "m1"}
    assert fetched.latest_version == 2 and fetched.name == "triage-2"


def test_a_command_run_executes_in_its_sandbox_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            sandbox = client.sandboxes.create()
            agent = client.agents.create(name="builder")
            assert agent.id is not None
            run = client.runs.create(
                command="echo building; echo done > report.txt; echo warn >&2",
                sandbox_id=sandbox.id,
                extra={"agent_definition_id": agent.id},
            )
            assert run.id is not None
            with client.runs.stream_events(run.id) as stream:
                events = [(e.type, e.message) for e in stream]
            finished = client.runs.wait_for_completion(run.id, poll_interval=0.02)
            output = client.runs.command_output(run.id)
            files = client.runs.files(run.id)
            content = client.runs.download_file(run.id, str(files[0].id))
            by_agent = client.agents.runs(agent.id)
            replay = client.runs.events(run.id, after_id="2")
            failing = client.runs.create(command="exit 3", sandbox_id=sandbox.id, wait=True)
            diagnostics = client.runs.diagnostics(str(failing.id))
    assert run.status == "queued"
    assert events[0] == ("run.queued", None) and events[-1] == ("run.succeeded", None)
    assert ("run.output", "building") in events and ("run.output", "warn") in events
    assert finished.status is RunStatus.SUCCEEDED and finished.finished_at is not None
    assert (output.stdout, output.stderr, output.exit_code) == ("building\n", "warn\n", 0)
    assert [(f.name, f.path) for f in files] == [("report.txt", "/workspace/report.txt")]
    assert content == b"done\n"
    assert [r.id for r in by_agent] == [run.id]
    assert replay[0].id == "3" and replay[-1].type == "run.succeeded"
    assert failing.status == "failed" and failing.error == "command failed: exit code 3"
    assert [d.code for d in diagnostics] == ["RUN_FAILED"]


def test_a_run_is_canceled_and_a_group_settles_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            sandbox = client.sandboxes.create()
            slow = client.runs.create(command="sleep 30", sandbox_id=sandbox.id)
            assert slow.id is not None
            canceled = client.runs.cancel(slow.id)
            group = client.run_groups.create(name="fanout")
            assert group.id is not None
            dispatched = client.run_groups.dispatch(
                group.id,
                [{"instruction": "summarize"}, {"command": "exit 1", "sandbox_id": sandbox.id},
                 {"command": "true"}],
            )  # fmt: skip
            done = client.run_groups.wait_for_completion(
                group.id, poll_interval=0.02, include_runs=True
            )
            with client.run_groups.stream_activity(group.id) as stream:
                kinds = [row.type for row in stream]
            instruction_run = next(r for r in done.runs if r.instruction)
            messages = client.runs.messages(str(instruction_run.id))
            listed = client.run_groups.list(status="failed")
            second = client.run_groups.create(name="to cancel")
            assert second.id is not None
            client.run_groups.dispatch(
                second.id, [{"command": "sleep 30", "sandbox_id": sandbox.id}]
            )
            stopped = client.run_groups.cancel(second.id)
            usage = client.runs.usage(group_by=["day"])
    assert canceled.status is RunStatus.CANCELED
    assert [r.error for r in dispatched.results] == [
        None,
        None,
        "the local server runs commands in a sandbox: give sandbox_id",
    ]
    assert done.status == "failed" and len(done.runs) == 2
    assert sorted(str(r.status) for r in done.runs) == ["failed", "succeeded"]
    assert kinds[0] == "run_group.created" and kinds[-1] == "run_group.failed"
    assert [m.role for m in messages] == ["user", "assistant"]
    assert [g.id for g in listed] == [group.id]
    assert stopped.status == "canceled"
    assert usage.runs == 4 and len(usage.groups) == 1
