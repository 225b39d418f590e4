"""Fault injection: statuses, headers, bodies, delays, drops (before or after handling),
cut streams, malformed bodies."""

from __future__ import annotations

import time

import httpx
import pytest

from miosa.local import Fault, LocalServer

from ._support import iter_sse


def test_status_faults_are_consumed_in_order_then_normal(
    server: LocalServer, client: httpx.Client
) -> None:
    server.inject(
        "GET",
        "/sandboxes",
        Fault(status=503, headers={"Retry-After": "2"}),
        Fault(status=429, body={"error": "RATE_LIMITED", "retry_after": 1}),
        Fault(status=502, body="bad gateway"),
    )
    first = client.get("/sandboxes")
    assert first.status_code == 503 and first.headers["retry-after"] == "2"
    assert first.json()["error"]["code"] == "SERVICE_UNAVAILABLE"
    assert first.json()["request_id"] == first.headers["x-request-id"]
    second = client.get("/sandboxes")
    assert second.status_code == 429 and second.json() == {
        "error": "RATE_LIMITED",
        "retry_after": 1,
    }
    third = client.get("/sandboxes")
    assert third.status_code == 502 and third.text == "bad gateway"
    assert third.headers["content-type"].startswith("text/plain")
    assert client.get("/sandboxes").status_code == 200
    assert server.pending_faults == 0


def test_faults_match_templates_globs_and_methods(
    server: LocalServer, client: httpx.Client, sandbox: str
) -> None:
    server.inject("POST", "/sandboxes/{sandbox_id}/exec", Fault(status=500))
    server.inject("*", "/sandboxes/*/files/**", Fault(status=418))
    assert client.get(f"/sandboxes/{sandbox}/exec").status_code == 405  # method differs: no fault
    assert client.post(f"/sandboxes/{sandbox}/exec", json={"command": "true"}).status_code == 500
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/a/b").status_code == 418
    assert client.get(f"/sandboxes/{sandbox}").status_code == 200
    server.inject("GET", "/tenant/plan", Fault(status=500), Fault(status=500))
    server.clear_faults()
    assert client.get("/tenant/plan").status_code == 200


def test_faults_apply_before_auth(server: LocalServer) -> None:
    server.inject("GET", "/sandboxes", Fault(status=503))
    with httpx.Client(base_url=server.base_url) as anonymous:
        assert anonymous.get("/sandboxes").status_code == 503
        assert anonymous.get("/sandboxes").status_code == 401


def test_delay(server: LocalServer, client: httpx.Client) -> None:
    server.inject("GET", "/tenant/plan", Fault(delay=0.4))
    started = time.monotonic()
    assert client.get("/tenant/plan").status_code == 200
    assert time.monotonic() - started >= 0.4
    server.inject("GET", "/tenant/plan", Fault(delay=5))
    with pytest.raises(httpx.ReadTimeout):
        client.get("/tenant/plan", timeout=0.3)


def test_drop_closes_the_connection_without_a_response(
    server: LocalServer, client: httpx.Client
) -> None:
    server.inject("POST", "/sandboxes", Fault(drop=True))
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        client.post("/sandboxes", json={})
    assert client.get("/sandboxes").json()["data"] == []  # the dropped request was not handled
    assert client.post("/sandboxes", json={}).status_code == 201
    assert server.requests[-3].status is None and server.requests[-3].fault


def test_drop_response_handles_the_request_then_closes_without_answering(
    server: LocalServer, client: httpx.Client
) -> None:
    server.inject("POST", "/sandboxes", Fault(drop_response=True))
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        client.post("/sandboxes", json={"name": "made"}, headers={"Idempotency-Key": "k1"})
    listed = client.get("/sandboxes").json()["data"]
    assert [s["name"] for s in listed] == ["made"]  # the work was done
    replay = client.post("/sandboxes", json={"name": "made"}, headers={"Idempotency-Key": "k1"})
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    assert replay.json()["data"]["id"] == listed[0]["id"]
    assert server.requests[-3].status is None and server.requests[-3].fault


def test_drop_after_events_cuts_the_stream_abruptly(
    server: LocalServer, client: httpx.Client, sandbox: str
) -> None:
    server.inject("GET", "/sandboxes/{sandbox_id}/events", Fault(drop_after_events=1))
    received = []
    with (
        pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)),
        client.stream("GET", f"/sandboxes/{sandbox}/events", timeout=5) as resp,
    ):
        for item in iter_sse(resp):
            if item.event:
                received.append(item.event)
    assert received == ["sandbox.created"]
    # The next connection resumes normally.
    with client.stream(
        "GET", f"/sandboxes/{sandbox}/events", headers={"Last-Event-ID": "1"}, timeout=5
    ) as resp:
        items = iter_sse(resp)
        assert next(items).retry == 1000
        assert next(items).event == "sandbox.ready"


def test_malformed_body(server: LocalServer, client: httpx.Client) -> None:
    server.inject("GET", "/sandboxes", Fault(malformed=True))
    reply = client.get("/sandboxes")
    assert reply.status_code == 200 and reply.content == b'{"data": '
    with pytest.raises(ValueError):
        reply.json()


def test_request_log(server: LocalServer, client: httpx.Client) -> None:
    server.clear_requests()
    client.post("/sandboxes", json={"name": "logged"}, headers={"Idempotency-Key": "abc"})
    client.get("/sandboxes", params={"state": "running"})
    first, second = server.requests
    assert (first.method, first.path, first.status) == ("POST", "/sandboxes", 201)
    assert first.full_path == "/api/v1/sandboxes"
    assert first.headers["idempotency-key"] == "abc"
    assert first.headers["authorization"] == f"Bearer {server.api_key}"
    assert first.json == {"name": "logged"} and first.body_size == len(first.body)
    assert (second.method, second.query) == ("GET", "state=running")
    assert second.request_id.startswith("req_")
    server.clear_requests()
    assert server.requests == []


def test_fault_validation() -> None:
    with pytest.raises(ValueError):
        Fault(status=42)
    with pytest.raises(ValueError):
        Fault(delay=-1)
    with pytest.raises(ValueError, match="drop_response"):
        Fault(drop_response=True, status=503)
    with LocalServer() as srv:
        with pytest.raises(ValueError):
            srv.inject("GET", "/x")
        with pytest.raises(TypeError):
            srv.inject("GET", "/x", 503)  # type: ignore[arg-type]
