"""Background processes: start, inspect, stop, read and stream output.

The API has no stdin or signal route for a process (2.19.2 refuses both client-side), so
neither is served here: ``DELETE .../processes/{pid}`` is the one way to end a process.
"""

from __future__ import annotations

import shlex
import signal
from typing import Any

import anyio
from starlette.responses import Response

from . import runner
from .common import JSON, MIB, iso, now
from .confine import Limits
from .events import EventLog
from .fields import first, optional
from .http import (
    bad_request,
    created,
    int_param,
    json_response,
    no_content,
    not_found,
    ok,
    page_response,
)
from .routing import Call, Endpoint
from .sse import SSEResponse, follow, last_event_id
from .state import Proc, Sandbox, Store

OUTPUT_EVENTS = 20_000
STOP_GRACE = 5.0
RESIGNAL_INTERVAL = 0.05


def proc_json(sandbox: Sandbox, proc: Proc) -> JSON:
    """Wire form of a process."""
    return {
        "pid": proc.pid,
        "name": proc.name,
        "command": proc.command,
        "status": proc.status,
        "state": proc.status,
        "exit_code": proc.exit_code,
        "started_at": iso(proc.started_at),
        "finished_at": iso(proc.finished_at),
        "sandbox_id": sandbox.id,
    }


def sandbox_env(sandbox: Sandbox, extra: Any) -> dict[str, str]:
    """Sandbox env (create ``env`` + env API) overlaid with a per-call ``env``."""
    if extra is not None and not isinstance(extra, dict):
        raise bad_request("env must be an object of strings", field="env")
    return {**{k: v for k, (v, _) in sandbox.env.items()}, **runner.check_env(extra or {})}


def sandbox_limits(store: Store, sandbox: Sandbox) -> Limits:
    """A sandbox command's limits: its size's memory, the server's process and CPU caps."""
    _, memory_mb, _ = sandbox.geometry
    settings = store.settings
    return Limits(
        memory_bytes=memory_mb * MIB,
        processes=settings.max_processes,
        cpu_seconds=settings.cpu_seconds,
    )


def sandbox_command(
    store: Store, sandbox: Sandbox, command: str, cwd: str | None, env: dict[str, str]
) -> runner.CommandSpec:
    """``command`` confined to ``sandbox``: its workspace, network policy and limits."""
    limits = sandbox_limits(store, sandbox)
    prefix: list[str] = []
    if store.cgroups is not None and limits.processes is not None:
        prefix = store.cgroups.join_argv(sandbox.id, limits.processes)
    return runner.build_command(
        store.settings,
        sandbox.workspace,
        command,
        cwd,
        env,
        network=sandbox.network_enabled,
        limits=limits,
        prefix=prefix,
    )


def command_spec(store: Store, sandbox: Sandbox, body: JSON) -> runner.CommandSpec:
    """The command of an exec/process body, ready to run in the sandbox."""
    command = body.get("command") or body.get("cmd")
    if isinstance(command, list) and all(isinstance(c, str) for c in command):
        command = shlex.join(command)
    if not isinstance(command, str) or not command.strip():
        raise bad_request("command is required (a string or an array of strings)", field="command")
    cwd = first(body, ("cwd", "working_dir", "workingDir"), str)
    return sandbox_command(store, sandbox, command, cwd, sandbox_env(sandbox, body.get("env")))


def spec_text(body: JSON) -> str:
    """The command as the caller wrote it, for logs and events (after ``command_spec``)."""
    command = body.get("command") or body.get("cmd")
    return shlex.join(command) if isinstance(command, list) else str(command)


def timeout_of(store: Store, body: JSON, default: float | None) -> float | None:
    """``timeout`` seconds (or ``timeout_sec`` / ``timeoutSec``), capped at the server maximum."""
    name = next((n for n in ("timeout", "timeout_sec", "timeoutSec") if n in body), "timeout")
    seconds = optional(body, name, float, low=0.001)
    if seconds is None:
        return default
    return min(seconds, store.settings.exec_max_timeout)


