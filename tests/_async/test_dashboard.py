"""Wire tests of ``client.dashboard`` and ``client.analytics``."""

from __future__ import annotations

import pytest

from miosa._converter import structure
from miosa.types.dashboard import (
    AnalyticsOverview,
    AnalyticsTimeseries,
    DashboardSummary,
    PlatformOverview,
)
from tests._async._helpers import WireCase, run_wire_case

SUMMARY = {
    "computers": {"total": 3, "running": 1},
    "sandboxes": {"total": 12, "running": 4},
    "credits": {"balance": 1520, "currency": "credits"},
    "generated_at": "2026-11-28T10:00:00Z",
}

CASES = [
    WireCase(
        lambda c: c.dashboard.summary(),
        "GET",
        "/dashboard",
        lambda r: isinstance(r, DashboardSummary) and r.sandboxes == {"total": 12, "running": 4},
        reply={"data": SUMMARY},
    ),
    WireCase(
        lambda c: c.dashboard.overview(),
        "GET",
        "/overview",
        lambda r: isinstance(r, PlatformOverview) and r.status == "operational",
        reply={"status": "operational"},
    ),
    WireCase(
        lambda c: c.analytics.overview(extra={"period": "7d", "active": True}),
        "GET",
        "/analytics/overview",
        lambda r: isinstance(r, AnalyticsOverview) and r.raw["tenants"] == 42,
        reply={"data": {"tenants": 42}},
        query={"period": "7d", "active": "true"},
    ),
    WireCase(
        lambda c: c.analytics.timeseries(metric="sandboxes", period="30d", extra={"tz": "UTC"}),
        "GET",
        "/analytics/timeseries",
        lambda r: (
            isinstance(r, AnalyticsTimeseries)
            and r.metric == "sandboxes"
            and r.series == [{"t": "2026-11-01", "v": 3}]
        ),
        reply={
            "data": {
                "metric": "sandboxes",
                "period": "30d",
                "series": [{"t": "2026-11-01", "v": 3}],
            }
        },
        query={"tz": "UTC", "metric": "sandboxes", "period": "30d"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_dashboard_and_analytics_wire(case: WireCase) -> None:
    await run_wire_case(case)


def test_dashboard_summary_round_trip_keeps_unknown_fields() -> None:
    summary = structure(SUMMARY, DashboardSummary)
    assert summary.computers == {"total": 3, "running": 1}
    assert summary.credits == {"balance": 1520, "currency": "credits"}
    assert summary.raw["generated_at"] == "2026-11-28T10:00:00Z"
    overview = structure({"status": "degraded", "incidents": 1}, PlatformOverview)
    assert (overview.status, overview.raw["incidents"]) == ("degraded", 1)
