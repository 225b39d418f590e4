"""MIOSA Forge review and merge: branch policies, reviews, checks, previews and merges.

A pull request merges for real: the base branch gets a merge commit whose files are the
head's changes since the merge base applied on the base (a file both sides changed
differently is a conflict, 409 ``FORGE_MERGE_CONFLICT``). Before that, the branch's
policy must be met, 409 ``FORGE_MERGE_BLOCKED`` naming what is missing: enough approvals
on the current head (not the author's own when ``require_independent_approval``; stale
ones dismissed when ``dismiss_stale_reviews``), an approval by a code owner of the changed
files when ``require_code_owner_approval``, and a successful check of each required name
on the head (reported on the pull request or on the commit). Previews are canned: one
per project linked to the repository, nothing is deployed.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json

from starlette.responses import Response

from . import forge_objects as objects
from .common import JSON, iso, new_id, now
from .forge import (
    REPOSITORIES,
    acting_user,
    find_pull_request,
    find_repository,
    git_state,
    record_provenance,
    record_push,
)
from .http import ApiError, int_param, not_found, ok
from .records import Collection, records
from .routing import Call, Endpoint

_REPO = "/forge/repositories/{repository_id}"
_PR = _REPO + "/pull-requests/{number}"
REVIEWS = Collection(_PR + "/reviews", "review_id", "frev", "review")
PR_CHECKS = Collection(_PR + "/check-runs", "check_run_id", "fprck", "pull request check run")
CHECKS = Collection(_REPO + "/check-runs", "check_run_id", "fck", "check run")
RECEIPTS = Collection(_PR + "/merge", "receipt_id", "fmrg", "merge receipt")

DECISIONS = ("approve", "request_changes", "comment")
CHECK_STATUSES = ("queued", "in_progress", "completed")
PASSING = ("success", "neutral", "skipped")
FAILING = ("failure", "cancelled", "timed_out", "action_required", "stale")


# -- policies -------------------------------------------------------------------------


def _policy(repo: JSON, branch: str) -> JSON:
    """The current policy of ``branch``: version 0 (nothing required) until one is set."""
    stored = repo.get("_policies", {}).get(branch)
    if stored is not None:
        return dict(stored)
    return {
        "id": None,
        "version": 0,
        "branch": branch,
        "required_approvals": 0,
        "required_checks": [],
        "require_independent_approval": False,
        "dismiss_stale_reviews": False,
        "require_code_owner_approval": False,
        "created_at": None,
        "updated_at": None,
    }


async def _policy_changes(call: Call) -> JSON:
    given: JSON = {
        "required_approvals": await call.optional("required_approvals", int, low=0, high=100),
        "required_checks": await call.optional("required_checks", list, items=str),
    }
    for flag in (
        "require_independent_approval",
        "dismiss_stale_reviews",
        "require_code_owner_approval",
    ):
        given[flag] = await call.optional(flag, bool)
    return {k: v for k, v in given.items() if v is not None}


async def _publish(call: Call) -> JSON:
    """The body's changes as the next version of its branch's policy."""
    repo = find_repository(call)
    branch = await call.optional("branch", str) or repo["default_branch"]
    current = _policy(repo, branch)
    stamp = iso(now())
    current.update(await _policy_changes(call))
    current.update(
        id=current["id"] or new_id("fpol"),
        version=int(current["version"]) + 1,
        created_at=current["created_at"] or stamp,
        updated_at=stamp,
    )
    repo.setdefault("_policies", {})[branch] = current
    return current


async def merge_policy(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/merge-policy?branch=``."""
    repo = find_repository(call)
    return ok(_policy(repo, call.query.get("branch") or repo["default_branch"]))


async def update_merge_policy(call: Call) -> Response:
    """``PUT /forge/repositories/{repository_id}/merge-policy``: a new version."""
    return ok(await _publish(call))


async def publish_branch_policy(call: Call) -> Response:
    """``POST /forge/repositories/{repository_id}/branch-policies``: a new version."""
    return ok(await _publish(call), 201)


# -- the state of a pull request ------------------------------------------------------


def _head_repository(call: Call, repo: JSON, pr: JSON) -> JSON:
    return records(call, REPOSITORIES).get(pr["head_repository_id"], repo)


