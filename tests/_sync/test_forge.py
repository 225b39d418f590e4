# This file was generated from
#   tests/_async/test_forge.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""MIOSA Forge (``client.forge``): the wire of every call, paging, uploads and downloads,
errors, and a round trip against the local server."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import pytest

from miosa import ConflictError, Miosa, NotFoundError
from miosa.local import LocalServer
from miosa.types import (
    ForgeAccount,
    ForgeAttestation,
    ForgeAttestationSubjectType,
    ForgeAttestationVerification,
    ForgeAutomationReceipt,
    ForgeAutomationRun,
    ForgeBlob,
    ForgeCheckSuite,
    ForgeCodeOwners,
    ForgeCommit,
    ForgeCommitCheck,
    ForgeCommitDetail,
    ForgeComparison,
    ForgeDeployment,
    ForgeFileCommit,
    ForgeMergePolicy,
    ForgeMergeReceipt,
    ForgeProjectLink,
    ForgeProvenanceRecord,
    ForgePullRequest,
    ForgePullRequestCheckRun,
    ForgePullRequestCollaboration,
    ForgePullRequestComment,
    ForgePullRequestPreview,
    ForgePullRequestReview,
    ForgePullRequestState,
    ForgeRefs,
    ForgeRelease,
    ForgeReleaseAsset,
    ForgeRepository,
    ForgeRepositoryDeletion,
    ForgeRepositoryGrant,
    ForgeRepositoryState,
    ForgeStar,
    ForgeSynchronization,
    ForgeTag,
    ForgeTree,
    ForgeTreeEntryType,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

R = "/forge/repositories/frepo_1"
PR = R + "/pull-requests/7"
TWO = ("x_1", "x_2")
KEY = {"Idempotency-Key": "key_1"}
POLICY = {
    "branch": "main",
    "required_approvals": 2,
    "required_checks": ["ci"],
    "require_independent_approval": True,
    "dismiss_stale_reviews": False,
    "require_code_owner_approval": True,
}
LINK = {
    "branch": "main",
    "root_directory": "web",
    "build_command": "npm run build",
    "environment": "production",
    "auto_deploy": True,
    "path_filter": ["web/**"],
}
REPOSITORY = {
    "id": "x_1",
    "name": "Site",
    "slug": "site",
    "default_branch": "main",
    "visibility": "private",
    "state": "active",
    "clone_ready": True,
    "clone_url": "https://git.miosa.ai/acme/site.git",
    "project_ids": ["prj_1"],
    "created_at": "2026-12-01T10:00:00Z",
    "updated_at": "2026-12-01T10:00:00Z",
}


def _two(key: str) -> object:
    return {key: [{"id": "x_1"}, {"id": "x_2"}]}


def _is_repository(r: object) -> bool:
    return (
        isinstance(r, ForgeRepository)
        and r.state == ForgeRepositoryState.ACTIVE
        and r.visibility == "private"
        and r.project_ids == ("prj_1",)
        and r.created_at is not None
        and r.created_at.year == 2026
    )


REPOSITORY_CASES = [
    Case(call="forge.account", method="GET", path="/forge/account",
         reply={"data": {"plan": "team", "usage": {"repositories": 3},
                         "limits": {"repositories": 50}}},
         check=lambda r: isinstance(r, ForgeAccount) and r.plan == "team"
         and r.usage == {"repositories": 3}),
    Case(call="forge.repositories.create",
         kwargs={"name": "Site", "slug": "site", "default_branch": "main",
                 "visibility": "private", "project_ids": ["prj_1"], "idempotency_key": "key_1"},
         method="POST", path="/forge/repositories",
         body={"name": "Site", "slug": "site", "default_branch": "main",
               "visibility": "private", "project_ids": ["prj_1"]},
         headers=KEY, status=201, reply={"data": REPOSITORY}, check=_is_repository),
    Case(call="forge.repositories.create", kwargs={"name": "Site"}, method="POST",
         path="/forge/repositories", body={"name": "Site"}, header_names=("Idempotency-Key",),
         result=ForgeRepository, name="forge.repositories.create-minimal"),
    Case(call="forge.repositories.list", method="GET", path="/forge/repositories",
         reply=_two("data"), result=ForgeRepository, many=True, result_ids=TWO),
    Case(call="forge.repositories.get", args=("frepo_1",), method="GET", path=R,
         reply={"data": REPOSITORY}, check=_is_repository),
    Case(call="forge.repositories.get", args=("a/b",), method="GET",
         path="/forge/repositories/a%2Fb", result=ForgeRepository,
         name="forge.repositories.get-encoded"),
    Case(call="forge.repositories.update", args=("frepo_1",),
         kwargs={"name": "Web", "visibility": "public"}, method="PATCH", path=R,
         body={"name": "Web", "visibility": "public"}, result=ForgeRepository),
    Case(call="forge.repositories.delete", args=("frepo_1",),
         kwargs={"idempotency_key": "key_1"}, method="DELETE", path=R, headers=KEY,
         reply=httpx.Response(202, headers={"X-Forge-Operation-Id": "fop_1",
                                            "Idempotency-Replayed": "true"}),
         check=lambda r: r == ForgeRepositoryDeletion(operation_id="fop_1", replayed=True)),
    Case(call="forge.repositories.delete", args=("frepo_1",), method="DELETE", path=R,
         reply=None, status=204,
         check=lambda r: r == ForgeRepositoryDeletion(operation_id=None, replayed=False),
         name="forge.repositories.delete-no-receipt"),
    Case(call="forge.repositories.fork", args=("frepo_1",),
         kwargs={"name": "Site fork", "visibility": "private"}, method="POST",
         path=R + "/forks", body={"name": "Site fork", "visibility": "private"},
         header_names=("Idempotency-Key",), result=ForgeRepository),
    Case(call="forge.repositories.grant", args=("frepo_1", "usr/1"),
         kwargs={"role": "write"}, method="PUT", path=R + "/grants/usr%2F1",
         body={"role": "write"}, reply={"data": {"id": "x_1", "role": "write"}},
         check=lambda r: isinstance(r, ForgeRepositoryGrant) and r.role == "write"),
    Case(call="forge.repositories.star", args=("frepo_1",), method="PUT", path=R + "/star",
         reply={"data": {"id": "x_1", "starred": True, "stars_count": 4}},
         check=lambda r: isinstance(r, ForgeStar) and r.starred is True and r.stars_count == 4),
    Case(call="forge.repositories.unstar", args=("frepo_1",), method="DELETE",
         path=R + "/star", result=ForgeStar),
    Case(call="forge.repositories.synchronization", args=("frepo_1",), method="GET",
         path=R + "/synchronization", result=ForgeSynchronization),
    Case(call="forge.repositories.provenance", args=("frepo_1",), method="GET",
         path=R + "/provenance", reply=_two("data"), result=ForgeProvenanceRecord,
         many=True, result_ids=TWO),
    Case(call="forge.repositories.deployments", args=("frepo_1",),
         kwargs={"environment": "production", "limit": 10, "cursor": "c1"}, method="GET",
         path=R + "/deployments", query={"environment": "production", "limit": "10",
                                         "cursor": "c1"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}], "next_cursor": "c2"},
         check=lambda p: [d.id for d in p.items] == list(TWO) and p.next_cursor == "c2"
         and all(isinstance(d, ForgeDeployment) for d in p.items)),
    Case(call="forge.repositories.refs", args=("frepo_1",), method="GET", path=R + "/refs",
         reply={"data": {"default_branch": "main", "head_oid": "abc",
                         "branches": [{"name": "main", "oid": "abc", "is_default": True}],
                         "tags": [{"name": "v1", "oid": "abc"}]}},
         check=lambda r: isinstance(r, ForgeRefs) and r.branches[0].is_default is True
         and r.tags[0].name == "v1"),
    Case(call="forge.repositories.create_tag", args=("frepo_1",),
         kwargs={"name": "v1.0.0", "target": "main", "message": "First"}, method="POST",
         path=R + "/tags", body={"name": "v1.0.0", "target": "main", "message": "First"},
         result=ForgeTag),
    Case(call="forge.repositories.tree", args=("frepo_1",), kwargs={"ref": "dev", "path": "src"},
         method="GET", path=R + "/tree", query={"ref": "dev", "path": "src"},
         reply={"data": {"ref": "dev", "commit_oid": "abc", "path": "src", "truncated": False,
                         "entries": [{"name": "a.py", "path": "src/a.py", "type": "blob",
                                      "oid": "def", "size": 12},
                                     {"name": "pkg", "path": "src/pkg", "type": "tree",
                                      "oid": "123", "size": None}]}},
         check=lambda r: isinstance(r, ForgeTree)
         and [e.type for e in r.entries] == [ForgeTreeEntryType.BLOB, ForgeTreeEntryType.TREE]),
    Case(call="forge.repositories.blob", args=("frepo_1", "logo.png"), kwargs={"ref": "v1"},
         method="GET", path=R + "/blob", query={"ref": "v1", "path": "logo.png"},
         reply={"data": {"path": "logo.png", "encoding": "base64", "content": "AAEC",
                         "size": 3}},
         check=lambda r: isinstance(r, ForgeBlob) and r.data == b"\x00\x01\x02"),
    Case(call="forge.repositories.readme", args=("frepo_1",), kwargs={"path": "docs"},
         method="GET", path=R + "/readme", query={"path": "docs"},
         reply={"data": {"path": "docs/README.md", "encoding": "utf-8", "content": "# Hi"}},
         check=lambda r: isinstance(r, ForgeBlob) and r.text == "# Hi"),
    Case(call="forge.repositories.commits", args=("frepo_1",),
         kwargs={"ref": "main", "path": "src", "limit": 2, "cursor": "c1"}, method="GET",
         path=R + "/commits", query={"ref": "main", "path": "src", "limit": "2", "cursor": "c1"},
         reply={"data": {"ref": "main", "path": "src",
                         "commits": [{"id": "x_1", "oid": "a", "parents": ["p"]},
                                     {"id": "x_2", "oid": "b"}],
                         "page": {"has_more": True, "next_cursor": "c2"}}},
         check=lambda p: [c.oid for c in p.items] == ["a", "b"] and p.next_cursor == "c2"
         and isinstance(p.items[0], ForgeCommit) and p.items[0].parents == ("p",)),
    Case(call="forge.repositories.commit", args=("frepo_1", "abc123"), method="GET",
         path=R + "/commits/abc123",
         reply={"data": {"oid": "abc123", "files": [{"path": "a.py", "status": "modified"}]}},
         check=lambda r: isinstance(r, ForgeCommitDetail) and r.files[0].path == "a.py"),
    Case(call="forge.repositories.compare", args=("frepo_1",),
         kwargs={"base": "main", "head": "feature"}, method="GET", path=R + "/compare",
         query={"base": "main", "head": "feature"}, result=ForgeComparison),
    Case(call="forge.repositories.put_file", args=("frepo_1", "/docs/read me.md"),
         kwargs={"content": "hello", "expected_head": "abc", "branch": "main",
                 "message": "Docs", "idempotency_key": "key_1"},
         method="PUT", path=R + "/files/docs/read%20me.md", headers=KEY,
         body={"content": "hello", "expected_head": "abc", "branch": "main", "message": "Docs"},
         result=ForgeFileCommit),
    Case(call="forge.repositories.delete_file", args=("frepo_1", "docs/old.md"),
         kwargs={"expected_head": "abc"}, method="DELETE", path=R + "/files/docs/old.md",
         body={"expected_head": "abc"}, result=ForgeFileCommit),
    Case(call="forge.repositories.merge_policy", args=("frepo_1",), kwargs={"branch": "main"},
         method="GET", path=R + "/merge-policy", query={"branch": "main"},
         reply={"data": {"id": "x_1", "version": 3, **POLICY}},
         check=lambda r: isinstance(r, ForgeMergePolicy) and r.version == 3
         and r.required_checks == ("ci",)),
    Case(call="forge.repositories.update_merge_policy", args=("frepo_1",), kwargs=POLICY,
         method="PUT", path=R + "/merge-policy", body=POLICY, result=ForgeMergePolicy),
    Case(call="forge.repositories.publish_branch_policy", args=("frepo_1",),
         kwargs={"branch": "main", "required_approvals": 1}, method="POST",
         path=R + "/branch-policies", body={"branch": "main", "required_approvals": 1},
         header_names=("Idempotency-Key",), result=ForgeMergePolicy),
    Case(call="forge.repositories.code_owners", args=("frepo_1",), kwargs={"ref": "main"},
         method="GET", path=R + "/code-owners", query={"ref": "main"},
         reply={"data": {"ref": "main", "rules": [{"pattern": "*.py", "owners": ["@py"]}]}},
         check=lambda r: isinstance(r, ForgeCodeOwners) and r.rules[0].owners == ("@py",)),
]  # fmt: skip

