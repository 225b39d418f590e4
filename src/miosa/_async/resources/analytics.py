"""Admin analytics."""

from __future__ import annotations

from collections.abc import Mapping

from ..._request import query
from ...types.dashboard import AnalyticsOverview, AnalyticsTimeseries
from .._resource import AsyncAPIResource


class AsyncAnalytics(AsyncAPIResource):
    """``client.analytics``: platform figures (admin scope)."""

    async def overview(
        self, *, filters: Mapping[str, str | int | bool] | None = None
    ) -> AnalyticsOverview:
        """The platform analytics overview. ``GET /analytics/overview``.

        ``filters`` are sent as query parameters as given.
        """
        return await self._object(
            "GET", "/analytics/overview", AnalyticsOverview, params=query(**(filters or {}))
        )

    async def timeseries(
        self,
        *,
        metric: str | None = None,
        period: str | None = None,
        filters: Mapping[str, str | int | bool] | None = None,
    ) -> AnalyticsTimeseries:
        """One metric over a period. ``GET /analytics/timeseries``.

        ``filters`` are further query parameters, sent as given.
        """
        params = query(**(filters or {}), metric=metric, period=period)
        return await self._object(
            "GET", "/analytics/timeseries", AnalyticsTimeseries, params=params
        )
