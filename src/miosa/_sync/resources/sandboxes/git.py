# This file was generated from
#   src/miosa/_async/resources/sandboxes/git.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Git in a sandbox: ``sandbox.git`` runs git through ``/sandboxes/{id}/exec``."""

from __future__ import annotations

from ...._core.request import NOT_GIVEN, NotGiven
from ...._groups.git import clone_command, commit_command, pull_command, push_command
from ....types.sandbox_git import GitCloneResult, GitResult
from ..._resource import ScopedResource
from ._base import HandleBound


class SandboxGit(HandleBound, ScopedResource):
    """``sandbox.git``: clone, commit, pull and push with the sandbox's own ``git``.

    The API has no git routes: each call runs one shell command line through
    ``sandbox.exec.run`` (arguments shell-quoted). Credentials are git's own: a token in
    the URL, a credential helper, or an egress secret the proxy injects.
    """

    def _git(
        self, command: str, cwd: str | NotGiven, timeout: int | NotGiven, check: bool
    ) -> GitResult:
        result = self.handle.exec.run(command, cwd=cwd, timeout=timeout)
        git = GitResult(
            command=command,
            stdout=result.stdout,
            stderr=result.stderr,
            exit_code=result.exit_code,
            duration_ms=result.duration_ms,
        )
        return git.check() if check else git

    def clone(
        self,
        url: str,
        *,
        path: str = "/workspace",
        branch: str | None = None,
        depth: int | None = None,
        timeout: int | NotGiven = NOT_GIVEN,
        check: bool = False,
    ) -> GitCloneResult:
        """Clone ``url`` into ``path``. ``POST /sandboxes/{sandbox_id}/exec`` running
        ``git clone [--branch B] [--depth N] -- URL PATH``.

        Args:
            url: the repository (``https://...``, ``git@...``, or a path in the sandbox).
            path: where it goes; a relative path is below ``/workspace``. Git refuses a
                directory that is not empty, ``/workspace`` included once it holds files.
            branch: the branch or tag to check out (default: the remote's HEAD).
            depth: a shallow clone of that many commits.
            timeout: the command's limit in seconds.
            check: raise `CommandError` when git exits with a non-zero status.
        """
        command = clone_command(url, path, branch=branch, depth=depth)
        done = self._git(command, NOT_GIVEN, timeout, check)
        return GitCloneResult(
            command=done.command,
            path=path,
            stdout=done.stdout,
            stderr=done.stderr,
            exit_code=done.exit_code,
            duration_ms=done.duration_ms,
        )

    def commit(
        self,
        path: str = "/workspace",
        *,
        message: str,
        add_all: bool = True,
        timeout: int | NotGiven = NOT_GIVEN,
        check: bool = False,
    ) -> GitResult:
        """Commit in the repository at ``path``; with ``add_all`` stage every change first.

        ``POST /sandboxes/{sandbox_id}/exec`` running ``git add -A && git commit -m MSG``
        in ``path``. Nothing to commit is a non-zero exit (git's own rule).
        """
        return self._git(commit_command(message, add_all=add_all), path, timeout, check)

    def pull(
        self,
        path: str = "/workspace",
        *,
        remote: str = "origin",
        branch: str = "",
        timeout: int | NotGiven = NOT_GIVEN,
        check: bool = False,
    ) -> GitResult:
        """Pull into the repository at ``path`` (no ``branch``: the tracking branch).

        ``POST /sandboxes/{sandbox_id}/exec`` running ``git pull REMOTE [BRANCH]``.
        """
        return self._git(pull_command(remote, branch), path, timeout, check)

    def push(
        self,
        path: str = "/workspace",
        *,
        remote: str = "origin",
        branch: str = "",
        force: bool = False,
        timeout: int | NotGiven = NOT_GIVEN,
        check: bool = False,
    ) -> GitResult:
        """Push the repository at ``path``; ``force`` pushes with ``--force-with-lease``.

        ``POST /sandboxes/{sandbox_id}/exec`` running ``git push [--force-with-lease]
        REMOTE [BRANCH]``.
        """
        return self._git(push_command(remote, branch, force=force), path, timeout, check)
