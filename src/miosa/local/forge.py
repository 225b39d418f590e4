"""MIOSA Forge, without git: repositories, stars, pull requests, comments and releases.

Enough of ``/forge`` to exercise a client end to end: repositories are records that
are ``active`` (clonable) at once; stars are per caller; pull requests are numbered per
repository and move between open, draft, closed and merged; comments page like every
list; releases keep their uploaded assets (base64 in, bytes out). Nothing here runs git,
but each repository has real in-memory content (``forge_objects``): it starts with one
commit holding a README, and the content routes (``forge_content``) read and write it.
Pull requests take their shas from branch heads when the branches exist. Reviews,
policies, checks and merges live in ``forge_review``; attestations, automation runs and
project links in ``forge_supply``. This module also keeps each repository's grants, its
provenance log and the deployments its pushes trigger (see `record_push`).
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib

from starlette.responses import Response

from . import forge_objects as objects
from . import operations
from .common import JSON, glob_match, iso, new_id, now
from .http import ApiError, bad_request, json_response, not_found, ok, page_response
from .records import Collection, records
from .routing import Call, Endpoint

REPOSITORIES = Collection("/forge/repositories", "repository_id", "frepo", "repository")
PULL_REQUESTS = Collection(
    "/forge/repositories/{repository_id}/pull-requests", "number", "fpr", "pull request"
)
COMMENTS = Collection(
    "/forge/repositories/{repository_id}/pull-requests/{number}/comments",
    "comment_id",
    "fprc",
    "comment",
)
RELEASES = Collection("/forge/repositories/{repository_id}/releases", "tag", "frel", "release")

VISIBILITIES = ("public", "private", "internal")
ASSET_KINDS = ("upload", "source_archive")


def _stand_in_sha(*parts: str) -> str:
    """A commit sha for a branch or tag: no git runs here, but replies keep their shape."""
    return hashlib.sha1(":".join(parts).encode()).hexdigest()


def _view(record: JSON) -> JSON:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def find_repository(call: Call) -> JSON:
    ident = call.params["repository_id"]
    repo = records(call, REPOSITORIES).get(ident)
    if repo is None:
        raise not_found("repository", ident)
    return repo


def acting_user(call: Call) -> str:
    principal = call.principal
    return principal.external_user_id or principal.key_id


def git_state(repo: JSON) -> JSON:
    """The repository's content; made on first use for a record stored without any."""
    git = repo.get("_git")
    if not isinstance(git, dict):
        who = objects.author(str(repo.get("_creator") or "local"))
        git = objects.initial_state(repo["name"], repo["default_branch"], who, repo["created_at"])
        repo["_git"] = git
    return git


def branch_sha(repo: JSON, branch: str) -> str:
    """The head of ``branch``; a stand-in sha for a branch that does not exist (yet)."""
    head = git_state(repo)["branches"].get(branch)
    return str(head) if head else _stand_in_sha(repo["id"], branch)


def record_provenance(call: Call, repo: JSON, kind: str, commit_sha: str, subject: str) -> None:
    """Append to the repository's provenance log (``GET .../provenance``)."""
    entry: JSON = {
        "id": new_id("fprov"),
        "kind": kind,
        "commit_sha": commit_sha,
        "subject": subject,
        "actor_user_id": acting_user(call),
        "created_at": iso(now()),
    }
    repo.setdefault("_provenance", []).append(entry)


def _deploys(link: JSON, branch: str, changed: list[str]) -> bool:
    """Whether a push to ``branch`` touching ``changed`` deploys the linked project."""
    if not link.get("auto_deploy") or link.get("branch") != branch:
        return False
    patterns = link.get("path_filter") or []
    return not patterns or any(glob_match(path, patterns) for path in changed)


