"""Models of machine commands (``/sandboxes/{id}/commands``, ``/computers/{id}/commands``)
and of steering the agent run attached to a machine (``.../agent/prompts``, ``.../agent/stop``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ..errors import CommandError
from ._base import Model

__all__ = ["SteeringResult", "CommandLogs", "CommandProcess", "CommandResult"]


@attrs.frozen(kw_only=True)
class CommandResult(Model):
    """What ``commands.run`` answers: the finished command's output, or, for a
    ``detached`` command, the process it started (read it with ``commands.get``)."""

    command: str | None = None
    cwd: str | None = None
    stdout: str = ""
    stderr: str = ""
    exit_code: int | None = None
    duration_ms: int | float | None = None
    timed_out: bool | None = None
    pid: int | str | None = None
    status: str | None = None
    detached: bool | None = None

    @property
    def ok(self) -> bool:
        """True when the command finished with status 0."""
        return self.exit_code == 0

    def check(self) -> CommandResult:
        """This result when the command exited with status 0, else raise `CommandError`.

        A detached command has no exit code yet and passes.
        """
        if self.exit_code not in (None, 0):
            raise CommandError(
                exit_code=int(self.exit_code),
                command=self.command,
                stdout=self.stdout,
                stderr=self.stderr,
            )
        return self


@attrs.frozen(kw_only=True)
class CommandProcess(Model):
    """A command the machine runs or ran detached (``GET .../commands/{pid}``)."""

    pid: int | str | None = None
    name: str | None = None
    command: str | None = None
    status: str | None = None
    exit_code: int | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    sandbox_id: str | None = None


@attrs.frozen(kw_only=True)
class CommandLogs(Model):
    """A command's captured output so far."""

    pid: int | str | None = None
    status: str | None = None
    logs: str = ""


@attrs.frozen(kw_only=True)
class SteeringResult(Model):
    """The reply to steering a machine's agent run: which run, and where it stands now."""

    run_id: str | None = None
    status: str | None = None
    queued: bool | None = None
    prompt_id: str | None = None
    position: int | None = None
