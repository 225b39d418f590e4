"""Isolation that holds: /workspace, no network unless asked, memory/process/CPU limits.

Every test runs in each isolation mode this machine offers (bubblewrap, a user namespace,
none); a mode that cannot run here is skipped with the reason.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from miosa.local import LocalServer
from miosa.local.confine import bwrap_problem, userns_problem

from ._support import SHORT, root_of

MODES = ("bwrap", "userns", "none")


def _unavailable(mode: str) -> str | None:
    if mode == "bwrap":
        path = shutil.which("bwrap")
        return "bwrap is not installed" if path is None else bwrap_problem(path)
    if mode == "userns":
        return userns_problem()
    return None


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    problem = _unavailable(request.param)
    if problem is not None:
        pytest.skip(f"{request.param} isolation is not available here: {problem}")
    return str(request.param)


@pytest.fixture
def isolated(mode: str) -> Iterator[LocalServer]:
    with LocalServer(isolation=mode, max_processes=32, cpu_seconds=1) as srv:  # type: ignore[arg-type]
        assert srv.isolation == mode
        yield srv


@pytest.fixture
def api(isolated: LocalServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {isolated.api_key}"}
    with httpx.Client(base_url=isolated.base_url, headers=headers, timeout=SHORT) as c:
        yield c


def _create(client: httpx.Client, **body: Any) -> str:
    reply = client.post("/sandboxes", json=body)
    assert reply.status_code == 201, reply.text
    return str(reply.json()["data"]["id"])


def _run(client: httpx.Client, sid: str, command: str, **extra: Any) -> dict[str, Any]:
    reply = client.post(f"/sandboxes/{sid}/exec", json={"command": command, "timeout": 20, **extra})
    assert reply.status_code == 200, reply.text
    data: dict[str, Any] = reply.json()["data"]
    return data


# -- /workspace ------------------------------------------------------------------------


def test_workspace_in_a_command_is_the_file_the_files_api_wrote(
    isolated: LocalServer, api: httpx.Client
) -> None:
    sid = _create(api)
    with isolated.client() as sdk:
        sdk.sandboxes.handle(sid).files.write("/workspace/x", b"from the files API\n")
    out = _run(api, sid, "cat /workspace/x")
    assert (out["stdout"], out["exit_code"]) == ("from the files API\n", 0)
    # And back: what a command writes under /workspace is what the files API reads.
    assert _run(api, sid, "echo made > /workspace/y")["exit_code"] == 0
    assert (root_of(isolated) / "sandboxes" / sid / "workspace" / "y").read_text() == "made\n"


def test_workspace_is_a_mount_not_a_rewrite(isolated: LocalServer, api: httpx.Client) -> None:
    """A path the command builds at run time reaches the sandbox too (not text substitution)."""
    if isolated.isolation == "none":
        pytest.skip("without a mount namespace /workspace exists only as rewritten text")
    sid = _create(api)
    with isolated.client() as sdk:
        sdk.sandboxes.handle(sid).files.write("/workspace/x", b"mounted")
    out = _run(api, sid, 'd=/work; cat "${d}space/x"; echo; pwd; echo "$HOME"')
    assert out["stdout"] == "mounted\n/workspace\n/workspace\n", out
    # The rest of the host is out of reach: the data directory is not there, system
    # directories are read-only and cannot be remounted writable.
    assert _run(api, sid, f"ls {root_of(isolated)}")["exit_code"] != 0
    assert _run(api, sid, "echo x > /usr/miosa-local-canary")["exit_code"] != 0
    assert _run(api, sid, "mount -o remount,rw /usr")["exit_code"] != 0


# -- network -----------------------------------------------------------------------------


class _Listener:
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[_Listener]:
    server = _Listener()
    try:
        yield server
    finally:
        server.close()


def _connect(port: int) -> str:
    return (
        "python3 -c \"import socket; socket.create_connection(('127.0.0.1', "
        f"{port}), timeout=3); print('connected')\""
    )


def test_a_sandbox_has_no_network_unless_it_asks(
    isolated: LocalServer, api: httpx.Client, listener: _Listener
) -> None:
    if isolated.isolation == "none":
        pytest.skip("without isolation commands share the host's network (documented)")
    closed = _create(api)
    reply = api.get(f"/sandboxes/{closed}").json()["data"]
    assert reply["network"]["internet_access"] is False
    assert reply["network"]["default_effect"] == "deny"
    out = _run(api, closed, _connect(listener.port))
    assert out["exit_code"] != 0
    assert "connected" not in out["stdout"]
    assert listener.accepted == 0

    opened = _create(api, network={"default_effect": "allow"})
    out = _run(api, opened, _connect(listener.port))
    assert (out["stdout"], out["exit_code"]) == ("connected\n", 0), out
    assert listener.accepted == 1
    # An allow rule opens it too (hosts are not filtered locally), and a fork inherits it.
    ruled = _create(api, network={"rules": [{"host": "pypi.org", "effect": "allow"}]})
    assert api.get(f"/sandboxes/{ruled}").json()["data"]["network"]["internet_access"] is True
    child = api.post(f"/sandboxes/{closed}/fork", json={}).json()["data"]["id"]
    assert _run(api, child, _connect(listener.port))["exit_code"] != 0
    assert listener.accepted == 1


@pytest.mark.parametrize(
    "network",
    [
        "on",
        {"default_effect": "maybe"},
        {"mode": "loud"},
        {"rules": "pypi.org"},
        {"rules": [{"effect": "allow"}]},
        {"rules": [{"host": "pypi.org", "effect": "perhaps"}]},
    ],
)
def test_a_malformed_network_policy_is_refused(client: httpx.Client, network: Any) -> None:
    reply = client.post("/sandboxes", json={"network": network})
    assert reply.status_code == 400, reply.text
    assert reply.json()["error"]["details"]["field"] == "network"


# -- limits --------------------------------------------------------------------------------


def test_memory_limit_is_the_sandbox_size(isolated: LocalServer, api: httpx.Client) -> None:
    sid = _create(api, cpu_count=1, memory_mb=64, disk_size_mb=1024)
    out = _run(api, sid, "python3 -c 'x = bytearray(256 * 1024 * 1024); print(len(x))'")
    assert out["exit_code"] == 1
    assert "MemoryError" in out["stderr"]
    small = _run(api, sid, "python3 -c 'x = bytearray(8 * 1024 * 1024); print(len(x))'")
    assert (small["stdout"], small["exit_code"]) == ("8388608\n", 0)


def test_process_limit_stops_a_runaway_fork_loop(isolated: LocalServer, api: httpx.Client) -> None:
    if isolated.process_limit is None:
        pytest.skip("no pids cgroup and no RLIMIT_NPROC that applies here (documented)")
    sid = _create(api)
    # Bounded even if the limit failed: 100 sleepers, far above the limit of 32.
    out = _run(
        api,
        sid,
        "i=0; while [ $i -lt 100 ]; do sleep 10 & i=$((i+1)); done; echo all started",
    )
    assert out["exit_code"] != 0
    assert "all started" not in out["stdout"]
    assert "fork" in out["stderr"].lower()
    assert not out["timed_out"]
    # The sandbox is usable again once the runaway is gone.
    assert _run(api, sid, "echo fine")["stdout"] == "fine\n"


def test_cpu_time_limit_kills_a_busy_loop(isolated: LocalServer, api: httpx.Client) -> None:
    sid = _create(api)
    out = _run(api, sid, "while :; do :; done")
    assert out["exit_code"] == 152  # 128 + SIGXCPU
    assert not out["timed_out"]
    assert out["duration_ms"] < 10_000
    assert "CPU-time limit of 1 s" in out["stderr"]


def test_cpu_time_limit_applies_to_background_processes(
    isolated: LocalServer, api: httpx.Client
) -> None:
    sid = _create(api)
    started = api.post(f"/sandboxes/{sid}/processes", json={"command": "while :; do :; done"})
    assert started.status_code == 201, started.text
    pid = started.json()["data"]["pid"]
    with api.stream("GET", f"/sandboxes/{sid}/processes/{pid}/stream") as events:
        assert events.status_code == 200
        for line in events.iter_lines():
            if line.startswith("event: exit"):
                break
    state = api.get(f"/sandboxes/{sid}/processes/{pid}").json()["data"]
    assert (state["status"], state["exit_code"]) == ("exited", 152)


def test_limits_can_be_turned_off() -> None:
    with LocalServer(max_processes=None, cpu_seconds=None) as srv:
        assert srv.process_limit is None
        headers = {"Authorization": f"Bearer {srv.api_key}"}
        with httpx.Client(base_url=srv.base_url, headers=headers, timeout=SHORT) as c:
            sid = _create(c)
            assert _run(c, sid, "echo ok")["stdout"] == "ok\n"
    with pytest.raises(ValueError, match="max_processes"):
        LocalServer(max_processes=0)