def record_push(call: Call, repo: JSON, branch: str, oid: str, changed: list[str]) -> None:
    """A branch moved to ``oid``: log it, and deploy each project linked to the branch
    with ``auto_deploy`` (a record only: nothing is built locally)."""
    record_provenance(call, repo, "push", oid, f"refs/heads/{branch}")
    for link in repo.get("_links", {}).values():
        if _deploys(link, branch, changed):
            deployment: JSON = {
                "id": new_id("fdep"),
                "project_id": link["project_id"],
                "environment": link.get("environment") or "production",
                "status": "succeeded",
                "branch": branch,
                "commit_sha": oid,
                "url": f"https://{link['project_id']}-{oid[:7]}.local.miosa.dev",
                "created_at": iso(now()),
            }
            repo.setdefault("_deployments", []).append(deployment)


async def _repository_fields(call: Call) -> JSON:
    """The editable repository fields present in the body, each checked."""
    given: JSON = {
        "name": await call.optional("name", str),
        "slug": await call.optional("slug", str),
        "visibility": await call.optional("visibility", str, choices=VISIBILITIES),
        "project_ids": await call.optional("project_ids", list, items=str),
    }
    return {k: v for k, v in given.items() if v is not None}


# -- repositories -------------------------------------------------------------------


def _new_repository(call: Call, given: JSON, name: str, branch: str) -> JSON:
    """A repository record for ``name``, stored; 409 when its slug is taken."""
    slug = given.get("slug") or name.lower().replace(" ", "-")
    if any(r["slug"] == slug for r in records(call, REPOSITORIES).values()):
        raise ApiError(409, "CONFLICT", f"a repository with slug {slug!r} exists")
    stamp = iso(now())
    base = str(call.request.base_url).rstrip("/")
    repo: JSON = {
        "id": new_id(REPOSITORIES.prefix),
        "name": name,
        "slug": slug,
        "default_branch": branch,
        "visibility": given.get("visibility", "private"),
        "state": "active",
        "clone_ready": True,
        "clone_url": f"{base}/git/{slug}.git",
        "project_ids": given.get("project_ids", []),
        "created_at": stamp,
        "updated_at": stamp,
        "_stargazers": [],
        "_creator": acting_user(call),
    }
    records(call, REPOSITORIES)[repo["id"]] = repo
    call.resource_id = repo["id"]
    return repo


async def create_repository(call: Call) -> Response:
    """``POST /forge/repositories``: active at once, with one commit holding a README."""
    given = await _repository_fields(call)
    name = await call.require("name", str)
    branch = await call.optional("default_branch", str) or "main"
    repo = _new_repository(call, given, name, branch)
    git = git_state(repo)
    record_push(call, repo, branch, git["branches"][branch], ["README.md"])
    return ok(_view(repo), 201)


async def fork(call: Call) -> Response:
    """``POST /forge/repositories/{repository_id}/forks``: a new repository with a copy
    of the source's content (branches, tags and history)."""
    source = find_repository(call)
    given = await _repository_fields(call)
    name = await call.require("name", str)
    branch = await call.optional("default_branch", str) or source["default_branch"]
    git = copy.deepcopy(git_state(source))
    if branch not in git["branches"]:
        raise bad_request(f"the source has no branch {branch!r}", field="default_branch")
    repo = _new_repository(call, given, name, branch)
    repo["_git"] = git
    repo["forked_from_repository_id"] = source["id"]
    record_provenance(call, repo, "fork", git["branches"][branch], source["id"])
    return ok(_view(repo), 201)


async def list_repositories(call: Call) -> Response:
    return ok([_view(r) for r in records(call, REPOSITORIES).values()])


async def get_repository(call: Call) -> Response:
    return ok(_view(find_repository(call)))


async def update_repository(call: Call) -> Response:
    repo = find_repository(call)
    repo.update(await _repository_fields(call))
    repo["updated_at"] = iso(now())
    return ok(_view(repo))