def _refresh(call: Call, repo: JSON, pr: JSON) -> None:
    """Follow the branches of an unmerged pull request; dismiss stale reviews."""
    if pr["state"] == "merged":
        return
    head = git_state(_head_repository(call, repo, pr))["branches"].get(pr["head_branch"])
    base = git_state(repo)["branches"].get(pr["base_branch"])
    pr.update(head_sha=head or pr["head_sha"], base_sha=base or pr["base_sha"])
    if _policy(repo, pr["base_branch"])["dismiss_stale_reviews"]:
        for review in _reviews(call, pr):
            if review["state"] == "active" and review["head_sha"] != pr["head_sha"]:
                review.update(state="dismissed", dismissed_at=iso(now()))


def _reviews(call: Call, pr: JSON) -> list[JSON]:
    return [r for r in records(call, REVIEWS).values() if r["pull_request_id"] == pr["id"]]


def _check_runs(call: Call, pr: JSON) -> list[JSON]:
    return [c for c in records(call, PR_CHECKS).values() if c["pull_request_id"] == pr["id"]]


def _commit_checks(call: Call, repo: JSON, sha: str) -> list[JSON]:
    return [
        c
        for c in records(call, CHECKS).values()
        if c["repository_id"] == repo["id"] and c["commit_sha"] == sha
    ]


def _latest_by(items: list[JSON], key: str) -> dict[str, JSON]:
    """The last item per value of ``key`` (items are in the order they were made)."""
    return {str(item[key]): item for item in items}


def _owners_of(path: str, rules: list[JSON]) -> list[str]:
    """The owners of ``path``: the last CODEOWNERS rule that matches wins."""
    owners: list[str] = []
    for rule in rules:
        pattern = str(rule["pattern"]).lstrip("/")
        if pattern.endswith("/"):
            hit = path.startswith(pattern)
        elif "/" in pattern:
            hit = fnmatch.fnmatch(path, pattern)
        else:
            hit = fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern) or pattern == "*"
        if hit:
            owners = [str(o).lstrip("@") for o in rule["owners"]]
    return owners


def _changed_paths(call: Call, repo: JSON, pr: JSON) -> list[str]:
    git = _merge_git(call, repo, pr)
    if pr["head_sha"] not in git["commits"] or pr["base_sha"] not in git["commits"]:
        return []
    base = objects.merge_base(git, pr["head_sha"], pr["base_sha"])
    changed = objects.diff(objects.files_at(git, base), objects.files_at(git, pr["head_sha"]))
    return [str(c["path"]) for c in changed]


def _owner_approved(call: Call, repo: JSON, pr: JSON, approvers: list[str]) -> bool:
    """Whether a code owner of the changed files (CODEOWNERS on the base) approved;
    true when no rule owns them."""
    git = git_state(repo)
    base = pr["base_sha"] if pr["base_sha"] in git["commits"] else None
    _, rules = objects.code_owner_rules(objects.files_at(git, base))
    owners = {o for p in _changed_paths(call, repo, pr) for o in _owners_of(p, rules)}
    return not owners or bool(owners & set(approvers))


def _blockers(call: Call, repo: JSON, pr: JSON) -> list[str]:
    """What the branch's policy still requires of the pull request (empty: mergeable)."""
    policy = _policy(repo, pr["base_branch"])
    latest = _latest_by(
        [r for r in _reviews(call, pr) if r["state"] == "active"], "reviewer_user_id"
    )
    approvers = [u for u, r in latest.items() if r["decision"] == "approve"]
    if policy["require_independent_approval"]:
        approvers = [u for u in approvers if u != pr["author_user_id"]]
    blockers = [
        f"changes requested by {u}" for u, r in latest.items() if r["decision"] == "request_changes"
    ]
    if len(approvers) < int(policy["required_approvals"]):
        blockers.append(
            f"{policy['required_approvals']} approval(s) required, {len(approvers)} given"
        )
    if policy["require_code_owner_approval"] and not _owner_approved(call, repo, pr, approvers):
        blockers.append("an approval by a code owner is required")
    checks = _latest_by(_head_checks(call, repo, pr), "name")
    for name in policy["required_checks"]:
        if checks.get(name, {}).get("conclusion") not in PASSING:
            blockers.append(f"required check {name!r} has not passed on the head")
    return blockers


def _head_checks(call: Call, repo: JSON, pr: JSON) -> list[JSON]:
    """Every check on the head commit: reported on the pull request or on the commit."""
    on_pr = [c for c in _check_runs(call, pr) if c["head_sha"] == pr["head_sha"]]
    return sorted(on_pr + _commit_checks(call, repo, pr["head_sha"]), key=lambda c: c["created_at"])


def _receipt(call: Call, pr: JSON) -> JSON | None:
    for receipt in records(call, RECEIPTS).values():
        if receipt["pull_request_id"] == pr["id"]:
            return receipt
    return None


