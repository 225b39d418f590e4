"""The OpenComputers audit log (``/opencomputers/audit``), apart from the tenant audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query, route
from ....types.open_computers_monitoring import (
    OpenComputerAuditEvent,
    OpenComputerAuditExport,
    OpenComputerAuditVerification,
)
from ..._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ...._pager import AsyncPager

_AUDIT = "/opencomputers/audit"


def _filters(
    *,
    event_type: str | None,
    host_id: str | None,
    actor: str | None,
    from_: str | None,
    to: str | None,
    **more: object,
) -> dict[str, str]:
    params = query(event_type=event_type, host_id=host_id, actor=actor, to=to, **more)
    if from_ is not None:
        params["from"] = from_
    return params


class AsyncOpenComputerAudit(AsyncAPIResource):
    """``client.open_computers.audit``: who did what to which host, in a verifiable chain.

    Payloads are redacted by the server before they are sent.
    """

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        event_type: str | None = None,
        host_id: str | None = None,
        actor: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[OpenComputerAuditEvent]:
        """Audit entries, a page at a time. ``GET /opencomputers/audit``.

        `limit` defaults to 100 (at most 200); `from_` and `to` bound ``created_at``
        (ISO 8601). ``async for event in page`` follows ``next_cursor`` to the end.
        """
        params = _filters(
            event_type=event_type,
            host_id=host_id,
            actor=actor,
            from_=from_,
            to=to,
            limit=limit,
            cursor=cursor,
        )
        return self._page(
            _AUDIT, OpenComputerAuditEvent, params=params, keys=("events", "data"), options=options
        )

    async def get(self, event_id: str, **options: Unpack[RequestOptions]) -> OpenComputerAuditEvent:
        """One audit entry. ``GET /opencomputers/audit/{event_id}``."""
        path = route(_AUDIT + "/{event_id}", event_id=event_id)
        return await self._object(
            "GET", path, OpenComputerAuditEvent, unwrap=("event", "data"), options=options
        )

    async def export(
        self,
        *,
        limit: int | None = None,
        event_type: str | None = None,
        host_id: str | None = None,
        actor: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAuditExport:
        """Entries in one reply, as JSON. ``GET /opencomputers/audit/export?format=json``.

        `limit` defaults to 1000 (at most 5000). `export_csv` gives the same as CSV.
        """
        params = _filters(
            event_type=event_type,
            host_id=host_id,
            actor=actor,
            from_=from_,
            to=to,
            format="json",
            limit=limit,
        )
        return await self._object(
            "GET", _AUDIT + "/export", OpenComputerAuditExport, params=params, options=options
        )

    async def export_csv(
        self,
        *,
        limit: int | None = None,
        event_type: str | None = None,
        host_id: str | None = None,
        actor: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> str:
        """Entries as CSV text, a header row first.

        ``GET /opencomputers/audit/export?format=csv``; the filters are those of `export`.
        """
        params = _filters(
            event_type=event_type,
            host_id=host_id,
            actor=actor,
            from_=from_,
            to=to,
            format="csv",
            limit=limit,
        )
        content = await self._bytes("GET", _AUDIT + "/export", params=params, options=options)
        return content.decode(errors="replace")

    async def verify(self, **options: Unpack[RequestOptions]) -> OpenComputerAuditVerification:
        """The chain-integrity state as last checked (cheap: the server caches it).

        ``GET /opencomputers/audit/verify``.
        """
        return await self._object(
            "GET", _AUDIT + "/verify", OpenComputerAuditVerification, options=options
        )
