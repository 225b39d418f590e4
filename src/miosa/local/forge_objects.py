"""The content of a local Forge repository: commits, branches and tags, in memory.

No git runs on the local server, yet the content routes answer from real history: each
repository keeps a small object model in its record (``_git``), JSON all the way so the
store can persist it. A commit holds a full snapshot of its files (path to UTF-8 text;
the API writes text only), its parents and a sequence number that orders history. Blob
ids are git's own (``sha1("blob <size>\\0" + bytes)``), so a client that hashes a file
gets the oid the tree shows; commit and tag ids are sha1s of their content.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterator, Mapping

from .common import JSON

MIN_PREFIX = 4  # the shortest sha prefix a ref may be given as
README_NAMES = ("readme.md", "readme", "readme.txt", "readme.rst")
CODEOWNERS_PATHS = ("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS")

Files = dict[str, str]


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def blob_oid(content: str) -> str:
    """Git's blob id of ``content``."""
    data = content.encode()
    return _sha1(b"blob %d\0" % len(data) + data)


def _object_oid(kind: str, value: object) -> str:
    return _sha1(kind.encode() + json.dumps(value, sort_keys=True).encode())


def author(user: str) -> JSON:
    """Who a commit is by: the calling user, with a stand-in address."""
    return {"name": user, "email": f"{user}@users.local.miosa"}


def new_commit(
    git: JSON, parents: list[str], files: Files, message: str, who: JSON, stamp: str
) -> JSON:
    """Store a commit of ``files`` on top of ``parents`` and return it."""
    seq = len(git["commits"])
    snapshot = {path: blob_oid(text) for path, text in sorted(files.items())}
    oid = _object_oid("commit", [parents, snapshot, message, who, stamp, seq])
    commit: JSON = {
        "oid": oid,
        "seq": seq,
        "parents": list(parents),
        "message": message,
        "author_name": who["name"],
        "author_email": who["email"],
        "authored_at": stamp,
        "committer_name": who["name"],
        "committed_at": stamp,
        "files": dict(files),
    }
    git["commits"][oid] = commit
    return commit


def initial_state(name: str, branch: str, who: JSON, stamp: str) -> JSON:
    """A new repository's content: one commit with a README on ``branch``."""
    git: JSON = {"commits": {}, "branches": {}, "tags": {}}
    first = new_commit(git, [], {"README.md": f"# {name}\n"}, "Initial commit", who, stamp)
    git["branches"][branch] = first["oid"]
    return git


def resolve(git: JSON, ref: str) -> str | None:
    """The commit a branch, tag, full sha or unique sha prefix names."""
    if ref in git["branches"]:
        return str(git["branches"][ref])
    if ref in git["tags"]:
        return str(git["tags"][ref]["target"])
    return find_commit(git, ref)


def ancestors(git: JSON, oid: str) -> list[JSON]:
    """``oid`` and every commit it descends from, newest first."""
    seen: dict[str, JSON] = {}
    stack = [oid]
    while stack:
        current = stack.pop()
        if current in seen or current not in git["commits"]:
            continue
        commit = git["commits"][current]
        seen[current] = commit
        stack.extend(commit["parents"])
    return sorted(seen.values(), key=lambda c: -int(c["seq"]))


def merge_base(git: JSON, a: str, b: str) -> str | None:
    """The newest commit both ``a`` and ``b`` descend from."""
    theirs = {c["oid"] for c in ancestors(git, b)}
    for commit in ancestors(git, a):
        if commit["oid"] in theirs:
            return str(commit["oid"])
    return None


def files_at(git: JSON, oid: str | None) -> Files:
    """The snapshot of a commit (nothing for none)."""
    if oid is None:
        return {}
    return dict(git["commits"][oid]["files"])


def _line_counts(old: str, new: str) -> tuple[int, int]:
    added = removed = 0
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            removed += i2 - i1
        if tag in ("replace", "insert"):
            added += j2 - j1
    return added, removed


def diff(old: Mapping[str, str], new: Mapping[str, str]) -> list[JSON]:
    """The files changed from ``old`` to ``new``, by path, with line counts."""
    changed: list[JSON] = []
    for path in sorted(set(old) | set(new)):
        before, after = old.get(path), new.get(path)
        if before == after:
            continue
        status = "added" if before is None else "deleted" if after is None else "modified"
        additions, deletions = _line_counts(before or "", after or "")
        changed.append(
            {
                "path": path,
                "previous_path": None,
                "status": status,
                "additions": additions,
                "deletions": deletions,
            }
        )
    return changed


