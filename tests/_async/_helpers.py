"""Client factories and the wire-case runner (generated into tests/_sync with the sync client)."""

from __future__ import annotations

from typing import Any

import httpx

from miosa import AsyncMiosa
from tests.helpers import API_KEY, BASE_URL, Case, MockAPI, check_request, check_result, resolve


def make_client(api: MockAPI, **options: Any) -> AsyncMiosa:
    options.setdefault("api_key", API_KEY)
    options.setdefault("base_url", BASE_URL)
    return AsyncMiosa(http_client=httpx.AsyncClient(transport=api.transport), **options)


async def run_case(case: Case) -> None:
    """Make `case.call` against its scripted reply: exactly one request, as `case` describes."""
    api = MockAPI().on(case.route, case.response())
    async with make_client(api) as client:
        if isinstance(case.call, str):
            result = await resolve(client, case.call)(*case.args, **case.kwargs)
        else:
            result = await case.call(client)
    assert len(api.requests) == 1
    check_request(api.last, case)
    check_result(result, case)
