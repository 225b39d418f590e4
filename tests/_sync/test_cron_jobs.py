# This file was generated from
#   tests/_async/test_cron_jobs.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for cron jobs and their executions."""

from __future__ import annotations

import pytest

from miosa._converter import structure
from miosa.types.cron_jobs import CronExecution, CronJob
from tests._sync._helpers import run_case
from tests.helpers import Case, case_id

J = "/cron-jobs/job_1"
TWO = ("x_1", "x_2")

CASES = [
    Case(call="cron_jobs.list", kwargs={"limit": 2, "state": "active"}, method="GET",
         path="/cron-jobs", query={"limit": "2", "state": "active"},
         reply={"cron_jobs": [{"id": "x_1"}, {"id": "x_2"}]}, result=CronJob, many=True,
         result_ids=TWO),
    Case(call="cron_jobs.get", args=("job_1",), method="GET", path=J, result=CronJob),
    Case(call="cron_jobs.create",
         kwargs={"name": "nightly", "schedule": "0 3 * * *",
                 "extra": {"command": "python backup.py"}, "idempotency_key": "idem-cron"},
         method="POST", path="/cron-jobs",
         body={"name": "nightly", "schedule": "0 3 * * *", "command": "python backup.py"},
         headers={"idempotency-key": "idem-cron"}, status=201, result=CronJob),
    Case(call="cron_jobs.update", args=("job_1",), kwargs={"schedule": "*/5 * * * *"},
         method="PATCH", path=J, body={"schedule": "*/5 * * * *"}, result=CronJob),
    Case(call="cron_jobs.delete", args=("job_1",), method="DELETE", path=J, reply=None,
         status=204),
    Case(call="cron_jobs.pause", args=("job_1",), method="POST", path=J + "/pause",
         result=CronJob),
    Case(call="cron_jobs.resume", args=("job_1",), method="POST", path=J + "/resume",
         result=CronJob),
    Case(call="cron_jobs.run_now", args=("job_1",), kwargs={"idempotency_key": "idem-run"},
         method="POST", path=J + "/run-now", headers={"idempotency-key": "idem-run"},
         result=CronJob),
    Case(call="cron_jobs.list_executions", args=("job_1",), method="GET",
         path=J + "/executions", reply={"executions": [{"id": "x_1"}, {"id": "x_2"}]},
         result=CronExecution, many=True, result_ids=TWO),
    Case(call="cron_jobs.get_execution", args=("job_1", "ex_1"), method="GET",
         path=J + "/executions/ex_1", result=CronExecution),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_cron_models_round_trip() -> None:
    job = structure(
        {"id": "job_1", "name": "nightly", "schedule": "0 3 * * *", "state": "active",
         "paused": False, "next_run_at": "2026-11-29T03:00:00Z", "last_run_at": None,
         "command": "python backup.py"},
        CronJob,
    )  # fmt: skip
    assert job.schedule == "0 3 * * *" and job.paused is False and job.last_run_at is None
    assert job.next_run_at is not None and job.next_run_at.hour == 3
    assert job.raw["command"] == "python backup.py"
    run = structure(
        {"id": "ex_1", "cron_job_id": "job_1", "state": "failed", "exit_code": 2,
         "duration_ms": 1500, "error": "boom"},
        CronExecution,
    )  # fmt: skip
    assert (run.exit_code, run.duration_ms, run.error) == (2, 1500, "boom")