async def delete_repository(call: Call) -> Response:
    repo = find_repository(call)
    del records(call, REPOSITORIES)[repo["id"]]
    removed: dict[str, list[JSON]] = {REPOSITORIES.path: [repo]}
    # Every collection nested under the repository (pull requests, checks, reviews ...).
    for path, table in call.store.records.items():
        if path.startswith(REPOSITORIES.path + "/{repository_id}/"):
            for ident in [k for k, v in table.items() if v.get("repository_id") == repo["id"]]:
                removed.setdefault(path, []).append(table.pop(ident))
    # A durable operation: cancelling it in its grace period brings the repository back.
    operation_id = operations.start(
        call, "forge.repository.delete", "forge_repository", repo["id"], removed
    )
    return json_response(
        {"data": {"operation_id": operation_id, "state": "deletion_pending"}},
        headers={"X-Forge-Operation-Id": operation_id},
    )


async def grant(call: Call) -> Response:
    """``PUT /forge/repositories/{repository_id}/grants/{user_id}``: replaces the role."""
    repo = find_repository(call)
    role = await call.require("role", str)
    user_id = call.params["user_id"]
    stamp = iso(now())
    grants = repo.setdefault("_grants", {})
    previous = grants.get(user_id)
    grants[user_id] = {
        "repository_id": repo["id"],
        "user_id": user_id,
        "role": role,
        "created_at": previous["created_at"] if previous else stamp,
        "updated_at": stamp,
    }
    return ok(grants[user_id])


async def account(call: Call) -> Response:
    """``GET /forge/account``: usage counted from the store; the plan and limits are
    the local server's own (nothing is billed)."""
    repos = list(records(call, REPOSITORIES).values())
    stored = sum(
        len(text.encode())
        for repo in repos
        for commit in git_state(repo)["commits"].values()
        for text in commit["files"].values()
    )
    usage = {
        "repositories": len(repos),
        "pull_requests": len(records(call, PULL_REQUESTS)),
        "releases": len(records(call, RELEASES)),
        "storage_bytes": stored,
    }
    limits = {"repositories": 1000, "storage_bytes": 10 * 1024**3}
    return ok(
        {
            "organization_id": call.store.settings.tenant_id,
            "plan": "local",
            "usage": usage,
            "limits": limits,
        }
    )


async def synchronization(call: Call) -> Response:
    """``GET .../synchronization``: no GitHub mirror is ever set up locally."""
    repo = find_repository(call)
    return ok(
        {
            "repository_id": repo["id"],
            "state": "not_configured",
            "provider": "github",
            "remote_url": None,
            "last_synced_at": None,
            "last_error": None,
        }
    )


async def provenance(call: Call) -> Response:
    """``GET .../provenance``: pushes, tags, merges, releases and attestations, oldest first."""
    return ok(list(find_repository(call).get("_provenance", [])))


async def deployments(call: Call) -> Response:
    """``GET .../deployments``: the deployments pushes triggered, newest first."""
    repo = find_repository(call)
    wanted = call.query.get("environment")
    found = [
        d
        for d in reversed(repo.get("_deployments", []))
        if not wanted or d["environment"] == wanted
    ]
    return page_response(found, call.query)


def _star_reply(repo: JSON, user: str) -> Response:
    stargazers = repo["_stargazers"]
    return ok(
        {"repository_id": repo["id"], "starred": user in stargazers, "stars_count": len(stargazers)}
    )


async def star(call: Call) -> Response:
    repo, user = find_repository(call), acting_user(call)
    if user not in repo["_stargazers"]:
        repo["_stargazers"].append(user)
    return _star_reply(repo, user)


async def unstar(call: Call) -> Response:
    repo, user = find_repository(call), acting_user(call)
    if user in repo["_stargazers"]:
        repo["_stargazers"].remove(user)
    return _star_reply(repo, user)


# -- pull requests --------------------------------------------------------------------


def _head_sha(call: Call, repo: JSON, head_repo: str, branch: str) -> str:
    """The head of a pull request's branch, in a fork when it comes from one."""
    source = records(call, REPOSITORIES).get(head_repo, repo)
    return branch_sha(source, branch)


