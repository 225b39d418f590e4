"""Cron jobs: ``/cron-jobs``."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.cron_jobs import CronExecution, CronJob
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


def _job_path(job_id: str) -> str:
    return route("/cron-jobs/{job_id}", job_id=job_id)


class AsyncCronJobs(AsyncAPIResource):
    """``client.cron_jobs``: scheduled work, its control and its run history."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        state: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[CronJob]:
        """List cron jobs. ``GET /cron-jobs``; ``extra`` adds query parameters."""
        return self._page(
            "/cron-jobs",
            CronJob,
            params=query_with(extra, limit=limit, cursor=cursor, state=state),
            keys=("data", "items", "cron_jobs"),
            options=options,
        )

    async def get(self, job_id: str, **options: Unpack[RequestOptions]) -> CronJob:
        """Fetch a cron job. ``GET /cron-jobs/{job_id}``."""
        return await self._object("GET", _job_path(job_id), CronJob, options=options)

    async def create(
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
        return await self._object(
            "POST",
            "/cron-jobs",
            CronJob,
            json=merge(body(name=name, schedule=schedule), extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def update(
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
        return await self._object(
            "PATCH", _job_path(job_id), CronJob, json=payload, options=options
        )

    async def delete(self, job_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a cron job. ``DELETE /cron-jobs/{job_id}``."""
        await self._none("DELETE", _job_path(job_id), options=options)

    async def pause(self, job_id: str, **options: Unpack[RequestOptions]) -> CronJob:
        """Stop scheduling runs. ``POST /cron-jobs/{job_id}/pause``."""
        return await self._object("POST", _job_path(job_id) + "/pause", CronJob, options=options)

    async def resume(self, job_id: str, **options: Unpack[RequestOptions]) -> CronJob:
        """Schedule runs again. ``POST /cron-jobs/{job_id}/resume``."""
        return await self._object("POST", _job_path(job_id) + "/resume", CronJob, options=options)

    async def run_now(
        self, job_id: str, *, idempotency_key: str | None = None, **options: Unpack[RequestOptions]
    ) -> CronJob:
        """Start a run now, outside the schedule. ``POST /cron-jobs/{job_id}/run-now``.

        The contract types the reply as the job (it may be an execution record; the
        whole reply is in ``raw``).
        """
        return await self._object(
            "POST",
            _job_path(job_id) + "/run-now",
            CronJob,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def list_executions(
        self, job_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[CronExecution]:
        """A job's runs. ``GET /cron-jobs/{job_id}/executions``."""
        return await self._list(
            "GET",
            _job_path(job_id) + "/executions",
            CronExecution,
            keys=("data", "items", "executions"),
            options=options,
        )

    async def get_execution(
        self, job_id: str, execution_id: str, **options: Unpack[RequestOptions]
    ) -> CronExecution:
        """One run. ``GET /cron-jobs/{job_id}/executions/{execution_id}``."""
        path = route(
            "/cron-jobs/{job_id}/executions/{execution_id}",
            job_id=job_id,
            execution_id=execution_id,
        )
        return await self._object("GET", path, CronExecution, options=options)
