"""Admin analytics."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._groups.platform import query_with
from ...types.dashboard import AnalyticsOverview, AnalyticsTimeseries
from .._resource import AsyncAPIResource


class AsyncAnalytics(AsyncAPIResource):
    """``client.analytics``: platform figures (admin scope)."""

    async def overview(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> AnalyticsOverview:
        """The platform analytics overview. ``GET /analytics/overview``.

        ``extra`` adds query parameters, sent as given.
        """
        return await self._object(
            "GET",
            "/analytics/overview",
            AnalyticsOverview,
            params=query_with(extra),
            unwrap=("data", "analytics"),
            options=options,
        )

    async def timeseries(
        self,
        *,
        metric: str | None = None,
        period: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AnalyticsTimeseries:
        """One metric over a period. ``GET /analytics/timeseries``.

        ``extra`` adds further query parameters, sent as given.
        """
        params = query_with(extra, metric=metric, period=period)
        return await self._object(
            "GET", "/analytics/timeseries", AnalyticsTimeseries, params=params, options=options
        )
