"""WebSocket routes named by the contract: a sandbox's terminal stream, TCP tunnels to a
sandbox's or a computer's ports, and a computer's interactive exec stream and events.

Each is authenticated by the bearer credential of the upgrade request (the gateway checks
HTTP requests only), then:

- ``/sandboxes/{id}/terminal/stream``: a shell on a PTY in the sandbox, spoken as the
  terminal sessions of ``terminal.py`` speak (bytes in are keystrokes, bytes out are the
  screen, a text ``{"type": "resize", "cols", "rows"}`` resizes);
- ``/sandboxes/{id}/tunnel/{port}`` and ``/computers/{id}/tunnel/{port}``: a byte relay to
  that port on this machine's loopback, where a local sandbox's servers listen (closed
  with 1011 when nothing listens there);
- ``/computers/{id}/exec/stream`` (subprotocol ``miosa-exec-v1``): the command runs for
  real in the computer's workspace; server frames are ``0x01`` stdout, ``0x02`` stderr
  and, last, ``0x03`` with the exit code as a big-endian ``uint32``; client frames are
  ``0x00`` stdin (an empty one closes stdin) and ``0x05`` rows/cols (with ``tty=true``);
- ``/computers/{id}/events`` (subprotocol ``miosa-events-v1``): what changes in the
  computer, as ``computer_events.py`` describes.

A plain HTTP ``GET`` of these paths answers 426 ``UPGRADE_REQUIRED``. The rejected upgrade
of a missing credential, sandbox or computer is closed with 1008 before it is accepted.
"""

from __future__ import annotations

import contextlib
import os
import pty
import shlex
import struct
import subprocess
from collections.abc import Awaitable, Callable

import anyio
from anyio.abc import ByteReceiveStream, Process
from starlette.responses import Response
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from . import runner
from .computer_events import EVENTS_SUBPROTOCOL, snapshot, subscription, watch
from .computers import desktop
from .http import ApiError, not_found
from .processes import sandbox_command, sandbox_env
from .routing import Call, Endpoint, Handler, visible
from .sandboxes import is_computer
from .state import Sandbox, Store
from .terminal import serve_shell, set_size, write_all

EXEC_SUBPROTOCOL = "miosa-exec-v1"
FRAME_STDIN, FRAME_STDOUT, FRAME_STDERR, FRAME_EXIT, FRAME_RESIZE = 0, 1, 2, 3, 5
_POLICY, _ERROR = 1008, 1011
_READ_SIZE = 64 * 1024

Serve = Callable[[Store, WebSocket], Awaitable[None]]


def _target(store: Store, websocket: WebSocket, *, computer: bool) -> Sandbox | None:
    """The running sandbox (or computer) the path names, if the credential may reach it."""
    scheme, _, token = websocket.headers.get("authorization", "").strip().partition(" ")
    principal = store.authenticate(token.strip()) if scheme.lower() == "bearer" else None
    ident = websocket.path_params.get("computer_id" if computer else "sandbox_id", "")
    sandbox = store.sandboxes.get(ident)
    if (
        principal is None
        or sandbox is None
        or not sandbox.alive
        or not visible(sandbox, principal)
        or is_computer(sandbox) != computer
        or sandbox.state != "running"
    ):
        return None
    return sandbox


async def _reject(websocket: WebSocket, reason: str) -> None:
    await websocket.close(code=_POLICY, reason=reason)


# -- terminal ------------------------------------------------------------------------------


async def terminal_stream(store: Store, websocket: WebSocket) -> None:
    """``WS /sandboxes/{sandbox_id}/terminal/stream``: a shell in the sandbox."""
    sandbox = _target(store, websocket, computer=False)
    if sandbox is None:
        await _reject(websocket, "no running sandbox for this credential")
        return
    await serve_shell(store, sandbox, websocket, {})


# -- tunnels -------------------------------------------------------------------------------


def _port(websocket: WebSocket) -> int | None:
    raw = str(websocket.path_params.get("port", ""))
    return int(raw) if raw.isdigit() and 0 < int(raw) < 65536 else None


