"""Helpers for the local-server tests: bounded SSE reading, a webhook receiver."""

from __future__ import annotations

import base64
import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from miosa.local import LocalServer

SHORT = httpx.Timeout(10.0, connect=5.0)


@dataclass
class SSEEvent:
    """One parsed SSE event (or a comment, when ``comment`` is set)."""

    id: str | None = None
    event: str | None = None
    data: Any = None
    comment: str | None = None
    retry: int | None = None


def iter_sse(response: httpx.Response) -> Iterator[SSEEvent]:
    """Parse an SSE body line by line; comments and ``retry:`` come out as their own items."""
    current = SSEEvent()
    data_lines: list[str] = []
    for line in response.iter_lines():
        if line == "":
            if data_lines or current.event or current.id:
                current.data = json.loads("\n".join(data_lines)) if data_lines else None
                yield current
            current, data_lines = SSEEvent(), []
        elif line.startswith(":"):
            yield SSEEvent(comment=line[1:].strip())
        elif line.startswith("retry:"):
            yield SSEEvent(retry=int(line[6:].strip()))
        else:
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "data":
                data_lines.append(value)
            elif name == "event":
                current.event = value
            elif name == "id":
                current.id = value


def collect(
    client: httpx.Client,
    method: str,
    url: str,
    *,
    count: int,
    seconds: float = 10.0,
    include_comments: bool = False,
    **kwargs: Any,
) -> list[SSEEvent]:
    """Read up to ``count`` events (not comments unless asked) within ``seconds``."""
    out: list[SSEEvent] = []
    deadline = time.monotonic() + seconds
    with client.stream(method, url, timeout=httpx.Timeout(seconds, connect=5.0), **kwargs) as resp:
        assert resp.status_code == 200, resp.read()
        for item in iter_sse(resp):
            if time.monotonic() > deadline:
                break
            if item.retry is not None or (item.comment is not None and not include_comments):
                continue
            out.append(item)
            if len(out) >= count:
                break
    return out


def b64(data: bytes) -> str:
    """Base64 text of ``data``."""
    return base64.b64encode(data).decode()


@dataclass
class Received:
    """One request the receiver got."""

    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A tiny HTTP server on 127.0.0.1 recording POSTs; replies with ``statuses`` in turn."""

    statuses: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    _server: http.server.ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _cond: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/hook"

    def __enter__(self) -> Receiver:
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                with owner._cond:
                    status = owner.statuses.pop(0) if owner.statuses else 200
                    owner.received.append(
                        Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    owner._cond.notify_all()
                self.send_response(status)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, fmt: str, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None and self._thread is not None
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def wait_for(self, count: int, seconds: float = 10.0) -> list[Received]:
        """Block until ``count`` requests arrived (or fail after ``seconds``)."""
        deadline = time.monotonic() + seconds
        with self._cond:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                assert left > 0, f"only {len(self.received)} of {count} webhook requests arrived"
                self._cond.wait(left)
            return list(self.received)


def wait_until(predicate: Any, seconds: float = 10.0, interval: float = 0.02) -> Any:
    """Poll ``predicate`` until truthy; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(interval)


def root_of(server: LocalServer) -> Path:
    """The data directory of a running server."""
    assert server.root is not None, "the server is not running"
    return server.root
