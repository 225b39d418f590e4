"""Running sandbox commands: confined (see :mod:`.confine`), bounded time and output, signals."""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import re
import signal
import subprocess
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import anyio
import anyio.abc
from anyio.abc import ByteReceiveStream

from . import confine
from .config import Settings
from .confine import WORKSPACE, Isolation, Limits
from .http import ApiError, bad_request

log = logging.getLogger("miosa.local")

BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
TIMEOUT_EXIT_CODE = 124
DRAIN_GRACE = 2.0


# -- isolation ------------------------------------------------------------------------


def resolve_isolation(requested: str) -> Isolation:
    """Pick the isolation mode (see :mod:`.confine`)."""
    return confine.resolve_isolation(requested)


# ``/workspace`` as a path of its own in a command line: not the tail of a longer path or
# word (``~/workspace``, ``a/workspace``, ``$X/workspace``) nor the head of a longer name
# (``/workspaces``, ``/workspace-old``).
_WORKSPACE_WORD = re.compile(r"(?<![\w./~$}-])" + re.escape(WORKSPACE) + r"(?![\w.-])")
# A host directory that can stand in a command line unquoted.
_PLAIN_PATH = re.compile(r"[\w./+-]+")


def map_workspace(text: str, workspace: Path) -> str:
    """``text`` with every ``/workspace`` path pointing at the sandbox directory instead.

    Without isolation there is no ``/workspace`` mount, so ``wc -c < /workspace/f`` would
    look on the host. The rewrite is textual; it is skipped (with a warning) when the host
    directory has characters a shell would need quoted.
    """
    if WORKSPACE not in text:
        return text
    host = str(workspace)
    if not _PLAIN_PATH.fullmatch(host):
        log.warning("miosa.local: %r needs quoting; /workspace is not mapped onto it", host)
        return text
    return _WORKSPACE_WORD.sub(lambda _: host, text)


@dataclass(frozen=True)
class CommandSpec:
    """argv, host working directory and environment of one sandbox command.

    ``own_pid_namespace``: the command runs under an init of its own (bubblewrap's, or the
    user-namespace setup shell), so signals go to the real processes below the spawned
    one rather than to a process group.
    """

    argv: list[str]
    cwd: str
    env: dict[str, str]
    own_pid_namespace: bool


def check_env(env: Mapping[str, object]) -> dict[str, str]:
    """Validate an env mapping from a request body (400 on bad names or values).

    Values are strings; ``null`` leaves a variable out.
    """
    out: dict[str, str] = {}
    for key, value in env.items():
        if not isinstance(key, str) or not key or "=" in key or "\0" in key:
            raise bad_request(f"invalid environment variable name {key!r}", field="env")
        if value is None:
            continue
        if not isinstance(value, str):
            raise bad_request(
                f"environment variable {key} must be a string, not {type(value).__name__}",
                field="env",
                name=key,
            )
        if "\0" in value:
            raise bad_request(f"environment variable {key} contains NUL", field="env")
        out[key] = value
    return out


def build_command(
    settings: Settings,
    workspace: Path,
    command: str,
    cwd: str | None,
    env: Mapping[str, str],
    *,
    network: bool,
    limits: Limits | None = None,
    prefix: Sequence[str] = (),
) -> CommandSpec:
    """``/bin/sh -c command`` confined as the server's isolation mode allows.

    ``network`` false cuts the command off every network (bubblewrap / user namespace
    modes); ``limits`` are applied innermost; ``prefix`` runs first, outside everything
    (joining a cgroup).
    """
    if "\0" in command:
        raise bad_request("command contains NUL", field="command")
    if cwd is not None and "\0" in cwd:
        raise bad_request("cwd contains NUL", field="cwd")
    limits = limits or Limits()
    mode = settings.isolation
    virtual = posixpath.normpath(posixpath.join(WORKSPACE, cwd or WORKSPACE))
    in_workspace = virtual == WORKSPACE or virtual.startswith(WORKSPACE + "/")
    host_cwd = workspace / posixpath.relpath(virtual, WORKSPACE) if in_workspace else None
    if host_cwd is not None and not host_cwd.is_dir():
        raise bad_request(
            f"cwd {virtual} does not exist in the sandbox", code="INVALID_CWD", cwd=virtual
        )
    shell = ["/bin/sh", "-c", command]
    if mode == "bwrap" and settings.bwrap_path is not None:
        full_env = {"PATH": BASE_PATH, "HOME": WORKSPACE, "LANG": "C.UTF-8", "PWD": virtual, **env}
        inner, inside = confine.rlimit_argv(limits, count_processes=True)
        outer = [] if inside else inner
        argv = confine.bwrap_argv(settings.bwrap_path, workspace, virtual, full_env, network)
        argv = [*prefix, *outer, *argv, *(inner if inside else []), *shell]
        return CommandSpec(argv, str(workspace), {"PATH": BASE_PATH}, True)
    if mode == "userns" and settings.unshare_path is not None:
        full_env = {"PATH": BASE_PATH, "HOME": WORKSPACE, "LANG": "C.UTF-8", "PWD": virtual, **env}
        inner, inside = confine.rlimit_argv(limits, count_processes=True)
        outer = [] if inside else inner
        argv = confine.userns_argv(
            settings.unshare_path, settings.namespace_root, workspace, virtual, network
        )
        argv = [*prefix, *outer, *argv, *(inner if inside else []), *shell]
        return CommandSpec(argv, str(workspace), full_env, True)
    if host_cwd is None:
        raise ApiError(
            400,
            "PATH_OUTSIDE_WORKSPACE",
            f"cwd {virtual} is outside /workspace (without isolation only the sandbox dir exists)",
            {"path": virtual},
        )
    # No mount namespace: /workspace paths in the command and the env are the sandbox dir.
    full_env = {
        "PATH": BASE_PATH,
        "HOME": str(workspace),
        "LANG": "C.UTF-8",
        "PWD": str(host_cwd),
        **{key: map_workspace(value, workspace) for key, value in env.items()},
    }
    limit_argv, _ = confine.rlimit_argv(limits, count_processes=False)
    argv = [*prefix, *limit_argv, "/bin/sh", "-c", map_workspace(command, workspace)]
    return CommandSpec(argv, str(host_cwd), full_env, False)


# -- signals --------------------------------------------------------------------------


def _process_tree() -> dict[int, list[int]]:
    """Children of every live process, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 1:
            parents.setdefault(int(fields[1]), []).append(int(entry))
    return parents


def _descendants(root: int, tree: dict[int, list[int]] | None = None) -> list[int]:
    """Every live descendant of ``root``, children before grandchildren."""
    parents = _process_tree() if tree is None else tree
    out: list[int] = []
    queue = [root]
    while queue:
        children = parents.get(queue.pop(0), [])
        out.extend(children)
        queue.extend(children)
    return out


def _comm(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/comm", "rb") as fh:
            return fh.read().strip()
    except OSError:
        return b""


def send_signal(pid: int, sig: int, own_pid_namespace: bool) -> bool:
    """Deliver ``sig`` to a command: its process group, or in a PID namespace of its own
    the real processes below its init. True when it reached the command's processes.

    Below bubblewrap's init (which a signal would just kill) or the user-namespace init
    (which ignores what it has no handler for) are the command's processes. While the
    namespace is still being set up there are none: the signal then goes to the init (or
    the wrapper), and False says it may not have reached the command, so a caller that
    must end it sends it again.
    """
    if not own_pid_namespace:
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        return True
    tree = _process_tree()
    wrapper = _comm(pid)
    inits = set(tree.get(pid, [])) if wrapper == b"unshare" else set()
    targets: list[int] = []
    if wrapper in (b"unshare", b"bwrap"):  # not still in a setup or cgroup-joining shell
        targets = [p for p in _descendants(pid, tree) if p not in inits and _comm(p) != b"bwrap"]
    for target in targets or sorted(inits) or [pid]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(target, sig)
    return bool(targets)


def kill_tree(pid: int, alive: bool = True) -> None:
    """SIGKILL a command and everything it started.

    Once the command itself has been reaped its pid may be reused, so then only its
    process group (which outlives it while members remain) is signalled.
    """
    for target in [*_descendants(pid), pid] if alive else []:
        with contextlib.suppress(ProcessLookupError):
            os.kill(target, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def parse_signal(value: object) -> int:
    """``"SIGTERM"``, ``"TERM"``, ``"15"`` or ``15`` -> 15 (400 otherwise)."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    elif isinstance(value, str):
        name = value.strip().upper()
        name = name if name.startswith("SIG") else "SIG" + name
        member = getattr(signal.Signals, name, None)
        if member is None:
            raise bad_request(f"unknown signal {value!r}", field="signal")
        number = int(member)
    else:
        raise bad_request("signal must be a name or a number", field="signal")
    if number not in {int(s) for s in signal.Signals}:
        raise bad_request(f"unknown signal {value!r}", field="signal")
    return number


# -- output ---------------------------------------------------------------------------


