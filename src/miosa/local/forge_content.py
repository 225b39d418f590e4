"""MIOSA Forge content: refs, tags, trees, blobs, history, comparisons and file commits.

Served from each repository's in-memory object model (``forge_objects``), so what a
client writes with ``PUT .../files/{path}`` is what ``tree``, ``blob``, ``commits`` and
``compare`` read back. A file write names the head it was based on (``expected_head``):
when the branch moved since, the write is refused with 409 ``FORGE_HEAD_MOVED``; when
the branch does not exist yet, ``expected_head`` is the commit it starts from.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.responses import Response

from . import forge_objects as objects
from .common import JSON, iso, now
from .forge import acting_user, find_repository, git_state, record_provenance, record_push
from .http import ApiError, bad_request, json_response, not_found, ok, paginate
from .routing import Call, Endpoint

Files = objects.Files


def _clean_path(raw: str, name: str = "path") -> str:
    """A repository path without leading or trailing slashes; 400 for ``.``/``..``."""
    parts = [p for p in raw.strip("/").split("/") if p]
    if any(p in (".", "..") for p in parts):
        raise bad_request(f"{name} must not contain . or .. segments", field=name)
    return "/".join(parts)


def _at_ref(call: Call, repo: JSON) -> tuple[str, str]:
    """The ``ref`` query parameter (the default branch when absent) and its commit."""
    ref = call.query.get("ref") or repo["default_branch"]
    oid = objects.resolve(git_state(repo), ref)
    if oid is None:
        raise not_found("ref", ref)
    return ref, oid


# -- refs and tags ----------------------------------------------------------------


async def refs(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/refs``."""
    repo = find_repository(call)
    git = git_state(repo)
    default = repo["default_branch"]
    branches = [
        {"name": name, "oid": oid, "is_default": name == default}
        for name, oid in sorted(git["branches"].items())
    ]
    tags = [{"name": t["name"], "oid": t["oid"]} for _, t in sorted(git["tags"].items())]
    head = git["branches"].get(default)
    return ok({"default_branch": default, "head_oid": head, "branches": branches, "tags": tags})


async def create_tag(call: Call) -> Response:
    """``POST /forge/repositories/{repository_id}/tags``: lightweight, or annotated when
    a message is given; 409 when the tag exists."""
    repo = find_repository(call)
    git = git_state(repo)
    name = _clean_path(await call.require("name", str), "name")
    target = await call.optional("target", str) or repo["default_branch"]
    message = await call.optional("message", str)
    if not name:
        raise bad_request("name is required", field="name")
    if name in git["tags"]:
        raise ApiError(409, "CONFLICT", f"tag {name!r} exists")
    oid = objects.resolve(git, target)
    if oid is None:
        raise not_found("ref", target)
    tag = objects.tag_object(
        git, name, oid, message, objects.author(acting_user(call)), iso(now()) or ""
    )
    record_provenance(call, repo, "tag", oid, f"refs/tags/{name}")
    return ok(dict(tag), 201)


# -- reading content --------------------------------------------------------------


