"""Client factories and wire-case runners (generated into tests/_sync with the sync client)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import httpx

from miosa import AsyncMiosa
from tests.helpers import API_KEY, BASE_URL, NO_BODY, MockAPI, assert_request, json_response
from tests.platform_cases import Case, check_request, check_result, resolve


def make_client(api: MockAPI, **options: Any) -> AsyncMiosa:
    options.setdefault("api_key", API_KEY)
    options.setdefault("base_url", BASE_URL)
    return AsyncMiosa(http_client=httpx.AsyncClient(transport=api.transport), **options)


@attrs.frozen
class WireCase:
    """One endpoint: the call, the exact request it must send, the reply and what comes back.

    `path` is the raw (encoded) path below the API root; `body` is the JSON body expected,
    `NO_BODY` when the request must carry none; `check` judges the returned value.
    """

    call: Callable[[AsyncMiosa], Any]
    method: str
    path: str
    check: Callable[[Any], bool]
    reply: Any = attrs.field(factory=lambda: {"data": {"id": "id_1"}})
    query: dict[str, str] = attrs.field(factory=dict)
    body: Any = NO_BODY

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


async def run_wire_case(case: WireCase) -> None:
    reply = case.reply if isinstance(case.reply, httpx.Response) else json_response(200, case.reply)
    api = MockAPI().on(f"{case.method} {case.path}", reply)
    async with make_client(api) as client:
        result = await case.call(client)
    assert len(api.requests) == 1
    assert_request(api.last, method=case.method, path=case.path, query=case.query, body=case.body)
    assert case.check(result), f"unexpected result {result!r}"


async def run_case(case: Case) -> None:
    """Call `case.call` against a scripted reply; exactly one request, as `case` describes."""
    api = MockAPI().on(case.route, case.response())
    async with make_client(api) as client:
        result = await resolve(client, case.call)(*case.args, **case.kwargs)
    assert len(api.requests) == 1
    check_request(api.last, case)
    check_result(result, case)
