"""Code contexts on the server side: their interpreters (and what they started) end when the
sandbox stops, is destroyed, or the context is dropped; pause freezes them; the route
validates its body. The client-side behaviour is in tests/_async/test_sandbox_code.py."""

from __future__ import annotations

import os
import secrets
import time

import httpx
import pytest


def _holders(marker: str) -> set[int]:
    """The host processes whose environment or command line carries ``marker``."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        for part in ("environ", "cmdline"):
            try:
                with open(f"/proc/{entry}/{part}", "rb") as fh:
                    if marker.encode() in fh.read():
                        found.add(int(entry))
            except OSError:
                pass
    return found


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return "gone"
    return stat[stat.rfind(b")") + 2 :].split()[0].decode()


def _sandbox_with_marker(client: httpx.Client) -> tuple[str, str]:
    marker = "mark_" + secrets.token_hex(8)
    reply = client.post("/sandboxes", json={"env": {"CODE_TEST_MARK": marker}})
    return reply.json()["data"]["id"], marker


def _run(client: httpx.Client, sid: str, code: str, **extra: object) -> httpx.Response:
    return client.post(f"/sandboxes/{sid}/code/run", json={"code": code, **extra})


def _wait_gone(marker: str) -> set[int]:
    deadline = time.monotonic() + 5
    while (left := _holders(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.mark.parametrize("end", ["destroy", "stop", "drop", "drop_all"])
def test_the_interpreter_and_its_children_end_with_the_context(
    client: httpx.Client, end: str
) -> None:
    sid, marker = _sandbox_with_marker(client)
    started = _run(client, sid, "import subprocess\nchild = subprocess.Popen(['sleep', '300'])")
    assert started.json()["data"]["ok"] is True, started.text
    assert _holders(marker), "the interpreter runs with the sandbox's environment"
    if end == "destroy":
        assert client.delete(f"/sandboxes/{sid}").status_code in (200, 204)
    elif end == "stop":
        assert client.post(f"/sandboxes/{sid}/stop").status_code == 200
    elif end == "drop":
        assert client.delete(f"/sandboxes/{sid}/code/contexts/default").status_code == 204
    else:
        assert client.delete(f"/sandboxes/{sid}/code").status_code == 204
    assert _wait_gone(marker) == set()
    if end in ("drop", "drop_all"):
        assert client.get(f"/sandboxes/{sid}/code/contexts").json()["data"]["contexts"] == []


def test_pause_freezes_the_interpreter_and_resume_thaws_it(client: httpx.Client) -> None:
    sid, marker = _sandbox_with_marker(client)
    assert _run(client, sid, "n = 1").json()["data"]["ok"] is True
    client.post(f"/sandboxes/{sid}/pause")
    states = {_state(pid) for pid in _holders(marker)}
    assert "T" in states, states  # the interpreter is stopped (SIGSTOP)
    assert _run(client, sid, "n").status_code == 409  # a paused sandbox runs nothing
    client.post(f"/sandboxes/{sid}/resume")
    assert _run(client, sid, "n + 1").json()["data"]["result"] == 2


def test_the_body_is_validated(client: httpx.Client, sandbox: str) -> None:
    no_code = _run(client, sandbox, "").json()
    assert no_code["data"]["ok"] is True  # an empty cell is a valid cell
    missing = client.post(f"/sandboxes/{sandbox}/code/run", json={}).json()["error"]
    assert missing["code"] == "VALIDATION_ERROR" and missing["details"]["field"] == "code"
    ruby = _run(client, sandbox, "1", language="ruby").json()["error"]
    assert ruby["code"] == "UNSUPPORTED_LANGUAGE"
    bad_context = _run(client, sandbox, "1", context="").json()["error"]
    assert bad_context["details"]["field"] == "context"
    bad_timeout = _run(client, sandbox, "1", timeout=-1).json()["error"]
    assert bad_timeout["details"]["field"] == "timeout"
    unknown = client.delete(f"/sandboxes/{sandbox}/code/contexts/nope")
    assert unknown.status_code == 404
