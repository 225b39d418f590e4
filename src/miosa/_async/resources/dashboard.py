"""The caller's dashboard and the public status overview."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ...types.dashboard import DashboardSummary, PlatformOverview
from .._resource import AsyncAPIResource


class AsyncDashboard(AsyncAPIResource):
    """``client.dashboard``: aggregated summaries."""

    async def summary(self, **options: Unpack[RequestOptions]) -> DashboardSummary:
        """The caller's aggregated dashboard. ``GET /dashboard``."""
        return await self._object(
            "GET", "/dashboard", DashboardSummary, unwrap=("data", "dashboard"), options=options
        )

    async def overview(self, **options: Unpack[RequestOptions]) -> PlatformOverview:
        """The public status overview. ``GET /overview``."""
        return await self._object(
            "GET", "/overview", PlatformOverview, unwrap=("data", "overview"), options=options
        )
