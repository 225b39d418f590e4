# This file was generated from
#   tests/_async/test_webhooks_api.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.webhooks``: endpoints, deliveries, replays and the event catalog."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from miosa import ConflictError, Page, ValidationError
from miosa.types.webhook_endpoints import Webhook, WebhookDelivery, WebhookEventCatalog
from miosa.webhooks import WebhookEventType
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response


def hook_json(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "wh_1",
        "tenant_id": "ten_1",
        "url": "https://acme.dev/hooks",
        "events": ["sandbox.ready", "sandbox.future_thing"],
        "enabled": True,
        "created_at": "2026-01-01T00:00:00Z",
    }
    base.update(fields)
    return base


def test_create_sends_every_given_field_and_returns_the_secret() -> None:
    # Production's shape: the one-time secret beside "data", not inside the webhook.
    reply = {"data": hook_json(name="prod", retry_count=3), "secret": "whsec_abc"}
    api = MockAPI().on("POST /webhooks", json_response(201, reply))
    with make_client(api) as client:
        hook = client.webhooks.create(
            url="https://acme.dev/hooks",
            events=[WebhookEventType.SANDBOX_READY, "sandbox.future_thing"],
            secret="whsec_abc",
            enabled=True,
            name="prod",
            description="main receiver",
            workspace_id="ws_1",
            headers={"X-Team": "a"},
            retry_count=3,
            metadata={"env": "prod"},
            idempotency_key="idem-wh",
        )
    assert api.last.method == "POST"
    assert api.last.url.path == "/api/v1/webhooks"
    assert api.last.headers["idempotency-key"] == "idem-wh"
    assert api.body() == {
        "url": "https://acme.dev/hooks",
        "events": ["sandbox.ready", "sandbox.future_thing"],
        "secret": "whsec_abc",
        "enabled": True,
        "name": "prod",
        "description": "main receiver",
        "workspace_id": "ws_1",
        "headers": {"X-Team": "a"},
        "retry_count": 3,
        "metadata": {"env": "prod"},
    }
    assert isinstance(hook, Webhook)
    assert hook.secret == "whsec_abc"
    assert "whsec_abc" not in repr(hook)
    assert hook.events == ("sandbox.ready", "sandbox.future_thing")
    assert hook.event_types == (WebhookEventType.SANDBOX_READY, "sandbox.future_thing")
    assert WebhookEventType.SANDBOX_READY in hook.events


@pytest.mark.parametrize(
    "reply",
    [
        {"data": hook_json(secret="whsec_in"), "secret": "whsec_in"},
        {"data": hook_json(secret="whsec_in")},
        hook_json(secret="whsec_in"),
        {"data": hook_json(), "secret": "whsec_in"},
    ],
    ids=["both", "inside-data", "bare", "beside-data"],
)
def test_create_keeps_the_secret_wherever_the_server_put_it(reply: dict[str, Any]) -> None:
    api = MockAPI().on("POST /webhooks", json_response(201, reply))
    with make_client(api) as client:
        hook = client.webhooks.create(url="https://acme.dev/hooks")
    assert api.last.url.path == "/api/v1/webhooks"
    assert (hook.id, hook.secret) == ("wh_1", "whsec_in")


def test_create_without_a_secret_in_the_reply_leaves_it_none() -> None:
    api = MockAPI().on("POST /webhooks", json_response(201, {"data": hook_json()}))
    with make_client(api) as client:
        hook = client.webhooks.create(url="https://acme.dev/hooks")
    assert hook.id == "wh_1" and hook.secret is None


def test_create_refused_raises_with_the_server_message() -> None:
    api = MockAPI().on(
        "POST /webhooks",
        json_response(
            400,
            {"error": {"code": "VALIDATION_ERROR", "message": "url is required"}},
        ),
    )
    with make_client(api) as client:
        with pytest.raises(ValidationError, match="url is required"):
            client.webhooks.create(url="")
    assert api.body() == {"url": ""}


def test_create_minimal_generates_an_idempotency_key() -> None:
    api = MockAPI().on("POST /webhooks", json_response(201, hook_json()))
    with make_client(api) as client:
        client.webhooks.create(url="https://acme.dev/hooks")
    assert api.body() == {"url": "https://acme.dev/hooks"}
    assert uuid.UUID(api.last.headers["idempotency-key"])


