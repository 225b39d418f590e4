"""Forge automation runs: ``client.forge.automation_runs``
(``/forge/repositories/{repository_id}/automation-runs``)."""

from __future__ import annotations

import builtins

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import body, query, route
from ....types.forge import ForgeAutomationReceipt, ForgeAutomationRun
from ..._resource import AsyncAPIResource
from ._base import REPOSITORY, repository_path

_RUN = REPOSITORY + "/automation-runs/{run_id}"


class AsyncForgeAutomationRuns(AsyncAPIResource):
    """``client.forge.automation_runs``: the repository's automation on commits, its
    steps, and the signed receipt of each step."""

    async def list(
        self,
        repository_id: str,
        *,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ForgeAutomationRun]:
        """The latest runs, at most ``limit``.

        ``GET /forge/repositories/{repository_id}/automation-runs``.
        """
        return await self._list(
            "GET",
            repository_path(repository_id, "/automation-runs"),
            ForgeAutomationRun,
            params=query(limit=limit),
            keys=("data", "automation_runs", "runs", "items"),
            options=options,
        )

    async def get(
        self, repository_id: str, run_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeAutomationRun:
        """One run with its steps.

        ``GET /forge/repositories/{repository_id}/automation-runs/{run_id}``.
        """
        path = route(_RUN, repository_id=repository_id, run_id=run_id)
        return await self._object("GET", path, ForgeAutomationRun, options=options)

    async def receipt(
        self,
        repository_id: str,
        run_id: str,
        step_id: str,
        **options: Unpack[RequestOptions],
    ) -> ForgeAutomationReceipt:
        """The signed receipt of one step. ``GET /forge/repositories/{repository_id}``
        ``/automation-runs/{run_id}/steps/{step_id}/receipt``.
        """
        path = route(
            _RUN + "/steps/{step_id}/receipt",
            repository_id=repository_id,
            run_id=run_id,
            step_id=step_id,
        )
        return await self._object("GET", path, ForgeAutomationReceipt, options=options)

    async def create(
        self, repository_id: str, *, commit_sha: str, **options: Unpack[RequestOptions]
    ) -> ForgeAutomationRun:
        """Start the repository's automation on a commit.

        ``POST /forge/repositories/{repository_id}/automation-runs``.
        """
        return await self._object(
            "POST",
            repository_path(repository_id, "/automation-runs"),
            ForgeAutomationRun,
            json=body(commit_sha=commit_sha),
            options=options,
        )
