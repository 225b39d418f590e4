# This file was generated from
#   src/miosa/_async/resources/dashboard.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The caller's dashboard and the public status overview."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ...types.dashboard import DashboardSummary, PlatformOverview
from .._resource import APIResource


class Dashboard(APIResource):
    """``client.dashboard``: aggregated summaries."""

    def summary(self, **options: Unpack[RequestOptions]) -> DashboardSummary:
        """The caller's aggregated dashboard. ``GET /dashboard``."""
        return self._object(
            "GET", "/dashboard", DashboardSummary, unwrap=("data", "dashboard"), options=options
        )

    def overview(self, **options: Unpack[RequestOptions]) -> PlatformOverview:
        """The public status overview. ``GET /overview``."""
        return self._object(
            "GET", "/overview", PlatformOverview, unwrap=("data", "overview"), options=options
        )
