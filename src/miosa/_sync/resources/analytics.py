# This file was generated from
#   src/miosa/_async/resources/analytics.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Admin analytics."""

from __future__ import annotations

from collections.abc import Mapping

from ..._request import query
from ...types.dashboard import AnalyticsOverview, AnalyticsTimeseries
from .._resource import APIResource


class Analytics(APIResource):
    """``client.analytics``: platform figures (admin scope)."""

    def overview(
        self, *, filters: Mapping[str, str | int | bool] | None = None
    ) -> AnalyticsOverview:
        """The platform analytics overview. ``GET /analytics/overview``.

        ``filters`` are sent as query parameters as given.
        """
        return self._object(
            "GET", "/analytics/overview", AnalyticsOverview, params=query(**(filters or {}))
        )

    def timeseries(
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
        return self._object("GET", "/analytics/timeseries", AnalyticsTimeseries, params=params)
