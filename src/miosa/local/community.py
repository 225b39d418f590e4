"""The community catalog (``/community/agents``, ``/community/templates``): read-only.

The catalog is canned: a few shared agents and templates, the same on every server.
``q`` (or ``search``) narrows a list to the entries whose name or description holds it,
``author`` to one author. Installing and rating templates are not served: production
removed those routes and the SDK raises without a request.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON
from .http import json_response, not_found, ok, paginate
from .routing import Call, Endpoint

_STAMP = "2026-01-15T12:00:00Z"
AGENTS: tuple[JSON, ...] = (
    {
        "id": "cagt_code_reviewer",
        "name": "Code reviewer",
        "description": "Reviews a pull request and leaves inline comments.",
        "author": "miosa",
        "created_at": _STAMP,
    },
    {
        "id": "cagt_release_notes",
        "name": "Release notes writer",
        "description": "Drafts release notes from the merged pull requests.",
        "author": "community",
        "created_at": _STAMP,
    },
)
TEMPLATES: tuple[JSON, ...] = (
    {
        "id": "ctpl_nextjs_starter",
        "name": "Next.js starter",
        "description": "A Next.js app with a Postgres database, ready to deploy.",
        "author": "miosa",
        "rating": 4.7,
        "rating_count": 128,
        "install_count": 2048,
        "created_at": _STAMP,
    },
    {
        "id": "ctpl_fastapi_service",
        "name": "FastAPI service",
        "description": "A Python API service with tests and a Dockerfile.",
        "author": "community",
        "rating": 4.4,
        "rating_count": 56,
        "install_count": 731,
        "created_at": _STAMP,
    },
)


def _matching(call: Call, entries: tuple[JSON, ...]) -> list[JSON]:
    text = (call.query.get("q") or call.query.get("search") or "").lower()
    author = call.query.get("author")
    return [
        e
        for e in entries
        if (not text or text in f"{e['name']} {e['description']}".lower())
        and (not author or e["author"] == author)
    ]


def _one(entries: tuple[JSON, ...], what: str, ident: str) -> JSON:
    found = next((e for e in entries if e["id"] == ident), None)
    if found is None:
        raise not_found(what, ident)
    return found


async def list_agents(call: Call) -> Response:
    """``GET /community/agents``."""
    return json_response(paginate(_matching(call, AGENTS), call.query))


async def get_agent(call: Call) -> Response:
    """``GET /community/agents/{agent_id}``."""
    return ok(_one(AGENTS, "community agent", call.params["agent_id"]))


async def list_templates(call: Call) -> Response:
    """``GET /community/templates``."""
    return json_response(paginate(_matching(call, TEMPLATES), call.query))


async def get_template(call: Call) -> Response:
    """``GET /community/templates/{template_id}``."""
    return ok(_one(TEMPLATES, "community template", call.params["template_id"]))


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/community/agents", list_agents),
        Endpoint("GET", "/community/agents/{agent_id}", get_agent),
        Endpoint("GET", "/community/templates", list_templates),
        Endpoint("GET", "/community/templates/{template_id}", get_template),
    ]
