# This file was generated from
#   tests/_async/test_streams.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The stream promises of RELIABILITY.md, each with a test that fails if it breaks.

Scripted bodies (`ScriptedBody`) drop the connection (``httpx.ReadError`` /
``RemoteProtocolError``), go silent or end where a test says; a loopback HTTP server on
127.0.0.1 (`loopback_sse`) stands in for the real thing where sockets and the
connection pool matter.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import json
import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from miosa import (
    APITimeoutError,
    AuthenticationError,
    EventStream,
    Miosa,
    NotFoundError,
    StreamError,
)
from miosa._concurrency import sleep
from miosa._events import parse_event
from miosa.types.sandbox_events import SandboxCreated, SandboxEvent, SandboxReady, UnknownEvent
from miosa.types.sandbox_exec import ExecStdout
from tests._sync._helpers import make_client
from tests.helpers import API_KEY, MockAPI, json_response

EVENTS = "GET /sandboxes/sbx_1/events"


def frame(data: object, *, id_: str | None = None, event: str | None = None) -> bytes:
    """One SSE event."""
    lines = [] if id_ is None else [f"id: {id_}"]
    if event is not None:
        lines.append(f"event: {event}")
    lines.append("data: " + json.dumps(data))
    return ("\n".join(lines) + "\n\n").encode()


def numbered(*ids: str) -> bytes:
    return b"".join(frame({"type": "sandbox.exec", "n": i}, id_=i) for i in ids)


class ScriptedBody:
    """A response body: bytes are sent, floats are pauses (seconds), exceptions raised."""

    def __init__(self, *steps: object) -> None:
        self.steps = steps

    def __iter__(self) -> Any:
        for step in self.steps:
            if isinstance(step, bytes):
                yield step
            elif isinstance(step, float):
                sleep(step)
            else:
                assert isinstance(step, BaseException)
                raise step


def sse(*steps: object) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/event-stream"}, content=ScriptedBody(*steps)
    )


def replies(*bodies: tuple[object, ...]) -> list[Any]:
    """One fresh scripted response per request (a scripted body can be read only once)."""
    return [lambda request, steps=steps: sse(*steps) for steps in bodies]


def sandbox_events(client: Miosa) -> EventStream[SandboxEvent]:
    return client.sandboxes.handle("sbx_1").events.stream()


def drain_into(stream: EventStream[Any], got: list[Any]) -> None:
    """Enter ``stream`` and collect its items into ``got`` (kept when it raises)."""
    with stream as items:
        for item in items:
            got.append(item)


def numbers(items: list[Any]) -> list[object]:
    return [item.raw.get("n") for item in items]


# -- connect, decode, end ------------------------------------------------------------


def test_a_stream_connects_only_when_entered_and_yields_typed_events() -> None:
    api = MockAPI().on(
        EVENTS,
        *replies(
            (
                b"retry: 5\n\n",
                frame({"type": "sandbox.created", "data": {"id": "sbx_1"}}, id_="1"),
                frame({"data": {"id": "sbx_1"}}, id_="2", event="sandbox.ready"),
                frame({"type": "sandbox.brand_new", "data": {"x": 1}}, id_="3"),
            )
        ),
    )
    with make_client(api) as client:
        stream = client.sandboxes.handle("sbx_1").events.stream()
        assert api.requests == []
        with stream as events:
            assert len(api.requests) == 1
            items = [event for event in events]
    request = api.requests[0]
    assert request.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert "last-event-id" not in request.headers
    assert [type(e) for e in items] == [SandboxCreated, SandboxReady, UnknownEvent]
    assert [(e.type, e.id) for e in items] == [
        ("sandbox.created", "1"),
        ("sandbox.ready", "2"),
        ("sandbox.brand_new", "3"),
    ]
    assert items[2].data == {"x": 1}
    assert items[2].raw["type"] == "sandbox.brand_new"
    assert len(api.requests) == 1  # a clean end of the body ends the stream: no reconnect


def test_heartbeat_comments_never_become_events() -> None:
    api = MockAPI().on(
        EVENTS,
        *replies((b": keepalive\n\n", numbered("1"), b":\n\n: ping\n\n", numbered("2"))),
    )
    with make_client(api) as client, sandbox_events(client) as events:
        items = [event for event in events]
    assert numbers(items) == ["1", "2"]


def test_an_unknown_event_type_never_ends_the_stream() -> None:
    api = MockAPI().on(
        EVENTS,
        *replies(
            (
                frame({"type": "future.thing"}, id_="1"),
                frame("not an object", id_="2", event="odd"),
                numbered("3"),
            )
        ),
    )
    with make_client(api) as client, sandbox_events(client) as events:
        items = [event for event in events]
    assert [type(e).__name__ for e in items] == ["UnknownEvent", "UnknownEvent", "SandboxExecuted"]
    assert items[1].data == "not an object"