def commit_view(commit: JSON) -> JSON:
    """A commit as a history entry (``ForgeCommit``)."""
    oid = str(commit["oid"])
    return {
        "oid": oid,
        "short_oid": oid[:7],
        "subject": str(commit["message"]).splitlines()[0] if commit["message"] else "",
        "author_name": commit["author_name"],
        "author_email": commit["author_email"],
        "authored_at": commit["authored_at"],
        "committer_name": commit["committer_name"],
        "committed_at": commit["committed_at"],
        "parents": list(commit["parents"]),
    }


def commit_detail(git: JSON, commit: JSON) -> JSON:
    """A commit with its message and the files it changed against its first parent."""
    parent = commit["parents"][0] if commit["parents"] else None
    changed = diff(files_at(git, parent), commit["files"])
    return {**commit_view(commit), "message": commit["message"], "files": changed}


def _children(files: Mapping[str, str], directory: str) -> Iterator[tuple[str, bool]]:
    """(name, is_directory) of each entry right under ``directory``, once each."""
    prefix = f"{directory}/" if directory else ""
    seen: set[str] = set()
    for path in sorted(files):
        if not path.startswith(prefix):
            continue
        name, _, rest = path[len(prefix) :].partition("/")
        if name not in seen:
            seen.add(name)
            yield name, bool(rest)


def is_directory(files: Mapping[str, str], directory: str) -> bool:
    """Whether ``directory`` (``""`` for the root) holds any file."""
    return directory == "" or any(p.startswith(f"{directory}/") for p in files)


def tree_entries(files: Mapping[str, str], directory: str) -> list[JSON]:
    """The entries of ``directory``: files with their blob id and size, directories with
    an id hashed from what they hold."""
    entries: list[JSON] = []
    for name, is_dir in _children(files, directory):
        path = f"{directory}/{name}" if directory else name
        if is_dir:
            inner = {p: blob_oid(t) for p, t in files.items() if p.startswith(f"{path}/")}
            oid, size = _object_oid("tree", inner), None
        else:
            oid, size = blob_oid(files[path]), len(files[path].encode())
        entries.append(
            {
                "name": name,
                "path": path,
                "type": "tree" if is_dir else "blob",
                "oid": oid,
                "size": size,
            }
        )
    return entries


def readme_path(files: Mapping[str, str], directory: str) -> str | None:
    """The README of ``directory``, whatever its case and extension."""
    for name, is_dir in _children(files, directory):
        if not is_dir and name.lower() in README_NAMES:
            return f"{directory}/{name}" if directory else name
    return None


def code_owner_rules(files: Mapping[str, str]) -> tuple[str | None, list[JSON]]:
    """The CODEOWNERS file's path and its rules (``pattern owner...`` lines)."""
    for path in CODEOWNERS_PATHS:
        if path in files:
            rules = []
            for line in files[path].splitlines():
                words = line.split("#", 1)[0].split()
                if words:
                    rules.append({"pattern": words[0], "owners": words[1:]})
            return path, rules
    return None, []


def three_way(base: Files, ours: Files, theirs: Files) -> tuple[Files, list[str]]:
    """``theirs``' changes since ``base`` applied to ``ours``; the paths both changed
    differently are conflicts (and keep ``ours``)."""
    merged = dict(ours)
    conflicts: list[str] = []
    for path in set(base) | set(theirs):
        was, mine, new = base.get(path), ours.get(path), theirs.get(path)
        if new in (was, mine):
            continue
        if mine != was:
            conflicts.append(path)
        elif new is None:
            merged.pop(path, None)
        else:
            merged[path] = new
    return merged, sorted(conflicts)


def tag_object(
    git: JSON, name: str, target: str, message: str | None, who: JSON, stamp: str
) -> JSON:
    """Store a tag: lightweight (its oid is the commit's) or annotated (its own oid)."""
    oid = target if not message else _object_oid("tag", [name, target, message, who, stamp])
    tag: JSON = {"name": name, "oid": oid, "target": target, "message": message}
    git["tags"][name] = tag
    return tag


def find_commit(git: JSON, sha: str) -> str | None:
    """The commit a full sha or unique sha prefix names (never a branch or tag name)."""
    if sha in git["commits"]:
        return sha
    if len(sha) >= MIN_PREFIX:
        found = [str(oid) for oid in git["commits"] if str(oid).startswith(sha.lower())]
        if len(found) == 1:
            return found[0]
    return None