def _pull_requests(call: Call, repo: JSON) -> list[JSON]:
    return [p for p in records(call, PULL_REQUESTS).values() if p["repository_id"] == repo["id"]]


def find_pull_request(call: Call) -> JSON:
    repo = find_repository(call)
    number = call.params["number"]
    for pr in _pull_requests(call, repo):
        if str(pr["number"]) == number:
            return pr
    raise not_found("pull request", number)


async def list_pull_requests(call: Call) -> Response:
    return ok(_pull_requests(call, find_repository(call)))


async def create_pull_request(call: Call) -> Response:
    repo = find_repository(call)
    title = await call.require("title", str)
    text = await call.optional("body", str)
    base_branch = await call.optional("base_branch", str) or repo["default_branch"]
    head_branch = await call.optional("head_branch", str) or base_branch
    head_repo = await call.optional("head_repository_id", str) or repo["id"]
    draft = await call.optional("draft", bool, False)
    stamp = iso(now())
    pr: JSON = {
        "id": new_id(PULL_REQUESTS.prefix),
        "number": len(_pull_requests(call, repo)) + 1,
        "title": title,
        "body": text,
        "repository_id": repo["id"],
        "head_repository_id": head_repo,
        "base_branch": base_branch,
        "head_branch": head_branch,
        "base_sha": branch_sha(repo, base_branch),
        "head_sha": _head_sha(call, repo, head_repo, head_branch),
        "state": "draft" if draft else "open",
        "author_user_id": acting_user(call),
        "author": None,
        "closed_at": None,
        "merged_at": None,
        "merged_sha": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, PULL_REQUESTS)[pr["id"]] = pr
    call.resource_id = pr["id"]
    return ok(pr, 201)


async def close_pull_request(call: Call) -> Response:
    pr = find_pull_request(call)
    if pr["state"] == "merged":
        raise ApiError(409, "CONFLICT", "a merged pull request cannot be closed")
    stamp = iso(now())
    pr.update(state="closed", closed_at=stamp, updated_at=stamp)
    return ok(pr)


async def reopen_pull_request(call: Call) -> Response:
    pr = find_pull_request(call)
    if pr["state"] != "closed":
        raise ApiError(409, "CONFLICT", f"the pull request is {pr['state']}, not closed")
    pr.update(state="open", closed_at=None, updated_at=iso(now()))
    return ok(pr)


async def list_comments(call: Call) -> Response:
    pr = find_pull_request(call)
    mine = [c for c in records(call, COMMENTS).values() if c["pull_request_id"] == pr["id"]]
    return page_response(mine, call.query)


async def create_comment(call: Call) -> Response:
    pr = find_pull_request(call)
    text = await call.require("body", str)
    stamp = iso(now())
    comment: JSON = {
        "id": new_id(COMMENTS.prefix),
        "pull_request_id": pr["id"],
        "repository_id": pr["repository_id"],
        "kind": "comment",
        "author_user_id": acting_user(call),
        "body": text,
        "metadata": {},
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, COMMENTS)[comment["id"]] = comment
    call.resource_id = comment["id"]
    return ok(comment, 201)


# -- releases -------------------------------------------------------------------------


def repository_releases(call: Call, repo: JSON) -> list[JSON]:
    return [r for r in records(call, RELEASES).values() if r["repository_id"] == repo["id"]]


def _release(call: Call) -> JSON:
    repo = find_repository(call)
    tag = call.params["tag"]
    for release in repository_releases(call, repo):
        if release["tag"] == tag:
            return release
    raise not_found("release", tag)


def _release_view(release: JSON) -> JSON:
    return {**release, "assets": [_view(a) for a in release["assets"]]}


async def list_releases(call: Call) -> Response:
    return ok([_release_view(r) for r in repository_releases(call, find_repository(call))])


async def get_release(call: Call) -> Response:
    return ok(_release_view(_release(call)))


