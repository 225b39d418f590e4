"""``WS /computers/{computer_id}/events`` (subprotocol ``miosa-events-v1``): what changes in
a running computer, as JSON text frames ``{"type", "timestamp", "payload"}``.

The server looks at the computer four times a second and reports what changed since the
last look, for the producers named by ``subscribe`` (repeated or comma-joined; all five when
absent):

- ``window``: a window opened, closed, focused, minimized or restored on the simulated
  desktop (``payload.event`` and the window's ``id``, ``title`` and ``app``);
- ``clipboard``: the desktop clipboard's new ``text``;
- ``file``: a file below the watched ``paths`` (``/workspace`` when none) ``created``,
  ``modified`` or ``deleted`` (at most 2000 files are watched);
- ``process``: a background process ``started`` or ``exited`` (with its ``exit_code``);
- ``idle``: ``idle: true`` after ``idle_threshold_sec`` (default 60) without desktop input,
  ``idle: false`` at the next input.

A headless computer has no desktop, so its window, clipboard and idle producers stay
silent. The socket closes (1001) when the computer stops.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import anyio
from starlette.websockets import WebSocket, WebSocketDisconnect

from .common import JSON, iso, now
from .http import ApiError
from .paths import resolve
from .screen import Screen
from .state import Proc, Sandbox

EVENTS_SUBPROTOCOL = "miosa-events-v1"
PRODUCERS = ("window", "clipboard", "file", "process", "idle")
POLL_SEC = 0.25
MAX_WATCHED = 2000
DEFAULT_IDLE_SEC = 60

Files = dict[str, tuple[int, int]]


@dataclass
class Look:
    """What the computer looked like at one poll."""

    windows: dict[str, JSON] = field(default_factory=dict)
    focused: str | None = None
    clipboard: str = ""
    files: Files = field(default_factory=dict)
    processes: dict[int, JSON] = field(default_factory=dict)
    inputs: int = 0


@dataclass(frozen=True)
class Subscription:
    producers: frozenset[str]
    paths: tuple[tuple[str, Path], ...]
    idle_sec: float


def subscription(sandbox: Sandbox, websocket: WebSocket) -> Subscription:
    """The query's producers, watched paths and idle threshold; ApiError when bad."""
    query = websocket.query_params
    names = [n.strip() for raw in query.getlist("subscribe") for n in raw.split(",") if n.strip()]
    unknown = sorted(set(names) - set(PRODUCERS))
    if unknown:
        raise ApiError(400, "VALIDATION_ERROR", f"unknown producer {unknown[0]!r}")
    paths = tuple(resolve(sandbox.workspace, p) for p in query.getlist("paths") or ["/workspace"])
    raw_idle = query.get("idle_threshold_sec", "")
    if raw_idle and not (raw_idle.isdigit() and 0 < int(raw_idle) <= 86400):
        raise ApiError(400, "VALIDATION_ERROR", "idle_threshold_sec must be 1 to 86400")
    return Subscription(
        frozenset(names or PRODUCERS), paths, int(raw_idle) if raw_idle else DEFAULT_IDLE_SEC
    )


def _walk(virtual: str, host: Path) -> Iterator[tuple[str, os.stat_result]]:
    if host.is_file():
        yield virtual, host.stat()
        return
    for root, _, names in os.walk(host):
        for name in names:
            full = Path(root) / name
            with contextlib.suppress(OSError):
                yield f"{virtual}/{full.relative_to(host).as_posix()}", full.stat()


def _files(paths: tuple[tuple[str, Path], ...]) -> Files:
    found: Files = {}
    for virtual, host in paths:
        for path, info in _walk(virtual.rstrip("/") or "/", host):
            if len(found) >= MAX_WATCHED:
                return found
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


def _process(proc: Proc) -> JSON:
    return {
        "pid": proc.pid,
        "command": proc.command,
        "status": proc.status,
        "exit_code": proc.exit_code,
    }


