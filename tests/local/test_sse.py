"""SSE framing: retry line, ids, heartbeats, Last-Event-ID resume, filters, clean ends."""

from __future__ import annotations

import threading
import time

import httpx

from miosa.local import LocalServer

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
