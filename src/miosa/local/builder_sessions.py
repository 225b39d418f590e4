"""Builder UI sessions (``GET /builder/sessions``): one per live sandbox.

A Builder session is durable builder state bound to a sandbox; the local server has no
Builder UI to open one, so every live sandbox (not a computer) the caller sees has its
session (made on first listing, kept by id, titled after the sandbox). ``limit`` bounds
the list; ``resource_type`` and ``resource_id`` filter it.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, new_id
from .http import int_param, ok
from .routing import Call, Endpoint, visible
from .sandboxes import is_computer

_SESSIONS = "builder:sessions"  # sandbox id -> session
_FILTERS = ("resource_type", "resource_id")


def _sessions(call: Call) -> list[JSON]:
    """The session of every live sandbox, oldest sandbox first."""
    table = call.store.records.setdefault(_SESSIONS, {})
    found = []
    for sandbox in sorted(call.store.sandboxes.values(), key=lambda s: s.created_at):
        if not sandbox.alive or is_computer(sandbox) or not visible(sandbox, call.principal):
            continue
        stamp = iso(sandbox.created_at)
        session = table.setdefault(
            sandbox.id,
            {
                "id": new_id("bses"),
                "title": sandbox.name,
                "resource_type": "sandbox",
                "resource_id": sandbox.id,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        found.append(session)
    return found


async def list_sessions(call: Call) -> Response:
    """``GET /builder/sessions`` (``limit``, default 50; filters ``resource_type``,
    ``resource_id``)."""
    limit = int_param(call.query, "limit", 50, 1, 1000)
    wanted = {k: call.query[k] for k in _FILTERS if call.query.get(k)}
    items = [s for s in _sessions(call) if all(s.get(k) == v for k, v in wanted.items())]
    return ok(items[:limit])


def endpoints() -> list[Endpoint]:
    return [Endpoint("GET", "/builder/sessions", list_sessions)]


__all__ = ["endpoints"]
