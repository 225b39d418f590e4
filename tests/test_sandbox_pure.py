"""The pure pieces behind the sandbox calls: base64 bodies, env merging, reply shaping,
SSE parsers and the resume bookkeeping."""

from __future__ import annotations

import base64
import json
import os

import pytest

from miosa._core.resume import MAX_CONSECUTIVE_FAILURES, SEEN_IDS_KEPT, ResumeState
from miosa._core.sse import ServerSentEvent
from miosa._groups.sandbox import (
    EVENT_CLASSES,
    Base64JSONBody,
    batch_entries,
    build_spec_payload,
    env_payload,
    env_vars_of,
    file_bytes,
    merge_env,
    parse_exec_chunk,
    parse_file_event,
    parse_readiness,
    parse_sandbox_event,
    process_logs_text,
    sandbox_host_base_url,
    sandbox_logs_fields,
    written_file,
)
from miosa.types.sandbox_env import EnvVar
from miosa.types.sandbox_events import SandboxEvent, SandboxReady, UnknownEvent
from miosa.types.sandbox_exec import ExecExit, ExecStdout, UnknownExecChunk

# -- base64 JSON bodies ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4, 5, 6, 7, 1000, 65_537])
@pytest.mark.parametrize("piece", [1, 2, 3, 7, 4096])
def test_a_body_fed_in_any_pieces_is_the_json_of_the_whole(size: int, piece: int) -> None:
    data = os.urandom(size)
    body = Base64JSONBody({"path": "/workspace/é x"})
    parts = [body.head()]
    parts += [body.feed(data[i : i + piece]) for i in range(0, size, piece)]
    parts.append(body.tail())
    whole = b"".join(parts)
    assert json.loads(whole) == {
        "path": "/workspace/é x",
        "content": base64.b64encode(data).decode(),
    }
    assert len(whole) == body.length(size)
    # No chunk but the last carries padding: each one is a whole number of 3-byte groups.
    assert all(b"=" not in p for p in parts[1:-1])


def test_batch_entries_encode_str_as_utf8_and_bytes_as_they_are() -> None:
    entries = batch_entries([("/a", "é"), {"path": "/b", "content": b"\xff"}], "content_base64")
    assert entries == [
        {"path": "/a", "content_base64": "w6k="},
        {"path": "/b", "content_base64": "/w=="},
    ]
    with pytest.raises(ValueError):
        batch_entries([("", "x")], "content")
    with pytest.raises(TypeError):
        batch_entries([("/a", 1)], "content")  # type: ignore[list-item]


def test_file_bytes_unwraps_only_a_file_envelope() -> None:
    raw = b"\x00\x01"
    assert file_bytes("application/octet-stream", raw) == raw
    envelope = json.dumps({"data": {"content": "AAE="}}).encode()
    assert file_bytes("application/json; charset=utf-8", envelope) == raw
    flat = json.dumps({"content": "AAE=", "encoding": "base64"}).encode()
    assert file_bytes("application/json", flat) == raw
    text = json.dumps({"data": {"content": "héllo", "encoding": "utf-8"}}).encode()
    assert file_bytes("application/json", text) == "héllo".encode()
    config = json.dumps({"content": "AAE="}).encode()  # a JSON file that has a content key
    assert file_bytes("application/json", config) == config
    bad = json.dumps({"data": {"content": "%%%"}}).encode()
    assert file_bytes("application/json", bad) == bad


def test_written_file_prefers_the_server_reply() -> None:
    assert written_file(None, "/a", 3).size_bytes == 3
    reply = written_file({"data": {"path": "/b", "size_bytes": 9}}, "/a", 3)
    assert (reply.path, reply.size_bytes, reply.raw["size_bytes"]) == ("/b", 9, 9)
    assert written_file({"ok": True}, "/a", None).size_bytes is None


# -- env -----------------------------------------------------------------------------------