PULL_REQUEST_CASES = [
    Case(call="forge.pull_requests.list", args=("frepo_1",), method="GET",
         path=R + "/pull-requests", reply=_two("data"), result=ForgePullRequest, many=True,
         result_ids=TWO),
    Case(call="forge.pull_requests.create", args=("frepo_1",),
         kwargs={"title": "Add docs", "body": "Why", "base_branch": "main",
                 "head_branch": "docs", "head_repository_id": "frepo_2", "draft": True,
                 "idempotency_key": "key_1"},
         method="POST", path=R + "/pull-requests", headers=KEY,
         body={"title": "Add docs", "body": "Why", "base_branch": "main", "head_branch": "docs",
               "head_repository_id": "frepo_2", "draft": True},
         status=201, reply={"data": {"id": "x_1", "number": 7, "state": "draft"}},
         check=lambda r: isinstance(r, ForgePullRequest) and r.number == 7
         and r.state == ForgePullRequestState.DRAFT),
    Case(call="forge.pull_requests.close", args=("frepo_1", 7), method="POST",
         path=PR + "/close", result=ForgePullRequest),
    Case(call="forge.pull_requests.reopen", args=("frepo_1", 7), method="POST",
         path=PR + "/reopen", result=ForgePullRequest),
    Case(call="forge.pull_requests.merge", args=("frepo_1", 7),
         kwargs={"idempotency_key": "key_1"}, method="POST", path=PR + "/merge", headers=KEY,
         reply={"data": {"id": "x_1", "merge_sha": "m", "policy_version": 2,
                         "evidence": {"approvals": 2}}},
         check=lambda r: isinstance(r, ForgeMergeReceipt) and r.policy_version == 2
         and r.evidence == {"approvals": 2}),
    Case(call="forge.pull_requests.list_comments", args=("frepo_1", 7),
         kwargs={"limit": 2, "after": "c_0"}, method="GET", path=PR + "/comments",
         query={"limit": "2", "after": "c_0"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}], "next_cursor": "x_2"},
         check=lambda p: [c.id for c in p.items] == list(TWO) and p.next_cursor == "x_2"
         and isinstance(p.items[0], ForgePullRequestComment)),
    Case(call="forge.pull_requests.create_comment", args=("frepo_1", 7),
         kwargs={"body": "Looks good"}, method="POST", path=PR + "/comments",
         body={"body": "Looks good"}, header_names=("Idempotency-Key",), status=201,
         result=ForgePullRequestComment),
    Case(call="forge.pull_requests.list_previews", args=("frepo_1", 7), method="GET",
         path=PR + "/previews", reply=_two("data"), result=ForgePullRequestPreview, many=True,
         result_ids=TWO),
    Case(call="forge.pull_requests.create_review", args=("frepo_1", 7),
         kwargs={"decision": "approve", "body": "Ship it"}, method="POST",
         path=PR + "/reviews", body={"decision": "approve", "body": "Ship it"},
         result=ForgePullRequestReview),
    Case(call="forge.pull_requests.collaboration", args=("frepo_1", 7), method="GET",
         path=PR + "/collaboration",
         reply={"data": {"head_sha": "h", "state": "blocked",
                         "reviews": [{"id": "rv_1", "decision": "approve"}],
                         "check_runs": [], "commit_checks": [{"id": "ck_1", "name": "ci"}],
                         "merge_receipt": None}},
         check=lambda r: isinstance(r, ForgePullRequestCollaboration)
         and r.reviews[0].decision == "approve" and r.commit_checks[0].name == "ci"
         and r.merge_receipt is None),
    Case(call="forge.pull_requests.report_check", args=("frepo_1", 7),
         kwargs={"name": "ci", "head_sha": "h", "evidence": {"log": "ok"},
                 "status": "completed", "conclusion": "success"},
         method="POST", path=PR + "/check-runs",
         body={"name": "ci", "head_sha": "h", "evidence": {"log": "ok"}, "status": "completed",
               "conclusion": "success"},
         result=ForgePullRequestCheckRun),
]  # fmt: skip