# -- resume after a drop -------------------------------------------------------------


@pytest.mark.parametrize("drop", [httpx.ReadError("reset"), httpx.RemoteProtocolError("cut")])
def test_a_dropped_stream_resumes_with_last_event_id_without_duplicates_or_gaps(
    drop: Exception,
) -> None:
    api = MockAPI().on(
        EVENTS,
        *replies(
            (b"retry: 5\n\n", numbered("1", "2", "3"), b'id: 4\ndata: {"n": "cut', drop),
            # The server replays from an older point: 2 and 3 must not come twice, and the
            # event without an id line (it inherits id 4 on this connection) still counts.
            (numbered("2", "3", "4"), b'data: {"n": "4b"}\n\n', numbered("5")),
        ),
    )
    with make_client(api) as client, sandbox_events(client) as events:
        items = [event for event in events]
    assert numbers(items) == ["1", "2", "3", "4", "4b", "5"]
    assert len(api.requests) == 2
    assert "last-event-id" not in api.requests[0].headers
    assert api.requests[1].headers["last-event-id"] == "3"


def test_the_reconnect_waits_for_the_servers_retry_delay() -> None:
    seen_at: list[float] = []

    def reply(steps: tuple[object, ...]) -> Any:
        def handle(request: httpx.Request) -> httpx.Response:
            seen_at.append(time.monotonic())
            return sse(*steps)

        return handle

    api = MockAPI().on(
        EVENTS,
        reply((b"retry: 300\n\n", numbered("1"), httpx.ReadError("reset"))),
        reply((numbered("2"),)),
    )
    with make_client(api) as client, sandbox_events(client) as events:
        items = [event for event in events]
    assert numbers(items) == ["1", "2"]
    waited = seen_at[1] - seen_at[0]
    # retry: 300 ms, jittered into (150, 300] ms; not the 1 s default.
    assert 0.14 <= waited < 0.9


def test_a_silent_stream_reconnects_after_its_idle_timeout() -> None:
    api = MockAPI().on(
        EVENTS,
        *replies(
            (b"retry: 1\n\n", numbered("1"), httpx.ReadTimeout("silent")),
            (numbered("2"),),
        ),
    )
    with make_client(api) as client:
        stream = EventStream(
            client._http, "GET", "/sandboxes/sbx_1/events", parse_event, idle_timeout=0.25
        )
        with stream as events:
            items = [event for event in events]
    # The idle timeout is the read timeout of every connection the stream opens.
    assert [r.extensions["timeout"]["read"] for r in api.requests] == [0.25, 0.25]
    assert [item.raw["n"] for item in items] == ["1", "2"]
    assert api.requests[1].headers["last-event-id"] == "1"


def test_five_failed_reconnects_in_a_row_raise_stream_error() -> None:
    api = MockAPI().on(
        EVENTS,
        *replies((b"retry: 1\n\n", numbered("1"), httpx.ReadError("reset"))),
        httpx.ConnectError("refused"),
    )
    with make_client(api) as client:
        got: list[Any] = []
        with pytest.raises(StreamError, match="5 reconnect attempts"):
            drain_into(sandbox_events(client), got)
    assert numbers(got) == ["1"]
    assert len(api.requests) == 1 + 5
    assert all(r.headers["last-event-id"] == "1" for r in api.requests[1:])


def test_a_delivered_event_resets_the_failure_count() -> None:
    bodies = [(b"retry: 1\n\n", numbered(str(i)), httpx.ReadError("reset")) for i in range(1, 8)]
    api = MockAPI().on(EVENTS, *replies(*bodies, (numbered("8"),)))
    with make_client(api) as client, sandbox_events(client) as events:
        items = [event for event in events]
    assert numbers(items) == [str(i) for i in range(1, 9)]
    assert len(api.requests) == 8


def test_a_reconnect_answered_with_503_is_retried_then_resumes() -> None:
    api = MockAPI().on(
        EVENTS,
        *replies((b"retry: 1\n\n", numbered("1"), httpx.ReadError("reset"))),
        json_response(503, {"error": {"code": "BUSY", "message": "later"}}),
        *replies((numbered("2"),)),
    )
    with make_client(api) as client, sandbox_events(client) as events:
        items = [event for event in events]
    assert numbers(items) == ["1", "2"]
    assert len(api.requests) == 3


