# This file was generated from
#   src/miosa/_async/resources/forge/automation_runs.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Forge automation runs: ``client.forge.automation_runs``
(``/forge/repositories/{repository_id}/automation-runs``)."""

from __future__ import annotations

import builtins

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import body, query, route
from ....types.forge import ForgeAutomationReceipt, ForgeAutomationRun
from ..._resource import APIResource
from ._base import REPOSITORY, repository_path

_RUN = REPOSITORY + "/automation-runs/{run_id}"


class ForgeAutomationRuns(APIResource):
    """``client.forge.automation_runs``: the repository's automation on commits, its
    steps, and the signed receipt of each step."""

    def list(
        self,
        repository_id: str,
        *,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ForgeAutomationRun]:
        """The latest runs, at most ``limit``.

        ``GET /forge/repositories/{repository_id}/automation-runs``.
        """
        return self._list(
            "GET",
            repository_path(repository_id, "/automation-runs"),
            ForgeAutomationRun,
            params=query(limit=limit),
            keys=("data", "automation_runs", "runs", "items"),
            options=options,
        )

    def get(
        self, repository_id: str, run_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeAutomationRun:
        """One run with its steps.

        ``GET /forge/repositories/{repository_id}/automation-runs/{run_id}``.
        """
        path = route(_RUN, repository_id=repository_id, run_id=run_id)
        return self._object("GET", path, ForgeAutomationRun, options=options)

    def receipt(
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
        return self._object("GET", path, ForgeAutomationReceipt, options=options)

    def create(
        self, repository_id: str, *, commit_sha: str, **options: Unpack[RequestOptions]
    ) -> ForgeAutomationRun:
        """Start the repository's automation on a commit.

        ``POST /forge/repositories/{repository_id}/automation-runs``.
        """
        return self._object(
            "POST",
            repository_path(repository_id, "/automation-runs"),
            ForgeAutomationRun,
            json=body(commit_sha=commit_sha),
            options=options,
        )
