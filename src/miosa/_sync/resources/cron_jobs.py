# This file was generated from
#   src/miosa/_async/resources/cron_jobs.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Cron jobs: ``/cron-jobs``."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.cron_jobs import CronExecution, CronJob
from .._resource import APIResource

if TYPE_CHECKING:
    from ..._pager import Page


def _job_path(job_id: str) -> str:
    return route("/cron-jobs/{job_id}", job_id=job_id)


class CronJobs(APIResource):
    """``client.cron_jobs``: scheduled work, its control and its run history."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        state: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[CronJob]:
        """List cron jobs. ``GET /cron-jobs``; ``extra`` adds query parameters."""
        return self._page(
            "/cron-jobs",
            CronJob,
            params=query_with(extra, limit=limit, cursor=cursor, state=state),
            keys=("data", "items", "cron_jobs"),
            options=options,
        )

    def get(self, job_id: str, **options: Unpack[RequestOptions]) -> CronJob:
        """Fetch a cron job. ``GET /cron-jobs/{job_id}``."""
        return self._object("GET", _job_path(job_id), CronJob, options=options)

    def create(
        self,
        *,
        name: str,
        schedule: str,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CronJob:
        """Create a cron job; ``schedule`` is a cron expression. ``POST /cron-jobs``.

        What the job runs goes in ``extra`` (the contract does not name those keys).
        """
        return self._object(
            "POST",
            "/cron-jobs",
            CronJob,
            json=merge(body(name=name, schedule=schedule), extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def update(
        self,
        job_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        schedule: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> CronJob:
        """Change a cron job. ``PATCH /cron-jobs/{job_id}``."""
        payload = merge(body(name=name, schedule=schedule), extra)
        return self._object("PATCH", _job_path(job_id), CronJob, json=payload, options=options)

    def delete(self, job_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a cron job. ``DELETE /cron-jobs/{job_id}``."""
        self._none("DELETE", _job_path(job_id), options=options)

    def pause(self, job_id: str, **options: Unpack[RequestOptions]) -> CronJob:
        """Stop scheduling runs. ``POST /cron-jobs/{job_id}/pause``."""
        return self._object("POST", _job_path(job_id) + "/pause", CronJob, options=options)

    def resume(self, job_id: str, **options: Unpack[RequestOptions]) -> CronJob:
        """Schedule runs again. ``POST /cron-jobs/{job_id}/resume``."""
        return self._object("POST", _job_path(job_id) + "/resume", CronJob, options=options)

    def run_now(
        self, job_id: str, *, idempotency_key: str | None = None, **options: Unpack[RequestOptions]
    ) -> CronJob:
        """Start a run now, outside the schedule. ``POST /cron-jobs/{job_id}/run-now``.

        The contract types the reply as the job (it may be an execution record; the
        whole reply is in ``raw``).
        """
        return self._object(
            "POST",
            _job_path(job_id) + "/run-now",
            CronJob,
            idempotency_key=idempotency_key,
            options=options,
        )

    def list_executions(
        self, job_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[CronExecution]:
        """A job's runs. ``GET /cron-jobs/{job_id}/executions``."""
        return self._list(
            "GET",
            _job_path(job_id) + "/executions",
            CronExecution,
            keys=("data", "items", "executions"),
            options=options,
        )

    def get_execution(
        self, job_id: str, execution_id: str, **options: Unpack[RequestOptions]
    ) -> CronExecution:
        """One run. ``GET /cron-jobs/{job_id}/executions/{execution_id}``."""
        path = route(
            "/cron-jobs/{job_id}/executions/{execution_id}",
            job_id=job_id,
            execution_id=execution_id,
        )
        return self._object("GET", path, CronExecution, options=options)
