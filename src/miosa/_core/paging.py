"""Pure pagination bookkeeping: given a page's payload, what request fetches the next one."""

from __future__ import annotations

from typing import Any

import attrs
import httpx

from .responses import next_cursor_of


@attrs.frozen
class PageRequest:
    """How one page was asked for: the path, its query and the name of the cursor parameter."""

    path: str
    params: dict[str, str]
    cursor_param: str = "cursor"
    # The caller's per-call headers and timeout, sent again for every page.
    headers: dict[str, str] | None = None
    timeout: httpx.Timeout | None = None


def next_page_request(payload: Any, request: PageRequest, item_count: int) -> PageRequest | None:
    """The request for the page after this one, or None when this is the last page.

    Cursor replies (``next_cursor`` at the top level or under ``meta``) win; otherwise
    ``meta: {total, page, per_page}`` page numbers are followed.
    """
    cursor = next_cursor_of(payload)
    if cursor is not None:
        return attrs.evolve(request, params={**request.params, request.cursor_param: cursor})
    meta = payload.get("meta") if isinstance(payload, dict) else None
    if not isinstance(meta, dict) or item_count == 0:
        return None
    page, per_page, total = meta.get("page"), meta.get("per_page"), meta.get("total")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (page, per_page, total)):
        return None
    assert isinstance(page, int) and isinstance(per_page, int) and isinstance(total, int)
    if page * per_page >= total:
        return None
    return attrs.evolve(request, params={**request.params, "page": str(page + 1)})


def total_of(payload: Any) -> int | None:
    """The total item count, when the server says it."""
    if not isinstance(payload, dict):
        return None
    for holder in (payload, payload.get("meta")):
        if isinstance(holder, dict):
            total = holder.get("total")
            if isinstance(total, int) and not isinstance(total, bool):
                return total
    return None