OTHER_CASES = [
    Case(call="forge.releases.list", args=("frepo_1",), method="GET", path=R + "/releases",
         reply=_two("data"), result=ForgeRelease, many=True, result_ids=TWO),
    Case(call="forge.releases.get", args=("frepo_1", "v1.0/rc"), method="GET",
         path=R + "/releases/v1.0%2Frc",
         reply={"data": {"id": "x_1", "tag": "v1.0/rc",
                         "assets": [{"id": "a_1", "kind": "source_archive", "byte_size": 9}]}},
         check=lambda r: isinstance(r, ForgeRelease) and r.assets[0].byte_size == 9
         and r.assets[0].kind == "source_archive"),
    Case(call="forge.releases.create", args=("frepo_1",),
         kwargs={"tag": "v1", "name": "One", "body": "Notes", "commit_sha": "abc",
                 "prerelease": False},
         method="POST", path=R + "/releases",
         body={"tag": "v1", "name": "One", "body": "Notes", "commit_sha": "abc",
               "prerelease": False},
         header_names=("Idempotency-Key",), status=201, result=ForgeRelease),
    Case(call="forge.releases.upload_asset", args=("frepo_1", "v1"),
         kwargs={"name": "app.zip", "content": b"PK\x03\x04", "content_type": "application/zip",
                 "idempotency_key": "key_1"},
         method="POST", path=R + "/releases/v1/assets", headers=KEY,
         body={"kind": "upload", "name": "app.zip", "content_base64": "UEsDBA==",
               "content_type": "application/zip"},
         status=201, result=ForgeReleaseAsset),
    Case(call="forge.checks.list_suites", args=("frepo_1",),
         kwargs={"commit_sha": "abc", "limit": 5}, method="GET", path=R + "/check-suites",
         query={"commit_sha": "abc", "limit": "5"}, reply=_two("data"), result=ForgeCheckSuite,
         many=True, result_ids=TWO),
    Case(call="forge.checks.get_suite", args=("frepo_1", "abc"), method="GET",
         path=R + "/check-suites/abc",
         reply={"data": {"id": "x_1", "status": "success", "checks": [{"name": "ci"}]}},
         check=lambda r: isinstance(r, ForgeCheckSuite) and r.checks[0].name == "ci"),
    Case(call="forge.checks.create_run", args=("frepo_1",),
         kwargs={"commit_sha": "abc", "name": "lint", "status": "completed",
                 "conclusion": "success", "summary": "clean", "details_url": "https://ci/1",
                 "evidence": {"warnings": 0}},
         method="POST", path=R + "/check-runs",
         body={"commit_sha": "abc", "name": "lint", "status": "completed",
               "conclusion": "success", "summary": "clean", "details_url": "https://ci/1",
               "evidence": {"warnings": 0}},
         header_names=("Idempotency-Key",), result=ForgeCommitCheck),
    Case(call="forge.checks.get_run", args=("frepo_1", "ck_1"), method="GET",
         path=R + "/check-runs/ck_1", result=ForgeCommitCheck),
    Case(call="forge.checks.run_evidence", args=("frepo_1", "ck_1"), method="GET",
         path=R + "/check-runs/ck_1/evidence",
         reply={"data": {"id": "x_1", "has_evidence": True, "evidence": {"log": "ok"}}},
         check=lambda r: isinstance(r, ForgeCommitCheck) and r.evidence == {"log": "ok"}),
    Case(call="forge.attestations.list", args=("frepo_1",), kwargs={"commit_sha": "abc"},
         method="GET", path=R + "/attestations", query={"commit_sha": "abc"},
         reply=_two("data"), result=ForgeAttestation, many=True, result_ids=TWO),
    Case(call="forge.attestations.create", args=("frepo_1",),
         kwargs={"commit_sha": "abc", "subject_type": "release", "subject_id": "v1",
                 "predicate_type": "https://slsa.dev/provenance/v1",
                 "predicate": {"builder": "ci"}},
         method="POST", path=R + "/attestations",
         body={"commit_sha": "abc", "subject_type": "release", "subject_id": "v1",
               "predicate_type": "https://slsa.dev/provenance/v1",
               "predicate": {"builder": "ci"}},
         reply={"data": {"id": "x_1", "subject_type": "release", "key_id": "k1"}},
         check=lambda r: isinstance(r, ForgeAttestation)
         and r.subject_type == ForgeAttestationSubjectType.RELEASE),
    Case(call="forge.attestations.get", args=("frepo_1", "att_1"), method="GET",
         path=R + "/attestations/att_1", result=ForgeAttestation),
    Case(call="forge.attestations.verify", args=("frepo_1", "att_1"), method="GET",
         path=R + "/attestations/att_1/verification",
         reply={"data": {"valid": True, "key_id": "k1", "checked_at": "2026-12-01T10:00:00Z"}},
         check=lambda r: isinstance(r, ForgeAttestationVerification) and r.valid is True),
    Case(call="forge.project_links.create", args=("frepo_1",),
         kwargs={"project_id": "prj_1", **LINK}, method="POST", path=R + "/project-link",
         body={"project_id": "prj_1", **LINK},
         reply={"data": {"id": "x_1", "project_id": "prj_1", **LINK}},
         check=lambda r: isinstance(r, ForgeProjectLink) and r.path_filter == ("web/**",)),
    Case(call="forge.project_links.update", args=("frepo_1", "prj_1"),
         kwargs={"auto_deploy": False}, method="PATCH", path=R + "/project-link/prj_1",
         body={"auto_deploy": False}, result=ForgeProjectLink),
    Case(call="forge.project_links.delete", args=("frepo_1", "prj_1"), method="DELETE",
         path=R + "/project-link/prj_1", result=ForgeProjectLink),
    Case(call="forge.automation_runs.list", args=("frepo_1",), kwargs={"limit": 3},
         method="GET", path=R + "/automation-runs", query={"limit": "3"},
         reply=_two("data"), result=ForgeAutomationRun, many=True, result_ids=TWO),
    Case(call="forge.automation_runs.get", args=("frepo_1", "run_1"), method="GET",
         path=R + "/automation-runs/run_1",
         reply={"data": {"id": "x_1", "status": "running",
                         "steps": [{"id": "st_1", "name": "build", "status": "done"}]}},
         check=lambda r: isinstance(r, ForgeAutomationRun) and r.steps[0].name == "build"),
    Case(call="forge.automation_runs.receipt", args=("frepo_1", "run_1", "st_1"),
         method="GET", path=R + "/automation-runs/run_1/steps/st_1/receipt",
         result=ForgeAutomationReceipt),
    Case(call="forge.automation_runs.create", args=("frepo_1",), kwargs={"commit_sha": "abc"},
         method="POST", path=R + "/automation-runs", body={"commit_sha": "abc"},
         result=ForgeAutomationRun),
]  # fmt: skip

