# This file was generated from
#   tests/_async/test_commands.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Machine commands and agent steering: the wire, errors, and real commands locally."""

from __future__ import annotations

import pytest

from miosa import CommandError, ConflictError, Miosa
from miosa.local import LocalServer
from miosa.types import CommandLogs, CommandProcess, CommandResult, SteeringResult
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

S = "/sandboxes/sbx_1"
C = "/computers/cmp_1"
RESULT = {"data": {"stdout": "hi\n", "stderr": "", "exit_code": 0, "duration_ms": 12}}
STEERED = {"data": {"run_id": "run_1", "status": "running", "queued": True, "position": 1}}


def _result(r: CommandResult) -> bool:
    return isinstance(r, CommandResult) and (r.stdout, r.exit_code, r.ok) == ("hi\n", 0, True)


def _steered(r: SteeringResult) -> bool:
    return isinstance(r, SteeringResult) and (r.run_id, r.queued, r.position) == ("run_1", True, 1)


CASES = [
    Case(call="commands.run", args=("sbx_1", "echo hi"),
         kwargs={"cwd": "app", "timeout_seconds": 30, "stdin": "x", "sudo": True},
         method="POST", path=S + "/commands",
         body={"command": "echo hi", "cwd": "app", "timeout_seconds": 30, "stdin": "x",
               "sudo": True},
         reply=RESULT, check=_result),
    Case(call="commands.run", args=("sbx_1", "sleep 60"), kwargs={"detached": True, "name": "w"},
         method="POST", path=S + "/commands",
         body={"command": "sleep 60", "detached": True, "name": "w"},
         reply={"data": {"pid": 41, "status": "running", "detached": True}},
         check=lambda r: isinstance(r, CommandResult) and r.pid == 41 and r.exit_code is None
         and r.check() is r, name="commands.run-detached"),
    Case(call="commands.run_computer", args=("cmp_1", "echo hi"), kwargs={"cwd": "/tmp"},
         method="POST", path=C + "/commands", body={"command": "echo hi", "cwd": "/tmp"},
         reply=RESULT, check=_result),
    Case(call="commands.list", args=("sbx_1",), method="GET", path=S + "/commands",
         reply={"data": [{"pid": 1}, {"pid": 2}]},
         check=lambda ps: [(type(p), p.pid) for p in ps] == [(CommandProcess, 1),
                                                            (CommandProcess, 2)]),
    Case(call="commands.get", args=("sbx_1", 41), method="GET", path=S + "/commands/41",
         reply={"data": {"pid": 41, "status": "exited", "exit_code": 0}},
         check=lambda p: isinstance(p, CommandProcess)
         and (p.status, p.exit_code) == ("exited", 0)),
    Case(call="commands.logs", args=("sbx_1", "41"), method="GET", path=S + "/commands/41/logs",
         reply={"data": {"pid": 41, "logs": "a\nb\n"}},
         check=lambda lg: isinstance(lg, CommandLogs) and lg.logs == "a\nb\n"),
    Case(call="commands.logs", args=("sbx_1", "41"), method="GET", path=S + "/commands/41/logs",
         reply={"data": "a\n"}, check=lambda lg: isinstance(lg, CommandLogs) and lg.logs == "a\n",
         name="commands.logs-bare-text"),
    Case(call="commands.kill", args=("sbx_1", 41), method="POST", path=S + "/commands/41/kill",
         body={}, reply={"data": {"pid": 41, "status": "killed"}},
         check=lambda p: isinstance(p, CommandProcess) and p.status == "killed"),
    Case(call="agent_steering.prompt", args=("sbx_1", "now run the tests"), method="POST",
         path=S + "/agent/prompts", body={"prompt": "now run the tests"}, reply=STEERED,
         check=_steered),
    Case(call="agent_steering.stop", args=("sbx_1",), method="POST", path=S + "/agent/stop",
         body={}, result=SteeringResult, reply={"data": {"id": "x_1", "run_id": "run_1"}}),
    Case(call="agent_steering.prompt_computer", args=("cmp_1", "go on"), method="POST",
         path=C + "/agent/prompts", body={"prompt": "go on"}, reply=STEERED, check=_steered),
    Case(call="agent_steering.stop_computer", args=("cmp_1",), method="POST",
         path=C + "/agent/stop", body={}, result=SteeringResult),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_steering_without_an_attached_run_is_a_conflict() -> None:
    error = {"error": {"code": "NO_AGENT_RUN", "message": "no agent run is attached"}}
    api = MockAPI().on("POST /sandboxes/sbx_1/agent/stop", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="no agent run") as caught:
            client.agent_steering.stop("sbx_1")
    assert caught.value.code == "NO_AGENT_RUN"


def test_a_failed_command_checks_into_command_error() -> None:
    reply = {"data": {"command": "false", "stderr": "boom\n", "exit_code": 3}}
    api = MockAPI().on("POST /sandboxes/sbx_1/commands", json_response(200, reply))
    with make_client(api, max_retries=0) as client:
        result = client.commands.run("sbx_1", "false")
    assert not result.ok
    with pytest.raises(CommandError, match="boom") as caught:
        result.check()
    assert caught.value.exit_code == 3


def test_commands_and_steering_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            sandbox = client.sandboxes.create()
            assert sandbox.id is not None
            sid = sandbox.id
            echoed = client.commands.run(sid, "mkdir -p app && cd app && pwd && cat", stdin="fed")
            failed = client.commands.run(sid, "echo oops >&2; exit 4")
            started = client.commands.run(
                sid, "echo started; sleep 30", detached=True, name="sleeper"
            )
            assert started.pid is not None
            listed = client.commands.list(sid)
            running = client.commands.get(sid, started.pid)
            for _ in range(100):
                logs = client.commands.logs(sid, started.pid)
                if logs.logs:
                    break
            killed = client.commands.kill(sid, started.pid)
            with pytest.raises(ConflictError) as no_run:
                client.agent_steering.prompt(sid, "anything")
            run = client.runs.create(instruction="refactor", sandbox_id=sid)
            queued = client.agent_steering.prompt(sid, "and add tests")
            stopped = client.agent_steering.stop(sid)
            final = client.runs.get(str(run.id))
    assert echoed.exit_code == 0 and echoed.stdout.endswith("/app\nfed")
    assert (failed.exit_code, failed.stderr) == (4, "oops\n")
    assert [p.pid for p in listed] == [started.pid] and running.status == "running"
    assert logs.logs == "started\n"
    assert killed.status != "running"
    assert no_run.value.code == "NO_AGENT_RUN"
    assert (queued.run_id, queued.queued, queued.position) == (run.id, True, 1)
    assert stopped.run_id == run.id and stopped.status == "canceled"
    assert final.status == "canceled"
