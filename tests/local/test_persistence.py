"""``data_dir``: state kept in SQLite survives a restart, a SIGKILL included."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from miosa import Miosa
from miosa.local import LocalServer
from miosa.local.persist import FILENAME

from ._support import SHORT

KEY = "msk_local_persistence_test"


def _client(srv: LocalServer, key: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key or srv.api_key}"}
    return httpx.Client(base_url=srv.base_url, headers=headers, timeout=SHORT)


def _ok(reply: httpx.Response) -> Any:
    assert reply.is_success, reply.text
    return reply.json()["data"] if reply.content else None


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _server(data_dir: Path, **kwargs: Any) -> LocalServer:
    return LocalServer(data_dir=data_dir, isolation="none", heartbeat_interval=0.3, **kwargs)


class Made:
    """What the first run created, to look for in the second."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.replay: tuple[str, Any] = ("", None)
        self.user_key = ""


def _populate(c: httpx.Client) -> Made:
    made = Made()
    box = _ok(c.post("/sandboxes", json={"name": "kept", "persistent": True}))
    made.ids["sandbox"] = box["id"]
    body = {"path": "/workspace/notes/a.txt", "content": base64.b64encode(b"remember me").decode()}
    _ok(c.post(f"/sandboxes/{box['id']}/files", json=body))
    stopped = _ok(c.post("/sandboxes", json={"name": "stopped-one"}))
    _ok(c.post(f"/sandboxes/{stopped['id']}/stop"))
    made.ids["stopped"] = stopped["id"]
    gone = _ok(c.post("/sandboxes", json={"name": "gone"}))
    c.delete(f"/sandboxes/{gone['id']}").raise_for_status()
    made.ids["destroyed"] = gone["id"]
    made.ids["template"] = _ok(c.post("/sandbox-templates", json={"name": "kept-template"}))["id"]
    hook = _ok(c.post("/webhooks", json={"url": "http://127.0.0.1:9/hook", "retry_count": 0}))
    made.ids["webhook"] = hook["id"]
    made.ids["delivery"] = _ok(c.post(f"/webhooks/{hook['id']}/test"))["id"]
    key = _ok(c.post("/api-keys", json={"name": "kept-key", "scopes": ["sandboxes:read"]}))
    made.ids["key"], made.user_key = key["id"], key["key"]
    _ok(c.put("/quotas/external/user-7", json={"max_sandboxes": 3}))
    made.ids["account"] = _ok(c.post("/service-accounts", json={"name": "robot"}))["id"]
    reply = c.post("/sandboxes", json={"name": "idem"}, headers={"Idempotency-Key": "idem-1"})
    made.replay = ("idem-1", _ok(reply))
    return made


def _check(c: httpx.Client, made: Made) -> None:
    box = _ok(c.get(f"/sandboxes/{made.ids['sandbox']}"))
    assert box["state"] == "stopped"
    assert box["persistent"] is True
    _ok(c.post(f"/sandboxes/{made.ids['sandbox']}/resume"))
    download = c.get(
        f"/sandboxes/{made.ids['sandbox']}/fs/download", params={"path": "/workspace/notes/a.txt"}
    )
    assert download.content == b"remember me"
    run = _ok(c.post(f"/sandboxes/{made.ids['sandbox']}/exec", json={"command": "ls notes"}))
    assert run["stdout"].strip() == "a.txt"
    assert _ok(c.get(f"/sandboxes/{made.ids['stopped']}"))["state"] == "stopped"
    destroyed = c.get("/sandboxes", params={"state": "destroyed"}).json()["data"]
    assert made.ids["destroyed"] in [s["id"] for s in destroyed]
    assert _ok(c.get(f"/sandbox-templates/{made.ids['template']}"))["name"] == "kept-template"
    assert _ok(c.get(f"/webhooks/{made.ids['webhook']}"))["url"] == "http://127.0.0.1:9/hook"
    deliveries = c.get(f"/webhooks/{made.ids['webhook']}/deliveries").json()["data"]
    assert made.ids["delivery"] in [d["id"] for d in deliveries]
    assert _ok(c.get(f"/api-keys/{made.ids['key']}"))["name"] == "kept-key"
    assert _ok(c.get("/quotas/external/user-7"))["max_sandboxes"] == 3
    accounts = c.get("/service-accounts").json()["data"]
    assert made.ids["account"] in [a["id"] for a in accounts]
    actions = [e["action"] for e in c.get("/audit-log", params={"limit": 1000}).json()["data"]]
    assert {"sandbox.create", "webhook.create", "api_key.create"} <= set(actions)
    key, first = made.replay
    again = c.post("/sandboxes", json={"name": "idem"}, headers={"Idempotency-Key": key})
    assert again.headers.get("idempotent-replayed") == "true"
    assert again.json()["data"] == first


