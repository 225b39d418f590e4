"""Webhooks are really delivered, signed, retried, recorded and replayable."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import httpx

from miosa.local import LocalServer

from ._support import SHORT, Receiver, collect, wait_until


def sha256_signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_lifecycle_events_are_delivered_with_a_valid_signature(client: httpx.Client) -> None:
    with Receiver() as receiver:
        hook = client.post(
            "/webhooks", json={"url": receiver.url, "events": ["sandbox.*"], "secret": "whsec_test"}
        )
        assert hook.status_code == 201
        data = hook.json()["data"]
        # As production: the one-time secret sits beside "data", not inside the webhook.
        assert hook.json()["secret"] == "whsec_test" and "secret" not in data
        assert data["enabled"] is True and data["active"] is True
        assert "secret" not in client.get(f"/webhooks/{data['id']}").json()["data"]

        sid = client.post("/sandboxes", json={}).json()["data"]["id"]
        client.post(f"/sandboxes/{sid}/exec", json={"command": "true"})  # not a webhook event
        client.delete(f"/sandboxes/{sid}")
        received = receiver.wait_for(3)
        time.sleep(0.3)
        assert len(receiver.received) == 3

    kinds = sorted(json.loads(r.body)["event"] for r in received)
    assert kinds == ["sandbox.created", "sandbox.destroyed", "sandbox.ready"]
    for request in received:
        body = json.loads(request.body)
        assert request.headers["content-type"] == "application/json"
        assert request.headers["x-miosa-event"] == body["event"] == body["type"]
        assert request.headers["x-miosa-delivery"] == body["id"] == body["delivery_id"]
        assert set(body) == {
            "id",
            "delivery_id",
            "event",
            "type",
            "occurred_at",
            "timestamp",
            "tenant_id",
            "data",
        }
        assert body["data"]["id"] == sid
        expected = sha256_signature("whsec_test", request.body)
        assert hmac.compare_digest(request.headers["x-miosa-signature"], expected)

    deliveries = client.get(f"/webhooks/{data['id']}/deliveries").json()["data"]
    assert len(deliveries) == 3
    assert {d["state"] for d in deliveries} == {"delivered"}
    assert all(d["response_status"] == 200 and d["attempt_count"] == 1 for d in deliveries)


def test_timestamped_signature_scheme() -> None:
    with LocalServer(webhook_signature="timestamped") as srv, Receiver() as receiver:
        headers = {"Authorization": f"Bearer {srv.api_key}"}
        with httpx.Client(base_url=srv.base_url, headers=headers, timeout=SHORT) as c:
            reply = c.post("/webhooks", json={"url": receiver.url, "events": []}).json()
            hook, secret = reply["data"], reply["secret"]
            assert secret.startswith("whsec_")
            c.post(f"/webhooks/{hook['id']}/test")
        request = receiver.wait_for(1)[0]
    parts = dict(p.split("=", 1) for p in request.headers["x-miosa-signature"].split(","))
    assert abs(int(parts["t"]) - time.time()) < 60
    signed = f"{parts['t']}.".encode() + request.body
    assert parts["v1"] == hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    assert json.loads(request.body)["event"] == "webhook.test"


def test_failed_attempts_are_retried_then_delivered(client: httpx.Client) -> None:
    with Receiver(statuses=[500, 503]) as receiver:
        hook = client.post(
            "/webhooks", json={"url": receiver.url, "events": ["sandbox.created"], "retry_count": 2}
        ).json()["data"]
        client.post("/sandboxes", json={})
        receiver.wait_for(3)

        def delivered() -> list[dict[str, object]] | None:
            items: list[dict[str, object]] = client.get(
                f"/webhooks/{hook['id']}/deliveries"
            ).json()["data"]
            return items if items and items[0]["state"] == "delivered" else None

        record = wait_until(delivered, seconds=10)[0]
    assert record["attempts"] == record["attempt_count"] == 3
    assert record["response_status"] == 200 and record["event"] == "sandbox.created"


def test_unreachable_receiver_ends_failed(client: httpx.Client) -> None:
    hook = client.post(
        "/webhooks", json={"url": "http://127.0.0.1:9/nothing", "retry_count": 0}
    ).json()["data"]
    reply = client.post(f"/webhooks/{hook['id']}/test")
    assert reply.status_code == 200
    record = reply.json()["data"]
    assert record["state"] == "failed" and record["response_status"] is None
    assert record["attempt_count"] == 1 and record["event"] == "webhook.test"


def test_test_delivery_replay_and_delivered_event(client: httpx.Client) -> None:
    with Receiver() as receiver:
        hook = client.post("/webhooks", json={"url": receiver.url, "events": ["*"]}).json()["data"]
        tested = client.post(f"/webhooks/{hook['id']}/test")
        assert tested.status_code == 200
        record = tested.json()["data"]
        assert record["state"] == "delivered" and record["webhook_id"] == hook["id"]

        replay = client.post(
            f"/webhooks/{hook['id']}/deliveries/{record['id']}/replay", json={"replay_id": "r-1"}
        )
        assert replay.status_code == 202
        assert replay.json()["data"]["replay_of"] == record["id"]
        again = client.post(
            f"/webhooks/{hook['id']}/deliveries/{record['id']}/replay", json={"replay_id": "r-1"}
        )
        assert again.status_code == 409
        received = receiver.wait_for(2)
    assert json.loads(received[1].body)["id"] == replay.json()["data"]["id"]
    events = collect(
        client,
        "GET",
        "/events/stream",
        count=2,
        params={"types": "webhook.delivered", "replay": "true"},
    )
    assert [e.data["data"]["id"] for e in events] == [record["id"], replay.json()["data"]["id"]]


def test_disabled_webhooks_get_nothing_and_crud_works(client: httpx.Client) -> None:
    with Receiver() as receiver:
        hook = client.post(
            "/webhooks", json={"url": receiver.url, "events": ["*"], "enabled": False}
        ).json()["data"]
        assert hook["state"] == "disabled"
        client.post("/sandboxes", json={})
        time.sleep(0.3)
        assert receiver.received == []
        patched = client.patch(f"/webhooks/{hook['id']}", json={"active": True, "events": ["x.*"]})
        assert patched.json()["data"]["enabled"] is True and patched.json()["data"]["events"] == [
            "x.*"
        ]
    assert [h["id"] for h in client.get("/webhooks").json()["data"]] == [hook["id"]]
    assert client.delete(f"/webhooks/{hook['id']}").status_code == 204
    assert client.get(f"/webhooks/{hook['id']}").status_code == 404
    assert client.post("/webhooks", json={"url": "not a url"}).status_code == 400
    catalog = client.get("/webhooks/events").json()
    assert "sandbox.created" in catalog["events"]
    assert catalog["signing"]["header"] == "x-miosa-signature"