async def _supervise(store: Store, sandbox: Sandbox, proc: Proc, limit: float | None) -> None:
    handle = proc.handle
    cap = store.settings.output_cap

    def sink(stream: str) -> runner.Lines:
        async def on_line(line: str) -> None:
            proc.output.publish(stream, {"line": line, "stream": stream, "pid": proc.pid})
            sandbox.log(line, stream)

        return runner.Lines(on_line, cap)

    timed_out = False
    try:
        async with anyio.create_task_group() as tg:
            drained = anyio.Event()

            async def read_both() -> None:
                async with anyio.create_task_group() as both:
                    both.start_soon(runner.pump, handle.stdout, sink("stdout"))
                    both.start_soon(runner.pump, handle.stderr, sink("stderr"))
                drained.set()

            tg.start_soon(read_both)
            with anyio.move_on_after(limit if limit is not None else float("inf")) as timer:
                await handle.wait()
            if timer.cancelled_caught:
                timed_out = True
                runner.kill_tree(handle.pid)
                await handle.wait()
            runner.kill_tree(handle.pid, alive=False)
            with anyio.move_on_after(runner.DRAIN_GRACE):
                await drained.wait()
            tg.cancel_scope.cancel()
    finally:
        with anyio.CancelScope(shield=True):
            if handle.returncode is None:
                runner.kill_tree(handle.pid)
                with anyio.move_on_after(2):
                    await handle.wait()
            await handle.aclose()
            proc.exit_code = (
                runner.TIMEOUT_EXIT_CODE if timed_out else runner.exit_status(handle.returncode)
            )
            proc.status = "exited"
            proc.finished_at = now()
            proc.output.publish("exit", {"exit_code": proc.exit_code, "pid": proc.pid})
            proc.output.close()
            proc.exited.set()
            sandbox.log(f"process {proc.pid} exited with code {proc.exit_code}")
            if sandbox.alive:
                store.emit("sandbox.process.exited", proc_json(sandbox, proc), sandbox)


def _proc(call: Call, sandbox: Sandbox) -> Proc:
    raw = call.params["pid"]
    proc = sandbox.processes.get(int(raw)) if raw.isdigit() else None
    if proc is None:
        raise not_found("process", raw)
    return proc


async def _wait_exit(proc: Proc, seconds: float) -> bool:
    with anyio.move_on_after(seconds):
        await proc.exited.wait()
        return True
    return False


async def terminate(proc: Proc, grace: float = STOP_GRACE) -> None:
    """SIGTERM, then SIGKILL after ``grace`` seconds."""
    if proc.status != "running":
        return
    runner.send_signal(proc.pid, signal.SIGCONT, proc.own_pid_namespace)
    deadline = anyio.current_time() + grace
    # A process still setting up its namespace may miss the signal: send it again until
    # it reaches the command (or the process is gone).
    while not runner.send_signal(proc.pid, signal.SIGTERM, proc.own_pid_namespace):
        if await _wait_exit(proc, RESIGNAL_INTERVAL) or anyio.current_time() > deadline:
            break
    if not await _wait_exit(proc, max(0.0, deadline - anyio.current_time())):
        runner.kill_tree(proc.pid)
        await _wait_exit(proc, 2.0)


async def stop_all(sandbox: Sandbox) -> None:
    """Kill every running process of the sandbox at once (destroy, stop, server shutdown).

    Terminal shells and code-context interpreters go too; the shells' sockets close as
    they exit, and the contexts are forgotten.
    """
    interpreters = list(sandbox.interpreters.values())
    sandbox.interpreters.clear()
    for interpreter in interpreters:
        await interpreter.stop()
    for session in sandbox.terminals.values():
        shell_pid = session.get("pid")
        if isinstance(shell_pid, int):
            runner.kill_tree(shell_pid)
    running = [p for p in sandbox.processes.values() if p.status == "running"]
    for proc in running:
        runner.kill_tree(proc.pid)
    for proc in running:
        await _wait_exit(proc, 2.0)


