"""Streamed command output (``sandbox.exec.stream``, ``sandbox.processes.stream``) and
background processes."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, TypeAlias

import attrs

from ._base import Model

__all__ = [
    "ExecChunk",
    "ExecExit",
    "ExecStderr",
    "ExecStdout",
    "ProcessSignalResult",
    "ProcessStdinResult",
    "SandboxProcess",
    "UnknownExecChunk",
]


@attrs.frozen(kw_only=True)
class ExecStdout(Model):
    """One line the command wrote to standard output (without its line end)."""

    type: ClassVar[str] = "stdout"
    line: str = ""
    id: str | None = None

    @property
    def data(self) -> str:
        """The line again, under the name stream examples elsewhere read (``line.data``)."""
        return self.line


@attrs.frozen(kw_only=True)
class ExecStderr(Model):
    """One line the command wrote to standard error (without its line end)."""

    type: ClassVar[str] = "stderr"
    line: str = ""
    id: str | None = None

    @property
    def data(self) -> str:
        """The line again, under the name stream examples elsewhere read (``line.data``)."""
        return self.line


@attrs.frozen(kw_only=True)
class ExecExit(Model):
    """The command ended; always the last chunk of its stream."""

    type: ClassVar[str] = "exit"
    exit_code: int | None = None
    duration_ms: int | float | None = None
    timed_out: bool | None = None
    id: str | None = None

    @property
    def ok(self) -> bool:
        """True when the command exited with status 0."""
        return self.exit_code == 0

    @property
    def data(self) -> int | None:
        """The exit code, so a loop printing every chunk's ``data`` runs to the end."""
        return self.exit_code


@attrs.frozen(kw_only=True)
class UnknownExecChunk(Model):
    """A chunk of a type this SDK version does not know (``type`` and ``data`` kept)."""

    type: str = ""
    data: Any = None
    id: str | None = None


ExecChunk: TypeAlias = ExecStdout | ExecStderr | ExecExit | UnknownExecChunk
"""One item of a command's output stream: ``match chunk: case ExecStdout(line=line): ...``."""


@attrs.frozen(kw_only=True)
class SandboxProcess(Model):
    """A background process (``sandbox.processes``). ``pid`` is an int or a string,
    whichever the server uses; pass it back as it is."""

    pid: int | str | None = None
    name: str | None = None
    command: str | None = None
    status: str | None = None
    state: str | None = None
    started_at: datetime | None = None
    exit_code: int | None = None


@attrs.frozen(kw_only=True)
class ProcessStdinResult(Model):
    """``POST .../processes/{pid}/stdin``."""

    pid: int | str | None = None
    bytes_written: int | None = None


@attrs.frozen(kw_only=True)
class ProcessSignalResult(Model):
    """``POST .../processes/{pid}/signal``."""

    pid: int | str | None = None
    signal: str | None = None
    sent: bool | None = None