async def create_release(call: Call) -> Response:
    repo = find_repository(call)
    tag = await call.require("tag", str)
    if any(r["tag"] == tag for r in repository_releases(call, repo)):
        raise ApiError(409, "CONFLICT", f"release {tag!r} exists")
    release: JSON = {
        "id": new_id(RELEASES.prefix),
        "repository_id": repo["id"],
        "tag": tag,
        "name": await call.optional("name", str) or tag,
        "body": await call.optional("body", str),
        "commit_sha": await call.optional("commit_sha", str)
        or branch_sha(repo, repo["default_branch"]),
        "prerelease": await call.optional("prerelease", bool, False),
        "assets": [],
        "created_at": iso(now()),
        "created_by_user_id": acting_user(call),
    }
    records(call, RELEASES)[release["id"]] = release
    record_provenance(call, repo, "release", release["commit_sha"], tag)
    call.resource_id = release["id"]
    return ok(_release_view(release), 201)


async def upload_asset(call: Call) -> Response:
    release = _release(call)
    name = await call.require("name", str)
    encoded = await call.require("content_base64", str)
    kind = await call.optional("kind", str, "upload", choices=ASSET_KINDS)
    content_type = await call.optional("content_type", str) or "application/octet-stream"
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise bad_request("content_base64 is not valid base64", field="content_base64") from None
    asset: JSON = {
        "id": new_id("fasset"),
        "kind": kind,
        "name": name,
        "content_type": content_type,
        "byte_size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
        "commit_sha": release["commit_sha"],
        "created_at": iso(now()),
        "created_by_user_id": acting_user(call),
        "_content": encoded,
    }
    release["assets"].append(asset)
    call.resource_id = asset["id"]
    return ok(_view(asset), 201)


async def download_asset(call: Call) -> Response:
    release = _release(call)
    ident = call.params["asset_id"]
    for asset in release["assets"]:
        if asset["id"] == ident:
            return Response(
                base64.b64decode(asset["_content"]),
                media_type=asset["content_type"],
                headers={"Content-Disposition": f'attachment; filename="{asset["id"]}"'},
            )
    raise not_found("release asset", ident)


def endpoints() -> list[Endpoint]:
    repo = "/forge/repositories/{repository_id}"
    pr = repo + "/pull-requests/{number}"
    release = repo + "/releases/{tag}"
    return [
        Endpoint("POST", "/forge/repositories", create_repository, "forge.repository.create"),
        Endpoint("GET", "/forge/repositories", list_repositories),
        Endpoint("GET", repo, get_repository),
        Endpoint("PATCH", repo, update_repository, "forge.repository.update"),
        Endpoint("DELETE", repo, delete_repository, "forge.repository.delete"),
        Endpoint("GET", "/forge/account", account),
        Endpoint("POST", repo + "/forks", fork, "forge.repository.fork"),
        Endpoint("PUT", repo + "/grants/{user_id}", grant, "forge.repository.grant"),
        Endpoint("GET", repo + "/synchronization", synchronization),
        Endpoint("GET", repo + "/provenance", provenance),
        Endpoint("GET", repo + "/deployments", deployments),
        Endpoint("PUT", repo + "/star", star),
        Endpoint("DELETE", repo + "/star", unstar),
        Endpoint("GET", repo + "/pull-requests", list_pull_requests),
        Endpoint("POST", repo + "/pull-requests", create_pull_request, "forge.pull_request.create"),
        Endpoint("POST", pr + "/close", close_pull_request, "forge.pull_request.close"),
        Endpoint("POST", pr + "/reopen", reopen_pull_request, "forge.pull_request.reopen"),
        Endpoint("GET", pr + "/comments", list_comments),
        Endpoint("POST", pr + "/comments", create_comment),
        Endpoint("GET", repo + "/releases", list_releases),
        Endpoint("GET", release, get_release),
        Endpoint("POST", repo + "/releases", create_release, "forge.release.create"),
        Endpoint("POST", release + "/assets", upload_asset, "forge.release.upload_asset"),
        Endpoint("GET", release + "/assets/{asset_id}/download", download_asset),
    ]
