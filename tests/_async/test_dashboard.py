"""Wire tests of ``client.dashboard`` and ``client.analytics``."""

from __future__ import annotations

import pytest

from miosa import ServerError
from miosa._converter import structure
from miosa.types.dashboard import (
    AnalyticsOverview,
    AnalyticsTimeseries,
    DashboardSummary,
    PlatformOverview,
)
from tests._async._helpers import WireCase, make_client, run_wire_case
from tests.helpers import MockAPI, json_response

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
    WireCase(
        lambda c: c.dashboard.summary(),
        "GET",
        "/dashboard",
        lambda r: isinstance(r, DashboardSummary) and r.computers == {"total": 3, "running": 1},
        reply={"dashboard": SUMMARY},
    ),
    WireCase(
        lambda c: c.dashboard.overview(),
        "GET",
        "/overview",
        lambda r: isinstance(r, PlatformOverview) and r.status == "degraded",
        reply={"overview": {"status": "degraded"}},
    ),
    WireCase(
        lambda c: c.analytics.overview(),
        "GET",
        "/analytics/overview",
        lambda r: isinstance(r, AnalyticsOverview) and r.raw == {"tenants": 7},
        reply={"analytics": {"tenants": 7}},
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


async def test_dashboard_surfaces_a_server_error() -> None:
    api = MockAPI().on(
        "GET /dashboard",
        json_response(500, {"error": {"code": "INTERNAL", "message": "aggregator down"}}),
    )
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError, match="aggregator down"):
            await client.dashboard.summary()
