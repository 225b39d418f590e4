# This file was generated from
#   tests/_async/test_sandbox_processes.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for ``sandbox.processes``: start, list, get, stop, logs, a resumable output
stream; stdin and signals (no such routes) refused without a request; ``pid`` as an int or
a string."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from miosa import UnsupportedRouteError
from miosa.types.sandbox_exec import ExecExit, ExecStderr, ExecStdout, SandboxProcess
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

PROCS = "/sandboxes/sbx_1/processes"
PROC = {"pid": 42, "name": "srv", "command": "npm start", "status": "running"}


def test_start_list_get_and_stop() -> None:
    api = (
        MockAPI()
        .on(f"POST {PROCS}", json_response(201, {"data": PROC}))
        .on(f"GET {PROCS}", json_response(200, {"processes": [PROC, {**PROC, "pid": "p-7"}]}))
        .on(f"GET {PROCS}/42", json_response(200, PROC))
        .on(f"GET {PROCS}/p-7", json_response(200, {**PROC, "pid": "p-7"}))
        .on(f"DELETE {PROCS}/42", httpx.Response(204))
    )
    with make_client(api) as client:
        processes = client.sandboxes.handle("sbx_1").processes
        started = processes.start(
            "npm start", env={"PORT": "3000"}, name="srv", cwd="/workspace", timeout=600
        )
        listed = processes.list()
        by_int = processes.get(42)
        by_str = processes.get("p-7")
        processes.stop(started.pid or 0)
    assert api.body(0) == {
        "command": "npm start",
        "env": {"PORT": "3000"},
        "name": "srv",
        "cwd": "/workspace",
        "timeout": 600,
    }
    assert started == SandboxProcess(pid=42, name="srv", command="npm start", status="running")
    assert [p.pid for p in listed] == [42, "p-7"]
    assert (by_int.pid, by_str.pid) == (42, "p-7")
    assert api.last.method == "DELETE"


def test_logs_reads_text_under_data_or_logs() -> None:
    api = MockAPI().on(
        f"GET {PROCS}/42/logs",
        json_response(200, {"data": "a\nb\n", "pid": 42}),
        json_response(200, {"logs": "c\n"}),
    )
    with make_client(api) as client:
        processes = client.sandboxes.handle("sbx_1").processes
        first = processes.logs(42, tail=50)
        second = processes.logs(42)
    assert dict(api.requests[0].url.params) == {"tail": "50"}
    assert dict(api.requests[1].url.params) == {"tail": "200"}
    assert (first, second) == ("a\nb\n", "c\n")


def test_stream_yields_output_and_resumes_after_a_drop() -> None:
    class Dropping:
        def __iter__(self) -> Iterator[bytes]:
            yield b'retry: 1\n\nid: 1\nevent: stdout\ndata: {"line":"one","stream":"stdout"}\n\n'
            raise httpx.ReadError("reset")

    rest = (
        b'id: 1\nevent: stdout\ndata: {"line":"one"}\n\n'
        b'id: 2\nevent: stderr\ndata: {"line":"two"}\n\n'
        b'id: 3\nevent: exit\ndata: {"exit_code":0,"pid":42}\n\n'
    )
    api = MockAPI().on(
        f"GET {PROCS}/42/stream",
        lambda request: httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=Dropping()
        ),
        lambda request: httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=rest
        ),
    )
    with (
        make_client(api) as client,
        client.sandboxes.handle("sbx_1").processes.stream(42) as output,
    ):
        chunks = [chunk for chunk in output]
    assert chunks == [
        ExecStdout(line="one", id="1"),
        ExecStderr(line="two", id="2"),
        ExecExit(exit_code=0, id="3"),
    ]
    # Seed snippets read `line.data`: the output line, and the exit code on the last chunk.
    assert [chunk.data for chunk in chunks] == ["one", "two", 0]
    assert api.requests[1].headers["last-event-id"] == "1"


def test_stdin_and_signal_raise_without_a_request() -> None:
    api = MockAPI()
    with make_client(api) as client:
        processes = client.sandboxes.handle("sbx_1").processes
        with pytest.raises(UnsupportedRouteError, match="no stdin route") as stdin:
            processes.send_stdin(42, "hello\n")
        with pytest.raises(UnsupportedRouteError, match=r"processes\.stop") as signal:
            processes.signal("p-7", "SIGINT")
        with pytest.raises(ValueError):
            processes.signal("..", "SIGINT")
    assert "process 42" in str(stdin.value) and "SIGINT" in str(signal.value)
    assert stdin.value.route == "POST /sandboxes/{sandbox_id}/processes/{pid}/stdin"
    assert signal.value.call == "sandbox.processes.signal"
    assert api.requests == []