def look(sandbox: Sandbox, screen: Screen | None, files: Files) -> Look:
    """The computer now; ``files`` were read off the event loop."""
    seen = Look(
        files=files,
        processes={
            p.pid: {
                "pid": p.pid,
                "command": p.command,
                "status": p.status,
                "exit_code": p.exit_code,
            }
            for p in sandbox.processes.values()
        },
    )
    if screen is not None:
        seen.windows = {
            w.id: {"id": w.id, "title": w.title, "app": w.app, "minimized": w.minimized}
            for w in screen.windows
        }
        seen.focused, seen.clipboard, seen.inputs = (
            screen.focused,
            screen.clipboard,
            len(screen.log),
        )
    return seen


async def snapshot(sandbox: Sandbox, screen: Screen | None, sub: Subscription) -> Look:
    files: Files = {}
    if "file" in sub.producers:
        files = await anyio.to_thread.run_sync(_files, sub.paths)
    # The desktop and the process table change on the event loop: read them there.
    return look(sandbox, screen, files)


def _window_changes(before: Look, after: Look) -> Iterator[JSON]:
    for ident, window in after.windows.items():
        old = before.windows.get(ident)
        if old is None:
            yield {"event": "opened", **window}
        elif old["minimized"] != window["minimized"]:
            yield {"event": "minimized" if window["minimized"] else "restored", **window}
    for ident, window in before.windows.items():
        if ident not in after.windows:
            yield {"event": "closed", **window}
    if after.focused != before.focused and after.focused in after.windows:
        yield {"event": "focused", **after.windows[after.focused]}


def _file_changes(before: Files, after: Files) -> Iterator[JSON]:
    for path, stamp in after.items():
        if path not in before:
            yield {"event": "created", "path": path, "size": stamp[1]}
        elif before[path] != stamp:
            yield {"event": "modified", "path": path, "size": stamp[1]}
    for path in before.keys() - after.keys():
        yield {"event": "deleted", "path": path}


def _process_changes(before: Look, after: Look) -> Iterator[JSON]:
    for pid, proc in after.processes.items():
        old = before.processes.get(pid)
        if old is None:
            yield {"event": "started", **proc}
        if proc["status"] != "running" and (old is None or old["status"] == "running"):
            yield {"event": "exited", **proc}


def changes(before: Look, after: Look, sub: Subscription) -> Iterator[tuple[str, JSON]]:
    """``(producer, payload)`` for each change the subscription wants."""
    wanted = sub.producers
    if "window" in wanted:
        yield from (("window", c) for c in _window_changes(before, after))
    if "clipboard" in wanted and after.clipboard != before.clipboard:
        yield "clipboard", {"text": after.clipboard}
    if "file" in wanted:
        yield from (("file", c) for c in _file_changes(before.files, after.files))
    if "process" in wanted:
        yield from (("process", c) for c in _process_changes(before, after))


async def _send(websocket: WebSocket, producer: str, payload: JSON) -> None:
    frame = {"type": producer, "timestamp": iso(now()), "payload": payload}
    await websocket.send_text(json.dumps(frame, separators=(",", ":")))


async def _until_disconnect(websocket: WebSocket, scope: anyio.CancelScope) -> None:
    """Client frames are ignored; its leaving ends the stream."""
    with contextlib.suppress(WebSocketDisconnect):
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass
    scope.cancel()


async def watch(
    sandbox: Sandbox, screen: Screen | None, websocket: WebSocket, sub: Subscription, before: Look
) -> None:
    """Report changes since ``before`` until the client leaves or the computer stops.

    ``before`` is taken before the socket is accepted: a client acting as soon as it is
    connected must see what it did.
    """
    last_input, idle = now(), False
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(_until_disconnect, websocket, tasks.cancel_scope)
        while sandbox.state == "running":
            await anyio.sleep(POLL_SEC)
            after = await snapshot(sandbox, screen, sub)
            for producer, payload in changes(before, after, sub):
                await _send(websocket, producer, payload)
            if after.inputs != before.inputs:
                last_input = now()
            if screen is not None and "idle" in sub.producers:
                quiet = now() - last_input >= sub.idle_sec
                if quiet != idle:
                    idle = quiet
                    await _send(websocket, "idle", {"idle": idle, "threshold_sec": sub.idle_sec})
            before = after
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close(code=1001, reason=f"computer {sandbox.id} is {sandbox.state}")
        tasks.cancel_scope.cancel()
