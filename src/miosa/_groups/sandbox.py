"""Pure parsers: one SSE event of a sandbox stream -> one typed item (or None to skip).

Each parser takes a `ServerSentEvent` and is handed to the stream layer
(`AsyncEventStream`), which calls it once per event. ``sandbox.events.stream()`` is the
hot path (benchmarks/bench_sse.py), so `parse_sandbox_event` builds its objects without
going through attrs' ``__init__`` or the converter.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .._converter import structure
from .._sse import ServerSentEvent
from ..types._base import Model
from ..types.events import Event
from ..types.sandbox_events import (
    SandboxCreated,
    SandboxDestroyed,
    SandboxErrored,
    SandboxEvent,
    SandboxEventBase,
    SandboxExecuted,
    SandboxExtended,
    SandboxFileDeleted,
    SandboxFileWritten,
    SandboxForked,
    SandboxPaused,
    SandboxProcessExited,
    SandboxProcessStarted,
    SandboxReady,
    SandboxResumed,
    SandboxStopped,
    SandboxUpdated,
    UnknownEvent,
)
from ..types.sandbox_exec import ExecChunk, ExecExit, ExecStderr, ExecStdout, UnknownExecChunk
from ..types.sandbox_files import FileEvent, FileEventType
from ..types.sandboxes import SandboxLogLine

__all__ = [
    "EVENT_CLASSES",
    "is_exit",
    "parse_exec_chunk",
    "parse_file_event",
    "parse_log_line",
    "parse_readiness",
    "parse_sandbox_event",
]

_KNOWN: tuple[type[SandboxEventBase], ...] = (
    SandboxCreated,
    SandboxReady,
    SandboxUpdated,
    SandboxExtended,
    SandboxPaused,
    SandboxResumed,
    SandboxStopped,
    SandboxDestroyed,
    SandboxErrored,
    SandboxForked,
    SandboxExecuted,
    SandboxFileWritten,
    SandboxFileDeleted,
    SandboxProcessStarted,
    SandboxProcessExited,
)
EVENT_CLASSES: dict[str, type[SandboxEventBase]] = {
    name: cls for cls in _KNOWN for name in cls.TYPES
}
"""Wire type name -> event class; any other name becomes `UnknownEvent`."""

_loads = json.loads
# json.loads wraps the C scanner in two regex whitespace skips and two Python frames,
# which cost as much as the scan itself for a small event; the scanner is called
# directly and json.loads decides every case it does not finish cleanly.
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_new = object.__new__
_set = object.__setattr__
# Frozen attrs classes are filled through their slot descriptors (cheaper still than
# object.__setattr__, which looks the descriptor up on every call).
_set_type = Event.__dict__["type"].__set__
_set_data = Event.__dict__["data"].__set__
_set_id = Event.__dict__["id"].__set__
_set_raw = Model.__dict__["_raw"].__set__


def _decode(text: str) -> Any:
    """JSON, else the text kept as ``{"line": text}`` (a server may send plain lines)."""
    try:
        value, end = _scan(text, 0)
        if end == len(text):
            return value
    except (StopIteration, ValueError):
        pass
    try:
        return _loads(text)
    except ValueError:
        return {"line": text}


def _payload_type(payload: Any) -> str:
    if isinstance(payload, dict):
        for key in ("type", "event"):
            value = payload.get(key)
            if isinstance(value, str) and value:
                return value
    return "message"


def parse_sandbox_event(sse: ServerSentEvent) -> SandboxEvent | None:
    """A typed sandbox event; ``type`` is the SSE ``event:`` name, else the payload's."""
    text = sse.data
    if not text or text == "[DONE]":
        return None
    try:  # _decode's fast path, inlined on the hot path
        payload, end = _scan(text, 0)
        if end != len(text):
            payload = _decode(text)
    except (StopIteration, ValueError):
        payload = _decode(text)
    name = sse.event
    if not name or name == "message":
        name = _payload_type(payload)
    if isinstance(payload, dict):
        raw = payload
        data = payload.get("data", payload)
    else:
        raw = {"data": payload}
        data = payload
    event: Any = _new(EVENT_CLASSES.get(name, UnknownEvent))
    # Filled directly: attrs' __init__ costs three times as much, and this runs once per
    # event of the busiest stream.
    _set_type(event, name)
    _set_data(event, data)
    _set_id(event, sse.id or None)
    _set_raw(event, raw)
    result: SandboxEvent = event
    return result


