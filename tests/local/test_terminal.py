"""Terminal sessions: a real shell on a pseudo-terminal, over the session's WebSocket URL."""

from __future__ import annotations

import json
import os
import re
import time

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from miosa import Miosa
from miosa.local import LocalServer


def read_until(ws: ClientConnection, needle: bytes, seconds: float = 10.0) -> bytes:
    """Terminal output until `needle` shows up (bounded in time)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while needle not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{needle!r} never came; got {seen[-400:]!r}")
        chunk = ws.recv(timeout=left)
        seen += chunk if isinstance(chunk, bytes) else chunk.encode()
    return seen


def open_session(client: httpx.Client, sandbox: str, **body: object) -> dict[str, object]:
    reply = client.post(f"/sandboxes/{sandbox}/terminal", json=body)
    assert reply.status_code == 201, reply.text
    session: dict[str, object] = reply.json()["data"]
    return session


def test_a_shell_runs_keystrokes_and_answers_resizes(client: httpx.Client, sandbox: str) -> None:
    session = open_session(client, sandbox, cols=100, rows=30, env={"GREETING": "hi"})
    assert session["websocket_supported"] is True and "env" not in session
    with connect(str(session["ws_url"]), open_timeout=10, close_timeout=5) as ws:
        ws.send(b"echo $GREETING-$((40 + 2))\n")
        assert b"hi-42" in read_until(ws, b"hi-42")
        ws.send(b"stty size\n")
        read_until(ws, b"30 100")
        ws.send(json.dumps({"type": "resize", "cols": 132, "rows": 43}))
        ws.send("stty size\n")
        read_until(ws, b"43 132")
        ws.send(b"pwd\n")
        read_until(ws, b"/workspace")


def test_the_socket_closes_when_the_shell_exits(client: httpx.Client, sandbox: str) -> None:
    session = open_session(client, sandbox)
    with connect(str(session["ws_url"]), open_timeout=10, close_timeout=5) as ws:
        ws.send(b"exit 0\n")
        with pytest.raises(ConnectionClosed):
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                ws.recv(timeout=deadline - time.monotonic())


def test_a_wrong_ticket_or_session_is_refused(client: httpx.Client, sandbox: str) -> None:
    session = open_session(client, sandbox)
    url = str(session["ws_url"])
    for bad in (url.replace("ticket=", "ticket=x"), url.replace("/terminal/", "/terminal/no")):
        with pytest.raises(InvalidStatus) as info:
            connect(bad, open_timeout=10).close()
        assert info.value.response.status_code == 403


def test_the_sdk_opens_a_session_a_websocket_client_can_use() -> None:
    with (
        LocalServer() as server,
        Miosa(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        sandbox = client.sandboxes.create()
        session = sandbox.terminal.create(cols=80, rows=24)
        ws_url = session.raw["ws_url"]
        with connect(ws_url, open_timeout=10, close_timeout=5) as ws:
            ws.send(b"echo from-$((1 + 1))-sdk\n")
            read_until(ws, b"from-2-sdk")
        sandbox.destroy()


def test_the_shell_is_killed_when_the_socket_closes() -> None:
    # Without isolation the shell's pid is a host pid the test can look for.
    with LocalServer(isolation="none") as server:
        headers = {"Authorization": f"Bearer {server.api_key}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=10) as client:
            sandbox = client.post("/sandboxes", json={}).json()["data"]["id"]
            session = open_session(client, sandbox)
            with connect(str(session["ws_url"]), open_timeout=10, close_timeout=5) as ws:
                # The terminal echoes the typed line too; only the output has "pid=<digits>".
                ws.send(b"echo pid:$$: | tr : =\n")
                output = read_until(ws, b"=\r\n").decode(errors="replace")
                while not re.search(r"pid=\d+=", output):
                    output += read_until(ws, b"=\r\n").decode(errors="replace")
            match = re.search(r"pid=(\d+)=", output)
            assert match is not None
            pid = int(match.group(1))
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and _alive(pid):
                time.sleep(0.05)
            assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_destroying_the_sandbox_ends_its_terminal(client: httpx.Client, sandbox: str) -> None:
    session = open_session(client, sandbox)
    with connect(str(session["ws_url"]), open_timeout=10, close_timeout=5) as ws:
        ws.send(b"echo ready-$((2 * 21))\n")
        read_until(ws, b"ready-42")
        assert client.delete(f"/sandboxes/{sandbox}").status_code in (200, 204)
        with pytest.raises(ConnectionClosed):
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                ws.recv(timeout=deadline - time.monotonic())


def test_an_expired_ticket_is_refused(
    client: httpx.Client, sandbox: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("miosa.local.access.TERMINAL_TICKET_TTL", -1)
    session = open_session(client, sandbox)
    with pytest.raises(InvalidStatus) as info:
        connect(str(session["ws_url"]), open_timeout=10).close()
    assert info.value.response.status_code == 403
