"""The git command lines behind ``sandbox.git`` (the API has no git routes: they run
through ``POST /sandboxes/{id}/exec``).

Every value is shell-quoted, and refs, remotes and branch names may not start with ``-``
(git would read them as options); URLs and paths go after ``--``.
"""

from __future__ import annotations

import shlex

__all__ = ["clone_command", "commit_command", "pull_command", "push_command"]


def _name(value: str, what: str) -> str:
    if not value or value.startswith("-") or "\x00" in value:
        raise ValueError(f"invalid git {what} {value!r}")
    return shlex.quote(value)


def clone_command(url: str, path: str, *, branch: str | None, depth: int | None) -> str:
    """``git clone [--branch B] [--depth N] -- URL PATH``."""
    parts = ["git", "clone"]
    if branch is not None:
        parts += ["--branch", _name(branch, "branch")]
    if depth is not None:
        if depth < 1:
            raise ValueError(f"depth must be at least 1, not {depth!r}")
        parts += ["--depth", str(int(depth))]
    return " ".join([*parts, "--", shlex.quote(url), shlex.quote(path)])


def pull_command(remote: str, branch: str) -> str:
    """``git pull REMOTE [BRANCH]`` (no branch: the tracking branch)."""
    parts = ["git", "pull", _name(remote, "remote")]
    if branch:
        parts.append(_name(branch, "branch"))
    return " ".join(parts)


def push_command(remote: str, branch: str, *, force: bool) -> str:
    """``git push [--force-with-lease] REMOTE [BRANCH]``."""
    parts = ["git", "push"]
    if force:
        parts.append("--force-with-lease")
    parts.append(_name(remote, "remote"))
    if branch:
        parts.append(_name(branch, "branch"))
    return " ".join(parts)


def commit_command(message: str, *, add_all: bool) -> str:
    """``[git add -A &&] git commit -m MESSAGE``."""
    if not message:
        raise ValueError("a commit needs a message")
    commit = "git commit -m " + shlex.quote(message)
    return "git add -A && " + commit if add_all else commit
