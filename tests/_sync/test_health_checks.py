# This file was generated from
#   tests/_async/test_health_checks.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for uptime health checks."""

from __future__ import annotations

import pytest

from miosa._converter import structure
from miosa.types.health_checks import HealthCheck, HealthStatus
from tests._sync._helpers import run_case
from tests.helpers import Case, case_id

H = "/health-checks/hc_1"

CASES = [
    Case(call="health_checks.list", kwargs={"cursor": "c", "extra": {"last_status": "down"}},
         method="GET", path="/health-checks", query={"last_status": "down", "cursor": "c"},
         reply={"health_checks": [{"id": "x_1"}, {"id": "x_2"}]}, result=HealthCheck,
         many=True, result_ids=("x_1", "x_2")),
    Case(call="health_checks.get", args=("hc_1",), method="GET", path=H, result=HealthCheck),
    Case(call="health_checks.create",
         kwargs={"name": "api", "url": "https://api.example.com/health", "interval_sec": 60,
                 "timeout_sec": 5, "method": "HEAD", "expected_status": 204,
                 "extra": {"regions": ["iad"]}, "idempotency_key": "idem-hc"},
         method="POST", path="/health-checks",
         body={"name": "api", "url": "https://api.example.com/health", "interval_sec": 60,
               "timeout_sec": 5, "method": "HEAD", "expected_status": 204,
               "regions": ["iad"]},
         headers={"idempotency-key": "idem-hc"}, status=201, result=HealthCheck),
    Case(call="health_checks.update", args=("hc_1",), kwargs={"interval_sec": 30},
         method="PATCH", path=H, body={"interval_sec": 30}, result=HealthCheck),
    Case(call="health_checks.delete", args=("hc_1",), method="DELETE", path=H, reply=None,
         status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_health_check_model_round_trip() -> None:
    check = structure(
        {"id": "hc_1", "name": "api", "url": "https://api.example.com/health",
         "interval_sec": 60, "method": "GET", "expected_status": 200, "last_status": "up",
         "last_checked_at": "2026-11-28T10:00:00Z", "latency_ms": 42},
        HealthCheck,
    )  # fmt: skip
    assert check.last_status is HealthStatus.UP
    assert (check.interval_sec, check.expected_status) == (60, 200)
    assert check.raw["latency_ms"] == 42
    degraded = structure({"last_status": "degraded"}, HealthCheck).last_status
    assert degraded == "degraded" and degraded is not None and not degraded.is_known