# The relay run in the sandbox (so in its network namespace, where its servers listen):
# stdin to the port, the port to stdout; exit status 3 when nothing listens there.
_RELAY = """
import os, socket, sys, threading
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(3)
def up():
    while data := os.read(0, 65536):
        s.sendall(data)
    s.shutdown(socket.SHUT_WR)
threading.Thread(target=up, daemon=True).start()
while data := s.recv(65536):
    os.write(1, data)
"""
_REFUSED = 3


async def _ws_to_stdin(websocket: WebSocket, process: Process, scope: anyio.CancelScope) -> None:
    """Client bytes to the relay until the client leaves (which ends the relay)."""
    while True:
        try:
            message = await websocket.receive()
        except WebSocketDisconnect:
            message = {"type": "websocket.disconnect"}
        if message["type"] == "websocket.disconnect":
            scope.cancel()
            return
        data = message.get("bytes") or (message.get("text") or "").encode()
        if data and process.stdin is not None:
            with contextlib.suppress(anyio.BrokenResourceError, anyio.ClosedResourceError):
                await process.stdin.send(data)


async def _stdout_to_ws(process: Process, websocket: WebSocket) -> None:
    if process.stdout is None:
        return
    with contextlib.suppress(anyio.BrokenResourceError, WebSocketDisconnect):
        async for chunk in process.stdout:
            await websocket.send_bytes(chunk)


async def _relay(websocket: WebSocket, process: Process, port: int) -> None:
    """Bytes both ways until the port or the client closes; then the close code says which."""
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(_ws_to_stdin, websocket, process, tasks.cancel_scope)
        await _stdout_to_ws(process, websocket)
        await process.wait()
        refused = process.returncode == _REFUSED
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            if refused:
                await websocket.close(code=_ERROR, reason=f"nothing listens on port {port}")
            else:
                await websocket.close()
        tasks.cancel_scope.cancel()


def _tunnel(computer: bool) -> Serve:
    async def serve(store: Store, websocket: WebSocket) -> None:
        """``WS /{sandboxes|computers}/{id}/tunnel/{port}``: bytes to and from the port."""
        port = _port(websocket)
        sandbox = _target(store, websocket, computer=computer)
        if sandbox is None or port is None:
            await _reject(websocket, "no running target or port for this credential")
            return
        line = f"exec python3 -c {shlex.quote(_RELAY)} {port}"
        spec = sandbox_command(store, sandbox, line, None, sandbox_env(sandbox, {}))

        async def run(process: Process, _: int | None) -> None:
            await _relay(websocket, process, port)

        await _supervised(store, websocket, spec, None, run)

    return serve


# -- computer exec stream ------------------------------------------------------------------


def _dimension(raw: str | None, default: int) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 10_000 else default


def _exec_command(store: Store, sandbox: Sandbox, websocket: WebSocket) -> runner.CommandSpec:
    """The command the query names (``command``, repeated ``args`` and ``env``, ``cwd``)."""
    query = websocket.query_params
    command = query.get("command", "")
    if not command.strip():
        raise ApiError(400, "VALIDATION_ERROR", "command is required")
    args = query.getlist("args")
    env: dict[str, str] = {}
    for pair in query.getlist("env"):
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ApiError(400, "VALIDATION_ERROR", "env entries are KEY=VALUE")
        env[name] = value
    line = shlex.join([command, *args]) if args else command
    return sandbox_command(
        store, sandbox, line, query.get("cwd") or None, sandbox_env(sandbox, env)
    )


async def _frames_out(source: ByteReceiveStream, kind: int, websocket: WebSocket) -> None:
    with contextlib.suppress(anyio.BrokenResourceError, WebSocketDisconnect):
        async for chunk in source:
            await websocket.send_bytes(bytes([kind]) + chunk)


async def _pty_out(master: int, websocket: WebSocket) -> None:
    while True:
        await anyio.wait_readable(master)
        try:
            chunk = os.read(master, _READ_SIZE)
        except OSError:
            return  # EIO: the command and all it started are gone
        if not chunk:
            return
        try:
            await websocket.send_bytes(bytes([FRAME_STDOUT]) + chunk)
        except WebSocketDisconnect:
            return


