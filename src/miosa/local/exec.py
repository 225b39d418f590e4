"""``POST /exec`` (buffered result) and ``POST /exec/stream`` (SSE lines, then ``exit``)."""

from __future__ import annotations

from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from . import runner
from .common import JSON
from .events import Event
from .fields import optional
from .http import ApiError, ok
from .processes import command_spec, sandbox_limits, spec_text, timeout_of
from .routing import Call, Endpoint
from .sandboxes import fail
from .sse import SSEResponse
from .state import Sandbox, Store

LOGGED_LINES = 1000


def _record(store: Store, sandbox: Sandbox, body: JSON, outcome: runner.Outcome) -> None:
    """Account exec time and publish ``sandbox.exec``."""
    sandbox.exec_ms_total += outcome.duration_ms
    sandbox.exec_count += 1
    sandbox.log(f"exec exited with code {outcome.exit_code} after {outcome.duration_ms} ms")
    store.emit(
        "sandbox.exec",
        {
            "sandbox_id": sandbox.id,
            "command": spec_text(body),
            "cwd": optional(body, "cwd", str),
            "exit_code": outcome.exit_code,
            "duration_ms": outcome.duration_ms,
            "timed_out": outcome.timed_out,
        },
        sandbox,
    )


async def exec_command(call: Call) -> Response:
    """Run ``command`` with ``/bin/sh -c`` and reply stdout, stderr, exit code and duration."""
    sandbox = call.running_sandbox()
    body = await call.json()
    spec = command_spec(call.store, sandbox, body)
    timeout = timeout_of(call.store, body, call.store.settings.exec_default_timeout)
    assert timeout is not None
    cap = call.store.settings.output_cap
    out, err = runner.Capture(cap), runner.Capture(cap)
    sandbox.log(f"$ {spec_text(body)}")
    try:
        outcome = await runner.run(spec, timeout, out, err, call.store.exec_pids)
    except ApiError as error:
        raise fail(call.store, sandbox, "exec", error) from error
    stdout, stderr = out.text(), err.text()
    if outcome.timed_out:
        stderr += runner.timeout_note(timeout)
    stderr += runner.cpu_limit_note(outcome, sandbox_limits(call.store, sandbox)) or ""
    for stream, text in (("stdout", stdout), ("stderr", stderr)):
        for line in text.splitlines()[:LOGGED_LINES]:
            sandbox.log(line, stream)
    _record(call.store, sandbox, body, outcome)
    return ok(
        {
            "stdout": stdout,
            "stderr": stderr,
            "exit_code": outcome.exit_code,
            "duration_ms": outcome.duration_ms,
            "timed_out": outcome.timed_out,
        }
    )


async def exec_stream(call: Call) -> Response:
    """The same command as SSE: ``stdout`` / ``stderr`` line events, then one ``exit``."""
    sandbox = call.running_sandbox()
    body = await call.json()
    spec = command_spec(call.store, sandbox, body)
    timeout = timeout_of(call.store, body, call.store.settings.exec_default_timeout)
    assert timeout is not None
    store = call.store
    cap = store.settings.output_cap
    sandbox.log(f"$ {spec_text(body)} (streamed)")

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        seq = 0

        async def send(type_: str, payload: JSON) -> None:
            nonlocal seq
            seq += 1
            await out.send(Event(seq, type_, {"type": type_, **payload}))

        def lines(stream: str) -> runner.Lines:
            async def on_line(line: str) -> None:
                sandbox.log(line, stream)
                await send(stream, {"line": line})

            return runner.Lines(on_line, cap)

        async with out:
            try:
                outcome = await runner.run(
                    spec, timeout, lines("stdout"), lines("stderr"), store.exec_pids
                )
            except ApiError as err:
                fail(store, sandbox, "exec", err)
                await send("error", {"code": err.code, "message": err.message})
                return
            if outcome.timed_out:
                await send("stderr", {"line": runner.timeout_note(timeout).rstrip("\n")})
            cpu_note = runner.cpu_limit_note(outcome, sandbox_limits(store, sandbox))
            if cpu_note:
                await send("stderr", {"line": cpu_note.rstrip("\n")})
            _record(store, sandbox, body, outcome)
            await send(
                "exit",
                {
                    "exit_code": outcome.exit_code,
                    "duration_ms": outcome.duration_ms,
                    "timed_out": outcome.timed_out,
                },
            )

    return SSEResponse(produce, store)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("POST", "/sandboxes/{sandbox_id}/exec", exec_command, "sandbox.exec"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/exec/stream", exec_stream, "sandbox.exec"),
    ]