class Capture:
    """Keeps the first ``cap`` bytes of a stream and counts the rest."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.data = bytearray()
        self.dropped = 0

    async def feed(self, chunk: bytes) -> None:
        """Take one chunk."""
        room = self.cap - len(self.data)
        if room > 0:
            self.data += chunk[:room]
        self.dropped += max(0, len(chunk) - max(room, 0))

    async def finish(self) -> None:
        """Nothing buffered to flush."""

    def text(self) -> str:
        """Decoded output with a truncation marker when capped."""
        out = self.data.decode("utf-8", "replace")
        if self.dropped:
            out += f"\n[miosa-local: output truncated, {self.dropped} more bytes dropped]\n"
        return out


LineCallback = Callable[[str], Awaitable[None]]


class Lines:
    """Splits a byte stream into lines for a callback; total bytes bounded by ``cap``."""

    MAX_LINE = 1024 * 1024

    def __init__(self, on_line: LineCallback, cap: int) -> None:
        self.on_line = on_line
        self.cap = cap
        self.seen = 0
        self.pending = bytearray()
        self.truncated = False
        self._finished = False

    async def feed(self, chunk: bytes) -> None:
        """Take one chunk, emitting each completed line (over-long lines are split)."""
        if self.truncated:
            return
        room = self.cap - self.seen
        self.seen += len(chunk)
        if len(chunk) > room:
            chunk = chunk[: max(room, 0)]
            self.truncated = True
        self.pending += chunk
        while True:
            cut = self.pending.find(b"\n")
            if cut == -1 and len(self.pending) < self.MAX_LINE:
                break
            end = cut if cut != -1 else self.MAX_LINE
            line = bytes(self.pending[:end])
            del self.pending[: end + (1 if cut != -1 else 0)]
            await self.on_line(line.decode("utf-8", "replace").rstrip("\r"))

    async def finish(self) -> None:
        """Flush a last line without newline, then the truncation marker."""
        if self._finished:
            return
        self._finished = True
        if self.pending:
            line, self.pending = bytes(self.pending), bytearray()
            await self.on_line(line.decode("utf-8", "replace"))
        if self.truncated:
            await self.on_line(f"[miosa-local: output truncated after {self.cap} bytes]")


async def pump(stream: ByteReceiveStream | None, sink: Capture | Lines) -> None:
    """Copy a process pipe into a sink until EOF."""
    if stream is None:
        return
    try:
        async for chunk in stream:
            await sink.feed(chunk)
    except (anyio.ClosedResourceError, anyio.BrokenResourceError):
        pass
    await sink.finish()


@dataclass
class Outcome:
    """How a finished command ended."""

    exit_code: int
    timed_out: bool
    duration_ms: int


def exit_status(returncode: int | None) -> int:
    """Shell convention: killed by signal N -> 128 + N."""
    if returncode is None:
        return -1
    return 128 - returncode if returncode < 0 else returncode


async def spawn(spec: CommandSpec, stdin: bool = False) -> anyio.abc.Process:
    """Start a command in its own session so its whole group can be signalled."""
    try:
        return await anyio.open_process(
            spec.argv,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=spec.cwd,
            env=spec.env,
            start_new_session=True,
        )
    except OSError as exc:
        raise ApiError(500, "EXEC_FAILED", f"could not start command: {exc}") from exc


async def run(
    spec: CommandSpec,
    limit: float,
    stdout: Capture | Lines,
    stderr: Capture | Lines,
    live: set[int] | None = None,
) -> Outcome:
    """Run to completion (or for ``limit`` seconds), feeding both pipes; leaves nothing behind.

    The pid sits in ``live`` while the command runs, so a server shutdown can kill it.
    """
    started = time.monotonic()
    process = await spawn(spec)
    timed_out = False
    if live is not None:
        live.add(process.pid)
    try:
        async with anyio.create_task_group() as readers:
            drained = anyio.Event()

            async def read_both() -> None:
                async with anyio.create_task_group() as both:
                    both.start_soon(pump, process.stdout, stdout)
                    both.start_soon(pump, process.stderr, stderr)
                drained.set()

            readers.start_soon(read_both)
            with anyio.move_on_after(limit) as timer:
                await process.wait()
            if timer.cancelled_caught:
                timed_out = True
                kill_tree(process.pid)
                with anyio.move_on_after(5):
                    await process.wait()
            # Whatever the command left running in the background goes too: exec is
            # synchronous, background work belongs to the processes API.
            kill_tree(process.pid, alive=process.returncode is None)
            with anyio.move_on_after(DRAIN_GRACE):
                await drained.wait()
            readers.cancel_scope.cancel()
    finally:
        with anyio.CancelScope(shield=True):
            if process.returncode is None:
                kill_tree(process.pid)
                with anyio.move_on_after(5):
                    await process.wait()
            await process.aclose()
            if live is not None:
                live.discard(process.pid)
    duration_ms = int((time.monotonic() - started) * 1000)
    code = TIMEOUT_EXIT_CODE if timed_out else exit_status(process.returncode)
    return Outcome(code, timed_out, duration_ms)


def cpu_limit_note(outcome: Outcome, limits: Limits) -> str | None:
    """The line appended to stderr when a command was killed for using too much CPU time."""
    if limits.cpu_seconds is None or outcome.timed_out:
        return None
    if outcome.exit_code not in (128 + signal.SIGXCPU, 128 + signal.SIGKILL):
        return None
    return (
        f"[miosa-local: command killed at its CPU-time limit of {limits.cpu_seconds} s "
        f"(exit code {outcome.exit_code})]\n"
    )


def timeout_note(seconds: float) -> str:
    """The line appended to stderr when a command is killed for running too long."""
    return f"[miosa-local: command timed out after {seconds:g} s and was killed]\n"
