"""``GET /audit-log``: the records ``Store.record_audit`` keeps, newest first, cursor-paged."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .common import parse_iso
from .http import page_response
from .routing import Call, Endpoint


async def list_audit(call: Call) -> Response:
    """Filter by action / actor / resource / time, then page."""
    q = call.query
    filters: dict[str, Any] = {
        "action": q.get("action") or q.get("type"),
        "actor_id": q.get("actor_id"),
        "resource_type": q.get("resource_type") or q.get("resource"),
        "resource_id": q.get("resource_id"),
    }
    since = parse_iso(q["since"]) if q.get("since") else None
    until = parse_iso(q["until"]) if q.get("until") else None
    items = []
    for entry in reversed(call.store.audit):
        if any(v and entry.get(k) != v for k, v in filters.items()):
            continue
        stamp = parse_iso(entry["created_at"]) or 0.0
        if (since is not None and stamp < since) or (until is not None and stamp > until):
            continue
        items.append(entry)
    return page_response(items, q)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [Endpoint("GET", "/audit-log", list_audit)]