CASES = REPOSITORY_CASES + PULL_REQUEST_CASES + OTHER_CASES


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_commit_history_follows_the_cursor_under_data_page() -> None:
    def history(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        commits = [{"oid": "b"}] if cursor else [{"oid": "a"}]
        page = {"has_more": not cursor, "next_cursor": None if cursor else "c1"}
        return json_response(200, {"data": {"ref": "main", "commits": commits, "page": page}})

    api = MockAPI().on(f"GET {R}/commits", history)
    with make_client(api) as client:
        oids = [c.oid for c in client.forge.repositories.commits("frepo_1", limit=1)]
    assert oids == ["a", "b"]
    assert [r.url.params.get("cursor") for r in api.requests] == [None, "c1"]


def test_comments_page_on_after() -> None:
    def comments(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        if after is None:
            return json_response(200, {"data": [{"id": "c_1"}], "next_cursor": "c_1"})
        return json_response(200, {"data": [{"id": "c_2"}], "next_cursor": None})

    api = MockAPI().on(f"GET {PR}/comments", comments)
    with make_client(api) as client:
        ids = [c.id for c in client.forge.pull_requests.list_comments("frepo_1", 7)]
    assert ids == ["c_1", "c_2"]
    assert api.requests[1].url.params["after"] == "c_1"


def test_a_release_asset_uploads_from_a_path_and_downloads_as_a_stream(
    tmp_path: Path,
) -> None:
    blob = bytes(range(256)) * 20
    source = tmp_path / "app.bin"
    source.write_bytes(blob)
    path = f"{R}/releases/v1/assets/a_1/download"
    api = (
        MockAPI()
        .on(f"POST {R}/releases/v1/assets", json_response(201, {"data": {"id": "a_1"}}))
        .on(f"GET {path}", httpx.Response(200, content=blob))
    )
    with make_client(api) as client:
        with source.open("rb") as file:
            file.seek(256)
            from_file = client.forge.releases.upload_asset(
                "frepo_1", "v1", name="tail.bin", content=file
            )
        from_path = client.forge.releases.upload_asset(
            "frepo_1", "v1", name="app.bin", content=source, kind="source_archive"
        )
        stream = client.forge.releases.download_asset("frepo_1", "v1", "a_1", chunk_size=1024)
        assert len(api.requests) == 2
        with stream as body:
            chunks = [chunk for chunk in body]
    sent_file, sent_path = (json.loads(r.content) for r in api.requests[:2])
    assert base64.b64decode(sent_file["content_base64"]) == blob[256:]
    assert base64.b64decode(sent_path["content_base64"]) == blob
    assert sent_path["kind"] == "source_archive" and from_path.id == from_file.id == "a_1"
    assert b"".join(chunks) == blob and max(len(c) for c in chunks) <= 1024


def test_a_repository_path_that_climbs_out_is_refused() -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(ValueError, match="invalid file path"):
            client.forge.repositories.put_file(
                "frepo_1", "docs/../../secret", content="x", expected_head="abc"
            )
    assert api.requests == []


def test_a_stale_head_is_a_conflict() -> None:
    error = {"error": {"code": "FORGE_HEAD_MOVED", "message": "branch moved"}}
    api = MockAPI().on(f"PUT {R}/files/a.md", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="branch moved") as caught:
            client.forge.repositories.put_file("frepo_1", "a.md", content="x", expected_head="old")
    assert caught.value.code == "FORGE_HEAD_MOVED"


def test_a_missing_repository_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "no repository frepo_9"}}
    api = MockAPI().on("GET /forge/repositories/frepo_9", json_response(404, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="frepo_9"):
            client.forge.repositories.get("frepo_9")


def test_a_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            forge = client.forge
            repo = forge.repositories.create(name="Site", visibility="public")
            got = forge.repositories.get(repo.id or "")
            listed = forge.repositories.list()
            starred = forge.repositories.star(repo.id or "")
            again = forge.repositories.star(repo.id or "")
            pr = forge.pull_requests.create(repo.id or "", title="Add docs", head_branch="docs")
            second = forge.pull_requests.create(repo.id or "", title="Fix", draft=True)
            number = pr.number or 0
            for text in ("First", "Second", "Third"):
                forge.pull_requests.create_comment(repo.id or "", number, body=text)
            first_page = forge.pull_requests.list_comments(repo.id or "", number, limit=2)
            comments = [c.body for c in forge.pull_requests.list_comments(repo.id or "", number)]
            closed = forge.pull_requests.close(repo.id or "", number)
            reopened = forge.pull_requests.reopen(repo.id or "", number)
            with pytest.raises(ConflictError):
                forge.pull_requests.reopen(repo.id or "", number)
            prs = forge.pull_requests.list(repo.id or "")
            release = forge.releases.create(repo.id or "", tag="v1.0.0")
            asset = forge.releases.upload_asset(
                repo.id or "", "v1.0.0", name="notes.txt", content=b"hello forge"
            )
            with forge.releases.download_asset(repo.id or "", "v1.0.0", asset.id or "") as body:
                downloaded = body.read()
            fetched = forge.releases.get(repo.id or "", "v1.0.0")
            unstarred = forge.repositories.unstar(repo.id or "")
            renamed = forge.repositories.update(repo.id or "", name="Website")
            deleted = forge.repositories.delete(repo.id or "")
            with pytest.raises(NotFoundError):
                forge.repositories.get(repo.id or "")
            with pytest.raises(NotFoundError):
                forge.pull_requests.list(repo.id or "")
            after = forge.repositories.list()
    assert repo.state == "active" and repo.clone_ready and repo.clone_url
    assert got == repo and [r.id for r in listed] == [repo.id]
    assert (starred.starred, starred.stars_count, again.stars_count) == (True, 1, 1)
    assert (unstarred.starred, unstarred.stars_count) == (False, 0)
    assert (pr.number, pr.state, pr.base_branch, pr.head_branch) == (1, "open", "main", "docs")
    assert (second.number, second.state) == (2, "draft")
    assert len(first_page.items) == 2 and first_page.has_more
    assert comments == ["First", "Second", "Third"]
    assert (closed.state, reopened.state) == ("closed", "open") and closed.closed_at
    assert [p.number for p in prs] == [1, 2]
    assert release.tag == "v1.0.0" and release.commit_sha
    assert (asset.byte_size, asset.kind) == (11, "upload") and downloaded == b"hello forge"
    assert [a.id for a in fetched.assets] == [asset.id]
    assert renamed.name == "Website" and deleted.operation_id and after == []