def signal_all(sandbox: Sandbox, sig: int) -> None:
    """Signal every running process and interpreter (pause/resume use SIGSTOP/SIGCONT)."""
    for interpreter in sandbox.interpreters.values():
        runner.send_signal(interpreter.pid, sig, interpreter.isolated)
    for proc in sandbox.processes.values():
        if proc.status == "running":
            runner.send_signal(proc.pid, sig, proc.own_pid_namespace)


# -- handlers ---------------------------------------------------------------------------


async def launch(
    store: Store,
    sandbox: Sandbox,
    spec: runner.CommandSpec,
    command: str,
    name: str | None,
    limit: float | None,
) -> Proc:
    """Start a background process and supervise it until it exits."""
    handle = await runner.spawn(spec, stdin=True)
    proc = Proc(
        pid=handle.pid,
        name=name,
        command=command,
        started_at=now(),
        handle=handle,
        output=EventLog(OUTPUT_EVENTS),
        own_pid_namespace=spec.own_pid_namespace,
    )
    sandbox.processes[proc.pid] = proc
    sandbox.log(f"process {proc.pid} started: {command}")
    store.spawn(_supervise, store, sandbox, proc, limit, name=f"process {proc.pid}")
    store.emit("sandbox.process.started", proc_json(sandbox, proc), sandbox)
    return proc


async def start(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/processes``."""
    sandbox = call.running_sandbox()
    body = await call.json()
    spec = command_spec(call.store, sandbox, body)
    proc = await launch(
        call.store,
        sandbox,
        spec,
        spec_text(body),
        optional(body, "name", str),
        timeout_of(call.store, body, None),
    )
    call.resource_id = str(proc.pid)
    return created(proc_json(sandbox, proc))


async def list_processes(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/processes``."""
    sandbox = call.sandbox()
    return page_response(
        [proc_json(sandbox, p) for p in sandbox.processes.values()], call.query, key="pid"
    )


async def get_process(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/processes/{pid}``."""
    sandbox = call.sandbox()
    return ok(proc_json(sandbox, _proc(call, sandbox)))


async def stop_process(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}/processes/{pid}``: SIGTERM, SIGKILL after 5 s."""
    sandbox = call.sandbox()
    await terminate(_proc(call, sandbox))
    return no_content()


async def process_logs(call: Call) -> Response:
    """``GET .../processes/{pid}/logs?tail=N``: the last N output lines as one string."""
    sandbox = call.sandbox()
    proc = _proc(call, sandbox)
    tail = int_param(call.query, "tail", 200, 1, OUTPUT_EVENTS)
    lines = [e.data["line"] for e in proc.output.all() if e.type in ("stdout", "stderr")][-tail:]
    text = "\n".join(lines) + ("\n" if lines else "")
    return json_response({"data": text, "logs": text, "pid": proc.pid, "status": proc.status})


async def stream(call: Call) -> Response:
    """``GET .../processes/{pid}/stream``: output so far, then live, then ``exit``."""
    sandbox = call.sandbox()
    proc = _proc(call, sandbox)
    return SSEResponse(follow(proc.output, last_event_id(call.request) or 0), call.store)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    base = "/sandboxes/{sandbox_id}/processes"
    return [
        Endpoint("POST", base, start, "sandbox.process.start"),
        Endpoint("GET", base, list_processes),
        Endpoint("GET", base + "/{pid}", get_process),
        Endpoint("DELETE", base + "/{pid}", stop_process, "sandbox.process.stop"),
        Endpoint("GET", base + "/{pid}/logs", process_logs),
        Endpoint("GET", base + "/{pid}/stream", stream),
    ]
