"""Terminal sessions over WebSocket: a shell on a pseudo-terminal inside the sandbox.

``POST /sandboxes/{id}/terminal`` (in ``access.py``) returns a session whose ``ws_url``
points here. The contract leaves the wire protocol open; this server speaks the plainest
one: binary or text frames from the client are keystrokes, binary frames from the server
are the terminal's output, and a text frame ``{"type": "resize", "cols": C, "rows": R}``
resizes the terminal. The connection must carry the session's ``ticket`` before it expires
(``expires_at``, an hour); the shell is
killed when the socket closes (or the sandbox stops), and the socket closes when the
shell exits.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import secrets
import shlex
import struct
import termios
from typing import Any

import anyio
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from . import runner
from .common import now
from .processes import sandbox_command, sandbox_env
from .state import Sandbox, Store

# WebSocket close codes: 1008 = policy violation (bad ticket), 1011 = server error.
_POLICY = 1008
_READ_SIZE = 64 * 1024


def websocket_route(store: Store) -> WebSocketRoute:
    """``/sandboxes/{sandbox_id}/terminal/{session_id}/ws?ticket=...`` (below ``/api/v1``)."""

    async def endpoint(websocket: WebSocket) -> None:
        await _serve(store, websocket)

    return WebSocketRoute("/sandboxes/{sandbox_id}/terminal/{session_id}/ws", endpoint)


def set_size(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def _size(value: Any, default: int) -> int:
    return value if isinstance(value, int) and 0 < value < 10_000 else default


async def _serve(store: Store, websocket: WebSocket) -> None:
    sandbox = store.sandboxes.get(websocket.path_params["sandbox_id"])
    session = sandbox.terminals.get(websocket.path_params["session_id"]) if sandbox else None
    ticket = websocket.query_params.get("ticket", "")
    expected = str(session.get("ticket", "")) if session else ""
    if (
        session is None
        or not expected
        or not secrets.compare_digest(ticket.encode(), expected.encode())
        or now() > float(session.get("expires", 0))
    ):
        await websocket.close(code=_POLICY)
        return
    assert sandbox is not None
    if sandbox.state != "running":
        await websocket.close(code=_POLICY, reason=f"sandbox {sandbox.id} is {sandbox.state}")
        return
    await serve_shell(store, sandbox, websocket, session)


async def serve_shell(
    store: Store, sandbox: Sandbox, websocket: WebSocket, session: dict[str, Any]
) -> None:
    """A shell on a PTY over the (not yet accepted) ``websocket``, until either side ends.

    ``session`` may name the ``shell``, ``cwd``, ``env``, ``cols`` and ``rows``; it holds
    the shell's ``pid`` while it runs.
    """
    shell = str(session.get("shell") or "/bin/sh")
    spec = sandbox_command(
        store,
        sandbox,
        "exec " + shlex.quote(shell) + " -i",
        str(session.get("cwd") or "/workspace"),
        {**sandbox_env(sandbox, session.get("env")), "TERM": "xterm-256color"},
    )
    master, slave = pty.openpty()
    set_size(master, _size(session.get("cols"), 80), _size(session.get("rows"), 24))
    try:
        process = await anyio.open_process(
            spec.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=spec.cwd,
            env=spec.env,
            start_new_session=True,
        )
    except OSError:
        os.close(master)
        os.close(slave)
        await websocket.close(code=1011)
        return
    os.close(slave)
    # Known to the server so a stop, a destroy or a shutdown kills the shell too.
    session["pid"] = process.pid
    store.exec_pids.add(process.pid)
    await websocket.accept()
    try:
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(_pump_output, master, websocket, tasks.cancel_scope)
            await _pump_input(master, websocket)
            tasks.cancel_scope.cancel()
    finally:
        store.exec_pids.discard(process.pid)
        session.pop("pid", None)
        runner.kill_tree(process.pid, process.returncode is None)
        with contextlib.suppress(OSError):
            os.close(master)
        with anyio.CancelScope(shield=True), anyio.move_on_after(5):
            await process.aclose()
        # The client may have gone first; closing then has nothing to do.
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close()


async def _pump_output(master: int, websocket: WebSocket, scope: anyio.CancelScope) -> None:
    """Terminal output to the client until the shell exits (EIO on the master)."""
    while True:
        await anyio.wait_readable(master)
        try:
            chunk = os.read(master, _READ_SIZE)
        except OSError:
            chunk = b""
        if not chunk:
            scope.cancel()  # the shell is gone: end the session
            return
        try:
            await websocket.send_bytes(chunk)
        except WebSocketDisconnect:
            scope.cancel()  # the client is gone
            return


async def _pump_input(master: int, websocket: WebSocket) -> None:
    """Keystrokes and resize requests from the client until it disconnects."""
    while True:
        try:
            message = await websocket.receive()
        except WebSocketDisconnect:
            return
        if message["type"] == "websocket.disconnect":
            return
        data = message.get("bytes")
        text = message.get("text")
        if text is not None:
            control = _control(text)
            if control is not None:
                set_size(master, _size(control.get("cols"), 80), _size(control.get("rows"), 24))
                continue
            data = text.encode()
        if data:
            await write_all(master, data)


def _control(text: str) -> dict[str, Any] | None:
    if not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) and value.get("type") == "resize" else None


async def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        await anyio.wait_writable(fd)
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            continue
        view = view[written:]
