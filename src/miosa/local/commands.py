"""Machine commands (``/sandboxes/{id}/commands``) and agent steering (``.../agent/...``).

A command runs for real in the sandbox, like ``/exec``: the call waits for it (at most
600 seconds) and answers its output, exit code and duration; ``stdin`` is fed to it; a
``detached`` command starts as a background process and is read and killed under
``/commands/{pid}``. Steering finds the machine's newest queued or running harness run
(an instruction run): a prompt is queued for its next turn, a stop cancels it; with none
attached both answer 409 ``NO_AGENT_RUN``. Computers are not served here.
"""

from __future__ import annotations

import shlex

from starlette.responses import Response

from . import runner
from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, not_found, ok
from .processes import command_spec, launch, proc_json, terminate, timeout_of
from .routing import Call, Endpoint
from .runs import RUNS, cancel_run
from .state import Proc, Sandbox

MAX_SECONDS = 600
BASE = "/sandboxes/{sandbox_id}/commands"


def _spec_body(body: JSON) -> JSON:
    command = body.get("command")
    if not isinstance(command, str) or not command.strip():
        raise bad_request("command is required", field="command")
    stdin = body.get("stdin")
    if stdin is not None:
        if not isinstance(stdin, str):
            raise bad_request("stdin must be a string", field="stdin")
        command = f"printf %s {shlex.quote(stdin)} | ( {command}\n)"
    seconds = body.get("timeout_seconds")
    if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, int)):
        raise bad_request("timeout_seconds must be a whole number", field="timeout_seconds")
    timeout = min(seconds, MAX_SECONDS) if seconds else None
    return {"command": command, "cwd": body.get("cwd"), "timeout": timeout}


async def run_command(call: Call) -> Response:
    """``POST .../commands``: run and wait, or start ``detached`` and answer its pid."""
    sandbox = call.running_sandbox()
    body = await call.json()
    spec_body = _spec_body(body)
    spec = command_spec(call.store, sandbox, spec_body)
    shown = {"command": body["command"], "cwd": body.get("cwd")}
    if body.get("detached") is True:
        name = body.get("name") if isinstance(body.get("name"), str) else None
        limit = timeout_of(call.store, spec_body, None)
        proc = await launch(call.store, sandbox, spec, str(body["command"]), name, limit)
        call.resource_id = str(proc.pid)
        return ok({**proc_json(sandbox, proc), **shown, "detached": True})
    limit = timeout_of(call.store, spec_body, float(MAX_SECONDS))
    assert limit is not None
    cap = call.store.settings.output_cap
    out, err = runner.Capture(cap), runner.Capture(cap)
    sandbox.log(f"$ {body['command']} (commands)")
    outcome = await runner.run(spec, limit, out, err, call.store.exec_pids)
    stderr = err.text() + (runner.timeout_note(limit) if outcome.timed_out else "")
    return ok(
        {
            **shown,
            "stdout": out.text(),
            "stderr": stderr,
            "exit_code": outcome.exit_code,
            "duration_ms": outcome.duration_ms,
            "timed_out": outcome.timed_out,
            "status": "exited",
            "detached": False,
        }
    )


def _proc(call: Call, sandbox: Sandbox) -> Proc:
    raw = call.params["pid"]
    proc = sandbox.processes.get(int(raw)) if raw.isdigit() else None
    if proc is None:
        raise not_found("command", raw)
    return proc


async def list_commands(call: Call) -> Response:
    sandbox = call.sandbox()
    return ok([proc_json(sandbox, p) for p in sandbox.processes.values()])


async def get_command(call: Call) -> Response:
    sandbox = call.sandbox()
    return ok(proc_json(sandbox, _proc(call, sandbox)))


async def command_logs(call: Call) -> Response:
    sandbox = call.sandbox()
    proc = _proc(call, sandbox)
    lines = [e.data["line"] for e in proc.output.all() if e.type in ("stdout", "stderr")]
    text = "".join(f"{line}\n" for line in lines)
    return ok({"pid": proc.pid, "status": proc.status, "logs": text})


async def kill_command(call: Call) -> Response:
    sandbox = call.sandbox()
    proc = _proc(call, sandbox)
    await terminate(proc)
    return ok(proc_json(sandbox, proc))


# -- steering --------------------------------------------------------------------------


def _attached_run(call: Call) -> JSON:
    """The sandbox's newest queued or running instruction run; 409 when there is none."""
    sandbox = call.sandbox()
    for run in reversed(list(call.store.records.get(RUNS.path, {}).values())):
        attached = run.get("sandbox_id") == sandbox.id
        if attached and run.get("instruction") and run["status"] in ("queued", "running"):
            return run
    raise ApiError(
        409,
        "NO_AGENT_RUN",
        f"no agent run is attached to sandbox {sandbox.id}",
        {"sandbox_id": sandbox.id, "retryable": False},
    )


async def queue_prompt(call: Call) -> Response:
    run = _attached_run(call)
    body = await call.json()
    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise bad_request("prompt is required", field="prompt")
    queue = call.store.records.setdefault("agent-prompts", {}).setdefault(run["id"], {})
    prompt_id = new_id("prm")
    queue[prompt_id] = {"id": prompt_id, "prompt": prompt, "created_at": iso(now())}
    call.resource_id = run["id"]
    return ok(
        {
            "run_id": run["id"],
            "status": run["status"],
            "queued": True,
            "prompt_id": prompt_id,
            "position": len(queue),
        }
    )


async def stop_agent(call: Call) -> Response:
    run = _attached_run(call)
    await call.json()
    cancel_run(call.store, run)
    call.resource_id = run["id"]
    return ok({"run_id": run["id"], "status": run["status"], "queued": False})


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("POST", BASE, run_command, "sandbox.command"),
        Endpoint("GET", BASE, list_commands),
        Endpoint("GET", BASE + "/{pid}", get_command),
        Endpoint("GET", BASE + "/{pid}/logs", command_logs),
        Endpoint("POST", BASE + "/{pid}/kill", kill_command, "sandbox.command.kill"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/agent/prompts", queue_prompt, "agent.prompt"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/agent/stop", stop_agent, "agent.stop"),
    ]
