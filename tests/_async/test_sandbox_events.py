"""Wire tests for ``sandbox.events.stream()``: the typed union, its lazy conveniences,
and `UnknownEvent` for names this SDK does not know."""

from __future__ import annotations

import json

import httpx

from miosa.types.events import Event
from miosa.types.sandbox_events import (
    SandboxCreated,
    SandboxDestroyed,
    SandboxErrored,
    SandboxEvent,
    SandboxExecuted,
    SandboxFileWritten,
    SandboxForked,
    SandboxPaused,
    SandboxProcessExited,
    SandboxReady,
    SandboxResumed,
    UnknownEvent,
)
from tests._async._helpers import make_client
from tests.helpers import MockAPI, sandbox_json


def envelope(kind: str, data: object, *, named: bool = True) -> bytes:
    payload = {
        "type": kind,
        "data": data,
        "sandbox_id": "sbx_1",
        "timestamp": "2026-11-28T10:00:00Z",
    }
    head = f"event: {kind}\n" if named else ""
    return f"{head}data: {json.dumps(payload)}\n\n".encode()


async def test_events_arrive_as_their_own_classes() -> None:
    body = b"".join(
        [
            envelope("sandbox.created", sandbox_json(state="provisioning")),
            envelope("sandbox.ready", sandbox_json(), named=False),
            envelope("sandbox.paused", sandbox_json(state="paused")),
            envelope("sandbox.resumed", sandbox_json()),
            envelope("sandbox.exec", {"command": "ls", "exit_code": 0, "duration_ms": 5}),
            envelope("sandbox.file.written", {"path": "/workspace/a", "size_bytes": 3}),
            envelope("sandbox.process.exited", {"pid": 42, "exit_code": 1}),
            envelope("sandbox.forked", {"sandbox_id": "sbx_2", "parent_id": "sbx_1"}),
            envelope("sandbox.error", {"operation": "exec", "error": "boom"}),
            envelope("sandbox.deleted", {"id": "sbx_1", "reason": "timeout"}),
            envelope("sandbox.teleported", {"to": "mars"}),
        ]
    )
    api = MockAPI().on(
        "GET /sandboxes/sbx_1/events",
        httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body),
    )
    async with (
        make_client(api) as client,
        client.sandboxes.handle("sbx_1").events.stream() as stream,
    ):
        events: list[SandboxEvent] = [event async for event in stream]
    assert [type(e) for e in events] == [
        SandboxCreated,
        SandboxReady,
        SandboxPaused,
        SandboxResumed,
        SandboxExecuted,
        SandboxFileWritten,
        SandboxProcessExited,
        SandboxForked,
        SandboxErrored,
        SandboxDestroyed,
        UnknownEvent,
    ]
    assert all(isinstance(e, Event) for e in events)
    created, ready = events[0], events[1]
    assert isinstance(created, SandboxCreated) and created.type == "sandbox.created"
    assert created.sandbox is not None and created.sandbox.state == "provisioning"
    assert ready.type == "sandbox.ready"  # read from the payload when there is no event: line
    assert created.sandbox_id == "sbx_1"
    assert created.timestamp is not None and created.timestamp.tzinfo is not None
    executed = events[4]
    assert isinstance(executed, SandboxExecuted)
    assert (executed.command, executed.exit_code, executed.duration_ms) == ("ls", 0, 5)
    written = events[5]
    assert isinstance(written, SandboxFileWritten) and written.path == "/workspace/a"
    exited = events[6]
    assert isinstance(exited, SandboxProcessExited) and (exited.pid, exited.exit_code) == (42, 1)
    forked = events[7]
    assert isinstance(forked, SandboxForked) and forked.fork_id == "sbx_2"
    errored = events[8]
    assert isinstance(errored, SandboxErrored) and errored.error == "boom"
    destroyed = events[9]
    assert isinstance(destroyed, SandboxDestroyed) and destroyed.reason == "timeout"
    unknown = events[10]
    assert unknown.type == "sandbox.teleported" and unknown.data == {"to": "mars"}
    assert unknown.raw["sandbox_id"] == "sbx_1"
    match events[4]:
        case SandboxExecuted(exit_code=0):
            matched = True
        case _:
            matched = False
    assert matched