def test_env_vars_of_every_reply_shape() -> None:
    listed = [{"key": "A", "value": "1", "encrypted": False}]
    assert env_vars_of({"data": listed}) == [EnvVar(key="A", value="1", encrypted=False)]
    assert env_vars_of({"env": listed}) == env_vars_of(listed) == env_vars_of({"data": listed})
    assert env_vars_of({"data": {"A": "1"}}) == [EnvVar(key="A", value="1")]
    assert env_vars_of({"A": "1"}) == [EnvVar(key="A", value="1")]
    assert env_vars_of({"data": {"vars": listed}}) == env_vars_of(listed)
    assert env_vars_of({"data": {"env": {"A": "1"}}}) == [EnvVar(key="A", value="1")]
    assert env_vars_of({"data": {"A": "1", "S": None}}) == [
        EnvVar(key="A", value="1"),
        EnvVar(key="S", value=None),
    ]
    assert env_vars_of({"data": []}) == []
    # Replies that carry no variable set are told apart from an empty set.
    assert env_vars_of(None) is None
    assert env_vars_of({"ok": True}) is None
    assert env_vars_of({"data": {"updated": 2}}) is None


def test_sandbox_host_base_url_swaps_only_a_leading_api_label() -> None:
    assert sandbox_host_base_url("https://api.miosa.ai/api/v1") == (
        "https://sandboxes.miosa.ai/api/v1"
    )
    assert sandbox_host_base_url("https://API.staging.miosa.ai:8443/api/v1") == (
        "https://sandboxes.staging.miosa.ai:8443/api/v1"
    )
    assert sandbox_host_base_url("https://u:p@api.example.com/api/v1") == (
        "https://u:p@sandboxes.example.com/api/v1"
    )
    for same in (
        "http://127.0.0.1:8080/api/v1",
        "https://miosa.example.com/api/v1",
        "https://myapi.example.com/api/v1",
        "https://gateway.example.com/api.v1",
    ):
        assert sandbox_host_base_url(same) == same


def test_merge_env_keeps_order_and_refuses_hidden_values() -> None:
    current = [EnvVar(key="A", value="1"), EnvVar(key="S", value="s", encrypted=True)]
    assert merge_env(current, {"A": "2", "B": "3"}) == [
        {"key": "A", "value": "2"},
        {"key": "S", "value": "s", "encrypted": True},
        {"key": "B", "value": "3"},
    ]
    hidden = [EnvVar(key="T", encrypted=True), EnvVar(key="U", encrypted=True)]
    with pytest.raises(ValueError, match="T, U"):
        merge_env(hidden, {"A": "1"})
    assert merge_env(hidden, {"T": "x", "U": "y"}, encrypted=True) == [
        {"key": "T", "value": "x", "encrypted": True},
        {"key": "U", "value": "y", "encrypted": True},
    ]


def test_env_payload_checks_names_and_values() -> None:
    assert env_payload({"A": "1"}) == [{"key": "A", "value": "1"}]
    with pytest.raises(ValueError):
        env_payload({"A": 1})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        env_payload([{"value": "1"}])


# -- small reply shapers ---------------------------------------------------------------


def test_build_spec_keys_become_camel_case() -> None:
    spec = {"from": "x", "memory_mib": 1, "startCmd": "y", "artifact_paths": ["/o"], "env": {}}
    assert build_spec_payload(spec) == {
        "from": "x",
        "memoryMib": 1,
        "startCmd": "y",
        "artifactPaths": ["/o"],
        "env": {},
    }


def test_log_replies() -> None:
    assert process_logs_text({"data": "a\n"}) == "a\n"
    assert process_logs_text({"logs": "b\n"}) == "b\n"
    assert process_logs_text({"data": {"lines": ["c", "d"]}}) == "c\nd\n"
    assert process_logs_text("plain") == "plain"
    assert process_logs_text(None) == ""
    assert sandbox_logs_fields({"data": {"lines": "x\ny"}}) == {"lines": ["x", "y"]}
    assert sandbox_logs_fields({"data": ["x"]}) == {"lines": ["x"]}
    assert sandbox_logs_fields({"lines": ["a"], "entries": [{"line": "a"}, 3]}) == {
        "lines": ["a"],
        "entries": [{"line": "a"}],
    }


# -- parsers ------------------------------------------------------------------------------


def sse(data: str, event: str = "", id_: str = "") -> ServerSentEvent:
    return ServerSentEvent(event=event, data=data, id=id_)