class _Input:
    """Where stdin and resize frames go: the command's stdin pipe, or its PTY."""

    def __init__(self, process: Process, master: int | None) -> None:
        self.process = process
        self.master = master

    async def write(self, data: bytes) -> None:
        if self.master is not None:
            await write_all(self.master, data or b"\x04")  # an empty frame: Ctrl-D
        elif self.process.stdin is not None:
            with contextlib.suppress(anyio.BrokenResourceError, anyio.ClosedResourceError):
                if data:
                    await self.process.stdin.send(data)
                else:
                    await self.process.stdin.aclose()

    def resize(self, payload: bytes) -> None:
        if self.master is not None and len(payload) >= 4:
            rows, cols = struct.unpack(">HH", payload[:4])
            set_size(self.master, cols or 80, rows or 24)


async def _frames_in(websocket: WebSocket, sink: _Input, scope: anyio.CancelScope) -> None:
    """Client frames until it disconnects, which ends the command."""
    while True:
        try:
            message = await websocket.receive()
        except WebSocketDisconnect:
            message = {"type": "websocket.disconnect"}
        if message["type"] == "websocket.disconnect":
            scope.cancel()
            return
        frame = message.get("bytes") or b""
        if frame[:1] == bytes([FRAME_STDIN]):
            await sink.write(frame[1:])
        elif frame[:1] == bytes([FRAME_RESIZE]):
            sink.resize(frame[1:])


async def _run(store: Store, websocket: WebSocket, process: Process, master: int | None) -> None:
    """Output frames until the command ends (or the server's exec limit), then the exit."""
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(_frames_in, websocket, _Input(process, master), tasks.cancel_scope)
        with anyio.move_on_after(store.settings.exec_max_timeout):
            async with anyio.create_task_group() as output:
                if master is not None:
                    output.start_soon(_pty_out, master, websocket)
                for stream, kind in (
                    (process.stdout, FRAME_STDOUT),
                    (process.stderr, FRAME_STDERR),
                ):
                    if stream is not None:
                        output.start_soon(_frames_out, stream, kind, websocket)
            await process.wait()
        if process.returncode is None:
            runner.kill_tree(process.pid)
            await process.wait()
        code = process.returncode or 0
        code = 128 - code if code < 0 else code  # killed by a signal, as a shell reports it
        with contextlib.suppress(WebSocketDisconnect):
            await websocket.send_bytes(struct.pack(">BI", FRAME_EXIT, code))
        tasks.cancel_scope.cancel()


Run = Callable[[Process, int | None], Awaitable[None]]


async def _supervised(
    store: Store,
    websocket: WebSocket,
    spec: runner.CommandSpec,
    size: tuple[int, int] | None,
    run: Run,
    subprotocol: str | None = None,
) -> None:
    """Start ``spec`` (on a PTY of ``size`` cols x rows, else on pipes), accept the socket,
    ``run`` it, and kill whatever is left when the socket or the command ends."""
    master: int | None = None
    slave: int | None = None
    if size is not None:
        master, slave = pty.openpty()
        set_size(master, *size)
    # Without a PTY the command gets pipes (None would inherit the server's own stdio).
    io = subprocess.PIPE if slave is None else slave
    try:
        process = await anyio.open_process(
            spec.argv,
            stdin=io,
            stdout=io,
            stderr=io,
            cwd=spec.cwd,
            env=spec.env,
            start_new_session=True,
        )
    except OSError:
        for fd in (master, slave):
            if fd is not None:
                os.close(fd)
        await websocket.close(code=_ERROR)
        return
    if slave is not None:
        os.close(slave)
    # Known to the server so a stop, a destroy or a shutdown kills it too.
    store.exec_pids.add(process.pid)
    await websocket.accept(subprotocol=subprotocol)
    try:
        await run(process, master)
    finally:
        store.exec_pids.discard(process.pid)
        runner.kill_tree(process.pid, process.returncode is None)
        if master is not None:
            with contextlib.suppress(OSError):
                os.close(master)
        with anyio.CancelScope(shield=True), anyio.move_on_after(5):
            await process.aclose()
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close()


