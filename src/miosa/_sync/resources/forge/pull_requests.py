# This file was generated from
#   src/miosa/_async/resources/forge/pull_requests.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Forge pull requests: ``client.forge.pull_requests``
(``/forge/repositories/{repository_id}/pull-requests``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, query
from ...._core.request import body as json_body  # `body` is an argument name here
from ....types.forge import (
    ForgeMergeReceipt,
    ForgePullRequest,
    ForgePullRequestCheckRun,
    ForgePullRequestCollaboration,
    ForgePullRequestComment,
    ForgePullRequestPreview,
    ForgePullRequestReview,
)
from ..._resource import APIResource
from ._base import pull_request_path, repository_path

if TYPE_CHECKING:
    from ...._pager import Page


class ForgePullRequests(APIResource):
    """``client.forge.pull_requests``: pull requests of a repository, by their number,
    with their comments, reviews, checks, preview deployments and merge."""

    def list(
        self, repository_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ForgePullRequest]:
        """The repository's pull requests.

        ``GET /forge/repositories/{repository_id}/pull-requests``.
        """
        return self._list(
            "GET",
            repository_path(repository_id, "/pull-requests"),
            ForgePullRequest,
            keys=("data", "pull_requests", "items"),
            options=options,
        )

    def create(
        self,
        repository_id: str,
        *,
        title: str,
        body: str | NotGiven = NOT_GIVEN,
        base_branch: str | NotGiven = NOT_GIVEN,
        head_branch: str | NotGiven = NOT_GIVEN,
        head_repository_id: str | NotGiven = NOT_GIVEN,
        draft: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgePullRequest:
        """Open a pull request of ``head_branch`` into ``base_branch``.

        ``POST /forge/repositories/{repository_id}/pull-requests``. ``head_repository_id``
        names a fork the head branch lives in; ``draft`` opens it as a draft.
        """
        payload = json_body(
            title=title,
            body=body,
            base_branch=base_branch,
            head_branch=head_branch,
            head_repository_id=head_repository_id,
            draft=draft,
        )
        return self._object(
            "POST",
            repository_path(repository_id, "/pull-requests"),
            ForgePullRequest,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def close(
        self, repository_id: str, number: int, **options: Unpack[RequestOptions]
    ) -> ForgePullRequest:
        """Close without merging.

        ``POST /forge/repositories/{repository_id}/pull-requests/{number}/close``.
        """
        return self._object(
            "POST",
            pull_request_path(repository_id, number, "/close"),
            ForgePullRequest,
            options=options,
        )

    def reopen(
        self, repository_id: str, number: int, **options: Unpack[RequestOptions]
    ) -> ForgePullRequest:
        """Reopen a closed pull request.

        ``POST /forge/repositories/{repository_id}/pull-requests/{number}/reopen``.
        """
        return self._object(
            "POST",
            pull_request_path(repository_id, number, "/reopen"),
            ForgePullRequest,
            options=options,
        )

    def merge(
        self,
        repository_id: str,
        number: int,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeMergeReceipt:
        """Merge, if the branch's policy is met; the receipt records the evidence.

        ``POST /forge/repositories/{repository_id}/pull-requests/{number}/merge``. A
        retry with the same ``idempotency_key`` answers the first merge's receipt.
        """
        return self._object(
            "POST",
            pull_request_path(repository_id, number, "/merge"),
            ForgeMergeReceipt,
            idempotency_key=idempotency_key,
            options=options,
        )

    def list_comments(
        self,
        repository_id: str,
        number: int,
        *,
        limit: int | None = None,
        after: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[ForgePullRequestComment]:
        """The conversation, oldest first, a page at a time (``after``: a comment id).

        ``GET /forge/repositories/{repository_id}/pull-requests/{number}/comments``.
        """
        return self._page(
            pull_request_path(repository_id, number, "/comments"),
            ForgePullRequestComment,
            params=query(limit=limit, after=after),
            cursor_param="after",
            keys=("data", "comments", "items"),
            options=options,
        )

    def create_comment(
        self,
        repository_id: str,
        number: int,
        *,
        body: str,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgePullRequestComment:
        """Comment on the pull request.

        ``POST /forge/repositories/{repository_id}/pull-requests/{number}/comments``.
        """
        return self._object(
            "POST",
            pull_request_path(repository_id, number, "/comments"),
            ForgePullRequestComment,
            json=json_body(body=body),
            idempotency_key=idempotency_key,
            options=options,
        )

    def list_previews(
        self, repository_id: str, number: int, **options: Unpack[RequestOptions]
    ) -> builtins.list[ForgePullRequestPreview]:
        """The preview deployments of the pull request.

        ``GET /forge/repositories/{repository_id}/pull-requests/{number}/previews``.
        """
        return self._list(
            "GET",
            pull_request_path(repository_id, number, "/previews"),
            ForgePullRequestPreview,
            keys=("data", "previews", "items"),
            options=options,
        )

    def create_review(
        self,
        repository_id: str,
        number: int,
        *,
        decision: str,
        body: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgePullRequestReview:
        """Review the head commit (``decision``: e.g. ``approve``, ``request_changes``).

        ``POST /forge/repositories/{repository_id}/pull-requests/{number}/reviews``.
        """
        return self._object(
            "POST",
            pull_request_path(repository_id, number, "/reviews"),
            ForgePullRequestReview,
            json=json_body(decision=decision, body=body),
            idempotency_key=idempotency_key,
            options=options,
        )

    def collaboration(
        self, repository_id: str, number: int, **options: Unpack[RequestOptions]
    ) -> ForgePullRequestCollaboration:
        """The policy, reviews, checks and merge receipt that decide the merge.

        ``GET /forge/repositories/{repository_id}/pull-requests/{number}/collaboration``.
        """
        return self._object(
            "GET",
            pull_request_path(repository_id, number, "/collaboration"),
            ForgePullRequestCollaboration,
            options=options,
        )

    def report_check(
        self,
        repository_id: str,
        number: int,
        *,
        name: str,
        head_sha: str,
        evidence: Mapping[str, Any],
        status: str | NotGiven = NOT_GIVEN,
        conclusion: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgePullRequestCheckRun:
        """Report a check on the head commit ``head_sha``, with its evidence.

        ``POST /forge/repositories/{repository_id}/pull-requests/{number}/check-runs``.
        """
        payload = json_body(
            name=name, head_sha=head_sha, evidence=evidence, status=status, conclusion=conclusion
        )
        return self._object(
            "POST",
            pull_request_path(repository_id, number, "/check-runs"),
            ForgePullRequestCheckRun,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )
