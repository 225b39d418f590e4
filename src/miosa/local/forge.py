"""MIOSA Forge, without git: repositories, stars, pull requests, comments and releases.

Enough of ``/forge`` to exercise a client end to end: repositories are records that
are ``active`` (clonable) at once; stars are per caller; pull requests are numbered per
repository and move between open, draft and closed; comments page like every list;
releases keep their uploaded assets (base64 in, bytes out). Nothing here runs git: a
pull request's or release's commit shas are stand-ins derived from the branch or tag,
and the routes that need a repository's content (refs, tree, blob, readme, commits,
compare, files, merge) are not served.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from starlette.responses import Response

from . import operations
from .common import JSON, iso, new_id, now
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


def _repository(call: Call) -> JSON:
    ident = call.params["repository_id"]
    repo = records(call, REPOSITORIES).get(ident)
    if repo is None:
        raise not_found("repository", ident)
    return repo


def _user(call: Call) -> str:
    principal = call.principal
    return principal.external_user_id or principal.key_id


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


async def create_repository(call: Call) -> Response:
    given = await _repository_fields(call)
    name = await call.require("name", str)
    branch = await call.optional("default_branch", str) or "main"
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
    }
    records(call, REPOSITORIES)[repo["id"]] = repo
    call.resource_id = repo["id"]
    return ok(_view(repo), 201)


async def list_repositories(call: Call) -> Response:
    return ok([_view(r) for r in records(call, REPOSITORIES).values()])


async def get_repository(call: Call) -> Response:
    return ok(_view(_repository(call)))


async def update_repository(call: Call) -> Response:
    repo = _repository(call)
    repo.update(await _repository_fields(call))
    repo["updated_at"] = iso(now())
    return ok(_view(repo))


async def delete_repository(call: Call) -> Response:
    repo = _repository(call)
    del records(call, REPOSITORIES)[repo["id"]]
    removed: dict[str, list[JSON]] = {REPOSITORIES.path: [repo]}
    for collection in (PULL_REQUESTS, COMMENTS, RELEASES):
        table = records(call, collection)
        for ident in [k for k, v in table.items() if v.get("repository_id") == repo["id"]]:
            removed.setdefault(collection.path, []).append(table.pop(ident))
    # A durable operation: cancelling it in its grace period brings the repository back.
    operation_id = operations.start(
        call, "forge.repository.delete", "forge_repository", repo["id"], removed
    )
    return json_response(
        {"data": {"operation_id": operation_id, "state": "deletion_pending"}},
        headers={"X-Forge-Operation-Id": operation_id},
    )


def _star_reply(repo: JSON, user: str) -> Response:
    stargazers = repo["_stargazers"]
    return ok(
        {"repository_id": repo["id"], "starred": user in stargazers, "stars_count": len(stargazers)}
    )


async def star(call: Call) -> Response:
    repo, user = _repository(call), _user(call)
    if user not in repo["_stargazers"]:
        repo["_stargazers"].append(user)
    return _star_reply(repo, user)


async def unstar(call: Call) -> Response:
    repo, user = _repository(call), _user(call)
    if user in repo["_stargazers"]:
        repo["_stargazers"].remove(user)
    return _star_reply(repo, user)


# -- pull requests --------------------------------------------------------------------


def _pull_requests(call: Call, repo: JSON) -> list[JSON]:
    return [p for p in records(call, PULL_REQUESTS).values() if p["repository_id"] == repo["id"]]


def _pull_request(call: Call) -> JSON:
    repo = _repository(call)
    number = call.params["number"]
    for pr in _pull_requests(call, repo):
        if str(pr["number"]) == number:
            return pr
    raise not_found("pull request", number)


async def list_pull_requests(call: Call) -> Response:
    return ok(_pull_requests(call, _repository(call)))


async def create_pull_request(call: Call) -> Response:
    repo = _repository(call)
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
        "base_sha": _stand_in_sha(repo["id"], base_branch),
        "head_sha": _stand_in_sha(head_repo, head_branch),
        "state": "draft" if draft else "open",
        "author_user_id": _user(call),
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
    pr = _pull_request(call)
    if pr["state"] == "merged":
        raise ApiError(409, "CONFLICT", "a merged pull request cannot be closed")
    stamp = iso(now())
    pr.update(state="closed", closed_at=stamp, updated_at=stamp)
    return ok(pr)


async def reopen_pull_request(call: Call) -> Response:
    pr = _pull_request(call)
    if pr["state"] != "closed":
        raise ApiError(409, "CONFLICT", f"the pull request is {pr['state']}, not closed")
    pr.update(state="open", closed_at=None, updated_at=iso(now()))
    return ok(pr)


async def list_comments(call: Call) -> Response:
    pr = _pull_request(call)
    mine = [c for c in records(call, COMMENTS).values() if c["pull_request_id"] == pr["id"]]
    return page_response(mine, call.query)


async def create_comment(call: Call) -> Response:
    pr = _pull_request(call)
    text = await call.require("body", str)
    stamp = iso(now())
    comment: JSON = {
        "id": new_id(COMMENTS.prefix),
        "pull_request_id": pr["id"],
        "repository_id": pr["repository_id"],
        "kind": "comment",
        "author_user_id": _user(call),
        "body": text,
        "metadata": {},
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, COMMENTS)[comment["id"]] = comment
    call.resource_id = comment["id"]
    return ok(comment, 201)


# -- releases -------------------------------------------------------------------------


def _releases(call: Call, repo: JSON) -> list[JSON]:
    return [r for r in records(call, RELEASES).values() if r["repository_id"] == repo["id"]]


def _release(call: Call) -> JSON:
    repo = _repository(call)
    tag = call.params["tag"]
    for release in _releases(call, repo):
        if release["tag"] == tag:
            return release
    raise not_found("release", tag)


def _release_view(release: JSON) -> JSON:
    return {**release, "assets": [_view(a) for a in release["assets"]]}


async def list_releases(call: Call) -> Response:
    return ok([_release_view(r) for r in _releases(call, _repository(call))])


async def get_release(call: Call) -> Response:
    return ok(_release_view(_release(call)))


async def create_release(call: Call) -> Response:
    repo = _repository(call)
    tag = await call.require("tag", str)
    if any(r["tag"] == tag for r in _releases(call, repo)):
        raise ApiError(409, "CONFLICT", f"release {tag!r} exists")
    release: JSON = {
        "id": new_id(RELEASES.prefix),
        "repository_id": repo["id"],
        "tag": tag,
        "name": await call.optional("name", str) or tag,
        "body": await call.optional("body", str),
        "commit_sha": await call.optional("commit_sha", str) or _stand_in_sha(repo["id"], tag),
        "prerelease": await call.optional("prerelease", bool, False),
        "assets": [],
        "created_at": iso(now()),
        "created_by_user_id": _user(call),
    }
    records(call, RELEASES)[release["id"]] = release
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
        "created_by_user_id": _user(call),
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
