"""Test helpers shared by the async tests and their generated sync twins (pure, no I/O).

The table-driven wire tests describe each endpoint as a `Case`; the one runner that plays a
case against a scripted reply is ``run_case`` in ``tests/_async/_helpers.py`` (and its
generated sync twin), which asserts both sides with `check_request` and `check_result`.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

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


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def named_pipe_giving(path: Path, data: bytes) -> Path:
    """A named pipe at ``path`` that gives ``data`` to its first reader, then EOF (as
    ``/dev/stdin`` or a shell's ``<(command)`` would).

    For 5 s after that, any further reader gets EOF at once (a real spent pipe would block
    it), so code that wrongly reads the pipe twice fails its test instead of hanging it.
    """
    os.mkfifo(path)

    def writer_end() -> int | None:
        # Opening the write end without blocking fails until a reader has the pipe open.
        try:
            return os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            return None

    def feed() -> None:
        deadline = time.monotonic() + 5
        while (fd := writer_end()) is None:
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        os.set_blocking(fd, True)
        with open(fd, "wb") as pipe:
            pipe.write(data)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if (fd := writer_end()) is not None:
                os.close(fd)  # a reader that opens the pipe now reads EOF
            time.sleep(0.01)

    threading.Thread(target=feed, daemon=True).start()
    return path


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


def form_parts(request: httpx.Request) -> list[tuple[str, str | None, str, bytes]]:
    """(name, filename, content type, content) of each multipart part, parsed by the stdlib."""
    content_type = request.headers["content-type"]
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.content
    )
    assert message.is_multipart()
    parts: list[tuple[str, str | None, str, bytes]] = []
    for part in message.iter_parts():
        disposition = part.get("content-disposition")
        assert disposition is not None, "a part without content-disposition"
        content = part.get_payload(decode=True)
        assert isinstance(content, bytes)
        parts.append(
            (
                disposition.params["name"],
                disposition.params.get("filename"),
                part.get_content_type(),
                content,
            )
        )
    return parts


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


def _id_reply() -> object:
    return {"data": {"id": "x_1"}}


@attrs.frozen(kw_only=True)
class Case:
    """One endpoint: the call, the exact request it must send, the reply and what comes back.

    ``call`` is either the dotted path of a client method (called with ``args`` and
    ``kwargs``) or a function of the client that makes the call. ``path`` is the raw
    (encoded) path below the API root; ``body`` the JSON body expected, `NO_BODY` when the
    request must carry none; ``headers`` are checked one by one. ``reply`` is the JSON sent
    back with ``status`` (an `httpx.Response` as is; None: an empty body). The result is
    judged by ``check`` when given, else by its model ``result`` (None: the result is None).
    """

    call: str | Callable[[Any], Any]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = attrs.field(factory=dict)
    method: str
    path: str
    query: Mapping[str, str] = attrs.field(factory=dict)
    body: object = NO_BODY
    headers: Mapping[str, str] = attrs.field(factory=dict)
    header_names: tuple[str, ...] = ()
    """Headers that must be present, whatever their value."""
    reply: object = attrs.field(factory=_id_reply)
    status: int = 200
    check: Callable[[Any], bool] | None = None
    """Judges the result; when given, ``result``, ``many`` and ``result_ids`` are unused."""
    result: type | None = None
    """The model of the result (of each item for lists and pages); None: result is None."""
    many: bool = False
    """The result is a list (or a page) of `result`."""
    result_ids: tuple[str, ...] = ("x_1",)
    """The ``raw["id"]`` of the result, or of each item."""
    name: str = ""
    """Names the case in test ids (default: the dotted call and method, or the route)."""

    @property
    def route(self) -> str:
        return f"{self.method} {self.path}"

    def response(self) -> httpx.Response:
        if isinstance(self.reply, httpx.Response):  # a fresh copy for each run
            reply = self.reply
            return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)
        if self.reply is None:
            return httpx.Response(self.status)
        return json_response(self.status, self.reply)

    def __str__(self) -> str:
        return case_id(self)


def case_id(case: Case) -> str:
    """The test id of a case: its name, else its dotted call and method, else its route."""
    if case.name:
        return case.name
    return f"{case.call}-{case.method}" if isinstance(case.call, str) else case.route


def resolve(client: Any, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def check_request(request: httpx.Request, case: Case) -> None:
    assert_request(
        request,
        method=case.method,
        path=case.path,
        query=case.query,
        body=case.body,
        headers=case.headers,
    )
    for name in case.header_names:
        assert name in request.headers, f"no {name} header"


def check_result(result: Any, case: Case) -> None:
    if case.check is not None:
        assert case.check(result), f"unexpected result {result!r}"
        return
    if case.result is None:
        assert result is None
        return
    if case.many:
        items = list(getattr(result, "items", result))
        assert [type(item) for item in items] == [case.result] * len(items)
        assert tuple(item.raw.get("id") for item in items) == case.result_ids
        return
    raw = result.raw
    assert type(result) is case.result
    assert raw.get("id") == case.result_ids[0]
