"""Confining sandbox commands: the isolation mode, the network switch and resource limits.

Three isolation modes, strongest first:

- ``bwrap``: bubblewrap with its own PID, IPC (and, unless the sandbox asks for network,
  network) namespaces; ``/workspace`` is the sandbox directory, system directories are
  read-only, nothing else of the host is visible.
- ``userns``: without bubblewrap, an unprivileged user + mount (+ network) namespace from
  util-linux ``unshare``, set up by a short shell script into the same layout on a fresh
  tmpfs root; a nested user namespace then locks those mounts so the command cannot undo
  them.
- ``none``: the command runs on the host in the sandbox directory (macOS, or a kernel that
  refuses user namespaces); ``/workspace`` in command text is rewritten (see
  ``runner.map_workspace``).

Limits are rlimits set innermost with util-linux ``prlimit`` (memory as ``RLIMIT_DATA``,
CPU time as ``RLIMIT_CPU``, process count as ``RLIMIT_NPROC`` inside a user namespace,
where it counts only the sandbox's processes), plus a ``pids`` cgroup per sandbox when a
writable cgroup hierarchy is at hand (the kernel does not apply ``RLIMIT_NPROC`` to root).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

log = logging.getLogger("miosa.local")

IsolationMode = Literal["bwrap", "userns", "none"]
REQUESTABLE = ("auto", "bwrap", "userns", "none")
WORKSPACE = "/workspace"
# Host directories exposed read-only to a command (only those that exist are bound).
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32", "/etc", "/opt")
# Device nodes a command gets in the ``userns`` mode (bubblewrap's ``--dev`` has the same).
DEVICES = ("null", "zero", "full", "random", "urandom", "tty")
PROBE_TIMEOUT = 10.0
CGROUP_RELEASE_WAIT = 2.0
_TOOL_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


# -- limits ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """Resource limits of one command (``None``: not limited)."""

    memory_bytes: int | None = None
    processes: int | None = None
    cpu_seconds: int | None = None


@functools.cache
def _prlimit() -> str | None:
    return shutil.which("prlimit", path=_TOOL_PATH)


# Fallback when util-linux prlimit is missing (macOS): set the limits, then exec the rest.
_LAUNCHER = (
    "import os,resource,sys\n"
    "for name,value in zip(('RLIMIT_DATA','RLIMIT_CPU'),sys.argv[1:3]):\n"
    "    if value and hasattr(resource,name):\n"
    "        n=int(value);hard=n+1 if name=='RLIMIT_CPU' else n\n"
    "        try: resource.setrlimit(getattr(resource,name),(n,hard))\n"
    "        except (ValueError,OSError): pass\n"
    "os.execv(sys.argv[3],sys.argv[3:])\n"
)


def rlimit_argv(limits: Limits, *, count_processes: bool) -> tuple[list[str], bool]:
    """argv that applies ``limits`` and then runs the rest of the command line.

    The flag says whether the limits run *inside* the sandbox (``prlimit`` is a system
    binary, visible there); otherwise they must wrap the whole command line.
    ``RLIMIT_NPROC`` counts every process of the user, so it is only set when
    ``count_processes`` says the command has a user namespace of its own.
    """
    prlimit = _prlimit()
    if prlimit is not None:
        argv = [prlimit]
        if limits.memory_bytes is not None:
            argv.append(f"--data={limits.memory_bytes}")
        if limits.cpu_seconds is not None:
            # The soft limit sends SIGXCPU; the hard one, a second later, SIGKILL.
            argv.append(f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 1}")
        if limits.processes is not None and count_processes:
            argv.append(f"--nproc={limits.processes}")
        return ([*argv, "--"], True) if len(argv) > 1 else ([], True)
    if limits.memory_bytes is None and limits.cpu_seconds is None:
        return [], True
    return [
        sys.executable,
        "-I",
        "-S",
        "-c",
        _LAUNCHER,
        str(limits.memory_bytes or ""),
        str(limits.cpu_seconds or ""),
    ], False


class PidsCgroups:
    """A ``pids`` cgroup per sandbox under one cgroup of this server, when writable.

    cgroup v1 (a ``pids`` hierarchy) and v2 (a parent whose ``cgroup.subtree_control``
    has ``pids``) both work; without write access there is nothing to do, and the process
    count rests on ``RLIMIT_NPROC`` alone.
    """

    def __init__(self, parent: Path) -> None:
        self.parent = parent
        self._made: set[str] = set()

    @classmethod
    def create(cls) -> PidsCgroups | None:
        """A fresh server cgroup, or ``None`` when no pids hierarchy is writable here."""
        for base in _pids_bases():
            try:
                parent = Path(tempfile.mkdtemp(prefix="miosa-local-", dir=base))
            except OSError:
                continue
            probe = parent / "probe"
            try:
                probe.mkdir()
                (probe / "pids.max").write_text("16\n")
            except OSError:
                with contextlib.suppress(OSError):
                    probe.rmdir()
                with contextlib.suppress(OSError):
                    parent.rmdir()
                continue
            probe.rmdir()
            return cls(parent)
        return None

    def join_argv(self, key: str, max_processes: int) -> list[str]:
        """argv that moves the command into ``key``'s cgroup, then runs the rest."""
        group = self.parent / key
        if key not in self._made:
            try:
                group.mkdir(exist_ok=True)
                (group / "pids.max").write_text(f"{max_processes}\n")
            except OSError as exc:
                log.warning("miosa.local: no pids cgroup for %s: %s", key, exc)
                return []
            self._made.add(key)
        return ["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', str(group / "cgroup.procs")]

    def release(self, key: str) -> bool:
        """Remove ``key``'s cgroup; False while processes just killed are not reaped yet."""
        if key not in self._made:
            return True
        try:
            (self.parent / key).rmdir()
        except FileNotFoundError:
            pass
        except OSError:
            return False
        self._made.discard(key)
        return True

    def close(self, wait: float = CGROUP_RELEASE_WAIT) -> None:
        """Remove every cgroup this server made, waiting up to ``wait`` seconds for the
        kernel to release the processes killed at shutdown."""
        deadline = time.monotonic() + wait
        while not all([self.release(key) for key in list(self._made)]):
            if time.monotonic() > deadline:
                log.warning("miosa.local: could not remove cgroups under %s", self.parent)
                return
            time.sleep(0.02)
        with contextlib.suppress(OSError):
            self.parent.rmdir()


def _pids_bases() -> list[Path]:
    """Writable-looking places for a pids cgroup: the v1 hierarchy, then v2 own cgroup."""
    out: list[Path] = []
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return out
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if "pids" in controllers.split(","):
            out.append(Path("/sys/fs/cgroup/pids") / path.lstrip("/"))
        elif controllers == "":
            unified = Path("/sys/fs/cgroup") / path.lstrip("/")
            with contextlib.suppress(OSError):
                if "pids" in (unified / "cgroup.subtree_control").read_text().split():
                    out.append(unified)
    return [p for p in out if p.is_dir() and os.access(p, os.W_OK)]


# -- bubblewrap ----------------------------------------------------------------------


def bwrap_argv(
    bwrap: str, workspace: Path, cwd: str, env: dict[str, str], network: bool
) -> list[str]:
    """bubblewrap up to the command: namespaces, mounts, working directory, environment."""
    # --cap-drop ALL matters when the server runs as root: bubblewrap then keeps every
    # capability by default, and a command could remount the read-only binds writable.
    argv = [bwrap, "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--new-session"]
    argv += ["--cap-drop", "ALL"]
    if not network:
        argv.append("--unshare-net")
    for d in SYSTEM_DIRS:
        if os.path.islink(d):
            argv += ["--symlink", os.readlink(d), d]
        elif os.path.isdir(d):
            argv += ["--ro-bind", d, d]
    argv += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    argv += ["--bind", str(workspace), WORKSPACE, "--chdir", cwd, "--clearenv"]
    for key, value in env.items():
        argv += ["--setenv", key, value]
    return argv


# -- user + mount namespace ----------------------------------------------------------

# The init of the command's PID namespace: it starts the command (stdin included: an
# asynchronous command's stdin is /dev/null unless redirected from a saved copy), reaps
# whatever the command leaves behind and exits with its status; the kernel then ends
# everything else in the namespace, as with bubblewrap's init. Until the command starts,
# a signal ends it as it would have ended the command (PID 1 gets only the signals it
# handles); then the server signals the command's processes directly.
_USERNS_INIT = """
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 131' QUIT
trap 'exit 143' TERM; trap 'exit 138' USR1; trap 'exit 140' USR2
exec 3<&0
"$@" <&3 3<&- &
c=$!
exec 3<&-
trap : HUP INT QUIT TERM USR1 USR2
st=0
while kill -0 "$c" 2>/dev/null; do
  if wait "$c"; then st=0; else st=$?; fi
done
exit "$st"
"""

# Runs as root of a fresh user + mount namespace: mount a tmpfs root, bind the system
# directories read-only, a few devices, /proc, a private /tmp and the workspace, then start
# the command chrooted there under a nested user namespace (which locks those mounts) with
# a PID namespace and /proc of its own.
# Arguments: new-root workspace cwd unshare init-script command...
_USERNS_SETUP = f"""
set -e
R=$1 WS=$2 WD=$3 UNSHARE=$4 INIT=$5
shift 5
P=$PATH
PATH={_TOOL_PATH}
mount -t tmpfs -o mode=755 miosa "$R"
for d in {" ".join(SYSTEM_DIRS)}; do
  if [ -L "$d" ]; then ln -s "$(readlink "$d")" "$R$d"
  elif [ -d "$d" ]; then
    mkdir "$R$d"; mount --rbind "$d" "$R$d"; mount -o remount,bind,ro "$R$d"
  fi
done
mkdir "$R/proc" "$R/dev" "$R/tmp" "$R{WORKSPACE}"
mount --rbind /proc "$R/proc"
mount -t tmpfs -o mode=755 miosa "$R/dev"
for n in {" ".join(DEVICES)}; do
  if [ -e "/dev/$n" ]; then : > "$R/dev/$n"; mount --bind "/dev/$n" "$R/dev/$n"; fi
done
ln -s /proc/self/fd "$R/dev/fd"
ln -s /proc/self/fd/0 "$R/dev/stdin"
ln -s /proc/self/fd/1 "$R/dev/stdout"
ln -s /proc/self/fd/2 "$R/dev/stderr"
mount -t tmpfs miosa "$R/tmp"
mount --bind "$WS" "$R{WORKSPACE}"
ip link set lo up 2>/dev/null || true
PATH=$P
exec "$UNSHARE" --user --map-root-user --mount --pid --fork --kill-child --mount-proc \\
  --root="$R" --wd="$WD" /bin/sh -c "$INIT" miosa-init "$@"
"""


@functools.cache
def _unshare() -> str | None:
    return shutil.which("unshare", path=_TOOL_PATH)


def userns_argv(
    unshare: str, new_root: Path, workspace: Path, cwd: str, network: bool
) -> list[str]:
    """The namespace setup up to the command (``new_root`` is an empty directory)."""
    flags = "-Urm" if network else "-Urmn"
    return [
        unshare,
        flags,
        "/bin/sh",
        "-c",
        _USERNS_SETUP,
        "miosa-userns",
        str(new_root),
        str(workspace),
        cwd,
        unshare,
        _USERNS_INIT,
    ]


# -- choosing a mode ------------------------------------------------------------------


def _probe(argv: list[str]) -> str | None:
    try:
        done = subprocess.run(argv, capture_output=True, timeout=PROBE_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"probe failed: {exc}"
    if done.returncode != 0:
        return "probe failed: " + done.stderr.decode(errors="replace").strip()[-500:]
    return None


@functools.cache
def bwrap_problem(path: str) -> str | None:
    """Why bubblewrap at ``path`` cannot run a command here (``None`` when it can)."""
    with tempfile.TemporaryDirectory(prefix="miosa-probe-") as scratch:
        argv = bwrap_argv(path, Path(scratch), WORKSPACE, {}, network=False)
        return _probe([*argv, "/bin/sh", "-c", "true"])


@functools.cache
def userns_problem() -> str | None:
    """Why the user + mount namespace mode cannot run here (``None`` when it can)."""
    if not sys.platform.startswith("linux"):
        return f"user namespaces are Linux-only (this is {sys.platform})"
    unshare = _unshare()
    if unshare is None:
        return "util-linux unshare is not on PATH"
    with tempfile.TemporaryDirectory(prefix="miosa-probe-") as scratch:
        root, workspace = Path(scratch) / "root", Path(scratch) / "workspace"
        root.mkdir()
        workspace.mkdir()
        argv = userns_argv(unshare, root, workspace, WORKSPACE, network=False)
        return _probe([*argv, "/bin/sh", "-c", f"test -d {WORKSPACE}"])


@dataclass(frozen=True)
class Isolation:
    """The mode a server runs commands in, and the tools it needs."""

    mode: IsolationMode
    bwrap: str | None = None
    unshare: str | None = None
    problems: dict[str, str] = field(default_factory=dict)


def resolve_isolation(requested: str) -> Isolation:
    """Pick the isolation mode: ``auto`` takes the strongest that works here."""
    if requested not in REQUESTABLE:
        raise ValueError(f"isolation must be one of {', '.join(REQUESTABLE)}, not {requested!r}")
    if requested == "none":
        return Isolation("none")
    problems: dict[str, str] = {}
    if requested in ("auto", "bwrap"):
        path = shutil.which("bwrap")
        problem = "bwrap is not on PATH" if path is None else bwrap_problem(path)
        if problem is None:
            return Isolation("bwrap", bwrap=path)
        problems["bwrap"] = problem
        if requested == "bwrap":
            raise RuntimeError(f"isolation='bwrap' requested but {problem}")
    problem = userns_problem()
    if problem is None:
        if requested == "auto":
            log.warning(
                "miosa.local: %s; sandbox commands run in a user namespace instead",
                problems["bwrap"],
            )
        return Isolation("userns", unshare=_unshare(), problems=problems)
    problems["userns"] = problem
    if requested == "userns":
        raise RuntimeError(f"isolation='userns' requested but {problem}")
    log.warning(
        "miosa.local: no isolation available (%s); sandbox commands run directly on this "
        "host, in the sandbox directory, with the host's network",
        "; ".join(f"{k}: {v}" for k, v in problems.items()),
    )
    return Isolation("none", problems=problems)
