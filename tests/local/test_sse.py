"""SSE framing: retry line, ids, heartbeats, Last-Event-ID resume, filters, clean ends."""

from __future__ import annotations

import threading
import time

import httpx

from miosa.local import LocalServer
from miosa.local.app import all_endpoints
from miosa.local.sse import NEGOTIATED_STREAMS, refuses_accept

from ._support import b64, collect, iter_sse


def test_framing_retry_ids_and_types(client: httpx.Client, sandbox: str) -> None:
    with client.stream("GET", f"/sandboxes/{sandbox}/events") as resp:
        assert resp.headers["content-type"].startswith("text/event-stream")
        assert "content-length" not in resp.headers
        items = iter_sse(resp)
        assert next(items).retry == 1000
        first, second = next(items), next(items)
    assert (first.id, first.event, first.data["type"]) == (
        "1",
        "sandbox.created",
        "sandbox.created",
    )
    assert (second.id, second.event) == ("2", "sandbox.ready")
    assert first.data["data"]["id"] == sandbox and first.data["sandbox_id"] == sandbox


def test_heartbeat_comments_fill_silence(
    server: LocalServer, client: httpx.Client, sandbox: str
) -> None:
    server.set_heartbeat_interval(0.1)
    started = time.monotonic()
    items = collect(client, "GET", f"/sandboxes/{sandbox}/events", count=5, include_comments=True)
    assert [i.comment for i in items if i.comment is not None][:3] == ["keepalive"] * 3
    assert time.monotonic() - started < 3


def test_last_event_id_replays_exactly_the_missed_events(
    client: httpx.Client, sandbox: str
) -> None:
    for name in ("a", "b", "c"):
        client.post(f"/sandboxes/{sandbox}/files", json={"path": name, "content": b64(b"x")})
    everything = collect(client, "GET", f"/sandboxes/{sandbox}/events", count=5)
    ids = [int(e.id or 0) for e in everything]
    assert ids == sorted(ids) and len(set(ids)) == 5
    resumed = collect(
        client,
        "GET",
        f"/sandboxes/{sandbox}/events",
        count=3,
        headers={"Last-Event-ID": str(ids[1])},
    )
    assert [(e.id, e.event) for e in resumed] == [(e.id, e.event) for e in everything[2:]]
    assert [e.data["data"]["path"] for e in resumed] == [
        "/workspace/a",
        "/workspace/b",
        "/workspace/c",
    ]


def test_stream_ends_cleanly_when_the_sandbox_is_destroyed(
    client: httpx.Client, sandbox: str
) -> None:
    def destroy() -> None:
        time.sleep(0.3)
        client.delete(f"/sandboxes/{sandbox}")

    worker = threading.Thread(target=destroy)
    worker.start()
    seen: list[str] = []
    try:
        with client.stream("GET", f"/sandboxes/{sandbox}/events", timeout=5) as resp:
            for item in iter_sse(resp):  # a clean end just stops the iteration
                if item.event:
                    seen.append(item.event)
    finally:
        worker.join(5)
    assert seen[-1] == "sandbox.destroyed"
    # A late reader still gets the history and a clean end.
    late = collect(client, "GET", f"/sandboxes/{sandbox}/events", count=100)
    assert late[-1].event == "sandbox.destroyed"


def test_tenant_stream_filters_by_glob_and_resumes(client: httpx.Client) -> None:
    def produce() -> None:
        time.sleep(0.3)
        sid = client.post("/sandboxes", json={}).json()["data"]["id"]
        client.post(f"/sandboxes/{sid}/exec", json={"command": "true"})
        client.delete(f"/sandboxes/{sid}")

    worker = threading.Thread(target=produce)
    worker.start()
    try:
        events = collect(
            client, "GET", "/events/stream", count=2, params={"types": "sandbox.created,sandbox.d*"}
        )
    finally:
        worker.join(5)
    got = [e.event or "" for e in events]
    assert got == ["sandbox.created", "sandbox.destroyed"]
    resumed = collect(
        client,
        "GET",
        "/events/stream",
        count=2,
        seconds=2,
        params={"types": "sandbox.*"},
        headers={"Last-Event-ID": events[0].id or ""},
    )
    assert [e.event for e in resumed] == ["sandbox.ready", "sandbox.exec"]


