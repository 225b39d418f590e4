"""What only the async client's list result does: it is lazy, awaitable and iterable.

(The blocking client's ``list()`` fetches the first page at once and returns it; both
behaviours are covered by tests/_async/test_audit_log.py and its generated twin.)
"""

from __future__ import annotations

from miosa import AsyncPage, AsyncPager
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response


def two_pages() -> MockAPI:
    return MockAPI().on(
        "GET /audit-log",
        json_response(200, {"data": [{"id": "a1"}], "next_cursor": "a1"}),
        json_response(200, {"data": [{"id": "a2"}], "next_cursor": None}),
    )


async def test_nothing_is_sent_until_the_list_is_awaited_or_iterated() -> None:
    api = two_pages()
    async with make_client(api) as client:
        pager = client.audit_log.list()
        assert isinstance(pager, AsyncPager) and api.requests == []
        assert repr(pager) == "AsyncPager(not fetched)"
        page = await pager
    assert isinstance(page, AsyncPage) and [e.id for e in page.items] == ["a1"]
    assert len(api.requests) == 1


async def test_breaking_out_of_the_loop_stops_fetching() -> None:
    api = two_pages()
    async with make_client(api) as client:
        async for entry in client.audit_log.list():
            assert entry.id == "a1"
            break
    assert len(api.requests) == 1
