# This file was generated from
#   tests/_async/test_api_keys.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.api_keys``."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from miosa import ConflictError, NotFoundError, Page
from miosa.types.api_keys import ApiKey, ApiKeyEvent, ApiKeyPreset
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

KEY = {
    "id": "key_1",
    "tenant_id": "ten_1",
    "name": "ci",
    "prefix": "msk_live_ab",
    "scopes": ["sandboxes:write"],
    "created_at": "2026-01-01T00:00:00Z",
}
PLAINTEXT = "msk_live_abSECRETSECRET"


def test_list_pages_with_cursor() -> None:
    api = MockAPI().on(
        "GET /api-keys",
        json_response(200, {"keys": [KEY], "next_cursor": "key_1"}),
        json_response(200, {"api_keys": [{**KEY, "id": "key_2"}], "next_cursor": "key_2"}),
        json_response(200, {"data": [{**KEY, "id": "key_3"}]}),
    )
    with make_client(api) as client:
        page = client.api_keys.list(limit=1)
        ids = [k.id for k in page]
    assert isinstance(page, Page)
    assert [dict(r.url.params) for r in api.requests] == [
        {"limit": "1"},
        {"limit": "1", "cursor": "key_1"},
        {"limit": "1", "cursor": "key_2"},
    ]
    assert ids == ["key_1", "key_2", "key_3"]
    assert page.items[0].scopes == ("sandboxes:write",)
    assert page.items[0].secret is None


def test_create_returns_the_plaintext_once_as_key() -> None:
    api = MockAPI().on("POST /api-keys", json_response(201, {"data": {**KEY, "key": PLAINTEXT}}))
    with make_client(api) as client:
        key = client.api_keys.create(
            "ci",
            scopes=["sandboxes:write"],
            expires_at=datetime(2027, 1, 1, tzinfo=timezone.utc),
            idempotency_key="idem-key",
        )
    assert api.last.method == "POST"
    assert api.last.url.path == "/api/v1/api-keys"
    assert api.last.headers["idempotency-key"] == "idem-key"
    assert api.body() == {
        "name": "ci",
        "scopes": ["sandboxes:write"],
        "expires_at": "2027-01-01T00:00:00Z",
    }
    assert isinstance(key, ApiKey)
    assert (key.key, key.token, key.secret) == (PLAINTEXT, None, PLAINTEXT)
    assert PLAINTEXT not in repr(key)


def test_create_minimal_sends_only_the_name() -> None:
    api = MockAPI().on("POST /api-keys", json_response(201, KEY))
    with make_client(api) as client:
        client.api_keys.create(name="ci")
    assert api.body() == {"name": "ci"}
    assert "idempotency-key" in api.last.headers


def test_create_scoped_reads_the_plaintext_as_token() -> None:
    reply = {**KEY, "name": "scoped:u_1", "external_user_id": "u_1", "token": PLAINTEXT}
    api = MockAPI().on("POST /api-keys/scoped", json_response(201, {"data": reply}))
    with make_client(api) as client:
        key = client.api_keys.create_scoped(
            "u_1", ["sandboxes:read"], expires_at="2026-06-01T00:00:00Z"
        )
    assert api.last.method == "POST"
    assert api.last.url.path == "/api/v1/api-keys/scoped"
    assert api.body() == {
        "external_user_id": "u_1",
        "scopes": ["sandboxes:read"],
        "expires_at": "2026-06-01T00:00:00Z",
    }
    assert (key.key, key.token, key.secret) == (None, PLAINTEXT, PLAINTEXT)
    assert key.external_user_id == "u_1"
    assert PLAINTEXT not in repr(key)


def test_delete() -> None:
    api = MockAPI().on("DELETE /api-keys/key_1", json_response(204, None))
    with make_client(api) as client:
        client.api_keys.delete("key_1")
    assert api.last.method == "DELETE"
    assert api.last.url.path == "/api/v1/api-keys/key_1"


def test_get_reads_the_end_user_summary() -> None:
    reply = {**KEY, "external_user_id": "u 1", "end_user": {"external_user_id": "u 1"}}
    api = MockAPI().on("GET /api-keys/key%201", json_response(200, {"data": reply}))
    with make_client(api) as client:
        key = client.api_keys.get("key 1")
    assert api.last.method == "GET"
    assert api.last.url.raw_path == b"/api/v1/api-keys/key%201"
    assert api.last.content == b""
    assert isinstance(key, ApiKey)
    assert key.end_user == {"external_user_id": "u 1"}
    assert key.secret is None


