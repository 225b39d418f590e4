"""What ``sandbox.git`` returns: the git command that ran and how it went."""

from __future__ import annotations

from typing import TypeVar

import attrs

from .sandboxes import ExecResult

__all__ = ["GitCloneResult", "GitResult"]

G = TypeVar("G", bound="GitResult")


@attrs.frozen(kw_only=True)
class GitResult(ExecResult):
    """The outcome of a ``sandbox.git`` call: the shell ``command`` it ran and its output.

    As for `ExecResult`, a non-zero ``exit_code`` is not an exception unless asked for
    (``check=True`` on the call, or ``result.check()``).
    """

    command: str = ""

    def check(self: G, *, command: str | None = None) -> G:
        """This result when git exited with status 0, else raise `CommandError` naming
        the git command."""
        return super().check(command=command or self.command)


@attrs.frozen(kw_only=True)
class GitCloneResult(GitResult):
    """The outcome of ``sandbox.git.clone``: also where the repository went."""

    path: str = ""
