# This file was generated from
#   src/miosa/_async/resources/open_computers/schedules.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Schedules: commands an OpenComputers host runs on a cron, a webhook call, or by hand."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query
from ...._groups.open_computers import optional_body
from ....types.open_computers_automation import (
    OpenComputerSchedule,
    OpenComputerScheduleCreated,
    OpenComputerScheduleRun,
)
from ..._resource import APIResource
from ._base import host_path

_KEYS = ("schedule", "data")


def _schedule(host_id: str, schedule_id: str) -> str:
    return host_path("/schedules/{schedule_id}", host_id, schedule_id=schedule_id)


class OpenComputerSchedules(APIResource):
    """``client.open_computers.schedules``: recurring jobs on a host."""

    def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerSchedule]:
        """A host's schedules. ``GET /opencomputers/hosts/{host_id}/schedules``."""
        return self._list(
            "GET",
            host_path("/schedules", host_id),
            OpenComputerSchedule,
            keys=("schedules", "data"),
            options=options,
        )

    def create(
        self,
        host_id: str,
        *,
        name: str,
        cmd: str,
        trigger_kind: Literal["cron", "webhook", "manual"] | NotGiven = NOT_GIVEN,
        cron_expression: str | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout_ms: int | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        max_consecutive_failures: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerScheduleCreated:
        """Create a schedule. ``POST /opencomputers/hosts/{host_id}/schedules``.

        Args:
            cmd: The command to run, with `args`, `env` and `cwd` as a job's.
            trigger_kind: ``"cron"`` (with `cron_expression` in `timezone`), ``"webhook"``
                (the reply's ``webhook_url`` starts a run; returned once) or ``"manual"``.
                Fixed once created.
            max_consecutive_failures: Pause the schedule after this many failed runs.
            extra: More body fields, sent as given.
        """
        payload = body(
            name=name,
            description=description,
            trigger_kind=trigger_kind,
            cron_expression=cron_expression,
            timezone=timezone,
            cmd=cmd,
            args=args,
            env=env,
            cwd=cwd,
            timeout_ms=timeout_ms,
            max_consecutive_failures=max_consecutive_failures,
        )
        return self._object(
            "POST",
            host_path("/schedules", host_id),
            OpenComputerScheduleCreated,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def get(
        self, host_id: str, schedule_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerSchedule:
        """One schedule. ``GET /opencomputers/hosts/{host_id}/schedules/{schedule_id}``."""
        return self._object(
            "GET",
            _schedule(host_id, schedule_id),
            OpenComputerSchedule,
            unwrap=_KEYS,
            options=options,
        )

    def update(
        self,
        host_id: str,
        schedule_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        cmd: str | NotGiven = NOT_GIVEN,
        cron_expression: str | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout_ms: int | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        max_consecutive_failures: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerSchedule:
        """Change a schedule (not its trigger kind).

        ``PATCH /opencomputers/hosts/{host_id}/schedules/{schedule_id}``.
        """
        payload = body(
            name=name,
            description=description,
            cron_expression=cron_expression,
            timezone=timezone,
            cmd=cmd,
            args=args,
            env=env,
            cwd=cwd,
            timeout_ms=timeout_ms,
            max_consecutive_failures=max_consecutive_failures,
        )
        return self._object(
            "PATCH",
            _schedule(host_id, schedule_id),
            OpenComputerSchedule,
            json=merge(payload, extra),
            unwrap=_KEYS,
            options=options,
        )

    def delete(self, host_id: str, schedule_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a schedule. ``DELETE /opencomputers/hosts/{host_id}/schedules/{schedule_id}``."""
        self._none("DELETE", _schedule(host_id, schedule_id), options=options)

    def pause(
        self, host_id: str, schedule_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerSchedule:
        """Stop a schedule's runs until `resume`.

        ``POST /opencomputers/hosts/{host_id}/schedules/{schedule_id}/pause``.
        """
        path = _schedule(host_id, schedule_id) + "/pause"
        return self._object("POST", path, OpenComputerSchedule, unwrap=_KEYS, options=options)

    def resume(
        self, host_id: str, schedule_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerSchedule:
        """Start a paused schedule's runs again.

        ``POST /opencomputers/hosts/{host_id}/schedules/{schedule_id}/resume``.
        """
        path = _schedule(host_id, schedule_id) + "/resume"
        return self._object("POST", path, OpenComputerSchedule, unwrap=_KEYS, options=options)

    def runs(
        self,
        host_id: str,
        schedule_id: str,
        *,
        limit: int | None = None,
        before: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[OpenComputerScheduleRun]:
        """A schedule's runs, newest first.

        ``GET /opencomputers/hosts/{host_id}/schedules/{schedule_id}/runs``; `limit`
        defaults to 20; `before` (a run id) gives the runs older than it.
        """
        return self._list(
            "GET",
            _schedule(host_id, schedule_id) + "/runs",
            OpenComputerScheduleRun,
            params=query(limit=limit, before=before),
            keys=("runs", "data"),
            options=options,
        )

    def trigger(
        self,
        host_id: str,
        schedule_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerScheduleRun:
        """Run a schedule now, outside its trigger; returns the queued run.

        ``POST /opencomputers/hosts/{host_id}/schedules/{schedule_id}/trigger``.
        """
        return self._object(
            "POST",
            _schedule(host_id, schedule_id) + "/trigger",
            OpenComputerScheduleRun,
            json=optional_body(extra),
            unwrap=("run", "data"),
            options=options,
        )
