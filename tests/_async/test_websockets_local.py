"""The WebSocket routes on the local server (`miosa.local`), connected where the SDK's
targets point: a sandbox's terminal stream, tunnels to a port a sandbox process listens
on, and a computer's ``miosa-exec-v1`` exec stream. All run for real."""

from __future__ import annotations

import contextlib
import json
import socket
from typing import Any

import httpx
import pytest
from httpx_ws import (
    AsyncWebSocketSession,
    WebSocketDisconnect,
    WebSocketUpgradeError,
    aconnect_ws,
)

from miosa import AsyncMiosa
from miosa._concurrency import asleep
from miosa._groups.computers import decode_exec_frame, encode_stdin
from miosa.local import LocalServer
from miosa.types import ExecFrame
from miosa.types.websocket import WebSocketTarget

pytestmark = pytest.mark.usefixtures("fast_retries")

# An echo server in the sandbox: every line back, upper-cased.
ECHO = (
    "python3 -c 'import socket,sys\n"
    "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
    's.bind(("127.0.0.1", int(sys.argv[1]))); s.listen()\n'
    "c,_=s.accept()\n"
    "while (d:=c.recv(65536)): c.sendall(d.upper())' {port}"
)


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


def connect(
    target: WebSocketTarget,
    http: httpx.AsyncClient,
    headers: dict[str, str] | None = None,
) -> contextlib.AbstractAsyncContextManager[AsyncWebSocketSession]:
    """The socket `target` names, with its credential (or other `headers`)."""
    protocols = [target.subprotocol] if target.subprotocol else None
    chosen = dict(target.headers) if headers is None else headers
    return aconnect_ws(target.url, http, headers=chosen, subprotocols=protocols)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def exec_frames(target: WebSocketTarget, stdin: list[bytes]) -> list[ExecFrame]:
    """Send `stdin` frames, then read frames until the exit frame."""
    frames: list[ExecFrame] = []
    async with (
        httpx.AsyncClient() as http,
        connect(target, http) as ws,
    ):
        assert ws.subprotocol == "miosa-exec-v1"
        for data in stdin:
            await ws.send_bytes(encode_stdin(data))
        while not frames or frames[-1].kind != "exit":
            frame = decode_exec_frame(await ws.receive_bytes())
            if frame is not None:
                frames.append(frame)
    return frames


async def test_a_computer_exec_stream_takes_stdin_and_reports_the_exit() -> None:
    async with LocalServer() as server, client_for(server) as client:
        computer = await client.computers.create(name="streamer")
        await computer.wait_until_ready(timeout=10)
        echoed = await exec_frames(computer.exec.stream("cat"), [b"hello\n", b""])
        failed = await exec_frames(
            computer.exec.stream("sh", args=["-c", 'echo "$WHO" >&2; exit 7'], env={"WHO": "me"}),
            [],
        )
    assert [(f.kind, f.data) for f in echoed] == [("stdout", b"hello\n"), ("exit", b"")]
    assert echoed[-1].exit_code == 0
    assert [(f.kind, f.data) for f in failed] == [("stderr", b"me\n"), ("exit", b"")]
    assert failed[-1].exit_code == 7


async def test_computer_events_report_windows_the_clipboard_files_and_processes() -> None:
    async with LocalServer() as server, client_for(server) as client:
        computer = await client.computers.create(name="watched")
        await computer.wait_until_ready(timeout=10)
        target = computer.events.subscribe(("window", "clipboard", "file", "process"))
        wanted = {"window", "clipboard", "file", "process"}
        frames: list[dict[str, Any]] = []
        async with httpx.AsyncClient() as http, connect(target, http) as ws:
            assert ws.subprotocol == "miosa-events-v1"
            await computer.desktop.set_clipboard("copied")
            await computer.launch("firefox")
            await computer.files.write("/workspace/notes.txt", "hi")
            as_sandbox = client.sandboxes.handle(computer.id or "")
            await as_sandbox.processes.start("true", name="blink")
            while wanted - {f["type"] for f in frames}:
                frames.append(json.loads(await ws.receive_text(timeout=10)))
        bad = computer.events.subscribe("telepathy")
        async with httpx.AsyncClient() as http:
            with pytest.raises(WebSocketUpgradeError):
                async with connect(bad, http):
                    pass
    payloads = {f["type"]: f["payload"] for f in frames}
    assert payloads["clipboard"] == {"text": "copied"}
    opened = next(f["payload"] for f in frames if f["type"] == "window")
    assert (opened["event"], opened["title"]) == ("opened", "Firefox")
    assert payloads["file"] == {"event": "created", "path": "/workspace/notes.txt", "size": 2}
    assert payloads["process"]["command"] == "true"
    assert all(f["timestamp"] for f in frames)


async def test_a_terminal_stream_runs_a_shell_until_it_exits() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create(name="shell")
        target = client.ws.terminal(sandbox.id or "")
        output = b""
        async with (
            httpx.AsyncClient() as http,
            connect(target, http) as ws,
        ):
            await ws.send_bytes(b"echo $((6 * 7)); exit\n")
            with pytest.raises(WebSocketDisconnect) as ended:
                while True:
                    output += await ws.receive_bytes()
    assert b"42" in output and ended.value.code == 1000


async def test_a_tunnel_relays_bytes_to_a_port_a_computer_listens_on() -> None:
    async with LocalServer() as server, client_for(server) as client:
        # A sandbox without network reaches no port, its own included (local isolation).
        sandbox = await client.sandboxes.create(name="offline")
        closed = free_port()
        target = client.ws.sandbox_tunnel(sandbox.id or "", closed)
        computer = await client.computers.create(name="tunnelled")
        await computer.wait_until_ready(timeout=10)
        async with httpx.AsyncClient() as http:
            async with connect(target, http) as ws:
                with pytest.raises(WebSocketDisconnect) as refused:
                    await ws.receive_bytes()
            port = free_port()
            # A computer is a sandbox underneath: its background processes run there too.
            as_sandbox = client.sandboxes.handle(computer.id or "")
            await as_sandbox.processes.start(ECHO.format(port=port), name="echo")
            target = client.ws.tunnel("computer", computer.id or "", port)
            reply = b""
            for _ in range(100):  # until the server in the computer listens
                async with connect(target, http) as ws:
                    await ws.send_bytes(b"ping\n")
                    try:
                        reply = await ws.receive_bytes()
                        break
                    except WebSocketDisconnect:
                        await asleep(0.05)
    assert refused.value.code == 1011 and str(closed) in (refused.value.reason or "")
    assert reply == b"PING\n"


async def test_plain_requests_and_strangers_are_refused() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create(name="guarded")
        target = client.ws.terminal(sandbox.id or "")
        async with httpx.AsyncClient(headers=dict(target.headers)) as http:
            plain = await http.get(target.url.replace("ws://", "http://", 1))
            missing = await http.get(f"{server.base_url}/computers/cmp_nope/exec/stream")
            with pytest.raises(WebSocketUpgradeError) as stranger:
                async with connect(target, http, {"authorization": "Bearer x"}):
                    pass
    assert plain.status_code == 426 and plain.json()["error"]["code"] == "UPGRADE_REQUIRED"
    assert missing.status_code == 404
    assert stranger.value.response.status_code == 403
