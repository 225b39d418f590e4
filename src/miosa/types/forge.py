"""Models of MIOSA Forge, the hosted git service (``/forge``): repositories, their refs,
files and history, pull requests and their reviews and checks, releases, attestations."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "ForgeAccount",
    "ForgeAttestation",
    "ForgeAttestationSubjectType",
    "ForgeAttestationVerification",
    "ForgeAutomationReceipt",
    "ForgeAutomationRun",
    "ForgeAutomationStep",
    "ForgeBlob",
    "ForgeBlobEncoding",
    "ForgeBranch",
    "ForgeChangedFile",
    "ForgeCheckSuite",
    "ForgeCodeOwnerRule",
    "ForgeCodeOwners",
    "ForgeCommit",
    "ForgeCommitCheck",
    "ForgeCommitDetail",
    "ForgeComparison",
    "ForgeDeployment",
    "ForgeFileCommit",
    "ForgeMergePolicy",
    "ForgeMergeReceipt",
    "ForgeNamedRef",
    "ForgeProjectLink",
    "ForgeProvenanceRecord",
    "ForgePullRequest",
    "ForgePullRequestCheckRun",
    "ForgePullRequestCollaboration",
    "ForgePullRequestComment",
    "ForgePullRequestPreview",
    "ForgePullRequestReview",
    "ForgePullRequestState",
    "ForgeRefs",
    "ForgeRelease",
    "ForgeReleaseAsset",
    "ForgeReleaseAssetKind",
    "ForgeRepository",
    "ForgeRepositoryDeletion",
    "ForgeRepositoryGrant",
    "ForgeRepositoryState",
    "ForgeRepositoryVisibility",
    "ForgeStar",
    "ForgeSynchronization",
    "ForgeTag",
    "ForgeTree",
    "ForgeTreeEntry",
    "ForgeTreeEntryType",
]


class ForgeRepositoryVisibility(OpenEnum):
    """Who can see a repository."""

    PUBLIC = "public"
    PRIVATE = "private"
    INTERNAL = "internal"


class ForgeRepositoryState(OpenEnum):
    """Where a repository is in its life; only ``active`` ones can be cloned."""

    PROVISIONING = "provisioning"
    ACTIVE = "active"
    ERROR = "error"
    DELETION_PENDING = "deletion_pending"
    DELETED = "deleted"


class ForgeTreeEntryType(OpenEnum):
    """A file (``blob``) or a directory (``tree``)."""

    BLOB = "blob"
    TREE = "tree"


class ForgeBlobEncoding(OpenEnum):
    """How a blob's ``content`` is written: text as is, binary as base64."""

    UTF_8 = "utf-8"
    BASE64 = "base64"


class ForgePullRequestState(OpenEnum):
    """Where a pull request stands."""

    OPEN = "open"
    DRAFT = "draft"
    CLOSED = "closed"
    MERGED = "merged"


class ForgeReleaseAssetKind(OpenEnum):
    """An uploaded file, or the source archive Forge makes of the tagged commit."""

    UPLOAD = "upload"
    SOURCE_ARCHIVE = "source_archive"


class ForgeAttestationSubjectType(OpenEnum):
    """What an attestation is about."""

    COMMIT = "commit"
    RELEASE = "release"
    RELEASE_ASSET = "release_asset"


@attrs.frozen(kw_only=True)
class ForgeRepository(Model):
    """A Forge git repository. ``clone_url`` is set once the repository is ``active``."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    default_branch: str | None = None
    visibility: ForgeRepositoryVisibility | None = None
    state: ForgeRepositoryState | None = None
    clone_ready: bool | None = None
    clone_url: str | None = None
    project_ids: tuple[str, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeRepositoryDeletion(Model):
    """The receipt of a repository deletion, read from the reply's headers.

    ``operation_id`` (``X-Forge-Operation-Id``) names the deletion, which the server
    finishes in the background; ``replayed`` is true when an earlier request with the
    same idempotency key already deleted it.
    """

    operation_id: str | None = None
    replayed: bool = False


@attrs.frozen(kw_only=True)
class ForgeNamedRef(Model):
    """A branch or tag name and the object it points at."""

    name: str | None = None
    oid: str | None = None


@attrs.frozen(kw_only=True)
class ForgeBranch(ForgeNamedRef):
    """A branch; ``is_default`` marks the repository's default one."""

    is_default: bool | None = None