def _chunk_kind(sse: ServerSentEvent, payload: dict[str, Any]) -> str:
    if sse.event and sse.event != "message":
        return sse.event
    for key in ("type", "event", "stream"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return value
    if "exit_code" in payload or "exitCode" in payload:
        return "exit"
    return "stdout" if "line" in payload else "message"


def _exit_code(payload: dict[str, Any]) -> int | None:
    for key in ("exit_code", "exitCode", "code"):
        value = payload.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def parse_exec_chunk(sse: ServerSentEvent) -> ExecChunk | None:
    """A command output chunk: `ExecStdout`, `ExecStderr`, `ExecExit` or `UnknownExecChunk`.

    Used for ``exec.stream`` and ``processes.stream``; a payload that is not JSON is
    taken as a stdout line, as the other SDKs do.
    """
    text = sse.data
    if not text or text == "[DONE]":
        return None
    decoded = _decode(text)
    payload: dict[str, Any] = decoded if isinstance(decoded, dict) else {"data": decoded}
    kind = _chunk_kind(sse, payload)
    event_id = sse.id or None
    chunk: ExecChunk
    if kind in ("stdout", "stderr"):
        line = payload.get("line", payload.get("data", ""))
        cls = ExecStdout if kind == "stdout" else ExecStderr
        chunk = cls(line=line if isinstance(line, str) else str(line), id=event_id)
    elif kind == "exit":
        duration = payload.get("duration_ms")
        timed_out = payload.get("timed_out")
        chunk = ExecExit(
            exit_code=_exit_code(payload),
            duration_ms=duration if isinstance(duration, (int, float)) else None,
            timed_out=timed_out if isinstance(timed_out, bool) else None,
            id=event_id,
        )
    else:
        chunk = UnknownExecChunk(type=kind, data=payload.get("data", payload), id=event_id)
    _set(chunk, "_raw", payload)
    return chunk


def is_exit(chunk: ExecChunk) -> bool:
    """The exit chunk is the last one: the stream ends after it."""
    return isinstance(chunk, ExecExit)


def parse_file_event(sse: ServerSentEvent) -> FileEvent | None:
    """A file change; the kind is read from ``type`` or ``event`` (both spellings exist)."""
    text = sse.data
    if not text or text == "[DONE]":
        return None
    decoded = _decode(text)
    payload: dict[str, Any] = decoded if isinstance(decoded, dict) else {}
    kind = payload.get("type") or payload.get("event")
    if not isinstance(kind, str) or not kind:
        kind = sse.event if sse.event and sse.event != "message" else None
    fields = {k: payload[k] for k in ("path", "size_bytes", "is_dir", "old_path") if k in payload}
    event = structure(fields, FileEvent)
    _set(event, "type", FileEventType(kind) if kind else None)
    _set(event, "id", sse.id or None)
    _set(event, "_raw", payload)
    return event


def parse_log_line(sse: ServerSentEvent) -> SandboxLogLine | None:
    """One log line: ``{line, stream, timestamp}``, or a plain text line."""
    text = sse.data
    if not text or text == "[DONE]":
        return None
    decoded = _decode(text)
    payload: dict[str, Any] = decoded if isinstance(decoded, dict) else {"line": str(decoded)}
    fields = {k: payload[k] for k in ("line", "stream", "timestamp") if k in payload}
    line = structure(fields, SandboxLogLine)
    _set(line, "id", sse.id or None)
    _set(line, "_raw", payload)
    return line


def parse_readiness(sse: ServerSentEvent) -> str | None:
    """The readiness stream's verdict: its ``event:`` name (``ready`` / ``timeout``)."""
    if sse.event and sse.event != "message":
        return sse.event
    if not sse.data:
        return None
    return _payload_type(_decode(sse.data))
