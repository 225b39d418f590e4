# This file was generated from
#   tests/_async/test_open_computers_automation.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""OpenComputers schedules and backups: the wire, server errors, a local round trip."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    OpenComputerBackupConfig,
    OpenComputerBackupSnapshot,
    OpenComputerBackupState,
    OpenComputerRestore,
    OpenComputerSchedule,
    OpenComputerScheduleCreated,
    OpenComputerScheduleRun,
    OpenComputerScheduleState,
    OpenComputerScheduleTrigger,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

H = "/opencomputers/hosts/h%201"
S = H + "/schedules/s_1"
B = H + "/backup-configs/b_1"
SNAP = "/opencomputers/snapshots/sn_1"
TWO = ("x_1", "x_2")
TWO_ITEMS = [{"id": "x_1"}, {"id": "x_2"}]

CASES = [
    Case(call="open_computers.schedules.list", args=("h 1",), method="GET", path=H + "/schedules",
         reply={"schedules": TWO_ITEMS}, result=OpenComputerSchedule, many=True, result_ids=TWO),
    Case(call="open_computers.schedules.create", args=("h 1",),
         kwargs={"name": "nightly", "cmd": "make", "args": ("test",), "env": {"CI": "1"},
                 "trigger_kind": "webhook", "idempotency_key": "idem-s"},
         method="POST", path=H + "/schedules",
         body={"name": "nightly", "cmd": "make", "args": ["test"], "env": {"CI": "1"},
               "trigger_kind": "webhook"},
         headers={"idempotency-key": "idem-s"}, status=201,
         reply={"schedule": {"id": "x_1", "trigger_kind": "webhook"}, "webhook_token": "tok",
                "webhook_url": "https://h/t/tok"},
         check=lambda r: isinstance(r, OpenComputerScheduleCreated)
         and r.schedule is not None
         and r.schedule.trigger_kind is OpenComputerScheduleTrigger.WEBHOOK
         and r.webhook_token == "tok" and "tok" not in repr(r)),
    Case(call="open_computers.schedules.get", args=("h 1", "s_1"), method="GET", path=S,
         reply={"schedule": {"id": "x_1"}}, result=OpenComputerSchedule),
    Case(call="open_computers.schedules.update", args=("h 1", "s_1"),
         kwargs={"cron_expression": "0 * * * *", "timezone": "Europe/Paris"},
         method="PATCH", path=S, body={"cron_expression": "0 * * * *", "timezone": "Europe/Paris"},
         reply={"schedule": {"id": "x_1"}}, result=OpenComputerSchedule),
    Case(call="open_computers.schedules.delete", args=("h 1", "s_1"), method="DELETE", path=S,
         reply=None, status=204),
    Case(call="open_computers.schedules.pause", args=("h 1", "s_1"), method="POST",
         path=S + "/pause", reply={"schedule": {"id": "x_1", "state": "paused"}},
         check=lambda r: r.state is OpenComputerScheduleState.PAUSED),
    Case(call="open_computers.schedules.resume", args=("h 1", "s_1"), method="POST",
         path=S + "/resume", reply={"schedule": {"id": "x_1"}}, result=OpenComputerSchedule),
    Case(call="open_computers.schedules.runs", args=("h 1", "s_1"),
         kwargs={"limit": 5, "before": "r_9"}, method="GET", path=S + "/runs",
         query={"limit": "5", "before": "r_9"}, reply={"runs": TWO_ITEMS},
         result=OpenComputerScheduleRun, many=True, result_ids=TWO),
    Case(call="open_computers.schedules.trigger", args=("h 1", "s_1"), method="POST",
         path=S + "/trigger", reply={"run": {"id": "x_1"}}, result=OpenComputerScheduleRun),
    Case(call="open_computers.backups.list_configs", args=("h 1",), method="GET",
         path=H + "/backup-configs", reply={"backup_configs": TWO_ITEMS},
         result=OpenComputerBackupConfig, many=True, result_ids=TWO),
    Case(call="open_computers.backups.create_config", args=("h 1",),
         kwargs={"path": "/srv", "retention_count": 3, "exclude_patterns": ["*.tmp"]},
         method="POST", path=H + "/backup-configs",
         body={"path": "/srv", "retention_count": 3, "exclude_patterns": ["*.tmp"]},
         header_names=("idempotency-key",), status=201,
         reply={"backup_config": {"id": "x_1"}}, result=OpenComputerBackupConfig),
    Case(call="open_computers.backups.update_config", args=("h 1", "b_1"),
         kwargs={"state": "paused", "extra": {"notes": "x"}}, method="PATCH", path=B,
         body={"state": "paused", "notes": "x"}, reply={"backup_config": {"id": "x_1"}},
         result=OpenComputerBackupConfig),
    Case(call="open_computers.backups.delete_config", args=("h 1", "b_1"), method="DELETE",
         path=B, reply=None, status=204),
    Case(call="open_computers.backups.pause_config", args=("h 1", "b_1"), method="POST",
         path=B + "/pause", reply={"backup_config": {"id": "x_1", "state": "paused"}},
         check=lambda r: r.state is OpenComputerBackupState.PAUSED),
    Case(call="open_computers.backups.resume_config", args=("h 1", "b_1"), method="POST",
         path=B + "/resume", reply={"backup_config": {"id": "x_1"}},
         result=OpenComputerBackupConfig),
    Case(call="open_computers.backups.trigger", args=("h 1", "b_1"), method="POST",
         path=B + "/trigger", status=202, reply={"snapshot": {"id": "x_1"}},
         result=OpenComputerBackupSnapshot),
    Case(call="open_computers.backups.snapshots", args=("h 1", "b_1"), kwargs={"limit": 2},
         method="GET", path=B + "/snapshots", query={"limit": "2"},
         reply={"snapshots": TWO_ITEMS}, result=OpenComputerBackupSnapshot, many=True,
         result_ids=TWO),
    Case(call="open_computers.backups.get_snapshot", args=("sn_1",), method="GET", path=SNAP,
         reply={"snapshot": {"id": "x_1"}}, result=OpenComputerBackupSnapshot),
    Case(call="open_computers.backups.delete_snapshot", args=("sn_1",), method="DELETE",
         path=SNAP, reply=None, status=204),
    Case(call="open_computers.backups.restore_snapshot", args=("sn_1",),
         kwargs={"target_host_id": "h_2", "overwrite": False}, method="POST",
         path=SNAP + "/restore", body={"target_host_id": "h_2", "overwrite": False},
         status=202, reply={"restore_id": "rs_1"},
         check=lambda r: isinstance(r, OpenComputerRestore) and r.restore_id == "rs_1"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_pausing_a_paused_schedule_raises_conflict() -> None:
    error = {"error": {"code": "CONFLICT", "message": "schedule is already paused"}}
    api = MockAPI().on(f"POST {S}/pause", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="already paused"):
            client.open_computers.schedules.pause("h 1", "s_1")


def test_schedules_and_backups_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            schedules = client.open_computers.schedules
            created = schedules.create("h_1", name="hook", cmd="make", trigger_kind="webhook")
            assert created.schedule is not None and created.schedule.id is not None
            sid = created.schedule.id
            changed = schedules.update("h_1", sid, cmd="make test")
            paused = schedules.pause("h_1", sid)
            resumed = schedules.resume("h_1", sid)
            run = schedules.trigger("h_1", sid)
            runs = schedules.runs("h_1", sid)
            listed = schedules.list("h_1")
            other_host = schedules.list("h_2")
            schedules.delete("h_1", sid)
            with pytest.raises(NotFoundError):
                schedules.get("h_1", sid)
            with pytest.raises(ValidationError):
                schedules.create("h_1", name="x", cmd="y", trigger_kind="hourly")  # type: ignore[arg-type]

            backups = client.open_computers.backups
            config = backups.create_config("h_1", path="/srv", retention_count=3)
            assert config.id is not None
            backups.pause_config("h_1", config.id)
            active = backups.resume_config("h_1", config.id)
            written = backups.trigger("h_1", config.id)
            assert written.id is not None
            snapshot = backups.get_snapshot(written.id)
            history = backups.snapshots("h_1", config.id)
            configs = backups.list_configs("h_1")
            restore = backups.restore_snapshot(written.id, target_host_id="h_2")
            backups.delete_snapshot(written.id)
            backups.update_config("h_1", config.id, retention_days=30)
            backups.delete_config("h_1", config.id)
            after = backups.list_configs("h_1")
    assert (
        created.webhook_token
        and created.webhook_url
        and created.webhook_url.endswith(created.webhook_token)
    )
    assert changed.cmd == "make test"
    assert (paused.state, resumed.state) == ("paused", "active")
    assert [r.id for r in runs] == [run.id] and run.state == "queued"
    assert [s.id for s in listed] == [sid] and listed[0].last_run_at is not None
    assert other_host == []
    assert active.state is OpenComputerBackupState.ACTIVE
    assert (written.state, snapshot.state) == ("running", "completed")
    assert [s.id for s in history] == [written.id]
    assert configs[0].last_snapshot_at is not None and restore.restore_id
    assert after == []
