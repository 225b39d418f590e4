"""Models of the dashboard, the public status overview and the admin analytics."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import Model

__all__ = ["AnalyticsOverview", "AnalyticsTimeseries", "DashboardSummary", "PlatformOverview"]


@attrs.frozen(kw_only=True)
class DashboardSummary(Model):
    """The caller's aggregated dashboard. The sections' shapes are server-defined."""

    computers: Any = None
    sandboxes: Any = None
    credits: Any = None


@attrs.frozen(kw_only=True)
class PlatformOverview(Model):
    """The public status overview (``GET /overview``)."""

    status: str | None = None


@attrs.frozen(kw_only=True)
class AnalyticsOverview(Model):
    """The platform analytics overview; its figures are server-defined and read from `raw`."""


@attrs.frozen(kw_only=True)
class AnalyticsTimeseries(Model):
    """One metric over a period; the points are in `series` (server-defined shape)."""

    metric: str | None = None
    period: str | None = None
    series: Any = None
