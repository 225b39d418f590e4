"""Wire tests of ``client.audit_log``: ``after`` cursors, lazy iteration across pages."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from miosa import AsyncPage
from miosa.types.audit_log import AuditLogEntry
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response


def entry(ident: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "action": "sandbox.create",
        "actor_id": "key_1",
        "resource_type": "sandbox",
        "resource_id": "sbx_1",
        "metadata": {"ip": "10.0.0.1"},
        **fields,
    }


def three_pages() -> MockAPI:
    return MockAPI().on(
        "GET /audit-log",
        json_response(
            200,
            {
                "data": [entry("a1", inserted_at="2026-01-03T00:00:00Z"), entry("a2")],
                "next_cursor": "a2",
            },
        ),
        json_response(
            200,
            {"audit_log": [entry("a3", created_at="2026-01-01T00:00:00Z")], "next_cursor": "a3"},
        ),
        json_response(200, {"events": [entry("a4")], "next_cursor": None}),
    )


async def test_list_returns_a_page_with_items_and_next_cursor() -> None:
    api = three_pages()
    async with make_client(api) as client:
        page = await client.audit_log.list(limit=2, action="sandbox.create", actor_id="key_1")
    assert isinstance(page, AsyncPage)
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/audit-log"
    # The filter goes under both query names: "action" (TS contract), "type" (2.19.2).
    assert dict(api.last.url.params) == {
        "limit": "2",
        "action": "sandbox.create",
        "type": "sandbox.create",
        "actor_id": "key_1",
    }
    assert [e.id for e in page.items] == ["a1", "a2"]
    assert page.next_cursor == "a2"
    first = page.items[0]
    assert isinstance(first, AuditLogEntry)
    assert first.created_at == first.inserted_at == datetime(2026, 1, 3, tzinfo=timezone.utc)
    assert first.metadata == {"ip": "10.0.0.1"}


async def test_next_cursor_goes_back_as_after() -> None:
    api = three_pages()
    async with make_client(api) as client:
        page = await client.audit_log.list(limit=2)
        assert page.next_cursor is not None
        await client.audit_log.list(limit=2, after=page.next_cursor)
    assert dict(api.last.url.params) == {"limit": "2", "after": "a2"}


async def test_iteration_walks_every_page_lazily_with_after() -> None:
    api = three_pages()
    seen: list[str] = []
    requests_when_seen: list[int] = []
    async with make_client(api) as client:
        async for item in await client.audit_log.list(limit=2, resource_type="sandbox"):
            seen.append(item.id or "")
            requests_when_seen.append(len(api.requests))
    assert seen == ["a1", "a2", "a3", "a4"]
    # One request per page, each made only when the previous page was used up.
    assert requests_when_seen == [1, 1, 2, 3]
    assert [dict(r.url.params) for r in api.requests] == [
        {"limit": "2", "resource_type": "sandbox"},
        {"limit": "2", "resource_type": "sandbox", "after": "a2"},
        {"limit": "2", "resource_type": "sandbox", "after": "a3"},
    ]


async def test_breaking_early_fetches_no_more_pages() -> None:
    api = three_pages()
    async with make_client(api) as client:
        async for item in await client.audit_log.list(limit=2):
            if item.id == "a2":
                break
    assert len(api.requests) == 1


async def test_time_filters_are_sent_as_iso() -> None:
    api = MockAPI().on("GET /audit-log", json_response(200, {"data": []}))
    async with make_client(api) as client:
        page = await client.audit_log.list(
            since=datetime(2026, 1, 1, tzinfo=timezone.utc),
            until="2026-02-01T00:00:00Z",
            resource_id="sbx_1",
        )
    assert dict(api.last.url.params) == {
        "resource_id": "sbx_1",
        "since": "2026-01-01T00:00:00Z",
        "until": "2026-02-01T00:00:00Z",
    }
    assert page.items == [] and page.next_cursor is None


async def test_a_list_loops_over_every_item_without_await() -> None:
    api = three_pages()
    async with make_client(api) as client:
        ids = [entry.id async for entry in client.audit_log.list(limit=2)]
    assert ids == ["a1", "a2", "a3", "a4"]
    assert [r.url.params.get("after") for r in api.requests] == [None, "a2", "a3"]


async def test_first_page_gives_the_first_page_only() -> None:
    api = three_pages()
    async with make_client(api) as client:
        first = await client.audit_log.list(limit=2).first_page()
    assert [e.id for e in first.items] == ["a1", "a2"] and first.next_cursor == "a2"
    assert len(api.requests) == 1


async def test_pages_walks_page_by_page() -> None:
    api = three_pages()
    async with make_client(api) as client:
        pages = [[e.id for e in p.items] async for p in client.audit_log.list(limit=2).pages()]
    assert pages == [["a1", "a2"], ["a3"], ["a4"]]
    assert len(api.requests) == 3


async def test_pages_of_a_fetched_page_start_with_it() -> None:
    api = three_pages()
    async with make_client(api) as client:
        first = await client.audit_log.list(limit=2)
        pages = [[e.id for e in p.items] async for p in first.pages()]
    assert pages == [["a1", "a2"], ["a3"], ["a4"]]
    assert len(api.requests) == 3