def _state(call: Call, repo: JSON, pr: JSON) -> str:
    if pr["state"] in ("merged", "closed", "draft"):
        return str(pr["state"])
    return "blocked" if _blockers(call, repo, pr) else "mergeable"


async def collaboration(call: Call) -> Response:
    """``GET .../pull-requests/{number}/collaboration``: what decides the merge."""
    repo, pr = find_repository(call), find_pull_request(call)
    _refresh(call, repo, pr)
    return ok(
        {
            "head_sha": pr["head_sha"],
            "state": _state(call, repo, pr),
            "blockers": _blockers(call, repo, pr) if pr["state"] == "open" else [],
            "policy": _policy(repo, pr["base_branch"]),
            "reviews": _reviews(call, pr),
            "check_runs": _check_runs(call, pr),
            "commit_checks": [_check_view(c) for c in _commit_checks(call, repo, pr["head_sha"])],
            "merge_receipt": _receipt(call, pr),
        }
    )


# -- reviews and pull request checks ----------------------------------------------------


async def create_review(call: Call) -> Response:
    """``POST .../pull-requests/{number}/reviews``: a decision on the current head."""
    repo, pr = find_repository(call), find_pull_request(call)
    decision = await call.require("decision", str, choices=DECISIONS)
    text = await call.optional("body", str)
    if pr["state"] in ("merged", "closed"):
        raise ApiError(409, "CONFLICT", f"the pull request is {pr['state']}")
    _refresh(call, repo, pr)
    review: JSON = {
        "id": new_id(REVIEWS.prefix),
        "repository_id": repo["id"],
        "pull_request_id": pr["id"],
        "reviewer_user_id": acting_user(call),
        "reviewer": None,
        "decision": decision,
        "body": text,
        "head_sha": pr["head_sha"],
        "state": "active",
        "dismissed_at": None,
        "created_at": iso(now()),
    }
    records(call, REVIEWS)[review["id"]] = review
    call.resource_id = review["id"]
    return ok(review, 201)


async def _check_fields(call: Call) -> tuple[str, str | None]:
    """The status and conclusion of a reported check (a conclusion completes it)."""
    conclusion = await call.optional("conclusion", str)
    status = await call.optional("status", str, choices=CHECK_STATUSES)
    return status or ("completed" if conclusion else "queued"), conclusion


async def report_check(call: Call) -> Response:
    """``POST .../pull-requests/{number}/check-runs``: a check on the head commit; 409
    when ``head_sha`` is not the head any more."""
    repo, pr = find_repository(call), find_pull_request(call)
    name = await call.require("name", str)
    head_sha = await call.require("head_sha", str)
    evidence = await call.require("evidence", dict)
    status, conclusion = await _check_fields(call)
    _refresh(call, repo, pr)
    if head_sha != pr["head_sha"]:
        raise ApiError(
            409,
            "FORGE_HEAD_MOVED",
            f"the head is {pr['head_sha']}, not {head_sha}",
            {"head_sha": pr["head_sha"]},
        )
    stamp = iso(now())
    run: JSON = {
        "id": new_id(PR_CHECKS.prefix),
        "repository_id": repo["id"],
        "pull_request_id": pr["id"],
        "name": name,
        "head_sha": head_sha,
        "status": status,
        "conclusion": conclusion,
        "reported_by_user_id": acting_user(call),
        "reported_by": None,
        "evidence": evidence,
        "completed_at": stamp if status == "completed" else None,
        "created_at": stamp,
    }
    records(call, PR_CHECKS)[run["id"]] = run
    call.resource_id = run["id"]
    return ok(run, 201)


async def list_previews(call: Call) -> Response:
    """``GET .../pull-requests/{number}/previews``: one canned preview per linked project
    (nothing is deployed locally); destroyed once the pull request is closed or merged."""
    repo, pr = find_repository(call), find_pull_request(call)
    _refresh(call, repo, pr)
    live = pr["state"] in ("open", "draft")
    previews = []
    for project_id in sorted(repo.get("_links", {})):
        ident = hashlib.sha1(f"{pr['id']}:{project_id}".encode()).hexdigest()[:16]
        previews.append(
            {
                "id": f"fprev_{ident}",
                "pull_request_id": pr["id"],
                "project_id": project_id,
                "deployment_id": f"fdep_{ident}",
                "state": "ready" if live else "destroyed",
                "url": f"https://pr-{pr['number']}-{project_id}.local.miosa.dev",
                "branch": pr["head_branch"],
                "commit_sha": pr["head_sha"],
                "created_at": pr["created_at"],
                "updated_at": pr["updated_at"],
                "destroyed_at": None if live else pr["updated_at"],
            }
        )
    return ok(previews)