def test_update_sends_only_the_given_fields() -> None:
    reply = {**KEY, "name": "ci-2", "status": "disabled"}
    api = MockAPI().on("PATCH /api-keys/key_1", json_response(200, {"data": reply}))
    with make_client(api) as client:
        key = client.api_keys.update("key_1", name="ci-2", status="disabled")
        client.api_keys.update("key_1", scopes=("sandboxes:read",))
    assert [r.method for r in api.requests] == ["PATCH", "PATCH"]
    assert api.body(0) == {"name": "ci-2", "status": "disabled"}
    assert api.body(1) == {"scopes": ["sandboxes:read"]}
    assert (key.name, key.status) == ("ci-2", "disabled")


def test_rotate_posts_no_body_and_returns_the_new_plaintext() -> None:
    reply = {"data": {**KEY, "token": "msk_live_NEW", "key": "msk_live_NEW"}}
    api = MockAPI().on("POST /api-keys/key_1/rotate", json_response(200, reply))
    with make_client(api) as client:
        key = client.api_keys.rotate("key_1")
    assert api.last.method == "POST"
    assert api.last.url.path == "/api/v1/api-keys/key_1/rotate"
    assert api.last.content == b""
    assert "content-type" not in api.last.headers
    assert key.secret == "msk_live_NEW"
    assert "msk_live_NEW" not in repr(key)


def test_rotate_of_an_unknown_key_raises_not_found() -> None:
    api = MockAPI().on(
        "POST /api-keys/nope/rotate",
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "api key 'nope' not found"}}),
    )
    with make_client(api) as client:
        with pytest.raises(NotFoundError, match="nope"):
            client.api_keys.rotate("nope")


def test_events_send_type_and_limit() -> None:
    event = {
        "id": "kev_1",
        "key_id": "key_1",
        "type": "rotated",
        "ip_address": "10.0.0.1",
        "metadata": {},
        "created_at": "2026-03-01T00:00:00Z",
    }
    api = MockAPI().on("GET /api-keys/key_1/events", json_response(200, {"data": [event]}))
    with make_client(api) as client:
        events = client.api_keys.events("key_1", limit=5, event_type="rotated")
    assert dict(api.last.url.params) == {"limit": "5", "type": "rotated"}
    assert [type(e) for e in events] == [ApiKeyEvent]
    assert (events[0].type, events[0].ip_address) == ("rotated", "10.0.0.1")
    assert events[0].created_at == datetime(2026, 3, 1, tzinfo=timezone.utc)


def test_presets_list_create_and_delete() -> None:
    preset = {"name": "ops", "description": "ops team", "scopes": ["sandboxes:*"]}
    api = (
        MockAPI()
        .on("GET /api-keys/presets", json_response(200, {"data": [{**preset, "built_in": False}]}))
        .on("POST /api-keys/presets", json_response(201, {"data": preset}))
        .on("DELETE /api-keys/presets/ops%20team", json_response(204, None))
    )
    with make_client(api) as client:
        listed = client.api_keys.presets()
        made = client.api_keys.create_preset(
            name="ops", scopes=["sandboxes:*"], description="ops team"
        )
        client.api_keys.delete_preset("ops team")
    assert [(r.method, r.url.raw_path) for r in api.requests] == [
        ("GET", b"/api/v1/api-keys/presets"),
        ("POST", b"/api/v1/api-keys/presets"),
        ("DELETE", b"/api/v1/api-keys/presets/ops%20team"),
    ]
    assert api.body(1) == {"name": "ops", "scopes": ["sandboxes:*"], "description": "ops team"}
    assert isinstance(listed[0], ApiKeyPreset) and listed[0].built_in is False
    assert (made.name, made.scopes) == ("ops", ("sandboxes:*",))


def test_create_preset_with_a_reserved_name_raises_conflict() -> None:
    api = MockAPI().on(
        "POST /api-keys/presets",
        json_response(409, {"error": {"code": "PRESET_RESERVED", "message": "built-in"}}),
    )
    with make_client(api) as client:
        with pytest.raises(ConflictError):
            client.api_keys.create_preset(name="full-access", scopes=["*"])
    assert api.body() == {"name": "full-access", "scopes": ["*"]}
