"""Wire tests of ``client.quotas``."""

from __future__ import annotations

import pytest

from miosa import QuotaExceededError
from miosa.types.quotas import ExternalUserQuota
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response, sandbox_json

QUOTA = {
    "external_user_id": "user 7",
    "max_sandboxes": 5,
    "max_concurrent": 2,
    "max_storage_gb": None,
    "max_credit_cents": 1000,
    "usage": {"sandbox_count": 1, "concurrent_count": 1, "storage_gb": 0.5, "credit_cents": 12},
    "current_sandboxes": 1,
}


async def test_get_encodes_the_user_id_and_parses_usage() -> None:
    api = MockAPI().on("GET /quotas/external/user%207", json_response(200, {"data": QUOTA}))
    async with make_client(api) as client:
        quota = await client.quotas.get("user 7")
    assert api.last.method == "GET"
    assert api.last.url.raw_path == b"/api/v1/quotas/external/user%207"
    assert isinstance(quota, ExternalUserQuota)
    assert (quota.max_sandboxes, quota.max_storage_gb) == (5, None)
    assert quota.usage is not None
    assert (quota.usage.sandbox_count, quota.usage.storage_gb) == (1, 0.5)


async def test_set_sends_only_given_limits_and_none_as_null() -> None:
    api = MockAPI().on("PUT /quotas/external/u_1", json_response(200, QUOTA))
    async with make_client(api) as client:
        quota = await client.quotas.set(
            "u_1", max_sandboxes=5, max_concurrent=2, max_storage_gb=None
        )
    assert api.last.method == "PUT"
    assert api.body() == {"max_sandboxes": 5, "max_concurrent": 2, "max_storage_gb": None}
    assert quota.max_credit_cents == 1000


async def test_delete() -> None:
    api = MockAPI().on("DELETE /quotas/external/u_1", json_response(204, None))
    async with make_client(api) as client:
        await client.quotas.delete("u_1")
    assert api.last.method == "DELETE"
    assert api.last.url.path == "/api/v1/quotas/external/u_1"


async def test_a_sandbox_over_quota_raises_quota_exceeded() -> None:
    error = {"error": {"code": "QUOTA_EXCEEDED", "message": "at its max_sandboxes quota"}}
    api = MockAPI().on(
        "POST /sandboxes", json_response(403, error), json_response(201, sandbox_json())
    )
    async with make_client(api) as client:
        with pytest.raises(QuotaExceededError):
            await client.sandboxes.create(external_user_id="u_1")


async def test_get_and_set_read_the_quota_under_a_quota_key() -> None:
    api = (
        MockAPI()
        .on("GET /quotas/external/u_1", json_response(200, {"quota": QUOTA}))
        .on("PUT /quotas/external/u_1", json_response(200, {"quota": QUOTA}))
    )
    async with make_client(api) as client:
        got = await client.quotas.get("u_1")
        put = await client.quotas.set("u_1", max_sandboxes=5)
    assert [r.method for r in api.requests] == ["GET", "PUT"]
    assert api.body() == {"max_sandboxes": 5}
    assert (got.max_sandboxes, put.max_concurrent) == (5, 2)
    assert got.usage is not None and got.usage.credit_cents == 12