def test_a_post_stream_is_never_resent_after_a_drop() -> None:
    api = MockAPI().on(
        "POST /sandboxes/sbx_1/exec/stream",
        *replies((frame({"type": "stdout", "line": "a"}, id_="1"), httpx.ReadError("reset"))),
    )
    with make_client(api) as client:
        got: list[Any] = []
        with pytest.raises(StreamError, match="cannot be resumed"):
            drain_into(client.sandboxes.handle("sbx_1").exec.stream("make"), got)
    assert got == [ExecStdout(line="a", id="1")]
    assert len(api.requests) == 1


def test_a_stream_timeout_raises_api_timeout_error() -> None:
    heartbeats = [b": hb\n\n", 0.03] * 40
    api = MockAPI().on(EVENTS, *replies((numbered("1"), *heartbeats)))
    with make_client(api) as client:
        stream = EventStream(
            client._http, "GET", "/sandboxes/sbx_1/events", parse_event, timeout=0.2
        )
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            with stream as events:
                for _ in events:
                    pass
    assert time.monotonic() - started < 0.6


# -- errors when entering, misuse ----------------------------------------------------


@pytest.mark.parametrize(("status", "error"), [(401, AuthenticationError), (404, NotFoundError)])
def test_status_errors_are_raised_when_entering(status: int, error: type[Exception]) -> None:
    api = MockAPI().on(EVENTS, json_response(status, {"error": {"code": "X", "message": "no"}}))
    with make_client(api) as client:
        stream = client.sandboxes.handle("sbx_1").events.stream()
        with pytest.raises(error):
            with stream:
                raise AssertionError("the body must not run")  # pragma: no cover
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            del stream
            gc.collect()
    # A stream whose enter failed holds nothing, so it has nothing to warn about.
    assert not [w for w in caught if "MIOSA stream" in str(w.message)]
    assert len(api.requests) == 1


def test_a_reply_that_is_not_an_event_stream_raises_stream_error() -> None:
    api = MockAPI().on(EVENTS, json_response(200, {"data": []}))
    with make_client(api) as client:
        with pytest.raises(StreamError, match="text/event-stream"):
            drain_into(sandbox_events(client), [])


def test_a_stream_is_entered_once_and_only_iterated_inside_with() -> None:
    api = MockAPI().on(EVENTS, *replies((numbered("1"),), (numbered("1"),)))
    with make_client(api) as client:
        stream = client.sandboxes.handle("sbx_1").events.stream()
        with pytest.raises(StreamError, match="context manager"):
            for _ in stream:
                pass
        with stream:
            pass
        with pytest.raises(StreamError, match="only once"):
            with stream:
                pass


# -- closing ---------------------------------------------------------------------------


def test_break_closes_the_response_at_once() -> None:
    opened: list[httpx.Response] = []

    def reply(request: httpx.Request) -> httpx.Response:
        response = sse(numbered("1", "2"), 5.0, numbered("3"))
        opened.append(response)
        return response

    api = MockAPI().on(EVENTS, reply)
    with make_client(api) as client:
        started = time.monotonic()
        with client.sandboxes.handle("sbx_1").events.stream() as events:
            for _ in events:
                break
        assert time.monotonic() - started < 0.1
        assert opened[0].is_closed
        # The pool slot is free again: the next call goes through at once.
        api.on("GET /sandboxes/sbx_1/readiness", json_response(200, {"ready": True}))
        assert (client.sandboxes.readiness("sbx_1")).is_ready


def test_an_exception_in_the_loop_closes_the_response() -> None:
    opened: list[httpx.Response] = []

    def reply(request: httpx.Request) -> httpx.Response:
        opened.append(sse(numbered("1"), 5.0))
        return opened[-1]

    class Boom(list[Any]):
        def append(self, item: Any) -> None:
            raise KeyError("boom")

    api = MockAPI().on(EVENTS, reply)
    with make_client(api) as client:
        with pytest.raises(KeyError):
            drain_into(sandbox_events(client), Boom())
    assert opened[0].is_closed


def test_a_stream_collected_unclosed_warns() -> None:
    api = MockAPI().on(EVENTS, *replies((numbered("1"), 5.0)))
    with make_client(api) as client:
        stream = client.sandboxes.handle("sbx_1").events.stream()
        stream.__enter__()
        with pytest.warns(ResourceWarning, match="without being closed"):
            del stream
            gc.collect()


def test_a_download_collected_unclosed_warns() -> None:
    api = MockAPI().on(
        "GET /sandboxes/sbx_1/files/workspace/a.bin", httpx.Response(200, content=b"abc")
    )
    with make_client(api) as client:
        body = client.sandboxes.handle("sbx_1").files.download("/workspace/a.bin")
        body.__enter__()
        with pytest.warns(ResourceWarning, match="without being closed"):
            del body
            gc.collect()


# -- against a real loopback server ----------------------------------------------------


