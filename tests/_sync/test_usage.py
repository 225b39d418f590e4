# This file was generated from
#   tests/_async/test_usage.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.usage``."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from miosa.types.usage import UsageGroupBy, UsagePeriod, UsageReport, UsageSession, UsageSummary
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

REPORT = {
    "period_start": "2026-01-01T00:00:00Z",
    "period_end": "2026-01-31T00:00:00Z",
    "group_by": "external_user_id",
    "results": [
        {"external_user_id": "u_1", "sandbox_seconds": 120.5, "credit_cents": 7},
        {"external_user_id": "u_2", "sandbox_seconds": 0, "credit_cents": 0.25},
    ],
}


def test_get_groups_by_attribution_with_a_named_period() -> None:
    api = MockAPI().on("GET /usage", json_response(200, {"data": REPORT}))
    with make_client(api) as client:
        report = client.usage.get(
            external_user_id="u_1", group_by=UsageGroupBy.EXTERNAL_USER_ID, period="30d"
        )
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/usage"
    assert dict(api.last.url.params) == {
        "external_user_id": "u_1",
        "group_by": "external_user_id",
        "period": "30d",
    }
    assert isinstance(report, UsageReport)
    assert report.group_by is UsageGroupBy.EXTERNAL_USER_ID
    assert report.results is not None
    assert [(r.external_user_id, r.sandbox_seconds, r.credit_cents) for r in report.results] == [
        ("u_1", 120.5, 7),
        ("u_2", 0, 0.25),
    ]


def test_get_sends_start_and_end_as_iso_utc() -> None:
    api = MockAPI().on("GET /usage", json_response(200, REPORT))
    start = datetime(2026, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    with make_client(api) as client:
        client.usage.get(group_by="workspace_id", start=start, end="2026-01-31T00:00:00Z")
        client.usage.get(period=UsagePeriod.MONTH_TO_DATE, start=datetime(2026, 2, 1))
    assert dict(api.requests[0].url.params) == {
        "group_by": "workspace_id",
        "start": "2026-01-01T10:00:00Z",
        "end": "2026-01-31T00:00:00Z",
    }
    assert dict(api.requests[1].url.params) == {
        "period": "month-to-date",
        "start": "2026-02-01T00:00:00Z",
    }


def test_current_reads_the_summary_under_any_envelope_key() -> None:
    summary = {"period_start": "2026-01-01T00:00:00Z", "total_credits": 12.5, "compute_hours": 3}
    api = MockAPI().on(
        "GET /usage/summary",
        json_response(200, {"summary": summary}),
        json_response(200, {"usage": {**summary, "total_credits": 1}}),
    )
    with make_client(api) as client:
        first = client.usage.current()
        second = client.usage.current()
    assert api.requests[0].method == "GET"
    assert dict(api.requests[0].url.params) == {}
    assert isinstance(first, UsageSummary)
    assert (first.total_credits, first.compute_hours) == (12.5, 3)
    assert first.period_start == datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert second.total_credits == 1


def test_report_sends_its_filters_to_the_summary_route() -> None:
    api = MockAPI().on("GET /usage/summary", json_response(200, {"data": {"total_credits": 4}}))
    with make_client(api) as client:
        report = client.usage.report(
            period_start=datetime(2026, 1, 1, tzinfo=timezone.utc),
            period_end="2026-01-08T00:00:00Z",
            computer_id="cmp_1",
            limit=10,
        )
    assert dict(api.last.url.params) == {
        "period_start": "2026-01-01T00:00:00Z",
        "period_end": "2026-01-08T00:00:00Z",
        "computer_id": "cmp_1",
        "limit": "10",
    }
    assert report.total_credits == 4


def test_sessions_page_across_three_pages() -> None:
    api = MockAPI().on(
        "GET /usage/sessions",
        json_response(200, {"data": [{"id": "s1", "credits_used": 1.5}], "next_cursor": "s1"}),
        json_response(200, {"sessions": [{"id": "s2", "credit_cost": 2}], "next_cursor": "s2"}),
        json_response(200, {"data": [{"id": "s3"}]}),
    )
    with make_client(api) as client:
        page = client.usage.sessions(computer_id="cmp_1", limit=1)
        sessions = [s for s in page]
    assert [dict(r.url.params) for r in api.requests] == [
        {"computer_id": "cmp_1", "limit": "1"},
        {"computer_id": "cmp_1", "limit": "1", "cursor": "s1"},
        {"computer_id": "cmp_1", "limit": "1", "cursor": "s2"},
    ]
    assert [s.id for s in sessions] == ["s1", "s2", "s3"]
    assert all(isinstance(s, UsageSession) for s in sessions)
    assert (sessions[0].credits_used, sessions[0].credit_cost) == (1.5, 1.5)
    assert (sessions[1].credits_used, sessions[1].credit_cost) == (2, 2)


def test_get_reads_the_report_under_a_usage_key() -> None:
    api = MockAPI().on("GET /usage", json_response(200, {"usage": REPORT}))
    with make_client(api) as client:
        report = client.usage.get(period="7d")
    assert dict(api.last.url.params) == {"period": "7d"}
    assert report.results is not None and len(report.results) == 2
