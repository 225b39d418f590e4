"""Wire tests of ``client.builder_sessions``."""

from __future__ import annotations

import httpx
import pytest

from miosa._converter import structure
from miosa.types.builder_sessions import BuilderSession
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, json_response

SESSION = {
    "id": "bs_1",
    "title": "Landing page",
    "resource_type": "sandbox",
    "resource_id": "sbx_1",
    "updated_at": "2026-11-28T09:00:00Z",
    "messages": 14,
}

CASES = [
    Case(
        call=lambda c: c.builder_sessions.list(),
        method="GET",
        path="/builder/sessions",
        check=lambda r: [type(x) for x in r] == [BuilderSession] and r[0].title == "Landing page",
        reply={"sessions": [SESSION]},
        query={"limit": "50"},
    ),
    Case(
        call=lambda c: c.builder_sessions.list(limit=None, extra={"resource_type": "sandbox"}),
        method="GET",
        path="/builder/sessions",
        check=lambda r: len(r) == 1,
        reply={"data": [SESSION]},
        query={"resource_type": "sandbox"},
    ),
    Case(
        call=lambda c: c.builder_sessions.update_title("bs_1", title="Pricing page"),
        method="PATCH",
        path="/builder/sessions/bs_1/title",
        check=lambda r: isinstance(r, BuilderSession) and r.title == "Pricing page",
        reply={"data": {**SESSION, "title": "Pricing page"}},
        body={"title": "Pricing page"},
    ),
    Case(
        call=lambda c: c.builder_sessions.delete("bs_1"),
        method="DELETE",
        path="/builder/sessions/bs_1",
        check=lambda r: r is None,
        reply=httpx.Response(204),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{case.route}" for i, case in enumerate(CASES)])
async def test_builder_sessions_wire(case: Case) -> None:
    await run_case(case)


async def test_get_finds_a_session_in_the_list() -> None:
    api = MockAPI().on("GET /builder/sessions", json_response(200, {"data": [SESSION]}))
    async with make_client(api) as client:
        found = await client.builder_sessions.get("bs_1")
        missing = await client.builder_sessions.get("bs_2")
    assert found is not None and found.resource_id == "sbx_1"
    assert missing is None


def test_builder_session_round_trip_keeps_unknown_fields() -> None:
    session = structure(SESSION, BuilderSession)
    assert session.updated_at is not None and session.updated_at.tzinfo is not None
    assert session.created_at is None
    assert session.raw["messages"] == 14