@attrs.frozen(kw_only=True)
class ForgeRefs(Model):
    """A repository's branches and tags."""

    default_branch: str | None = None
    head_oid: str | None = None
    branches: tuple[ForgeBranch, ...] = ()
    tags: tuple[ForgeNamedRef, ...] = ()


@attrs.frozen(kw_only=True)
class ForgeTag(Model):
    """A tag just created: its name, the object it points at, and its message."""

    name: str | None = None
    oid: str | None = None
    target: str | None = None
    message: str | None = None


@attrs.frozen(kw_only=True)
class ForgeTreeEntry(Model):
    """One entry of a directory listing; ``size`` is None for directories."""

    name: str | None = None
    path: str | None = None
    type: ForgeTreeEntryType | None = None
    oid: str | None = None
    size: int | None = None


@attrs.frozen(kw_only=True)
class ForgeTree(Model):
    """A directory at a ref; ``truncated`` when the server cut a very long listing."""

    ref: str | None = None
    commit_oid: str | None = None
    path: str | None = None
    entries: tuple[ForgeTreeEntry, ...] = ()
    truncated: bool | None = None


@attrs.frozen(kw_only=True)
class ForgeBlob(Model):
    """A file's content at a ref; `data` gives its bytes, `text` its text."""

    ref: str | None = None
    commit_oid: str | None = None
    path: str | None = None
    oid: str | None = None
    size: int | None = None
    encoding: ForgeBlobEncoding | None = None
    content: str | None = None

    @property
    def data(self) -> bytes:
        """The file's bytes (``content`` decoded when it is base64)."""
        if self.content is None:
            return b""
        if self.encoding == ForgeBlobEncoding.BASE64:
            return base64.b64decode(self.content)
        return self.content.encode()

    @property
    def text(self) -> str:
        """The file's content as UTF-8 text."""
        return self.data.decode()


@attrs.frozen(kw_only=True)
class ForgeCommit(Model):
    """One commit of a history."""

    oid: str | None = None
    short_oid: str | None = None
    subject: str | None = None
    author_name: str | None = None
    author_email: str | None = None
    authored_at: datetime | None = None
    committer_name: str | None = None
    committed_at: datetime | None = None
    parents: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ForgeChangedFile(Model):
    """A file a commit (or a comparison) changed."""

    path: str | None = None
    previous_path: str | None = None
    status: str | None = None
    additions: int | None = None
    deletions: int | None = None


@attrs.frozen(kw_only=True)
class ForgeCommitDetail(ForgeCommit):
    """One commit with the files it changed."""

    message: str | None = None
    files: tuple[ForgeChangedFile, ...] = ()


@attrs.frozen(kw_only=True)
class ForgeComparison(Model):
    """What ``head`` has that ``base`` has not: its commits and the files they changed."""

    base: str | None = None
    head: str | None = None
    merge_base: str | None = None
    ahead_by: int | None = None
    behind_by: int | None = None
    commits: tuple[ForgeCommit, ...] = ()
    files: tuple[ForgeChangedFile, ...] = ()


@attrs.frozen(kw_only=True)
class ForgeFileCommit(Model):
    """The commit a file write or delete made."""

    path: str | None = None
    branch: str | None = None
    commit_oid: str | None = None
    previous_head: str | None = None


@attrs.frozen(kw_only=True)
class ForgeStar(Model):
    """Whether the caller stars the repository now, and how many do."""

    repository_id: str | None = None
    starred: bool | None = None
    stars_count: int | None = None