def test_readiness_and_logs_streams(client: httpx.Client, sandbox: str) -> None:
    ready = collect(client, "GET", f"/sandboxes/{sandbox}/readiness/stream", count=2)
    assert [e.event for e in ready] == ["ready"] and ready[0].data["ready_at"]
    client.post(f"/sandboxes/{sandbox}/pause", json={})
    timeout = collect(
        client, "GET", f"/sandboxes/{sandbox}/readiness/stream", count=2, params={"timeout": "0.2"}
    )
    assert [e.event for e in timeout] == ["timeout"] and timeout[0].data["reason"] == "not_ready"
    client.post(f"/sandboxes/{sandbox}/resume", json={})
    client.post(f"/sandboxes/{sandbox}/exec", json={"command": "echo from-exec"})
    lines = collect(client, "GET", f"/sandboxes/{sandbox}/logs/stream", count=20, seconds=1)
    assert "from-exec" in [e.data["line"] for e in lines]
    assert all(e.event == "log" and {"line", "stream", "timestamp"} <= set(e.data) for e in lines)


def test_unknown_sandbox_stream_is_a_json_404(client: httpx.Client) -> None:
    reply = client.get("/sandboxes/sbx_nope/events")
    assert reply.status_code == 404 and reply.json()["error"]["code"] == "NOT_FOUND"


BARE = "text/event-stream"
VENDOR = "text/event-stream, application/json;q=0.9"


def _negotiated_urls(client: httpx.Client, sandbox: str) -> dict[tuple[str, str], str]:
    """A concrete URL for every JSON-negotiated stream route."""
    started = client.post(f"/sandboxes/{sandbox}/processes", json={"command": "sleep 30"})
    assert started.status_code in (200, 201), started.text
    pid = started.json()["data"]["pid"]
    base = "/sandboxes/{sandbox_id}"
    return {
        ("GET", "/events/stream"): "/events/stream",
        ("GET", base + "/events"): f"/sandboxes/{sandbox}/events",
        ("GET", base + "/files/watch"): f"/sandboxes/{sandbox}/files/watch",
        ("GET", base + "/logs/stream"): f"/sandboxes/{sandbox}/logs/stream",
        ("GET", base + "/processes/{pid}/stream"): f"/sandboxes/{sandbox}/processes/{pid}/stream",
        ("GET", base + "/readiness/stream"): f"/sandboxes/{sandbox}/readiness/stream",
    }


def test_negotiated_streams_are_routes_of_the_server() -> None:
    routes = {(e.method, e.path) for e in all_endpoints()}
    assert NEGOTIATED_STREAMS.issubset(routes)


def test_negotiated_streams_refuse_a_bare_event_stream_accept_with_406(
    client: httpx.Client, sandbox: str
) -> None:
    urls = _negotiated_urls(client, sandbox)
    assert set(urls) == NEGOTIATED_STREAMS
    for url in urls.values():
        with client.stream("GET", url, headers={"Accept": BARE}) as reply:
            assert reply.status_code == 406, url
            reply.read()
        assert reply.headers["content-type"].startswith("application/json")
        envelope = reply.json()
        assert envelope["error"]["code"] == "NOT_ACCEPTABLE"
        assert "text/event-stream" in envelope["error"]["message"]
        assert envelope["error"]["details"] == {"accept": BARE, "accepted": ["application/json"]}
        assert envelope["request_id"] == reply.headers["x-request-id"]


def test_negotiated_streams_serve_the_value_the_sdk_sends(
    client: httpx.Client, sandbox: str
) -> None:
    for url in _negotiated_urls(client, sandbox).values():
        for accept in (VENDOR, "application/json", "*/*"):
            with client.stream("GET", url, headers={"Accept": accept}) as resp:
                assert resp.status_code == 200, (url, accept)
                assert resp.headers["content-type"].startswith("text/event-stream")


def test_exec_stream_takes_a_bare_event_stream_accept(client: httpx.Client, sandbox: str) -> None:
    with client.stream(
        "POST",
        f"/sandboxes/{sandbox}/exec/stream",
        json={"command": "echo hi"},
        headers={"Accept": BARE},
    ) as resp:
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("text/event-stream")


def test_refuses_accept_follows_json_only_negotiation() -> None:
    for header in (None, "", "*/*", "application/json", "application/*", VENDOR, "text/html, */*"):
        assert not refuses_accept(header), header
    for header in (BARE, "text/event-stream;q=1", "text/html", "text/*", "garbage"):
        assert refuses_accept(header), header
