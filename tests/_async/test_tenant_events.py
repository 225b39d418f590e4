"""Wire tests of ``client.events.stream``: the tenant-wide SSE stream, typed and resumable."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from miosa import AuthenticationError, PermissionDeniedError
from miosa.types import Event
from miosa.types.tenant_events import TenantEvent
from miosa.webhooks import WebhookEventType
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response


def frame(ident: int, type_: str, data: dict[str, Any], **envelope: Any) -> bytes:
    payload = {"type": type_, "data": data, **envelope}
    return f"id: {ident}\nevent: {type_}\ndata: {json.dumps(payload)}\n\n".encode()


def sse(*chunks: bytes) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/event-stream"}, content=b"".join(chunks)
    )


async def dropped(*chunks: bytes) -> AsyncIterator[bytes]:
    """A body that sends `chunks` and then loses the connection."""
    for chunk in chunks:
        yield chunk
    raise httpx.ReadError("connection reset")


CREATED = frame(
    1,
    "sandbox.created",
    {"id": "sbx_1", "state": "provisioning"},
    sandbox_id="sbx_1",
    tenant_id="ten_1",
    timestamp="2026-01-01T00:00:00Z",
)
DELIVERED = frame(2, "webhook.delivered", {"delivery_id": "dlv_1", "webhook_id": "wh_1"})
UNKNOWN = frame(3, "sandbox.teleported", {"sandbox_id": "sbx_9"})


async def test_stream_sends_the_type_filter_and_yields_typed_events() -> None:
    api = MockAPI().on("GET /events/stream", sse(b": keepalive\n\n", CREATED, DELIVERED, UNKNOWN))
    async with (
        make_client(api) as client,
        client.events.stream(
            tenant_wide=True, types=["sandbox.*", WebhookEventType.WEBHOOK_DELIVERED]
        ) as events,
    ):
        received = [event async for event in events]
    request = api.last
    assert request.method == "GET"
    assert request.url.path == "/api/v1/events/stream"
    assert request.url.params["types"] == "sandbox.*,webhook.delivered"
    assert request.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert [e.type for e in received] == [
        "sandbox.created",
        "webhook.delivered",
        "sandbox.teleported",
    ]
    assert all(isinstance(e, TenantEvent) and isinstance(e, Event) for e in received)
    created, delivered, unknown = received
    assert created.id == "1"
    assert created.data == {"id": "sbx_1", "state": "provisioning"}
    assert created.raw["type"] == "sandbox.created"
    assert created.event_type is WebhookEventType.SANDBOX_CREATED
    assert (created.sandbox_id, created.tenant_id) == ("sbx_1", "ten_1")
    assert created.occurred_at is not None and created.occurred_at.tzinfo is not None
    assert delivered.data == {"delivery_id": "dlv_1", "webhook_id": "wh_1"}
    assert delivered.sandbox_id is None
    assert unknown.event_type is None
    assert unknown.sandbox_id == "sbx_9"


async def test_stream_without_types_sends_no_filter() -> None:
    api = MockAPI().on("GET /events/stream", sse(CREATED))
    async with make_client(api) as client, client.events.stream() as events:
        assert [e.id async for e in events] == ["1"]
    assert "types" not in api.last.url.params


async def test_tenant_wide_false_is_refused_before_any_request() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(ValueError, match=r"sandbox\.events\.stream"):
            client.events.stream(tenant_wide=False)
        assert api.requests == []


async def test_an_auth_error_is_raised_when_the_stream_is_entered() -> None:
    error = {"error": {"code": "UNAUTHORIZED", "message": "bad key"}}
    api = MockAPI().on("GET /events/stream", json_response(401, error))
    async with make_client(api) as client:
        stream = client.events.stream()
        assert api.requests == []
        with pytest.raises(AuthenticationError):
            async with stream:
                pass
    assert len(api.requests) == 1


async def test_a_dropped_stream_resumes_with_last_event_id() -> None:
    first = httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        content=dropped(b"retry: 1\n\n", CREATED),
    )
    api = MockAPI().on("GET /events/stream", first, sse(CREATED, DELIVERED))
    async with make_client(api) as client, client.events.stream(types=["sandbox.*"]) as events:
        ids = [e.id async for e in events]
    assert ids == ["1", "2"]  # the replayed event 1 is not delivered twice
    assert len(api.requests) == 2
    assert "last-event-id" not in api.requests[0].headers
    assert api.requests[1].headers["last-event-id"] == "1"
    assert api.requests[1].url.params["types"] == "sandbox.*"


async def test_tenant_events_stream_sends_types_and_scope() -> None:
    api = MockAPI().on("GET /tenant/events/stream", sse(CREATED, DELIVERED))
    async with (
        make_client(api) as client,
        client.tenant.events.stream(types=["sandbox.*"], workspace_id="ws 1") as events,
    ):
        received = [event async for event in events]
    request = api.last
    assert request.method == "GET"
    assert request.url.path == "/api/v1/tenant/events/stream"
    assert dict(request.url.params) == {"types": "sandbox.*", "scope": "workspace:ws 1"}
    assert [(e.type, e.id) for e in received] == [
        ("sandbox.created", "1"),
        ("webhook.delivered", "2"),
    ]
    assert all(isinstance(e, TenantEvent) for e in received)


@pytest.mark.parametrize(
    ("kwargs", "params"),
    [
        ({}, {}),
        ({"scope": "all"}, {"scope": "all"}),
        ({"external_user_id": "u_1"}, {"scope": "external_user:u_1"}),
    ],
)
async def test_tenant_events_stream_scope_forms(
    kwargs: dict[str, Any], params: dict[str, str]
) -> None:
    api = MockAPI().on("GET /tenant/events/stream", sse(CREATED))
    async with make_client(api) as client, client.tenant.events.stream(**kwargs) as events:
        assert [e.type async for e in events] == ["sandbox.created"]
    assert dict(api.last.url.params) == params


async def test_tenant_events_stream_refuses_two_scopes_before_any_request() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(ValueError, match="one of scope"):
            client.tenant.events.stream(scope="all", workspace_id="ws_1")
    assert api.requests == []


async def test_tenant_events_stream_error_is_raised_on_connect() -> None:
    api = MockAPI().on(
        "GET /tenant/events/stream",
        json_response(403, {"error": {"code": "FORBIDDEN", "message": "admins only"}}),
    )
    async with make_client(api) as client:
        with pytest.raises(PermissionDeniedError, match="admins only"):
            async with client.tenant.events.stream() as events:
                [e async for e in events]
