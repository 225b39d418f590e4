"""Polling file watcher: one per watched sandbox, diffing directory scans every 0.2 s."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import anyio

from .paths import virtual_of
from .state import Sandbox, Store

POLL_INTERVAL = 0.2
IDLE_STOP = 30.0
MAX_ENTRIES = 20_000
TEMP_PREFIX = ".miosa-write-"
"""Names of the server's own in-flight writes (see files.py); never reported."""


@dataclass(frozen=True)
class Entry:
    """What a scan remembers about one path."""

    mtime_ns: int
    size: int
    is_dir: bool


def scan(root: Path) -> dict[str, Entry]:
    """Every path under ``root`` (symlinks not followed), at most ``MAX_ENTRIES``."""
    found: dict[str, Entry] = {}
    for directory, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            if name.startswith(TEMP_PREFIX):  # a write in progress: the rename shows it
                continue
            path = os.path.join(directory, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            is_dir = name in dirs and not os.path.islink(path)
            found[virtual_of(root, Path(path))] = Entry(
                st.st_mtime_ns, 0 if is_dir else st.st_size, is_dir
            )
            if len(found) >= MAX_ENTRIES:
                return found
    return found


def publish_diff(sandbox: Sandbox, before: dict[str, Entry], after: dict[str, Entry]) -> None:
    """Turn two scans into created / modified / deleted events."""
    for path, entry in after.items():
        old = before.get(path)
        if old is None:
            kind = "created"
        elif not entry.is_dir and (old.mtime_ns != entry.mtime_ns or old.size != entry.size):
            kind = "modified"
        else:
            continue
        _publish(sandbox, kind, path, entry)
    for path, entry in before.items():
        if path not in after:
            _publish(sandbox, "deleted", path, entry)


def _publish(sandbox: Sandbox, kind: str, path: str, entry: Entry) -> None:
    sandbox.watch.publish(
        kind,
        {
            "event": kind,
            "path": path,
            "size_bytes": entry.size,
            "is_dir": entry.is_dir,
            "old_path": None,
        },
    )


async def ensure_watching(store: Store, sandbox: Sandbox) -> None:
    """Start the sandbox's watcher (after a baseline scan, so nothing written later is missed)."""
    if sandbox.watcher_running:
        return
    sandbox.watcher_running = True
    baseline = await anyio.to_thread.run_sync(scan, sandbox.workspace)
    store.spawn(_watch, store, sandbox, baseline, name=f"watch {sandbox.id}")


async def _watch(store: Store, sandbox: Sandbox, state: dict[str, Entry]) -> None:
    idle_since: float | None = None
    try:
        while sandbox.alive and not (store.shutting_down and store.shutting_down.is_set()):
            await anyio.sleep(POLL_INTERVAL)
            if sandbox.watch_subscribers == 0:
                idle_since = idle_since if idle_since is not None else anyio.current_time()
                if anyio.current_time() - idle_since > IDLE_STOP:
                    return
            else:
                idle_since = None
            if not sandbox.workspace.is_dir():
                continue
            current = await anyio.to_thread.run_sync(scan, sandbox.workspace)
            publish_diff(sandbox, state, current)
            state = current
    finally:
        sandbox.watcher_running = False
