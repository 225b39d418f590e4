"""The audit log: ``/audit-log``."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import query
from ..._groups.integrator import iso_param
from ...types.audit_log import AuditLogEntry
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


class AsyncAuditLog(AsyncAPIResource):
    """``client.audit_log``: who did what in your tenant, newest first."""

    def list(
        self,
        *,
        after: str | None = None,
        limit: int | None = None,
        action: str | None = None,
        actor_id: str | None = None,
        resource_type: str | None = None,
        resource_id: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[AuditLogEntry]:
        """One page of entries. ``GET /audit-log``.

        ``page.items`` and ``page.next_cursor`` describe the page; pass the cursor back
        as ``after=`` for the next one, or let ``async for entry in page`` walk every
        page lazily (it sends ``?after=<next_cursor>`` itself).

        ``action`` is sent under both of its query names, ``action`` (TypeScript
        contract) and ``type`` (what 2.19.2 sends), so either server reading filters.
        """
        params = query(
            after=after,
            limit=limit,
            action=action,
            type=action,
            actor_id=actor_id,
            resource_type=resource_type,
            resource_id=resource_id,
            since=None if since is None else iso_param(since),
            until=None if until is None else iso_param(until),
        )
        return self._page(
            "/audit-log",
            AuditLogEntry,
            params=params,
            cursor_param="after",
            keys=("data", "audit_log", "events", "items"),
            options=options,
        )
