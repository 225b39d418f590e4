"""``client.admin.request``: the escape hatch for admin routes without a method."""

from __future__ import annotations

import pytest

from miosa import PermissionDeniedError
from tests._async._helpers import make_client
from tests.helpers import MockAPI, assert_request, json_response


async def test_request_sends_the_call_and_returns_the_decoded_reply() -> None:
    api = MockAPI().on("POST /admin/tenants/tnt_1/notes", json_response(201, {"data": [1, 2]}))
    async with make_client(api) as client:
        reply = await client.admin.request(
            "post", "/admin/tenants/tnt_1/notes", json_body={"text": "hi"}, params={"dry": True}
        )
    assert reply == {"data": [1, 2]}
    assert_request(
        api.last,
        method="POST",
        path="/admin/tenants/tnt_1/notes",
        query={"dry": "true"},
        body={"text": "hi"},
    )


async def test_request_raises_the_sdk_errors_and_stays_under_admin() -> None:
    error = {"error": {"code": "FORBIDDEN", "message": "admin key required"}}
    api = MockAPI().on("GET /admin/stats", json_response(403, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PermissionDeniedError, match="admin key required"):
            await client.admin.request("GET", "/admin/stats")
        with pytest.raises(ValueError, match="/admin/"):
            await client.admin.request("GET", "https://elsewhere.test/admin/stats")
    assert len(api.requests) == 1
