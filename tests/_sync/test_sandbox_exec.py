# This file was generated from
#   tests/_async/test_sandbox_exec.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for ``sandbox.exec.stream``: one POST, typed chunks, ends after the exit."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from miosa import CommandError, MiosaError
from miosa.types import ExecResult
from miosa.types.sandbox_exec import (
    ExecExit,
    ExecStderr,
    ExecStdout,
    UnknownExecChunk,
)
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

ROUTE = "POST /sandboxes/sbx_1/exec/stream"
RUN = "POST /sandboxes/sbx_1/exec"
FAILED: dict[str, Any] = {
    "stdout": "building\n",
    "stderr": "".join(f"e{i}\n" for i in range(30)),
    "exit_code": 2,
}


def test_exec_run_posts_the_command_and_returns_a_failed_result_as_it_is() -> None:
    api = MockAPI().on(RUN, json_response(200, {"data": FAILED}))
    with make_client(api) as client:
        result = client.sandboxes.handle("sbx_1").exec.run(
            "make", cwd="/workspace/app", env={"CI": "1"}, timeout=30
        )
    assert api.body() == {
        "command": "make",
        "cwd": "/workspace/app",
        "env": {"CI": "1"},
        "timeout": 30,
    }
    assert api.last.extensions["timeout"]["read"] >= 45
    assert result == ExecResult(stdout="building\n", stderr=FAILED["stderr"], exit_code=2)
    assert not result.ok


def test_exec_run_with_check_raises_command_error_with_the_command_and_output() -> None:
    api = MockAPI().on(RUN, json_response(200, {"data": FAILED}))
    with make_client(api) as client:
        with pytest.raises(CommandError) as caught:
            client.sandboxes.handle("sbx_1").exec.run("make", check=True)
    error = caught.value
    assert isinstance(error, MiosaError)
    assert (error.exit_code, error.command) == (2, "make")
    assert (error.stdout, error.stderr) == (FAILED["stdout"], FAILED["stderr"])
    assert error.stderr_tail == "\n".join(f"e{i}" for i in range(20, 30))
    assert error.stdout_tail == "building"
    assert str(error) == "Command 'make' exited with status 2; its output ends with:\n" + (
        error.stderr_tail
    )
    assert len(api.requests) == 1  # a failed command is not retried


def test_exec_run_with_check_returns_a_successful_result() -> None:
    api = MockAPI().on(RUN, json_response(200, {"stdout": "ok\n", "exit_code": 0}))
    with make_client(api) as client:
        result = client.sandboxes.handle("sbx_1").exec.run("true", check=True)
    assert result == ExecResult(stdout="ok\n")
    assert api.body() == {"command": "true"}


def sse(body: bytes) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)


def test_exec_stream_posts_the_command_and_yields_typed_chunks_until_exit() -> None:
    body = (
        b"retry: 1000\n\n"
        b'id: 1\nevent: stdout\ndata: {"type":"stdout","line":"hello"}\n\n'
        b'id: 2\ndata: {"type":"stderr","line":"warn"}\n\n'
        b": keepalive\n\n"
        b'id: 3\nevent: progress\ndata: {"type":"progress","data":{"pct":50}}\n\n'
        b'id: 4\nevent: exit\ndata: {"type":"exit","exit_code":3,"duration_ms":12}\n\n'
        b'id: 5\nevent: stdout\ndata: {"type":"stdout","line":"after the end"}\n\n'
    )
    api = MockAPI().on(ROUTE, sse(body))
    with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        stream = sandbox.exec.stream("make test", cwd="/workspace", env={"A": "1"}, timeout=120)
        assert api.requests == []
        with stream as output:
            chunks = [chunk for chunk in output]
    request = api.last
    assert request.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert request.headers["content-type"] == "application/json"
    assert api.body() == {
        "command": "make test",
        "cwd": "/workspace",
        "env": {"A": "1"},
        "timeout": 120,
    }
    # A command allowed 120 s may be silent that long: the idle timeout covers it.
    assert request.extensions["timeout"]["read"] >= 120
    assert chunks == [
        ExecStdout(line="hello", id="1"),
        ExecStderr(line="warn", id="2"),
        UnknownExecChunk(type="progress", data={"pct": 50}, id="3"),
        ExecExit(exit_code=3, duration_ms=12, id="4"),
    ]
    assert [c.type for c in chunks] == ["stdout", "stderr", "progress", "exit"]
    exit_chunk = chunks[-1]
    assert isinstance(exit_chunk, ExecExit) and not exit_chunk.ok


def test_exec_stream_reads_the_type_from_either_place_and_plain_lines() -> None:
    body = (
        b'event: stdout\ndata: {"line":"named by the event field"}\n\n'
        b"data: plain text line\n\n"
        b'data: {"type":"exit","exitCode":0}\n\n'
    )
    api = MockAPI().on(ROUTE, sse(body))
    with (
        make_client(api) as client,
        client.sandboxes.handle("sbx_1").exec.stream("echo") as output,
    ):
        chunks = [chunk for chunk in output]
    assert chunks == [
        ExecStdout(line="named by the event field"),
        ExecStdout(line="plain text line"),
        ExecExit(exit_code=0),
    ]
    assert chunks[0].raw["line"] == "named by the event field"


def test_exec_stream_sends_only_the_given_options() -> None:
    api = MockAPI().on(ROUTE, sse(b'data: {"type":"exit","exit_code":0}\n\n'))
    with (
        make_client(api) as client,
        client.sandboxes.handle("sbx_1").exec.stream("ls") as output,
    ):
        chunks = [chunk for chunk in output]
    assert api.body() == {"command": "ls"}
    assert api.last.extensions["timeout"]["read"] == 45.0
    assert chunks == [ExecExit(exit_code=0)]