def test_state_survives_a_restart(data_dir: Path) -> None:
    with _server(data_dir) as first, _client(first) as c:
        made = _populate(c)
        key = first.api_key
    assert (data_dir / FILENAME).exists()
    # The key is remembered too, so clients configured for the first run keep working.
    with _server(data_dir) as second:
        assert second.api_key == key
        with _client(second) as c:
            _check(c, made)
        with _client(second, made.user_key) as user:
            assert user.get("/sandboxes").status_code == 200


def test_a_deleted_record_stays_deleted(data_dir: Path) -> None:
    with _server(data_dir) as srv, _client(srv) as c:
        hook = _ok(c.post("/webhooks", json={"url": "http://127.0.0.1:9/x"}))
        c.delete(f"/webhooks/{hook['id']}").raise_for_status()
        _ok(c.put("/quotas/external/u", json={"max_sandboxes": 1}))
        c.delete("/quotas/external/u").raise_for_status()
    with _server(data_dir) as srv, _client(srv) as c:
        assert c.get(f"/webhooks/{hook['id']}").status_code == 404
        assert _ok(c.get("/quotas/external/u"))["max_sandboxes"] is None


def test_without_a_data_dir_nothing_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "root"
    with LocalServer(root=root, api_key=KEY, isolation="none") as srv, _client(srv) as c:
        _ok(c.post("/sandboxes", json={"name": "ephemeral"}))
    assert not (root / FILENAME).exists()
    with LocalServer(root=root, api_key=KEY, isolation="none") as srv, _client(srv) as c:
        assert c.get("/sandboxes").json()["data"] == []


def test_root_and_a_different_data_dir_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="data_dir"):
        LocalServer(root=tmp_path / "a", data_dir=tmp_path / "b")


# -- SIGKILL ------------------------------------------------------------------------------


def _spawn(data_dir: Path) -> tuple[subprocess.Popen[str], str]:
    """``python -m miosa.local --data-dir`` in a new process; its base URL once it serves."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "miosa.local", "--data-dir", str(data_dir), "--api-key", KEY,
         "--isolation", "none"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("MIOSA local server: "):
            return proc, line.split(": ", 1)[1].strip()
        if not line and proc.poll() is not None:
            break
    proc.kill()
    proc.wait(5)
    raise AssertionError("the server did not start")


@pytest.fixture
def spawned() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_state_survives_sigkill(data_dir: Path, spawned: list[subprocess.Popen[str]]) -> None:
    proc, base_url = _spawn(data_dir)
    spawned.append(proc)
    with Miosa(api_key=KEY, base_url=base_url, max_retries=0) as client:
        sandbox = client.sandboxes.create(name="survivor")
        sandbox.files.write("/workspace/kept.txt", "still here")
        hook = client.webhooks.create(url="http://127.0.0.1:9/hook", events=["sandbox.*"])
    # No shutdown, no final write: whatever the replies promised must already be on disk.
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)

    proc, base_url = _spawn(data_dir)
    spawned.append(proc)
    with Miosa(api_key=KEY, base_url=base_url, max_retries=0) as client:
        again = client.sandboxes.get(sandbox.id)
        assert again.state == "stopped"
        again.resume()
        assert again.files.read("/workspace/kept.txt") == b"still here"
        assert hook.id is not None
        assert client.webhooks.get(hook.id).url == "http://127.0.0.1:9/hook"
