"""Wire tests of ``client.credits``: bare balance, page-number transactions, usage."""

from __future__ import annotations

from typing import Any

import pytest

from miosa import AsyncPage, AuthenticationError
from miosa.types.credits import CreditBalance, CreditTransaction, CreditTransactionType, CreditUsage
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response


async def test_balance_reads_the_bare_reply_and_the_wrapped_one() -> None:
    api = MockAPI().on(
        "GET /credits/balance",
        json_response(200, {"balance": 1250.5, "expires_at": "2027-01-01T00:00:00Z"}),
        json_response(200, {"data": {"balance": 3}}),
    )
    async with make_client(api) as client:
        bare = await client.credits.balance()
        wrapped = await client.credits.balance()
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/credits/balance"
    assert isinstance(bare, CreditBalance)
    assert bare.balance == 1250.5
    assert bare.expires_at is not None and bare.expires_at.year == 2027
    assert wrapped.balance == 3


async def test_balance_reads_production_balance_credits() -> None:
    reply = {
        "tenant_id": "ten_1",
        "balance_credits": 9876,
        "lifetime_earned": 10000,
        "lifetime_spent": 124,
        "credit_expiry_at": "2027-03-01T00:00:00Z",
        "updated_at": "2026-12-01T10:00:00Z",
    }
    api = MockAPI().on("GET /credits/balance", json_response(200, reply))
    async with make_client(api) as client:
        balance = await client.credits.balance()
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/credits/balance"
    assert api.last.content == b""
    assert (balance.balance, balance.balance_credits) == (9876, 9876)
    assert (balance.lifetime_earned, balance.lifetime_spent) == (10000, 124)
    assert balance.tenant_id == "ten_1"
    assert balance.expires_at is not None and balance.expires_at == balance.credit_expiry_at
    assert balance.updated_at is not None and balance.updated_at.month == 12


async def test_balance_error_is_raised() -> None:
    api = MockAPI().on(
        "GET /credits/balance",
        json_response(401, {"error": {"code": "UNAUTHORIZED", "message": "bad key"}}),
    )
    async with make_client(api) as client:
        with pytest.raises(AuthenticationError, match="bad key"):
            await client.credits.balance()


def txn(ident: str, kind: str = "debit") -> dict[str, Any]:
    return {"id": ident, "amount": 2, "type": kind, "description": "runtime", "created_at": None}


async def test_transactions_follow_page_numbers_from_meta_across_three_pages() -> None:
    api = MockAPI().on(
        "GET /credits/transactions",
        json_response(
            200,
            {
                "data": [txn("t1", "credit"), txn("t2")],
                "meta": {"total": 5, "page": 1, "per_page": 2},
            },
        ),
        json_response(
            200, {"data": [txn("t3"), txn("t4")], "meta": {"total": 5, "page": 2, "per_page": 2}}
        ),
        json_response(
            200, {"data": [txn("t5", "refund")], "meta": {"total": 5, "page": 3, "per_page": 2}}
        ),
    )
    async with make_client(api) as client:
        page = await client.credits.transactions(per_page=2)
        assert isinstance(page, AsyncPage)
        assert page.total == 5
        assert page.next_cursor is None
        assert page.has_more
        items = [t async for t in page]
    assert [dict(r.url.params) for r in api.requests] == [
        {"per_page": "2"},
        {"per_page": "2", "page": "2"},
        {"per_page": "2", "page": "3"},
    ]
    assert [t.id for t in items] == ["t1", "t2", "t3", "t4", "t5"]
    assert isinstance(items[0], CreditTransaction)
    assert items[0].type is CreditTransactionType.CREDIT
    assert items[4].type == "refund"
    assert items[4].type is not None and not items[4].type.is_known


async def test_transactions_start_at_the_given_page() -> None:
    api = MockAPI().on(
        "GET /credits/transactions",
        json_response(200, {"data": [txn("t9")], "meta": {"total": 9, "page": 9, "per_page": 1}}),
    )
    async with make_client(api) as client:
        page = await client.credits.transactions(page=9, per_page=1)
        rest = [t.id async for t in page]
    assert dict(api.last.url.params) == {"page": "9", "per_page": "1"}
    assert rest == ["t9"]
    assert len(api.requests) == 1


async def test_usage() -> None:
    api = MockAPI().on(
        "GET /credits/usage",
        json_response(
            200,
            {
                "data": {
                    "period_start": "2026-01-01T00:00:00Z",
                    "compute_credits": 4,
                    "ai_credits": 1.5,
                    "total_credits": 5.5,
                }
            },
        ),
    )
    async with make_client(api) as client:
        usage = await client.credits.usage()
    assert api.last.url.path == "/api/v1/credits/usage"
    assert isinstance(usage, CreditUsage)
    assert (usage.compute_credits, usage.ai_credits, usage.total_credits) == (4, 1.5, 5.5)


async def test_usage_reads_the_bare_reply_with_short_names() -> None:
    reply = {
        "period_start": "2026-01-01T00:00:00Z",
        "period_end": "2026-02-01T00:00:00Z",
        "compute": 7,
        "ai": 2,
        "storage": 0.5,
        "total": 9.5,
    }
    api = MockAPI().on("GET /credits/usage", json_response(200, reply))
    async with make_client(api) as client:
        usage = await client.credits.usage()
    assert api.last.method == "GET" and api.last.url.path == "/api/v1/credits/usage"
    assert (usage.compute, usage.ai, usage.storage, usage.total) == (7, 2, 0.5, 9.5)
    assert (usage.compute_credits, usage.ai_credits, usage.storage_credits) == (7, 2, 0.5)
    assert usage.total_credits == 9.5