async def tree(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/tree?ref=&path=``: one directory."""
    repo = find_repository(call)
    ref, oid = _at_ref(call, repo)
    directory = _clean_path(call.query.get("path", ""))
    files = objects.files_at(git_state(repo), oid)
    if not objects.is_directory(files, directory):
        raise not_found("directory", directory)
    entries = objects.tree_entries(files, directory)
    return ok(
        {"ref": ref, "commit_oid": oid, "path": directory, "entries": entries, "truncated": False}
    )


def _blob(ref: str, oid: str, path: str, text: str) -> JSON:
    return {
        "ref": ref,
        "commit_oid": oid,
        "path": path,
        "oid": objects.blob_oid(text),
        "size": len(text.encode()),
        "encoding": "utf-8",
        "content": text,
    }


async def blob(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/blob?path=&ref=``: one file's text."""
    repo = find_repository(call)
    path = _clean_path(call.query.get("path", ""))
    if not path:
        raise bad_request("query parameter 'path' is required", param="path")
    ref, oid = _at_ref(call, repo)
    files = objects.files_at(git_state(repo), oid)
    if path not in files:
        raise not_found("file", path)
    return ok(_blob(ref, oid, path, files[path]))


async def readme(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/readme``: a directory's README."""
    repo = find_repository(call)
    ref, oid = _at_ref(call, repo)
    files = objects.files_at(git_state(repo), oid)
    found = objects.readme_path(files, _clean_path(call.query.get("path", "")))
    if found is None:
        raise not_found("readme", call.query.get("path") or "/")
    return ok(_blob(ref, oid, found, files[found]))


async def code_owners(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/code-owners``: the CODEOWNERS rules."""
    repo = find_repository(call)
    ref, oid = _at_ref(call, repo)
    path, rules = objects.code_owner_rules(objects.files_at(git_state(repo), oid))
    return ok({"ref": ref, "path": path, "rules": rules})


# -- history --------------------------------------------------------------------------


def _touches(git: JSON, commit: JSON, path: str) -> bool:
    """Whether ``commit`` changed ``path`` (a file, or anything under a directory)."""
    parent = commit["parents"][0] if commit["parents"] else None
    for changed in objects.diff(objects.files_at(git, parent), commit["files"]):
        name = str(changed["path"])
        if name == path or name.startswith(f"{path}/"):
            return True
    return False


async def commits(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/commits``: newest first; the page data
    sits in ``data.page`` (``cursor`` is the last oid seen)."""
    repo = find_repository(call)
    git = git_state(repo)
    ref, oid = _at_ref(call, repo)
    path = _clean_path(call.query.get("path", ""))
    history = [
        objects.commit_view(c)
        for c in objects.ancestors(git, oid)
        if not path or _touches(git, c, path)
    ]
    page = paginate(history, call.query, key="oid")
    return json_response(
        {
            "data": {
                "ref": ref,
                "path": path or None,
                "commits": page["data"],
                "page": {"has_more": page["has_more"], "next_cursor": page["next_cursor"]},
            }
        }
    )


async def commit(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/commits/{sha}``: with its changed files."""
    repo = find_repository(call)
    git = git_state(repo)
    oid = objects.find_commit(git, call.params["sha"])
    if oid is None:
        raise not_found("commit", call.params["sha"])
    return ok(objects.commit_detail(git, git["commits"][oid]))


async def compare(call: Call) -> Response:
    """``GET /forge/repositories/{repository_id}/compare?base=&head=``: ``head``'s commits
    since the merge base (oldest first) and the files they changed."""
    repo = find_repository(call)
    git = git_state(repo)
    ends: dict[str, str] = {}
    for name in ("base", "head"):
        ref = call.query.get(name)
        if not ref:
            raise bad_request(f"query parameter {name!r} is required", param=name)
        oid = objects.resolve(git, ref)
        if oid is None:
            raise not_found("ref", ref)
        ends[name] = oid
    base_line = {c["oid"] for c in objects.ancestors(git, ends["base"])}
    head_line = objects.ancestors(git, ends["head"])
    ahead = [c for c in head_line if c["oid"] not in base_line]
    behind = base_line - {c["oid"] for c in head_line}
    merge_base = objects.merge_base(git, ends["head"], ends["base"])
    return ok(
        {
            "base": call.query["base"],
            "head": call.query["head"],
            "merge_base": merge_base,
            "ahead_by": len(ahead),
            "behind_by": len(behind),
            "commits": [objects.commit_view(c) for c in reversed(ahead)],
            "files": objects.diff(
                objects.files_at(git, merge_base), objects.files_at(git, ends["head"])
            ),
        }
    )


# -- writing files ----------------------------------------------------------------


def _parent_for(git: JSON, branch: str, expected: str) -> str:
    """The commit a write on ``branch`` builds on; 409 when the branch moved."""
    current = git["branches"].get(branch)
    based_on = objects.find_commit(git, expected)
    if current is None:
        if based_on is None:
            raise not_found("commit", expected)
        return based_on
    if based_on != current:
        raise ApiError(
            409,
            "FORGE_HEAD_MOVED",
            f"branch {branch!r} is at {current}, not {expected}",
            {"branch": branch, "head": current, "expected_head": expected},
        )
    return str(current)


async def _write(call: Call, change: Callable[[Files, str], Files], verb: str) -> Response:
    """Commit ``change`` of the file named by the path on the body's branch."""
    repo = find_repository(call)
    git = git_state(repo)
    path = _clean_path(call.params["path"])
    if not path:
        raise bad_request("the file path is empty", field="path")
    expected = await call.require("expected_head", str)
    branch = await call.optional("branch", str) or repo["default_branch"]
    message = await call.optional("message", str) or f"{verb} {path}"
    parent = _parent_for(git, branch, expected)
    files = change(objects.files_at(git, parent), path)
    stamp = iso(now()) or ""
    made = objects.new_commit(
        git, [parent], files, message, objects.author(acting_user(call)), stamp
    )
    git["branches"][branch] = made["oid"]
    repo["updated_at"] = stamp
    record_push(call, repo, branch, made["oid"], [path])
    call.resource_id = repo["id"]
    return ok({"path": path, "branch": branch, "commit_oid": made["oid"], "previous_head": parent})


async def put_file(call: Call) -> Response:
    """``PUT /forge/repositories/{repository_id}/files/{path}``: write one file."""
    content = await call.optional("content", str)
    if content is None:  # an empty file is fine, a missing content is not
        raise bad_request("content is required", field="content")

    def write(files: Files, path: str) -> Files:
        if any(p.startswith(f"{path}/") for p in files):
            raise ApiError(409, "CONFLICT", f"{path!r} is a directory")
        return {**files, path: content}

    return await _write(call, write, "Update")


async def delete_file(call: Call) -> Response:
    """``DELETE /forge/repositories/{repository_id}/files/{path}``: remove one file."""

    def remove(files: Files, path: str) -> Files:
        if path not in files:
            raise not_found("file", path)
        return {p: t for p, t in files.items() if p != path}

    return await _write(call, remove, "Delete")


def endpoints() -> list[Endpoint]:
    repo = "/forge/repositories/{repository_id}"
    return [
        Endpoint("GET", repo + "/refs", refs),
        Endpoint("POST", repo + "/tags", create_tag, "forge.tag.create"),
        Endpoint("GET", repo + "/tree", tree),
        Endpoint("GET", repo + "/blob", blob),
        Endpoint("GET", repo + "/readme", readme),
        Endpoint("GET", repo + "/code-owners", code_owners),
        Endpoint("GET", repo + "/commits", commits),
        Endpoint("GET", repo + "/commits/{sha}", commit),
        Endpoint("GET", repo + "/compare", compare),
        Endpoint("PUT", repo + "/files/{path:path}", put_file, "forge.file.put"),
        Endpoint("DELETE", repo + "/files/{path:path}", delete_file, "forge.file.delete"),
    ]
