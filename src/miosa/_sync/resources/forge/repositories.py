# This file was generated from
#   src/miosa/_async/resources/forge/repositories.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Forge repositories: ``client.forge.repositories`` (``/forge/repositories``)."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, file_path_param, query, route
from ...._core.structure import structure_response
from ...._groups.forge import deletion_receipt
from ....types.forge import (
    ForgeBlob,
    ForgeCodeOwners,
    ForgeCommit,
    ForgeCommitDetail,
    ForgeComparison,
    ForgeDeployment,
    ForgeFileCommit,
    ForgeMergePolicy,
    ForgeProvenanceRecord,
    ForgeRefs,
    ForgeRepository,
    ForgeRepositoryDeletion,
    ForgeRepositoryGrant,
    ForgeStar,
    ForgeSynchronization,
    ForgeTag,
    ForgeTree,
)
from ..._resource import APIResource
from ._base import REPOSITORY, repository_path

if TYPE_CHECKING:
    from ...._pager import Page

Visibility = Literal["public", "private", "internal"]
"""Who can see a repository (the server may add values; replies keep them)."""

_REPOSITORIES = "/forge/repositories"


class ForgeRepositories(APIResource):
    """``client.forge.repositories``: git repositories, their refs, files, history,
    merge policies, stars, forks and access grants."""

    # -- the repository -------------------------------------------------------------

    def create(
        self,
        *,
        name: str,
        slug: str | NotGiven = NOT_GIVEN,
        default_branch: str | NotGiven = NOT_GIVEN,
        visibility: Visibility | NotGiven = NOT_GIVEN,
        project_ids: Sequence[str] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeRepository:
        """Create a repository. ``POST /forge/repositories``.

        It starts ``provisioning``; ``clone_url`` is set once it is ``active``.
        ``project_ids`` attaches it to projects of the organization.
        """
        payload = body(
            name=name,
            slug=slug,
            default_branch=default_branch,
            visibility=visibility,
            project_ids=project_ids,
        )
        return self._object(
            "POST",
            _REPOSITORIES,
            ForgeRepository,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[ForgeRepository]:
        """The organization's repositories. ``GET /forge/repositories``."""
        return self._list(
            "GET",
            _REPOSITORIES,
            ForgeRepository,
            keys=("data", "repositories", "items"),
            options=options,
        )

    def get(self, repository_id: str, **options: Unpack[RequestOptions]) -> ForgeRepository:
        """One repository. ``GET /forge/repositories/{repository_id}``."""
        return self._object("GET", repository_path(repository_id), ForgeRepository, options=options)

    def update(
        self,
        repository_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        visibility: Visibility | NotGiven = NOT_GIVEN,
        project_ids: Sequence[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ForgeRepository:
        """Rename, re-slug, change visibility or project attachments.

        ``PATCH /forge/repositories/{repository_id}``; only the fields given are sent.
        """
        payload = body(name=name, slug=slug, visibility=visibility, project_ids=project_ids)
        return self._object(
            "PATCH", repository_path(repository_id), ForgeRepository, json=payload, options=options
        )

    def delete(
        self,
        repository_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeRepositoryDeletion:
        """Delete a repository. ``DELETE /forge/repositories/{repository_id}``.

        The server finishes the deletion in the background; the receipt names its
        operation (from the ``X-Forge-Operation-Id`` reply header).
        """
        _, response = self._json(
            "DELETE",
            repository_path(repository_id),
            idempotency_key=idempotency_key,
            options=options,
        )
        return structure_response(
            deletion_receipt(response.headers), ForgeRepositoryDeletion, response
        )

    def fork(
        self,
        repository_id: str,
        *,
        name: str,
        slug: str | NotGiven = NOT_GIVEN,
        default_branch: str | NotGiven = NOT_GIVEN,
        visibility: Visibility | NotGiven = NOT_GIVEN,
        project_ids: Sequence[str] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeRepository:
        """Fork a repository into a new one. ``POST /forge/repositories/{repository_id}/forks``.

        The arguments are those of `create`; the new repository is returned.
        """
        payload = body(
            name=name,
            slug=slug,
            default_branch=default_branch,
            visibility=visibility,
            project_ids=project_ids,
        )
        return self._object(
            "POST",
            repository_path(repository_id, "/forks"),
            ForgeRepository,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def grant(
        self,
        repository_id: str,
        user_id: str,
        *,
        role: str,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeRepositoryGrant:
        """Give a user a role on the repository (replacing any role they had).

        ``PUT /forge/repositories/{repository_id}/grants/{user_id}``.
        """
        path = route(REPOSITORY + "/grants/{user_id}", repository_id=repository_id, user_id=user_id)
        return self._object(
            "PUT",
            path,
            ForgeRepositoryGrant,
            json=body(role=role),
            idempotency_key=idempotency_key,
            options=options,
        )

    def star(self, repository_id: str, **options: Unpack[RequestOptions]) -> ForgeStar:
        """Star the repository. ``PUT /forge/repositories/{repository_id}/star``."""
        return self._object(
            "PUT", repository_path(repository_id, "/star"), ForgeStar, options=options
        )

    def unstar(self, repository_id: str, **options: Unpack[RequestOptions]) -> ForgeStar:
        """Take the caller's star back. ``DELETE /forge/repositories/{repository_id}/star``."""
        return self._object(
            "DELETE", repository_path(repository_id, "/star"), ForgeStar, options=options
        )

    def synchronization(
        self, repository_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeSynchronization:
        """The status of the repository's GitHub mirror.

        ``GET /forge/repositories/{repository_id}/synchronization``.
        """
        return self._object(
            "GET",
            repository_path(repository_id, "/synchronization"),
            ForgeSynchronization,
            options=options,
        )

    def provenance(
        self, repository_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ForgeProvenanceRecord]:
        """The repository's provenance log.

        ``GET /forge/repositories/{repository_id}/provenance``.
        """
        return self._list(
            "GET",
            repository_path(repository_id, "/provenance"),
            ForgeProvenanceRecord,
            keys=("data", "provenance", "items"),
            options=options,
        )

    def deployments(
        self,
        repository_id: str,
        *,
        environment: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[ForgeDeployment]:
        """Deployments built from the repository, newest first, a page at a time.

        ``GET /forge/repositories/{repository_id}/deployments``; ``environment`` filters.
        """
        return self._page(
            repository_path(repository_id, "/deployments"),
            ForgeDeployment,
            params=query(environment=environment, limit=limit, cursor=cursor),
            keys=("data", "deployments", "items"),
            options=options,
        )

    # -- refs, files and history ------------------------------------------------------

    def refs(self, repository_id: str, **options: Unpack[RequestOptions]) -> ForgeRefs:
        """Branches and tags. ``GET /forge/repositories/{repository_id}/refs``."""
        return self._object(
            "GET", repository_path(repository_id, "/refs"), ForgeRefs, options=options
        )

    def create_tag(
        self,
        repository_id: str,
        *,
        name: str,
        target: str | NotGiven = NOT_GIVEN,
        message: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ForgeTag:
        """Tag a commit (``target``: a sha or branch; the default branch's head when left
        out). A ``message`` makes an annotated tag.

        ``POST /forge/repositories/{repository_id}/tags``.
        """
        return self._object(
            "POST",
            repository_path(repository_id, "/tags"),
            ForgeTag,
            json=body(name=name, target=target, message=message),
            options=options,
        )

    def tree(
        self,
        repository_id: str,
        *,
        ref: str | None = None,
        path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeTree:
        """A directory's entries at ``ref`` (default branch, repository root by default).

        ``GET /forge/repositories/{repository_id}/tree``.
        """
        return self._object(
            "GET",
            repository_path(repository_id, "/tree"),
            ForgeTree,
            params=query(ref=ref, path=path),
            options=options,
        )

    def blob(
        self,
        repository_id: str,
        path: str,
        *,
        ref: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeBlob:
        """A file's content at ``ref``; ``.data`` gives its bytes, ``.text`` its text.

        ``GET /forge/repositories/{repository_id}/blob`` (binary content travels base64).
        """
        return self._object(
            "GET",
            repository_path(repository_id, "/blob"),
            ForgeBlob,
            params=query(ref=ref, path=path),
            options=options,
        )

    def readme(
        self,
        repository_id: str,
        *,
        ref: str | None = None,
        path: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeBlob:
        """The README of a directory (the root by default) at ``ref``.

        ``GET /forge/repositories/{repository_id}/readme``.
        """
        return self._object(
            "GET",
            repository_path(repository_id, "/readme"),
            ForgeBlob,
            params=query(ref=ref, path=path),
            options=options,
        )

    def commits(
        self,
        repository_id: str,
        *,
        ref: str | None = None,
        path: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[ForgeCommit]:
        """The history of ``ref`` (only commits touching ``path`` when given), newest
        first, a page at a time. ``GET /forge/repositories/{repository_id}/commits``.
        """
        return self._page(
            repository_path(repository_id, "/commits"),
            ForgeCommit,
            params=query(ref=ref, path=path, limit=limit, cursor=cursor),
            keys=("data", "commits"),
            options=options,
        )

    def commit(
        self, repository_id: str, sha: str, **options: Unpack[RequestOptions]
    ) -> ForgeCommitDetail:
        """One commit with the files it changed.

        ``GET /forge/repositories/{repository_id}/commits/{sha}``.
        """
        path = route(REPOSITORY + "/commits/{sha}", repository_id=repository_id, sha=sha)
        return self._object("GET", path, ForgeCommitDetail, options=options)

    def compare(
        self,
        repository_id: str,
        *,
        base: str,
        head: str,
        **options: Unpack[RequestOptions],
    ) -> ForgeComparison:
        """The commits and changed files of ``head`` since ``base`` (refs or shas).

        ``GET /forge/repositories/{repository_id}/compare``.
        """
        return self._object(
            "GET",
            repository_path(repository_id, "/compare"),
            ForgeComparison,
            params=query(base=base, head=head),
            options=options,
        )

    def put_file(
        self,
        repository_id: str,
        path: str,
        *,
        content: str,
        expected_head: str,
        branch: str | NotGiven = NOT_GIVEN,
        message: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeFileCommit:
        """Commit ``content`` to ``path``. ``PUT /forge/repositories/{repository_id}/files/{path}``.

        ``expected_head`` is the branch head the change was based on: when the branch
        moved since, the server refuses (409) instead of overwriting someone's commit.
        """
        return self._object(
            "PUT",
            repository_path(repository_id, "/files/" + file_path_param(path)),
            ForgeFileCommit,
            json=body(content=content, expected_head=expected_head, branch=branch, message=message),
            idempotency_key=idempotency_key,
            options=options,
        )

    def delete_file(
        self,
        repository_id: str,
        path: str,
        *,
        expected_head: str,
        branch: str | NotGiven = NOT_GIVEN,
        message: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeFileCommit:
        """Delete ``path`` in a commit, guarded by ``expected_head`` as in `put_file`.

        ``DELETE /forge/repositories/{repository_id}/files/{path}`` (with a JSON body).
        """
        return self._object(
            "DELETE",
            repository_path(repository_id, "/files/" + file_path_param(path)),
            ForgeFileCommit,
            json=body(expected_head=expected_head, branch=branch, message=message),
            idempotency_key=idempotency_key,
            options=options,
        )

    # -- policies -------------------------------------------------------------------

    def merge_policy(
        self,
        repository_id: str,
        *,
        branch: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeMergePolicy:
        """The merge policy of ``branch`` (the default branch when left out).

        ``GET /forge/repositories/{repository_id}/merge-policy``.
        """
        return self._object(
            "GET",
            repository_path(repository_id, "/merge-policy"),
            ForgeMergePolicy,
            params=query(branch=branch),
            options=options,
        )

    def update_merge_policy(
        self,
        repository_id: str,
        *,
        branch: str | NotGiven = NOT_GIVEN,
        required_approvals: int | NotGiven = NOT_GIVEN,
        required_checks: Sequence[str] | NotGiven = NOT_GIVEN,
        require_independent_approval: bool | NotGiven = NOT_GIVEN,
        dismiss_stale_reviews: bool | NotGiven = NOT_GIVEN,
        require_code_owner_approval: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ForgeMergePolicy:
        """Change a branch's merge policy; only the fields given are sent.

        ``PUT /forge/repositories/{repository_id}/merge-policy``.
        """
        payload = body(
            branch=branch,
            required_approvals=required_approvals,
            required_checks=required_checks,
            require_independent_approval=require_independent_approval,
            dismiss_stale_reviews=dismiss_stale_reviews,
            require_code_owner_approval=require_code_owner_approval,
        )
        return self._object(
            "PUT",
            repository_path(repository_id, "/merge-policy"),
            ForgeMergePolicy,
            json=payload,
            options=options,
        )

    def publish_branch_policy(
        self,
        repository_id: str,
        *,
        branch: str | NotGiven = NOT_GIVEN,
        required_approvals: int | NotGiven = NOT_GIVEN,
        required_checks: Sequence[str] | NotGiven = NOT_GIVEN,
        require_independent_approval: bool | NotGiven = NOT_GIVEN,
        dismiss_stale_reviews: bool | NotGiven = NOT_GIVEN,
        require_code_owner_approval: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeMergePolicy:
        """Publish a new version of a branch's policy (merge receipts name the version).

        ``POST /forge/repositories/{repository_id}/branch-policies``.
        """
        payload = body(
            branch=branch,
            required_approvals=required_approvals,
            required_checks=required_checks,
            require_independent_approval=require_independent_approval,
            dismiss_stale_reviews=dismiss_stale_reviews,
            require_code_owner_approval=require_code_owner_approval,
        )
        return self._object(
            "POST",
            repository_path(repository_id, "/branch-policies"),
            ForgeMergePolicy,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def code_owners(
        self,
        repository_id: str,
        *,
        ref: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeCodeOwners:
        """The CODEOWNERS rules at ``ref``.

        ``GET /forge/repositories/{repository_id}/code-owners``.
        """
        return self._object(
            "GET",
            repository_path(repository_id, "/code-owners"),
            ForgeCodeOwners,
            params=query(ref=ref),
            options=options,
        )
