# This file was generated from
#   tests/_async/test_community.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.community``."""

from __future__ import annotations

import re
from typing import Any

import pytest

from miosa import APIStatusError, NotFoundError, UnsupportedRouteError
from miosa._converter import structure
from miosa.types.community import CommunityAgent, CommunityTemplate, TemplateRating
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, json_response

TEMPLATE = {
    "id": "tpl_1",
    "name": "Next.js starter",
    "description": "SSR app",
    "author": "acme",
    "rating": 4.5,
    "rating_count": 12,
    "install_count": 340,
    "created_at": "2026-08-01T00:00:00Z",
    "tags": ["web"],
}
AGENT = {"id": "ca_1", "name": "Reviewer", "description": "Reviews PRs", "author": "acme"}

CASES = [
    Case(
        call=lambda c: c.community.list_agents(extra={"q": "review"}),
        method="GET",
        path="/community/agents",
        check=lambda r: [type(x) for x in r] == [CommunityAgent] and r[0].name == "Reviewer",
        reply={"agents": [AGENT]},
        query={"q": "review"},
    ),
    Case(
        call=lambda c: c.community.get_agent("ca_1"),
        method="GET",
        path="/community/agents/ca_1",
        check=lambda r: isinstance(r, CommunityAgent) and r.id == "ca_1",
        reply={"data": AGENT},
    ),
    Case(
        call=lambda c: c.community.list_templates(extra={"sort": "popular", "page": 2}),
        method="GET",
        path="/community/templates",
        check=lambda r: isinstance(r[0], CommunityTemplate) and r[0].install_count == 340,
        reply={"templates": [TEMPLATE]},
        query={"sort": "popular", "page": "2"},
    ),
    Case(
        call=lambda c: c.community.get_template("tpl_1"),
        method="GET",
        path="/community/templates/tpl_1",
        check=lambda r: isinstance(r, CommunityTemplate) and r.rating == 4.5,
        reply={"data": TEMPLATE},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{case.route}" for i, case in enumerate(CASES)])
def test_community_wire(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize(
    ("call", "route"),
    [
        (
            lambda c: c.community.install_template("tpl_1", {"workspace_id": "ws_1"}),
            "POST /community/templates/{template_id}/install",
        ),
        (
            lambda c: c.community.rate_template("tpl_1", rating=5, comment="great"),
            "POST /community/templates/{template_id}/rate",
        ),
    ],
)
def test_removed_routes_raise_without_a_request(call: Any, route: str) -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(
            UnsupportedRouteError, match=re.escape(f"the server removed {route} (")
        ) as info:
            call(client)
    assert "answered 501" in str(info.value)
    assert info.value.route == route and info.value.call.startswith("community.")
    assert not isinstance(info.value, APIStatusError)
    assert api.requests == []


def test_a_server_error_on_get_template_is_raised() -> None:
    api = MockAPI().on(
        "GET /community/templates/tpl_9",
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "no such template"}}),
    )
    with make_client(api) as client:
        with pytest.raises(NotFoundError, match="no such template"):
            client.community.get_template("tpl_9")
    assert len(api.requests) == 1


def test_community_template_round_trip_keeps_unknown_fields() -> None:
    template = structure(TEMPLATE, CommunityTemplate)
    assert (template.rating, template.rating_count) == (4.5, 12)
    assert template.created_at is not None and template.created_at.month == 8
    assert template.raw["tags"] == ["web"]
    rating = structure({"template_id": "tpl_1", "rating": 4, "average": 4.6}, TemplateRating)
    assert rating.rating == 4 and rating.raw["average"] == 4.6
