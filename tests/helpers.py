"""Test helpers shared by the async tests and their generated sync twins (pure, no I/O)."""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from typing import Any

import httpx

API_KEY = "msk_test_canary_7Qz9XkP2mLw4"
BASE_URL = "https://api.test.miosa/api/v1"

Reply = httpx.Response | Callable[[httpx.Request], httpx.Response] | Exception


def sandbox_json(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "sbx_1",
        "state": "running",
        "name": "demo",
        "template_id": "miosa-sandbox",
        "size": "small",
        "ready": True,
        "created_at": "2026-11-28T10:00:00Z",
        "metadata": {"team": "a"},
    }
    base.update(fields)
    return base


def json_response(
    status: int, payload: object, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(status, json=payload, headers=headers)


class MockAPI:
    """A scripted MIOSA API behind `httpx.MockTransport` (serves sync and async clients).

    Replies are queued per ``"METHOD /path"`` (path relative to the API base URL); the
    last queued reply repeats. Every request is recorded with its decoded JSON body.
    """

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self._replies: dict[str, deque[Reply]] = defaultdict(deque)
        self.transport = httpx.MockTransport(self._handle)

    def on(self, route: str, *replies: Reply) -> MockAPI:
        method, path = route.split(" ", 1)
        self._replies[f"{method} {path}"].extend(replies)
        return self

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.raw_path.decode().split("?", 1)[0].removeprefix("/api/v1")
        queue = self._replies.get(f"{request.method} {path}")
        if not queue:
            return json_response(
                404, {"error": {"code": "NO_MOCK", "message": f"{request.method} {path}"}}
            )
        reply = queue.popleft() if len(queue) > 1 else queue[0]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(request)
        return reply

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def body(self, index: int = -1) -> Any:
        content = self.requests[index].content
        return json.loads(content) if content else None


NO_BODY: Any = object()
"""Expected body of a request that must carry none at all."""


def assert_request(
    request: httpx.Request,
    *,
    method: str,
    path: str,
    query: Mapping[str, str] | None = None,
    body: object = NO_BODY,
    headers: Mapping[str, str] | None = None,
) -> None:
    """The request is exactly this: method, raw path below the API root, query, JSON body.

    ``headers`` are checked one by one (others may be present).
    """
    raw_path, _, _ = request.url.raw_path.decode().partition("?")
    assert (request.method, raw_path) == (method, "/api/v1" + path)
    assert dict(request.url.params) == dict(query or {})
    if body is NO_BODY:
        assert request.content == b"", f"unexpected body {request.content!r}"
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == body
    for name, value in (headers or {}).items():
        assert request.headers.get(name) == value, name