def test_sandbox_event_parser() -> None:
    ready = parse_sandbox_event(sse('{"type":"sandbox.ready","data":{"id":"s"}}', id_="4"))
    assert isinstance(ready, SandboxReady)
    assert (ready.type, ready.data, ready.id, ready.raw["type"]) == (
        "sandbox.ready",
        {"id": "s"},
        "4",
        "sandbox.ready",
    )
    named = parse_sandbox_event(sse('{"x": 1}', event="sandbox.ready"))
    assert isinstance(named, SandboxReady) and named.data == {"x": 1} and named.id is None
    odd = parse_sandbox_event(sse("[1, 2]"))
    assert isinstance(odd, UnknownEvent) and odd.type == "message" and odd.data == [1, 2]
    text = parse_sandbox_event(sse("not json", event="note"))
    assert isinstance(text, UnknownEvent) and text.data == {"line": "not json"}
    assert parse_sandbox_event(sse("")) is None
    assert parse_sandbox_event(sse("[DONE]")) is None
    assert isinstance(ready, SandboxEvent)
    assert EVENT_CLASSES["sandbox.deleted"] is EVENT_CLASSES["sandbox.destroyed"]


def test_exec_chunk_parser() -> None:
    assert parse_exec_chunk(sse('{"stream":"stdout","line":"x"}')) == ExecStdout(line="x")
    assert parse_exec_chunk(sse('{"exit_code":2}')) == ExecExit(exit_code=2)
    assert parse_exec_chunk(sse('{"type":"exit","code":5}')) == ExecExit(exit_code=5)
    assert parse_exec_chunk(sse('{"type":"error","code":"E","message":"m"}')) == UnknownExecChunk(
        type="error", data={"type": "error", "code": "E", "message": "m"}
    )
    assert parse_exec_chunk(sse("")) is None


def test_file_event_and_readiness_parsers() -> None:
    event = parse_file_event(sse('{"event":"deleted","path":"/a","is_dir":true}', id_="9"))
    assert event is not None and event.type == "deleted" and event.is_dir and event.id == "9"
    named = parse_file_event(sse('{"path":"/b"}', event="modified"))
    assert named is not None and named.type == "modified"
    assert parse_readiness(sse('{"ready_at":"x"}', event="ready")) == "ready"
    assert parse_readiness(sse('{"type":"timeout"}')) == "timeout"


# -- resume bookkeeping -----------------------------------------------------------------------


def test_resume_state_dedupes_only_what_was_delivered_before_a_reconnect() -> None:
    state = ResumeState(rand=lambda: 1.0)
    assert state.accept("1") and state.accept("2") and state.accept(None)
    assert state.accept("1")  # no reconnect yet: nothing is a replay
    state.reconnecting()
    assert not state.accept("2")
    assert state.accept("3")
    assert state.last_event_id == "3"


def test_resume_state_window_is_bounded() -> None:
    state = ResumeState()
    for i in range(3 * SEEN_IDS_KEPT):
        state.accept(str(i))
    assert len(state.delivered) <= 2 * SEEN_IDS_KEPT
    state.reconnecting()
    assert state.seen is not None and len(state.seen) == SEEN_IDS_KEPT
    assert str(3 * SEEN_IDS_KEPT - 1) in state.seen


def test_resume_delays_follow_retry_and_give_up_after_five() -> None:
    state = ResumeState(rand=lambda: 1.0)
    state.note_retry(200)
    delays = []
    while (delay := state.next_delay()) is not None:
        delays.append(delay)
    assert delays == [0.2, 0.4, 0.8, 1.6, 3.2]
    assert len(delays) == MAX_CONSECUTIVE_FAILURES
    state.accept(None)
    assert state.next_delay() == 0.2
    state.note_retry(10**9)
    assert state.retry_ms == 30_000


def test_exec_result_check_returns_the_result_or_raises_command_error() -> None:
    from miosa import CommandError, MiosaError
    from miosa.types import ExecResult

    ok = ExecResult(stdout="fine\n")
    assert ok.check() is ok
    with pytest.raises(CommandError) as silent:
        ExecResult(exit_code=137).check()
    assert str(silent.value) == "The command exited with status 137"
    assert (silent.value.command, silent.value.stdout_tail, silent.value.stderr_tail) == (
        None,
        "",
        "",
    )
    assert isinstance(silent.value, MiosaError)
    # No standard error: the message ends with standard output instead.
    with pytest.raises(CommandError) as from_stdout:
        ExecResult(stdout="first\nlast line\n", exit_code=1).check(command="./run")
    assert str(from_stdout.value) == (
        "Command './run' exited with status 1; its output ends with:\nfirst\nlast line"
    )
    long_line = "x" * 5000
    with pytest.raises(CommandError) as long:
        ExecResult(stderr=long_line, exit_code=1).check()
    assert long.value.stderr_tail == "x" * 2000 and long.value.stderr == long_line
