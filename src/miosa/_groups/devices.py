"""Pure helpers for unified devices: the runtime bootstrap manifest and its probe."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping, Sequence
from typing import Any

from ..types.devices import DeviceBootstrapStep, DeviceExecResult, DeviceFileWrite

RUNTIME_BINARIES: Mapping[str, tuple[str, ...]] = {
    "claude-code": ("claude-code", "claude"),
    "claude": ("claude",),
    "codex": ("codex",),
    "hermes": ("hermes",),
    "osa": ("osa",),
    "pi": ("pi",),
    "custom": (),
}
"""The executables each known agent runtime installs; any one of them will do."""

STEP_TIMEOUT_MS: Mapping[str, int] = {"install": 600_000, "probe": 60_000}
"""How long a bootstrap's install command and its probe may run."""


def manifest_path(cwd: str) -> str:
    """Where the bootstrap manifest goes: ``{cwd}/.miosa/runtime-bootstrap.json``."""
    return f"{cwd.rstrip('/')}/.miosa/runtime-bootstrap.json"


def manifest(
    runtime: str,
    cwd: str,
    connectors: Sequence[str | Mapping[str, Any]],
    env: Mapping[str, str],
    mcp: Sequence[Mapping[str, str]],
) -> str:
    """The manifest a runtime reads at start (version 1), as indented JSON."""
    document = {
        "version": 1,
        "runtime": runtime,
        "cwd": cwd,
        "expected_binaries": list(RUNTIME_BINARIES.get(runtime, ())),
        "connectors": [c if isinstance(c, str) else dict(c) for c in connectors],
        "env": dict(env),
        "mcp": [dict(server) for server in mcp],
        "created_by": "miosa-python",
    }
    return json.dumps(document, indent=2) + "\n"


def probe_command(runtime: str) -> str:
    """A shell command that exits 0 when one of the runtime's executables is on PATH and
    127 (``runtime missing: ...`` on stderr) when none is; a custom runtime always passes."""
    binaries = RUNTIME_BINARIES.get(runtime, ())
    if not binaries:
        return "printf 'custom runtime manifest written\\n'"
    found = " || ".join(f"command -v {shlex.quote(b)} >/dev/null 2>&1" for b in binaries)
    names = shlex.quote(" or ".join(binaries))
    return (
        f"if {found}; then printf 'runtime available: %s\\n' {names}; "
        f"else printf 'runtime missing: %s\\n' {names} >&2; exit 127; fi"
    )


def finished_step(name: str, detail: DeviceFileWrite | DeviceExecResult) -> DeviceBootstrapStep:
    """A bootstrap step whose request answered: it failed only if its command exited non-zero."""
    failed = isinstance(detail, DeviceExecResult) and detail.exit_code not in (0, None)
    error = None
    if isinstance(detail, DeviceExecResult) and failed:
        error = detail.stderr.strip() or f"exit code {detail.exit_code}"
    return DeviceBootstrapStep(name=name, ok=not failed, detail=detail, error=error)


def failed_step(name: str, error: Exception) -> DeviceBootstrapStep:
    """A bootstrap step whose request raised an API error."""
    return DeviceBootstrapStep(name=name, ok=False, error=str(error))