async def exec_stream(store: Store, websocket: WebSocket) -> None:
    """``WS /computers/{computer_id}/exec/stream``: a command with live stdin and output."""
    sandbox = _target(store, websocket, computer=True)
    if sandbox is None:
        await _reject(websocket, "no running computer for this credential")
        return
    try:
        spec = _exec_command(store, sandbox, websocket)
    except ApiError as exc:
        await _reject(websocket, exc.message[:120])
        return
    query = websocket.query_params
    size = None
    if query.get("tty") == "true":
        size = (_dimension(query.get("cols"), 80), _dimension(query.get("rows"), 24))
    offered = websocket.scope.get("subprotocols") or []

    async def run(process: Process, master: int | None) -> None:
        await _run(store, websocket, process, master)

    protocol = EXEC_SUBPROTOCOL if EXEC_SUBPROTOCOL in offered else None
    await _supervised(store, websocket, spec, size, run, protocol)


# -- computer events -----------------------------------------------------------------------


async def computer_events(store: Store, websocket: WebSocket) -> None:
    """``WS /computers/{computer_id}/events``: changes in the computer (computer_events.py)."""
    sandbox = _target(store, websocket, computer=True)
    if sandbox is None:
        await _reject(websocket, "no running computer for this credential")
        return
    try:
        sub = subscription(sandbox, websocket)
    except ApiError as exc:
        await _reject(websocket, exc.message[:120])
        return
    screen = desktop(store, sandbox)
    before = await snapshot(sandbox, screen, sub)
    offered = websocket.scope.get("subprotocols") or []
    protocol = EVENTS_SUBPROTOCOL if EVENTS_SUBPROTOCOL in offered else None
    await websocket.accept(subprotocol=protocol)
    await watch(sandbox, screen, websocket, sub, before)


# -- routes --------------------------------------------------------------------------------

SOCKETS: dict[str, tuple[Serve, bool]] = {
    "/sandboxes/{sandbox_id}/terminal/stream": (terminal_stream, False),
    "/sandboxes/{sandbox_id}/tunnel/{port}": (_tunnel(computer=False), False),
    "/computers/{computer_id}/tunnel/{port}": (_tunnel(computer=True), True),
    "/computers/{computer_id}/exec/stream": (exec_stream, True),
    "/computers/{computer_id}/events": (computer_events, True),
}


def websocket_routes(store: Store) -> list[WebSocketRoute]:
    """The WebSocket side of each path (below ``/api/v1``)."""

    def route(path: str, serve: Serve) -> WebSocketRoute:
        async def endpoint(websocket: WebSocket) -> None:
            await serve(store, websocket)

        return WebSocketRoute(path, endpoint)

    return [route(path, serve) for path, (serve, _) in SOCKETS.items()]


def _upgrade_required(computer: bool) -> Handler:
    async def handler(call: Call) -> Response:
        """A plain ``GET`` of a WebSocket path: 404 for an unknown target, else 426."""
        ident = call.params["computer_id" if computer else "sandbox_id"]
        sandbox = call.store.sandboxes.get(ident)
        if (
            sandbox is None
            or not sandbox.alive
            or not visible(sandbox, call.principal)
            or is_computer(sandbox) != computer
        ):
            raise not_found("computer" if computer else "sandbox", ident)
        raise ApiError(
            426,
            "UPGRADE_REQUIRED",
            f"{call.request.url.path} is a WebSocket: connect with an Upgrade request",
            {"upgrade": "websocket"},
        )

    return handler


def endpoints() -> list[Endpoint]:
    """The HTTP side of the WebSocket paths (so a plain request is answered)."""
    return [
        Endpoint("GET", path, _upgrade_required(computer))
        for path, (_, computer) in SOCKETS.items()
    ]
