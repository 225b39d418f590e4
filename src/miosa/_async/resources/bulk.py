"""``client.bulk``: pause, resume or destroy many sandboxes, apply a policy to many scopes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

from ..._concurrency import asleep
from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import route
from ..._core.waiters import Poller
from ..._groups.batches import BULK_JOB, selection
from ...types.bulk import BulkJob
from .._resource import AsyncAPIResource


class AsyncBulkSandboxes(AsyncAPIResource):
    """``client.bulk.sandboxes``: one action over sandboxes named by id or by a filter."""

    async def _act(
        self, action: str, ids: Sequence[str] | None, where: Mapping[str, Any] | None
    ) -> BulkJob:
        return await self._object(
            "POST", f"/bulk/sandboxes/{action}", BulkJob, json=selection(ids, where)
        )

    async def pause(
        self,
        *,
        ids: Sequence[str] | None = None,
        filter: Mapping[str, Any] | None = None,  # noqa: A002 - the wire name
    ) -> BulkJob:
        """Pause sandboxes named by ``ids`` (else by ``filter``). ``POST /bulk/sandboxes/pause``."""
        return await self._act("pause", ids, filter)

    async def resume(
        self,
        *,
        ids: Sequence[str] | None = None,
        filter: Mapping[str, Any] | None = None,  # noqa: A002 - the wire name
    ) -> BulkJob:
        """Resume sandboxes. ``POST /bulk/sandboxes/resume``."""
        return await self._act("resume", ids, filter)

    async def destroy(
        self,
        *,
        ids: Sequence[str] | None = None,
        filter: Mapping[str, Any] | None = None,  # noqa: A002 - the wire name
    ) -> BulkJob:
        """Destroy sandboxes. ``POST /bulk/sandboxes/destroy``."""
        return await self._act("destroy", ids, filter)


class AsyncBulkPolicy(AsyncAPIResource):
    """``client.bulk.policy``: write one policy at many scopes."""

    async def apply(
        self,
        *,
        tier: str,
        ids_or_filter: Sequence[str] | Mapping[str, Any],
        policy: Mapping[str, Any],
        **options: Unpack[RequestOptions],
    ) -> BulkJob:
        """Apply ``policy`` at ``tier`` (``workspace``, ``external_user``...) to the scopes
        named by ids (a list) or by a filter (a mapping). ``POST /bulk/policy/apply``."""
        if isinstance(ids_or_filter, Mapping):
            target = selection(None, ids_or_filter)
        else:
            target = selection(list(ids_or_filter), None)
        payload = {"tier": tier, "policy": dict(policy), **target}
        return await self._object(
            "POST", "/bulk/policy/apply", BulkJob, json=payload, options=options
        )


class AsyncBulkJobs(AsyncAPIResource):
    """``client.bulk.jobs``: follow a bulk operation."""

    async def get(self, job_id: str, **options: Unpack[RequestOptions]) -> BulkJob:
        """A bulk job's progress. ``GET /bulk/jobs/{job_id}``."""
        path = route("/bulk/jobs/{job_id}", job_id=job_id)
        return await self._object("GET", path, BulkJob, unwrap=("data", "job"), options=options)

    async def wait(
        self, job_id: str, *, timeout: float = 600.0, poll_interval: float = 1.0
    ) -> BulkJob:
        """Poll `get` until the job is done (``completed``/``succeeded``/``partial``).

        ``failed`` raises `miosa.ResourceFailedError`; `miosa.WaitTimeoutError` after
        ``timeout`` seconds.
        """
        poller = Poller(BULK_JOB, job_id, timeout=timeout, first_delay=poll_interval)
        while True:
            job = await self.get(job_id)
            delay = poller.next_delay(job.status)
            if delay is None:
                return job
            await asleep(delay)


class AsyncBulk(AsyncAPIResource):
    """``client.bulk``: operations over many resources at once, run as jobs."""

    @cached_property
    def sandboxes(self) -> AsyncBulkSandboxes:
        """Bulk sandbox actions: ``/bulk/sandboxes/{action}``."""
        return AsyncBulkSandboxes(self._client)

    @cached_property
    def policy(self) -> AsyncBulkPolicy:
        """Bulk policy writes: ``/bulk/policy/apply``."""
        return AsyncBulkPolicy(self._client)

    @cached_property
    def jobs(self) -> AsyncBulkJobs:
        """Bulk jobs: ``/bulk/jobs/{job_id}``."""
        return AsyncBulkJobs(self._client)
