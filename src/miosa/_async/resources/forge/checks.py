"""Forge commit checks: ``client.forge.checks``
(``/forge/repositories/{repository_id}/check-runs`` and ``/check-suites``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ....types.forge import ForgeCheckSuite, ForgeCommitCheck
from ..._resource import AsyncAPIResource
from ._base import REPOSITORY, repository_path

_CHECK_RUN = REPOSITORY + "/check-runs/{check_run_id}"


class AsyncForgeChecks(AsyncAPIResource):
    """``client.forge.checks``: check runs reported on commits, and per-commit suites."""

    async def list_suites(
        self,
        repository_id: str,
        *,
        commit_sha: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ForgeCheckSuite]:
        """The latest check suites (only ``commit_sha``'s when given), at most ``limit``.

        ``GET /forge/repositories/{repository_id}/check-suites``.
        """
        return await self._list(
            "GET",
            repository_path(repository_id, "/check-suites"),
            ForgeCheckSuite,
            params=query(commit_sha=commit_sha, limit=limit),
            keys=("data", "check_suites", "items"),
            options=options,
        )

    async def get_suite(
        self, repository_id: str, commit_sha: str, **options: Unpack[RequestOptions]
    ) -> ForgeCheckSuite:
        """All checks on one commit.

        ``GET /forge/repositories/{repository_id}/check-suites/{commit_sha}``.
        """
        path = route(
            REPOSITORY + "/check-suites/{commit_sha}",
            repository_id=repository_id,
            commit_sha=commit_sha,
        )
        return await self._object("GET", path, ForgeCheckSuite, options=options)

    async def create_run(
        self,
        repository_id: str,
        *,
        commit_sha: str,
        name: str,
        status: str | NotGiven = NOT_GIVEN,
        conclusion: str | NotGiven = NOT_GIVEN,
        summary: str | NotGiven = NOT_GIVEN,
        details_url: str | NotGiven = NOT_GIVEN,
        evidence: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeCommitCheck:
        """Report a check run on a commit (CI results, scans ...).

        ``POST /forge/repositories/{repository_id}/check-runs``. ``evidence`` is kept
        apart and read back with `run_evidence`.
        """
        payload = body(
            commit_sha=commit_sha,
            name=name,
            status=status,
            conclusion=conclusion,
            summary=summary,
            details_url=details_url,
            evidence=evidence,
        )
        return await self._object(
            "POST",
            repository_path(repository_id, "/check-runs"),
            ForgeCommitCheck,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def get_run(
        self, repository_id: str, check_run_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeCommitCheck:
        """One check run. ``GET /forge/repositories/{repository_id}/check-runs/{check_run_id}``."""
        path = route(_CHECK_RUN, repository_id=repository_id, check_run_id=check_run_id)
        return await self._object("GET", path, ForgeCommitCheck, options=options)

    async def run_evidence(
        self, repository_id: str, check_run_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeCommitCheck:
        """A check run with its ``evidence`` filled in.

        ``GET /forge/repositories/{repository_id}/check-runs/{check_run_id}/evidence``.
        """
        path = route(
            _CHECK_RUN + "/evidence", repository_id=repository_id, check_run_id=check_run_id
        )
        return await self._object("GET", path, ForgeCommitCheck, options=options)