# -- merge --------------------------------------------------------------------------------


def _merge_git(call: Call, repo: JSON, pr: JSON) -> JSON:
    """The base repository's content, with a fork's commits copied in when needed."""
    git = git_state(repo)
    source = _head_repository(call, repo, pr)
    if source is not repo and pr["head_sha"] not in git["commits"]:
        for commit in objects.ancestors(git_state(source), pr["head_sha"]):
            git["commits"].setdefault(commit["oid"], commit)
    return git


def _merge_commit(call: Call, repo: JSON, pr: JSON) -> JSON:
    """The merge commit of the pull request on its base branch; 409 when impossible."""
    git = _merge_git(call, repo, pr)
    base, head = git["branches"].get(pr["base_branch"]), pr["head_sha"]
    if base is None or head not in git["commits"]:
        raise ApiError(409, "FORGE_NOTHING_TO_MERGE", "the head or base branch has no commits")
    common = objects.merge_base(git, head, base)
    if common == head:
        raise ApiError(409, "FORGE_NOTHING_TO_MERGE", "the base already has the head's commits")
    files, conflicts = objects.three_way(
        objects.files_at(git, common), objects.files_at(git, base), objects.files_at(git, head)
    )
    if conflicts:
        raise ApiError(409, "FORGE_MERGE_CONFLICT", "the branches conflict", {"paths": conflicts})
    message = f"Merge pull request #{pr['number']}: {pr['title']}"
    who = objects.author(acting_user(call))
    return objects.new_commit(git, [base, head], files, message, who, iso(now()) or "")


async def merge(call: Call) -> Response:
    """``POST .../pull-requests/{number}/merge``: merge and answer the receipt."""
    repo, pr = find_repository(call), find_pull_request(call)
    if pr["state"] != "open":
        raise ApiError(409, "CONFLICT", f"the pull request is {pr['state']}, not open")
    _refresh(call, repo, pr)
    blockers = _blockers(call, repo, pr)
    if blockers:
        raise ApiError(409, "FORGE_MERGE_BLOCKED", "; ".join(blockers), {"blockers": blockers})
    base_sha, changed = pr["base_sha"], _changed_paths(call, repo, pr)
    made = _merge_commit(call, repo, pr)
    policy = _policy(repo, pr["base_branch"])
    evidence: JSON = {
        "approvals": [
            r["reviewer_user_id"]
            for r in _reviews(call, pr)
            if r["state"] == "active" and r["decision"] == "approve"
        ],
        "checks": [
            {"name": c["name"], "conclusion": c["conclusion"]} for c in _head_checks(call, repo, pr)
        ],
        "policy": {
            k: policy[k] for k in ("id", "version", "required_approvals", "required_checks")
        },
    }
    stamp = iso(now())
    receipt: JSON = {
        "id": new_id(RECEIPTS.prefix),
        "repository_id": repo["id"],
        "pull_request_id": pr["id"],
        "actor_user_id": acting_user(call),
        "policy_id": policy["id"],
        "policy_version": policy["version"],
        "base_sha": base_sha,
        "head_sha": pr["head_sha"],
        "merge_sha": made["oid"],
        "ref": f"refs/heads/{pr['base_branch']}",
        "evidence_digest": "sha256:"
        + hashlib.sha256(json.dumps(evidence, sort_keys=True).encode()).hexdigest(),
        "evidence": evidence,
        "created_at": stamp,
    }
    records(call, RECEIPTS)[receipt["id"]] = receipt
    git_state(repo)["branches"][pr["base_branch"]] = made["oid"]
    pr.update(state="merged", merged_at=stamp, merged_sha=made["oid"], updated_at=stamp)
    record_push(call, repo, pr["base_branch"], made["oid"], changed)
    record_provenance(call, repo, "merge", made["oid"], f"pull request #{pr['number']}")
    call.resource_id = pr["id"]
    return ok(receipt)


# -- commit checks ------------------------------------------------------------------------


def _check_view(check: JSON) -> JSON:
    """A commit check without its evidence (only the evidence route gives it)."""
    return {**{k: v for k, v in check.items() if not k.startswith("_")}, "evidence": None}


def _find_check(call: Call) -> JSON:
    repo = find_repository(call)
    ident = call.params["check_run_id"]
    check = records(call, CHECKS).get(ident)
    if check is None or check["repository_id"] != repo["id"]:
        raise not_found("check run", ident)
    return check


