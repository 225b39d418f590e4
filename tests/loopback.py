"""A minimal MIOSA-shaped server on 127.0.0.1 for tests that need real sockets.

It answers ``GET /api/v1/sandboxes/{id}`` with a sandbox whose id echoes the path (so a
test can detect crossed responses) and records how many connections were open at once.
Started in a thread, stopped by the test; every request is bounded by the caller.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from types import TracebackType
from typing import Any, TypeVar

import uvicorn

_Server = TypeVar("_Server", bound="ThreadedASGIServer")


class ThreadedASGIServer:
    """An ASGI app (the subclass's ``_app``) served by uvicorn on 127.0.0.1 in a thread:
    started by ``with``, told to exit and joined with a bound on leaving it."""

    def __init__(self, *, backlog: int = 64, nodelay: bool = False) -> None:
        self._sock = socket.socket()
        if nodelay:
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(backlog)
        self.port: int = self._sock.getsockname()[1]
        config = uvicorn.Config(
            self._app, log_level="error", access_log=False, lifespan="off", interface="asgi3"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]})

    async def _app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        raise NotImplementedError

    def __enter__(self: _Server) -> _Server:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{type(self).__name__} did not start")
            time.sleep(0.01)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()


class LoopbackServer(ThreadedASGIServer):
    def __init__(self, *, delay: float = 0.0, set_cookie: str | None = None) -> None:
        self.delay = delay
        self.set_cookie = set_cookie
        self.cookie_headers: list[str | None] = []
        self.authorizations: list[tuple[str, str | None]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.max_open_connections = 0
        self.requests = 0
        # (host, port) of every client connection that sent a request: connections used.
        self.peers: set[tuple[str, int]] = set()
        self._lock = threading.Lock()
        super().__init__(backlog=2048, nodelay=True)
        self.base_url = f"http://127.0.0.1:{self.port}/api/v1"

    async def _app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        with self._lock:
            self.requests += 1
            self.peers.add(tuple(scope["client"]))
            cookies = [v.decode() for k, v in scope["headers"] if k == b"cookie"]
            self.cookie_headers.append(cookies[0] if cookies else None)
            auth = [v.decode() for k, v in scope["headers"] if k == b"authorization"]
            self.authorizations.append((scope["path"], auth[0] if auth else None))
            self.max_open_connections = max(
                self.max_open_connections, len(self._server.server_state.connections)
            )
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await self._answer(scope, send)
        finally:
            with self._lock:
                self.in_flight -= 1

    async def _answer(self, scope: dict[str, Any], send: Any) -> None:
        if self.delay:
            import anyio

            await anyio.sleep(self.delay)
        sandbox_id = scope["path"].rsplit("/", 1)[-1]
        reply: object = {"id": sandbox_id, "state": "running"}
        if scope["path"].endswith("/intelligence/models"):
            reply = []
        body = json.dumps({"data": reply}).encode()
        headers = [(b"content-type", b"application/json")]
        if self.set_cookie:
            headers.append((b"set-cookie", self.set_cookie.encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @property
    def open_connections(self) -> int:
        return len(self._server.server_state.connections)


class PlainTCPServer:
    """A bare TCP listener on 127.0.0.1: answers every connection with ``reply`` (plain
    bytes, no TLS) after reading what the client sent, or says nothing when ``reply`` is None.

    Stands in for "an http:// server behind an https:// URL" and "a server that never answers".
    """

    def __init__(self, reply: bytes | None = b"HTTP/1.1 400 Bad Request\r\n\r\n") -> None:
        self.reply = reply
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            if self.reply is None:
                self._held.append(conn)
                continue
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(self.reply)
                except OSError:
                    pass

    def __enter__(self) -> PlainTCPServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        for conn in self._held:
            conn.close()
        self._sock.close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound once, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
