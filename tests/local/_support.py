"""Helpers for the local-server tests: bounded SSE reading, polling, the data directory."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
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