def _full_sha(repo: JSON, sha: str) -> str:
    """A known commit's full sha (a prefix expanded); other shas as given."""
    return objects.find_commit(git_state(repo), sha) or sha


async def create_run(call: Call) -> Response:
    """``POST /forge/repositories/{repository_id}/check-runs``: a check on a commit."""
    repo = find_repository(call)
    sha = _full_sha(repo, await call.require("commit_sha", str))
    name = await call.require("name", str)
    evidence = await call.optional("evidence", dict)
    status, conclusion = await _check_fields(call)
    stamp = iso(now())
    check: JSON = {
        "id": new_id(CHECKS.prefix),
        "repository_id": repo["id"],
        "name": name,
        "commit_sha": sha,
        "status": status,
        "conclusion": conclusion,
        "source": "api",
        "summary": await call.optional("summary", str),
        "details_url": await call.optional("details_url", str),
        "reported_by_user_id": acting_user(call),
        "reported_by": None,
        "has_evidence": bool(evidence),
        "started_at": stamp,
        "completed_at": stamp if status == "completed" else None,
        "created_at": stamp,
        "_evidence": evidence,
    }
    records(call, CHECKS)[check["id"]] = check
    call.resource_id = check["id"]
    return ok(_check_view(check), 201)


async def get_run(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/check-runs/{check_run_id}``."""
    return ok(_check_view(_find_check(call)))


async def run_evidence(call: Call) -> Response:
    """``GET .../check-runs/{check_run_id}/evidence``: the check with its evidence."""
    check = _find_check(call)
    return ok({**_check_view(check), "evidence": check["_evidence"]})


def _suite(sha: str, checks: list[JSON]) -> JSON:
    """All checks of one commit; failing if any fails, pending until all complete."""
    conclusions = [c["conclusion"] for c in checks]
    if any(c in FAILING for c in conclusions):
        status = "failure"
    elif not checks or any(c["status"] != "completed" for c in checks):
        status = "pending"
    else:
        status = "success"
    return {
        "id": "fsuite_" + sha[:16],
        "commit_sha": sha,
        "status": status,
        "checks": [_check_view(c) for c in checks],
        "updated_at": max((c["created_at"] for c in checks), default=None),
    }


def _suites(call: Call, repo: JSON) -> dict[str, list[JSON]]:
    by_commit: dict[str, list[JSON]] = {}
    for check in records(call, CHECKS).values():
        if check["repository_id"] == repo["id"]:
            by_commit.setdefault(check["commit_sha"], []).append(check)
    return by_commit


async def list_suites(call: Call) -> Response:
    """``GET .../check-suites?commit_sha=&limit=``: newest first."""
    repo = find_repository(call)
    wanted = call.query.get("commit_sha")
    limit = int_param(call.query, "limit", 100, 1, 1000)
    suites = [
        _suite(sha, checks)
        for sha, checks in _suites(call, repo).items()
        if not wanted or sha == _full_sha(repo, wanted)
    ]
    suites.sort(key=lambda s: str(s["updated_at"]), reverse=True)
    return ok(suites[:limit])


async def get_suite(call: Call) -> Response:
    """``GET .../check-suites/{commit_sha}``: 404 for a commit neither known nor checked."""
    repo = find_repository(call)
    sha = _full_sha(repo, call.params["commit_sha"])
    checks = _suites(call, repo).get(sha, [])
    if not checks and sha not in git_state(repo)["commits"]:
        raise not_found("commit", call.params["commit_sha"])
    return ok(_suite(sha, checks))


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", _REPO + "/merge-policy", merge_policy),
        Endpoint("PUT", _REPO + "/merge-policy", update_merge_policy, "forge.merge_policy.update"),
        Endpoint("POST", _REPO + "/branch-policies", publish_branch_policy, "forge.policy.publish"),
        Endpoint("GET", _PR + "/collaboration", collaboration),
        Endpoint("POST", _PR + "/reviews", create_review, "forge.review.create"),
        Endpoint("POST", _PR + "/check-runs", report_check, "forge.pull_request.report_check"),
        Endpoint("GET", _PR + "/previews", list_previews),
        Endpoint("POST", _PR + "/merge", merge, "forge.pull_request.merge"),
        Endpoint("POST", _REPO + "/check-runs", create_run, "forge.check_run.create"),
        Endpoint("GET", _REPO + "/check-runs/{check_run_id}", get_run),
        Endpoint("GET", _REPO + "/check-runs/{check_run_id}/evidence", run_evidence),
        Endpoint("GET", _REPO + "/check-suites", list_suites),
        Endpoint("GET", _REPO + "/check-suites/{commit_sha}", get_suite),
    ]
