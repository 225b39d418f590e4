"""``client.run_groups``: runs fanned out together and followed as one (``/run-groups``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._concurrency import asleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._core.waiters import Poller
from ...._groups.runs import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    RUN_GROUP_WAIT,
    group_activity_is_final,
    parse_run_activity,
)
from ....types.runs import RunActivity, RunFile, RunGroup, RunGroupDispatch, RunSpec
from ..._resource import AsyncAPIResource
from ...streams import AsyncEventStream


def _group_path(group_id: str, tail: str = "") -> str:
    return route("/run-groups/{group_id}", group_id=group_id) + tail


class AsyncRunGroups(AsyncAPIResource):
    """``client.run_groups``: create a group, dispatch runs into it, follow it to the end."""

    async def list(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[RunGroup]:
        """Run groups, newest first. ``GET /run-groups``."""
        params = query(workspace_id=workspace_id, project_id=project_id, status=status, limit=limit)
        return await self._list(
            "GET",
            "/run-groups",
            RunGroup,
            params=params,
            keys=("data", "groups", "items"),
            options=options,
        )

    async def create(
        self,
        *,
        name: str,
        description: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        concurrency_limit: int | NotGiven = NOT_GIVEN,
        expected_runs: int | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RunGroup:
        """Create an empty group. ``POST /run-groups``.

        Args:
            concurrency_limit: At most this many of its runs execute at once.
            expected_runs: How many runs the group will get (for progress).
        """
        payload = body(
            name=name,
            description=description,
            workspace_id=workspace_id,
            project_id=project_id,
            concurrency_limit=concurrency_limit,
            expected_runs=expected_runs,
            metadata=metadata,
        )
        return await self._object(
            "POST",
            "/run-groups",
            RunGroup,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def get(
        self, group_id: str, *, include_runs: bool = False, **options: Unpack[RequestOptions]
    ) -> RunGroup:
        """One group; with `include_runs`, its runs too. ``GET /run-groups/{group_id}``."""
        params = query(include="runs" if include_runs else None)
        return await self._object(
            "GET", _group_path(group_id), RunGroup, params=params, options=options
        )

    async def dispatch(
        self,
        group_id: str,
        runs: Sequence[RunSpec],
        *,
        async_: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RunGroupDispatch:
        """Start runs in the group, one per entry. ``POST /run-groups/{group_id}/dispatch``.

        Each entry takes the fields of ``runs.create`` (an ``instruction`` or a
        ``command``, and a target). With ``async_=True`` the server answers before the
        runs are created.
        """
        payload = body(runs=[dict(run) for run in runs], **{"async": async_})
        return await self._object(
            "POST",
            _group_path(group_id, "/dispatch"),
            RunGroupDispatch,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def cancel(self, group_id: str, **options: Unpack[RequestOptions]) -> RunGroup:
        """Cancel every run of the group not final yet. ``POST /run-groups/{group_id}/cancel``."""
        return await self._object(
            "POST", _group_path(group_id, "/cancel"), RunGroup, json={}, options=options
        )

    async def activity(
        self, group_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[RunActivity]:
        """The group's activity feed so far. ``GET /run-groups/{group_id}/activity``."""
        return await self._list(
            "GET",
            _group_path(group_id, "/activity"),
            RunActivity,
            keys=("data", "activity", "items"),
            options=options,
        )

    def stream_activity(self, group_id: str) -> AsyncEventStream[RunActivity]:
        """The group's activity live, until the group is final; connects when entered.

        ``GET /run-groups/{group_id}/activity`` as server-sent events.
        """
        return self._events(
            _group_path(group_id, "/activity"), parse_run_activity, is_final=group_activity_is_final
        )

    async def files(self, group_id: str) -> builtins.list[RunFile]:
        """Every file the group's runs produced, each with its ``run_id``.

        Reads the group with its runs, then ``GET /runs/{run_id}/files`` for each run.
        """
        group = await self.get(group_id, include_runs=True)
        found: builtins.list[RunFile] = []
        for run in group.runs:
            if run.id:
                found.extend(await self._client.runs.files(run.id))
        return found

    async def wait_for_completion(
        self,
        group_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        include_runs: bool = False,
    ) -> RunGroup:
        """Poll ``GET /run-groups/{group_id}`` until the group is final, and return it.

        A group ends ``succeeded``, ``failed`` or ``canceled``; a failed group is returned,
        not raised. Backs off from `poll_interval` seconds (x1.5, at most 10 s); raises
        `miosa.WaitTimeoutError` when `timeout` seconds pass first (None waits forever).
        """
        poller = Poller(RUN_GROUP_WAIT, group_id, timeout=timeout, first_delay=poll_interval)
        while True:
            group = await self.get(group_id, include_runs=include_runs)
            delay = poller.next_delay(group.status)
            if delay is None:
                return group
            await asleep(delay)
