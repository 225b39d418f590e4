"""Exec: output, exit codes, env, cwd, timeouts, output caps, streaming, isolation."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from miosa.local import LocalServer

from ._support import SHORT, collect, root_of


def run(client: httpx.Client, sandbox: str, command: str, **extra: object) -> dict[str, Any]:
    reply = client.post(f"/sandboxes/{sandbox}/exec", json={"command": command, **extra})
    assert reply.status_code == 200, reply.text
    data: dict[str, Any] = reply.json()["data"]
    return data


def test_stdout_stderr_exit_code_and_duration(client: httpx.Client, sandbox: str) -> None:
    out = run(client, sandbox, "echo out; echo err >&2; exit 7")
    assert out["stdout"] == "out\n" and out["stderr"] == "err\n"
    assert out["exit_code"] == 7
    assert isinstance(out["duration_ms"], int) and out["duration_ms"] >= 0
    assert run(client, sandbox, "true")["exit_code"] == 0


def test_env_layers_create_env_api_and_per_call(client: httpx.Client) -> None:
    sid = client.post("/sandboxes", json={"env": {"A": "create", "B": "create"}}).json()["data"][
        "id"
    ]
    assert run(client, sid, "echo $A $B")["stdout"] == "create create\n"
    put = client.put(
        f"/sandboxes/{sid}/env",
        json={
            "vars": [
                {"key": "B", "value": "api"},
                {"key": "S", "value": "s3cret", "encrypted": True},
            ]
        },
    )
    assert put.status_code == 200
    listed = {v["key"]: v for v in client.get(f"/sandboxes/{sid}/env").json()["data"]}
    assert listed["B"]["value"] == "api" and listed["S"] == {
        "key": "S",
        "value": None,
        "encrypted": True,
    }
    assert "A" not in listed  # PUT replaces the whole set
    assert run(client, sid, "echo ${A:-unset} $B $S")["stdout"] == "unset api s3cret\n"
    assert run(client, sid, "echo $B", env={"B": "call"})["stdout"] == "call\n"
    assert client.delete(f"/sandboxes/{sid}/env/B").status_code == 204
    assert client.delete(f"/sandboxes/{sid}/env/B").status_code == 404
    assert run(client, sid, "echo ${B:-gone}")["stdout"] == "gone\n"


def test_host_environment_does_not_leak(
    client: httpx.Client, sandbox: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MIOSA_LOCAL_SECRET_CANARY", "leak")
    assert run(client, sandbox, "echo ${MIOSA_LOCAL_SECRET_CANARY:-none}")["stdout"] == "none\n"


def test_cwd_defaults_to_workspace_and_can_be_set(
    client: httpx.Client, sandbox: str, server: LocalServer
) -> None:
    run(client, sandbox, "mkdir -p sub/dir")
    default = str(run(client, sandbox, "pwd")["stdout"]).strip()
    inside = str(run(client, sandbox, "pwd", cwd="/workspace/sub/dir")["stdout"]).strip()
    relative = str(run(client, sandbox, "pwd", cwd="sub")["stdout"]).strip()
    if server.isolation == "bwrap":
        assert (default, inside, relative) == ("/workspace", "/workspace/sub/dir", "/workspace/sub")
    else:
        assert default.endswith("/workspace") and inside.endswith("/workspace/sub/dir")
    missing = client.post(
        f"/sandboxes/{sandbox}/exec", json={"command": "pwd", "cwd": "/workspace/nope"}
    )
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "INVALID_CWD"


def test_timeout_kills_the_command_with_exit_124(client: httpx.Client, sandbox: str) -> None:
    started = time.monotonic()
    out = run(client, sandbox, "echo before; sleep 30", timeout=0.5)
    assert time.monotonic() - started < 5
    assert out["exit_code"] == 124 and out["timed_out"] is True
    assert out["stdout"] == "before\n"
    assert "timed out after 0.5 s" in str(out["stderr"])


def test_background_children_do_not_outlive_exec(client: httpx.Client, sandbox: str) -> None:
    started = time.monotonic()
    out = run(client, sandbox, "sleep 30 & echo started", timeout=10)
    assert out["stdout"] == "started\n" and out["exit_code"] == 0
    assert time.monotonic() - started < 5


def test_output_is_capped_with_a_marker(client: httpx.Client, sandbox: str) -> None:
    out = run(client, sandbox, "head -c 9000000 /dev/zero | tr '\\0' y")
    stdout = str(out["stdout"])
    assert stdout.startswith("yyyy") and "output truncated" in stdout
    assert len(stdout) < 8 * 1024 * 1024 + 200


def test_invalid_requests(client: httpx.Client, sandbox: str) -> None:
    assert client.post(f"/sandboxes/{sandbox}/exec", json={}).status_code == 400
    assert (
        client.post(f"/sandboxes/{sandbox}/exec", content=b"{nope").json()["error"]["code"]
        == "INVALID_JSON"
    )
    bad_timeout = client.post(f"/sandboxes/{sandbox}/exec", json={"command": "true", "timeout": -1})
    assert bad_timeout.status_code == 400
    assert client.post("/sandboxes/sbx_missing/exec", json={"command": "true"}).status_code == 404


def test_a_deeply_nested_body_is_a_400(client: httpx.Client, sandbox: str) -> None:
    body = b'{"command": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    reply = client.post(f"/sandboxes/{sandbox}/exec", content=body)
    assert reply.status_code == 400, reply.text
    assert reply.json()["error"]["code"] == "INVALID_JSON"


@pytest.mark.parametrize("value", [1, 2.5, True, ["a"], {"nested": "x"}])
def test_env_values_must_be_strings(client: httpx.Client, sandbox: str, value: object) -> None:
    for path, body in (
        (f"/sandboxes/{sandbox}/exec", {"command": "true", "env": {"X": value}}),
        ("/sandboxes", {"env": {"X": value}}),
    ):
        reply = client.post(path, json=body)
        assert reply.status_code == 400, (path, reply.text)
        assert reply.json()["error"]["details"] == {"field": "env", "name": "X"}


def test_exec_stream_lines_then_exit(client: httpx.Client, sandbox: str) -> None:
    events = collect(
        client,
        "POST",
        f"/sandboxes/{sandbox}/exec/stream",
        count=10,
        json={"command": "echo one; echo two >&2; printf three; exit 3"},
    )
    assert [int(e.id or 0) for e in events] == list(range(1, len(events) + 1))
    for event in events:
        assert event.event == event.data["type"]
    lines = {(e.data["type"], e.data["line"]) for e in events if e.data["type"] != "exit"}
    assert lines == {("stdout", "one"), ("stderr", "two"), ("stdout", "three")}
    assert events[-1].data["type"] == "exit" and events[-1].data["exit_code"] == 3


def test_exec_is_recorded_as_a_sandbox_event_and_in_logs(
    client: httpx.Client, sandbox: str
) -> None:
    run(client, sandbox, "echo logged")
    lines = client.get(f"/sandboxes/{sandbox}/logs").json()["data"]["lines"]
    assert "logged" in lines
    events = collect(client, "GET", f"/sandboxes/{sandbox}/events", count=3)
    assert events[-1].event == "sandbox.exec"
    assert events[-1].data["data"]["command"] == "echo logged"
    assert events[-1].data["data"]["exit_code"] == 0


@pytest.fixture
def bwrap_server() -> Iterator[LocalServer]:
    if shutil.which("bwrap") is None:
        pytest.skip("bubblewrap (bwrap) is not installed")
    with LocalServer(isolation="bwrap") as srv:
        yield srv


def test_bwrap_isolation_shows_workspace_and_protects_the_host(bwrap_server: LocalServer) -> None:
    headers = {"Authorization": f"Bearer {bwrap_server.api_key}"}
    with httpx.Client(base_url=bwrap_server.base_url, headers=headers, timeout=SHORT) as c:
        sid = c.post("/sandboxes", json={}).json()["data"]["id"]
        host_dir = root_of(bwrap_server) / "sandboxes" / sid / "workspace"
        out = run(
            c, sid, "pwd; echo data > /workspace/in.txt; ls /workspace; python3 -c 'print(6*7)'"
        )
        assert out["stdout"] == "/workspace\nin.txt\n42\n"
        assert (host_dir / "in.txt").read_text() == "data\n"
        canary = Path("/etc/miosa-local-canary")
        for target in (str(canary), "/usr/miosa-local-canary"):
            denied = run(c, sid, f"echo x > {target}")
            assert denied["exit_code"] != 0
        assert not canary.exists()
        assert (
            run(c, sid, f"ls {bwrap_server.root}")["exit_code"] != 0
        )  # the host data dir is hidden
        assert run(c, sid, "echo $HOME")["stdout"] == "/workspace\n"
        # Processes of other sandboxes and the host are not visible (own pid namespace).
        assert run(c, sid, "ls /proc | grep -c '^[0-9]'")["stdout"].strip() in {"1", "2", "3", "4"}


def test_without_isolation_commands_run_in_the_sandbox_directory() -> None:
    with LocalServer(isolation="none") as srv:
        assert srv.isolation == "none"
        headers = {"Authorization": f"Bearer {srv.api_key}"}
        with httpx.Client(base_url=srv.base_url, headers=headers, timeout=SHORT) as c:
            sid = c.post("/sandboxes", json={}).json()["data"]["id"]
            out = run(c, sid, "pwd")
            assert out["stdout"] == f"{root_of(srv) / 'sandboxes' / sid / 'workspace'}\n"
            outside = c.post(f"/sandboxes/{sid}/exec", json={"command": "pwd", "cwd": "/tmp"})
            assert outside.status_code == 400
            assert outside.json()["error"]["code"] == "PATH_OUTSIDE_WORKSPACE"


def test_without_isolation_workspace_paths_in_commands_reach_the_sandbox_directory() -> None:
    """No mount namespace, so the server maps ``/workspace`` in the command and env itself."""
    with LocalServer(isolation="none") as srv:
        assert srv.isolation == "none"
        headers = {"Authorization": f"Bearer {srv.api_key}"}
        with httpx.Client(base_url=srv.base_url, headers=headers, timeout=SHORT) as c:
            sid = c.post("/sandboxes", json={}).json()["data"]["id"]
            host_dir = root_of(srv) / "sandboxes" / sid / "workspace"
            with srv.client() as sdk:
                sdk.sandboxes.handle(sid).files.write("/workspace/blob.bin", b"\x00\x01" * 512)
            out = run(c, sid, "wc -c < /workspace/blob.bin")
            assert (out["stdout"], out["stderr"], out["exit_code"]) == ("1024\n", "", 0)
            out = run(
                c, sid, "mkdir -p /workspace/d && echo hi > /workspace/d/a.txt && ls /workspace/d"
            )
            assert out["stdout"] == "a.txt\n"
            assert (host_dir / "d" / "a.txt").read_text() == "hi\n"
            assert run(c, sid, "cd /workspace && cat 'd/a.txt'")["stdout"] == "hi\n"
            assert run(c, sid, "cat $F", env={"F": "/workspace/d/a.txt"})["stdout"] == "hi\n"
            # Other words that contain the name are left alone.
            assert (
                run(c, sid, "echo /workspaces x/workspace")["stdout"] == "/workspaces x/workspace\n"
            )


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("wc -c < /workspace/blob.bin", "wc -c < /sb/blob.bin"),
        ("cd /workspace; ls", "cd /sb; ls"),
        ("cat '/workspace/a b' \"/workspace\"", "cat '/sb/a b' \"/sb\""),
        ("ls /workspaces ~/workspace a/workspace $D/workspace /workspace-old", None),
        ("echo no path here", None),
    ],
)
def test_map_workspace_rewrites_only_workspace_paths(command: str, expected: str | None) -> None:
    from miosa.local.runner import map_workspace

    assert map_workspace(command, Path("/sb")) == (command if expected is None else expected)
    # A host directory a shell would need quoted is not substituted.
    assert map_workspace(command, Path("/s b")) == command