def test_events_given_as_one_string_are_refused() -> None:
    api = MockAPI()
    one_name: Any = "sandbox.ready"
    with make_client(api) as client:
        with pytest.raises(TypeError):
            client.webhooks.create(url="https://acme.dev/h", events=one_name)
    assert api.requests == []


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ({"enabled": False}, False),
        ({"active": False}, False),
        ({"active": True}, True),
        ({"state": "disabled"}, False),
        ({"state": "active"}, True),
        ({}, None),
    ],
)
def test_enabled_is_read_from_either_spelling(wire: dict[str, Any], expected: bool | None) -> None:
    payload = {k: v for k, v in hook_json(**wire).items() if k != "enabled" or "enabled" in wire}
    api = MockAPI().on("GET /webhooks/wh_1", json_response(200, {"data": payload}))
    with make_client(api) as client:
        hook = client.webhooks.get("wh_1")
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/webhooks/wh_1"
    assert hook.enabled is expected
    assert hook.active is expected


def test_list_pages_with_cursor_across_three_pages() -> None:
    api = MockAPI().on(
        "GET /webhooks",
        json_response(200, {"data": [hook_json(id="a"), hook_json(id="b")], "next_cursor": "b"}),
        json_response(200, {"webhooks": [hook_json(id="c")], "next_cursor": "c"}),
        json_response(200, {"items": [hook_json(id="d")], "next_cursor": None}),
    )
    with make_client(api) as client:
        page = client.webhooks.list(limit=2, active=True)
        assert isinstance(page, Page)
        assert [h.id for h in page.items] == ["a", "b"]
        assert page.next_cursor == "b"
        assert len(api.requests) == 1
        ids = [h.id for h in page]
    assert ids == ["a", "b", "c", "d"]
    assert [dict(r.url.params) for r in api.requests] == [
        {"limit": "2", "active": "true"},
        {"limit": "2", "active": "true", "cursor": "b"},
        {"limit": "2", "active": "true", "cursor": "c"},
    ]


def test_update_sends_the_changes() -> None:
    api = MockAPI().on(
        "PATCH /webhooks/wh_1", json_response(200, {"data": hook_json(active=False, enabled=None)})
    )
    with make_client(api) as client:
        hook = client.webhooks.update(
            "wh_1", events=[WebhookEventType.COMPUTER_STARTED], enabled=False, secret="whsec_new"
        )
    assert api.last.method == "PATCH"
    assert api.body() == {"events": ["computer.started"], "secret": "whsec_new", "enabled": False}
    assert hook.enabled is False


def test_update_that_rotates_keeps_the_secret_sent_beside_data() -> None:
    reply = {"data": hook_json(), "secret": "whsec_rotated"}
    api = MockAPI().on("PATCH /webhooks/wh_1", json_response(200, reply))
    with make_client(api) as client:
        hook = client.webhooks.update("wh_1", secret="whsec_rotated")
    assert api.last.url.path == "/api/v1/webhooks/wh_1"
    assert api.body() == {"secret": "whsec_rotated"}
    assert (hook.id, hook.secret) == ("wh_1", "whsec_rotated")


def test_delete() -> None:
    api = MockAPI().on("DELETE /webhooks/wh%201", json_response(204, None))
    with make_client(api) as client:
        client.webhooks.delete("wh 1")
    assert api.last.method == "DELETE"
    assert api.last.url.raw_path == b"/api/v1/webhooks/wh%201"


DELIVERY_TS = {
    "id": "dlv_1",
    "webhook_id": "wh_1",
    "event": "webhook.test",
    "state": "delivered",
    "response_status": 200,
    "attempt_count": 1,
    "delivered_at": "2026-01-01T00:00:01Z",
}
DELIVERY_GO = {
    "id": "dlv_2",
    "webhook_id": "wh_1",
    "event_type": "sandbox.ready",
    "state": "failed",
    "status_code": 500,
    "attempts": 3,
    "success": False,
}


