# This file was generated from
#   tests/_async/test_api_keys.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.api_keys``."""

from __future__ import annotations

from datetime import datetime, timezone

from miosa import Page
from miosa.types.api_keys import ApiKey
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