@attrs.frozen(kw_only=True)
class ForgeAccount(Model):
    """The organization's Forge usage against its plan limits."""

    organization_id: str | None = None
    plan: str | None = None
    usage: dict[str, Any] | None = None
    limits: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ForgeSynchronization(Model):
    """The status of a repository's GitHub mirror."""

    repository_id: str | None = None
    state: str | None = None
    provider: str | None = None
    remote_url: str | None = None
    last_synced_at: datetime | None = None
    last_error: str | None = None


@attrs.frozen(kw_only=True)
class ForgeMergePolicy(Model):
    """The rules a pull request into ``branch`` must meet before it can merge."""

    id: str | None = None
    version: int | None = None
    branch: str | None = None
    required_approvals: int | None = None
    required_checks: tuple[str, ...] = ()
    require_independent_approval: bool | None = None
    dismiss_stale_reviews: bool | None = None
    require_code_owner_approval: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeCodeOwnerRule(Model):
    """A path pattern of the CODEOWNERS file and who owns it."""

    pattern: str | None = None
    owners: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ForgeCodeOwners(Model):
    """The repository's CODEOWNERS rules at a ref."""

    ref: str | None = None
    path: str | None = None
    rules: tuple[ForgeCodeOwnerRule, ...] = ()


@attrs.frozen(kw_only=True)
class ForgeProvenanceRecord(Model):
    """One entry of a repository's provenance log."""

    id: str | None = None
    kind: str | None = None
    commit_sha: str | None = None
    subject: str | None = None
    actor_user_id: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeRepositoryGrant(Model):
    """A user's role on one repository."""

    repository_id: str | None = None
    user_id: str | None = None
    role: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeProjectLink(Model):
    """How a project builds and deploys from the repository."""

    repository_id: str | None = None
    project_id: str | None = None
    branch: str | None = None
    root_directory: str | None = None
    build_command: str | None = None
    environment: str | None = None
    auto_deploy: bool | None = None
    path_filter: tuple[str, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeDeployment(Model):
    """A deployment built from the repository."""

    id: str | None = None
    project_id: str | None = None
    environment: str | None = None
    status: str | None = None
    branch: str | None = None
    commit_sha: str | None = None
    url: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeAutomationStep(Model):
    """One step of an automation run."""

    id: str | None = None
    name: str | None = None
    status: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeAutomationRun(Model):
    """The repository's automation run for one commit."""

    id: str | None = None
    repository_id: str | None = None
    commit_sha: str | None = None
    status: str | None = None
    steps: tuple[ForgeAutomationStep, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeAutomationReceipt(Model):
    """The signed record of what one automation step did."""

    id: str | None = None
    run_id: str | None = None
    step_id: str | None = None
    digest: str | None = None
    evidence: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgePullRequest(Model):
    """A pull request of ``head_branch`` (possibly from a fork) into ``base_branch``."""

    id: str | None = None
    number: int | None = None
    title: str | None = None
    body: str | None = None
    repository_id: str | None = None
    head_repository_id: str | None = None
    base_branch: str | None = None
    head_branch: str | None = None
    base_sha: str | None = None
    head_sha: str | None = None
    state: ForgePullRequestState | None = None
    author_user_id: str | None = None
    author: dict[str, Any] | None = None
    closed_at: datetime | None = None
    merged_at: datetime | None = None
    merged_sha: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgePullRequestComment(Model):
    """A comment on a pull request (``kind`` tells a user's comment from a system note)."""

    id: str | None = None
    pull_request_id: str | None = None
    kind: str | None = None
    author_user_id: str | None = None
    body: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgePullRequestPreview(Model):
    """A preview deployment of a pull request's head."""

    id: str | None = None
    pull_request_id: str | None = None
    project_id: str | None = None
    deployment_id: str | None = None
    state: str | None = None
    url: str | None = None
    branch: str | None = None
    commit_sha: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    destroyed_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgePullRequestReview(Model):
    """A review decision on a pull request's head commit."""

    id: str | None = None
    pull_request_id: str | None = None
    reviewer_user_id: str | None = None
    reviewer: dict[str, Any] | None = None
    decision: str | None = None
    body: str | None = None
    head_sha: str | None = None
    state: str | None = None
    dismissed_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgePullRequestCheckRun(Model):
    """A check reported on a pull request's head commit, with its evidence."""

    id: str | None = None
    pull_request_id: str | None = None
    name: str | None = None
    head_sha: str | None = None
    status: str | None = None
    conclusion: str | None = None
    reported_by_user_id: str | None = None
    reported_by: dict[str, Any] | None = None
    evidence: dict[str, Any] | None = None
    completed_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeMergeReceipt(Model):
    """The record of a merge: what was merged, under which policy, with what evidence."""

    id: str | None = None
    repository_id: str | None = None
    pull_request_id: str | None = None
    actor_user_id: str | None = None
    policy_id: str | None = None
    policy_version: int | None = None
    base_sha: str | None = None
    head_sha: str | None = None
    merge_sha: str | None = None
    ref: str | None = None
    evidence_digest: str | None = None
    evidence: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeCommitCheck(Model):
    """A check run on a commit. ``evidence`` is only filled by
    ``client.forge.checks.run_evidence``; ``has_evidence`` says whether there is any."""

    id: str | None = None
    name: str | None = None
    commit_sha: str | None = None
    status: str | None = None
    conclusion: str | None = None
    source: str | None = None
    summary: str | None = None
    details_url: str | None = None
    reported_by_user_id: str | None = None
    reported_by: dict[str, Any] | None = None
    has_evidence: bool | None = None
    evidence: dict[str, Any] | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeCheckSuite(Model):
    """All checks on one commit and their combined status."""

    id: str | None = None
    commit_sha: str | None = None
    status: str | None = None
    checks: tuple[ForgeCommitCheck, ...] = ()
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgePullRequestCollaboration(Model):
    """Everything that decides whether a pull request can merge: the policy, the reviews,
    the checks, and the merge receipt once merged."""

    head_sha: str | None = None
    state: str | None = None
    policy: dict[str, Any] | None = None
    reviews: tuple[ForgePullRequestReview, ...] = ()
    check_runs: tuple[ForgePullRequestCheckRun, ...] = ()
    commit_checks: tuple[ForgeCommitCheck, ...] = ()
    merge_receipt: ForgeMergeReceipt | None = None


@attrs.frozen(kw_only=True)
class ForgeReleaseAsset(Model):
    """A file attached to a release."""

    id: str | None = None
    kind: ForgeReleaseAssetKind | None = None
    name: str | None = None
    content_type: str | None = None
    byte_size: int | None = None
    sha256: str | None = None
    commit_sha: str | None = None
    created_at: datetime | None = None
    created_by_user_id: str | None = None


@attrs.frozen(kw_only=True)
class ForgeRelease(Model):
    """A release: a tag, its notes and its assets."""

    id: str | None = None
    repository_id: str | None = None
    tag: str | None = None
    name: str | None = None
    body: str | None = None
    commit_sha: str | None = None
    prerelease: bool | None = None
    assets: tuple[ForgeReleaseAsset, ...] = ()
    created_at: datetime | None = None
    created_by_user_id: str | None = None


@attrs.frozen(kw_only=True)
class ForgeAttestation(Model):
    """A signed in-toto statement about a commit, a release or a release asset."""

    id: str | None = None
    repository_id: str | None = None
    commit_sha: str | None = None
    subject_type: ForgeAttestationSubjectType | None = None
    subject_ref: str | None = None
    predicate_type: str | None = None
    statement: dict[str, Any] | None = None
    envelope: dict[str, Any] | None = None
    statement_sha256: str | None = None
    key_id: str | None = None
    created_by_user_id: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ForgeAttestationVerification(Model):
    """Whether an attestation's signature checks out, and against which key."""

    valid: bool | None = None
    signature: str | None = None
    subject: str | None = None
    key_id: str | None = None
    statement_sha256: str | None = None
    checked_at: datetime | None = None