def test_test_sends_no_body_and_no_content_type() -> None:
    api = MockAPI().on("POST /webhooks/wh_1/test", json_response(200, {"data": DELIVERY_TS}))
    with make_client(api) as client:
        delivery = client.webhooks.test("wh_1")
    request = api.last
    assert request.method == "POST"
    assert request.url.path == "/api/v1/webhooks/wh_1/test"
    assert request.content == b""
    assert "content-type" not in request.headers
    assert uuid.UUID(request.headers["idempotency-key"])
    assert isinstance(delivery, WebhookDelivery)
    assert (delivery.event, delivery.event_type) == ("webhook.test", "webhook.test")
    assert (delivery.attempt_count, delivery.attempts) == (1, 1)
    assert (delivery.response_status, delivery.status_code) == (200, 200)
    assert delivery.delivered


def test_deliveries_page_reads_both_field_spellings() -> None:
    api = MockAPI().on(
        "GET /webhooks/wh_1/deliveries",
        json_response(200, {"deliveries": [DELIVERY_TS, DELIVERY_GO], "next_cursor": "dlv_2"}),
        json_response(200, {"data": [], "next_cursor": None}),
    )
    with make_client(api) as client:
        page = client.webhooks.deliveries("wh_1", limit=2)
        everything = [d for d in page]
    assert dict(api.requests[0].url.params) == {"limit": "2"}
    assert dict(api.requests[1].url.params) == {"limit": "2", "cursor": "dlv_2"}
    first, second = page.items
    assert first.event_type == "webhook.test"
    assert (second.event, second.attempt_count, second.response_status) == ("sandbox.ready", 3, 500)
    assert second.delivery_id == "dlv_2"
    assert not second.delivered
    assert [d.id for d in everything] == ["dlv_1", "dlv_2"]


def test_replay_generates_a_uuid4_replay_id_when_absent() -> None:
    reply = {"id": "dlv_9", "webhook_id": "wh_1", "replay_of": "dlv_1", "state": "pending"}
    api = MockAPI().on(
        "POST /webhooks/wh_1/deliveries/dlv_1/replay", json_response(202, {"data": reply})
    )
    with make_client(api) as client:
        first = client.webhooks.replay("wh_1", "dlv_1")
        client.webhooks.replay("wh_1", "dlv_1", replay_id="my-replay")
    generated = api.body(0)["replay_id"]
    assert uuid.UUID(generated).version == 4
    assert api.body(1) == {"replay_id": "my-replay"}
    assert api.requests[0].method == "POST"
    assert first.replay_of == "dlv_1"
    assert first.id == "dlv_9"


def test_replay_with_a_reused_id_raises_conflict() -> None:
    error = {"error": {"code": "REPLAY_ID_REUSED", "message": "replay_id was already used"}}
    api = MockAPI().on("POST /webhooks/wh_1/deliveries/dlv_1/replay", json_response(409, error))
    with make_client(api) as client:
        with pytest.raises(ConflictError) as info:
            client.webhooks.replay("wh_1", "dlv_1", replay_id="again")
    assert info.value.code == "REPLAY_ID_REUSED"


def test_event_catalog_is_not_unwrapped_and_reads_both_category_shapes() -> None:
    as_map = {
        "data": {"sandbox": ["sandbox.created", "sandbox.ready"], "computer": ["computer.error"]},
        "events": ["computer.error", "sandbox.created", "sandbox.ready"],
        "workspace_scoped_categories": ["sandbox"],
        "signing": {
            "header": "x-miosa-signature",
            "algorithm": "hmac-sha256",
            "format": "sha256=<hex>",
        },
        "delivery_headers": ["x-miosa-event", "x-miosa-delivery"],
    }
    as_list = {"data": [{"category": "sandbox", "events": ["sandbox.created"]}]}
    api = MockAPI().on(
        "GET /webhooks/events", json_response(200, as_map), json_response(200, as_list)
    )
    with make_client(api) as client:
        first = client.webhooks.events()
        second = client.webhooks.events()
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/webhooks/events"
    assert isinstance(first, WebhookEventCatalog)
    assert first.by_category == {
        "sandbox": ("sandbox.created", "sandbox.ready"),
        "computer": ("computer.error",),
    }
    assert first.names == ("computer.error", "sandbox.created", "sandbox.ready")
    assert first.signing is not None and first.signing.format == "sha256=<hex>"
    assert first.workspace_scoped_categories == ("sandbox",)
    assert second.by_category == {"sandbox": ("sandbox.created",)}
    assert second.names == ("sandbox.created",)
