"""Usage reports: ``/usage``."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import query
from ..._groups.integrator import iso_param
from ...types.usage import UsageGroupBy, UsagePeriod, UsageReport, UsageSession, UsageSummary
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager

_SUMMARY_KEYS = ("data", "usage", "sessions", "summary", "items")


def _time(value: datetime | str | None) -> str | None:
    return None if value is None else iso_param(value)


class AsyncUsage(AsyncAPIResource):
    """``client.usage``: what your tenant and your end users consumed."""

    async def get(
        self,
        *,
        external_user_id: str | None = None,
        group_by: UsageGroupBy | str | None = None,
        period: UsagePeriod | str | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageReport:
        """Usage per external user, project or workspace. ``GET /usage``.

        ``group_by`` is ``"external_user_id"`` / ``"external_project_id"`` /
        ``"workspace_id"`` (`UsageGroupBy`); the window is ``period`` (``"7d"``,
        ``"30d"``, ``"month-to-date"``: `UsagePeriod`) or ``start``/``end``
        (datetimes, sent as ISO-8601 UTC).
        """
        params = query(
            external_user_id=external_user_id,
            group_by=group_by,
            period=period,
            start=_time(start),
            end=_time(end),
        )
        return await self._object(
            "GET", "/usage", UsageReport, params=params, unwrap=("data", "usage"), options=options
        )

    async def current(self, **options: Unpack[RequestOptions]) -> UsageSummary:
        """Totals for the current billing period. ``GET /usage/summary``."""
        return await self._object(
            "GET", "/usage/summary", UsageSummary, unwrap=_SUMMARY_KEYS, options=options
        )

    async def report(
        self,
        *,
        period_start: datetime | str | None = None,
        period_end: datetime | str | None = None,
        computer_id: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageSummary:
        """Totals for a chosen window. ``GET /usage/summary`` with filters."""
        params = query(
            period_start=_time(period_start),
            period_end=_time(period_end),
            computer_id=computer_id,
            limit=limit,
            cursor=cursor,
        )
        return await self._object(
            "GET",
            "/usage/summary",
            UsageSummary,
            params=params,
            unwrap=_SUMMARY_KEYS,
            options=options,
        )

    def sessions(
        self,
        *,
        computer_id: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[UsageSession]:
        """One page of usage sessions; ``async for`` walks every page. ``GET /usage/sessions``."""
        params = query(
            computer_id=computer_id,
            limit=limit,
            cursor=cursor,
            since=_time(since),
            until=_time(until),
        )
        return self._page(
            "/usage/sessions",
            UsageSession,
            params=params,
            keys=("data", "items", "sessions"),
            options=options,
        )