class _SSEHandler(BaseHTTPRequestHandler):
    """Streams numbered events: one at once, then one every 20 ms until the client goes
    (at most 3 s). ``/silent`` sends event 1, then nothing for 2 s, unless resumed."""

    protocol_version = "HTTP/1.1"
    server: _LoopbackServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        self.server.seen.append(self.headers.get("Last-Event-ID"))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(OSError):
            if self.path.endswith("/silent"):
                self._silent()
            else:
                self._steady()

    def _send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _steady(self) -> None:
        self._send(b"retry: 10\n\n" + numbered("1"))
        deadline = time.monotonic() + 3.0
        n = 1
        while time.monotonic() < deadline:
            time.sleep(0.02)
            n += 1
            self._send(numbered(str(n)))

    def _silent(self) -> None:
        if self.headers.get("Last-Event-ID") == "1":
            self._send(numbered("2"))
            return
        self._send(b"retry: 10\n\n" + numbered("1"))
        time.sleep(2.0)


class _LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True
    seen: list[str | None]  # the Last-Event-ID of each request


@contextlib.contextmanager
def loopback_sse() -> Iterator[tuple[str, _LoopbackServer]]:
    """An SSE server on 127.0.0.1 for the duration of the block; yields (base URL, server)."""
    server = _LoopbackServer(("127.0.0.1", 0), _SSEHandler)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1", server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def loopback_client(base_url: str, **options: Any) -> Miosa:
    return Miosa(api_key=API_KEY, base_url=base_url, **options)


def test_200_broken_off_streams_in_a_row_on_two_connections() -> None:
    # A leaked connection or admission slot would make stream 3 wait forever: turn a hang
    # into a failure with a traceback instead.
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        with loopback_sse() as (base_url, server):
            with loopback_client(
                base_url,
                max_connections=2,
                timeout=httpx.Timeout(10.0, pool=None),
            ) as client:
                close_times = []
                for _ in range(200):
                    with client.sandboxes.handle("sbx_1").events.stream() as events:
                        for _ in events:
                            break
                        started = time.perf_counter()
                    close_times.append(time.perf_counter() - started)
                pools = [c._transport._pool for c in client._http.pool.clients]  # type: ignore[attr-defined]
                assert sum(len(pool.connections) for pool in pools) <= 2
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert len(server.seen) == 200
    close_times.sort()
    assert close_times[int(len(close_times) * 0.95)] < 0.1
    assert close_times[-1] < 0.5


def test_a_silent_loopback_stream_resumes_after_the_idle_timeout() -> None:
    with loopback_sse() as (base_url, server):
        with loopback_client(base_url) as client:
            stream = EventStream(client._http, "GET", "/silent", parse_event, idle_timeout=0.3)
            started = time.monotonic()
            with stream as events:
                items = [event for event in events]
            elapsed = time.monotonic() - started
    assert [item.raw["n"] for item in items] == ["1", "2"]
    assert server.seen == [None, "1"]
    assert elapsed < 1.5


def test_a_204_is_an_empty_stream_not_an_error() -> None:
    api = MockAPI().on(EVENTS, httpx.Response(204))
    with (
        make_client(api) as client,
        client.sandboxes.handle("sbx_1").events.stream() as events,
    ):
        items = [event for event in events]
    assert items == []
    assert len(api.requests) == 1
    assert api.last.headers["accept"] == "text/event-stream, application/json;q=0.9"


@contextlib.contextmanager
def collections_counted() -> Iterator[dict[int, int]]:
    """Count the garbage collector's runs per generation, at CPython's default thresholds."""
    counts = {0: 0, 1: 0, 2: 0}

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            counts[info["generation"]] += 1

    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    gc.collect()
    gc.callbacks.append(note)
    try:
        yield counts
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)


def test_a_long_stream_of_small_events_leaves_the_garbage_collector_idle() -> None:
    # 20,000 file events arriving in 64 KiB reads, as a socket delivers them. Parsed items
    # wait until read; had a whole read's worth (about 600) waited at once, the collector
    # would have run at least once per read and, over the stream, a few full collections.
    body = b"".join(
        frame(
            {"type": "created", "path": f"/workspace/src/file_{i}.py", "size_bytes": i}, id_=str(i)
        )
        for i in range(20_000)
    )
    reads = tuple(body[start : start + 65536] for start in range(0, len(body), 65536))
    api = MockAPI().on("GET /sandboxes/sbx_1/files/watch", *replies(reads))
    count = 0
    with make_client(api) as client:
        watch = client.sandboxes.handle("sbx_1").files.watch()
        with collections_counted() as collections:
            with watch as changes:
                for change in changes:
                    assert change.size_bytes == count
                    count += 1
    assert count == 20_000
    assert len(reads) > 20
    assert collections[2] == 0
    assert collections[0] <= 5, collections
