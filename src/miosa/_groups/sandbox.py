"""Pure helpers of the sandbox family (no I/O; shared by the async and sync trees).

Four sections, in this order:

- Stream parsers: one SSE event of a sandbox stream -> one typed item (or None to skip).
  Each parser takes a `ServerSentEvent` and is handed to the stream layer
  (`AsyncEventStream`), which calls it once per event. ``sandbox.events.stream()`` is the
  hot path (benchmarks/bench_sse.py), so `parse_sandbox_event` builds its objects without
  going through attrs' ``__init__`` or the converter.
- The rules behind a few sandbox calls: env-var sets, logs, build specs, the sandbox host.
- Files: base64 bodies (built whole or piece by piece), batch-write entries, and the file
  paths the routes take. Sandbox file content travels as base64 inside JSON
  (``{"path": ..., "content": ...}``). `Base64JSONBody` writes that body incrementally so an
  upload of any size is streamed with only one chunk in memory: raw bytes are encoded in runs
  whose length is a multiple of 3 (base64 maps 3 bytes to 4 characters, so no padding appears
  mid-stream) and the 0-2 leftover bytes wait for the next chunk.
- Sizing: raw resources (``cpu_count``, ``memory_mb``, ``disk_size_mb``) checked against the
  published sizes.
"""

from __future__ import annotations

import base64
import json
import pathlib
import shlex
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias
from urllib.parse import urlsplit, urlunsplit

from .._converter import structure
from .._core.sse import ServerSentEvent
from .._events import (
    decode_json,
    iso_datetime,
    new_model,
    payload_type,
    read_json,
    set_raw,
    slot_setters,
)
from ..types.events import Event
from ..types.sandbox_env import EnvVar
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
from ..types.sandbox_files import FileEvent, FileEventType, WrittenFile
from ..types.sandboxes import SIZE_CONTRACTS, SandboxLogLine

__all__ = [
    "Base64JSONBody",
    "DEEP_TREE_DEPTH",
    "EVENT_CLASSES",
    "EnvInput",
    "FileInput",
    "UPLOAD_CHUNK_SIZE",
    "batch_entries",
    "build_spec_payload",
    "check_resources",
    "delete_command",
    "encode_content",
    "env_payload",
    "env_vars_of",
    "file_bytes",
    "is_exit",
    "merge_env",
    "parse_exec_chunk",
    "parse_file_event",
    "parse_log_line",
    "parse_readiness",
    "parse_sandbox_event",
    "process_logs_text",
    "sandbox_host_base_url",
    "sandbox_logs_fields",
    "written_file",
]


# -- stream parsers: one SSE event of a sandbox stream -> one typed item (or None to skip) ---

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

_set = object.__setattr__
_set_raw = set_raw
_set_type, _set_data, _set_id = slot_setters(Event, "type", "data", "id")
_set_line_out, _set_id_out = slot_setters(ExecStdout, "line", "id")
_set_line_err, _set_id_err = slot_setters(ExecStderr, "line", "id")
(
    _set_file_type,
    _set_file_path,
    _set_file_size,
    _set_file_is_dir,
    _set_file_old_path,
    _set_file_id,
) = slot_setters(FileEvent, "type", "path", "size_bytes", "is_dir", "old_path", "id")
_set_log_line, _set_log_stream, _set_log_timestamp, _set_log_id = slot_setters(
    SandboxLogLine, "line", "stream", "timestamp", "id"
)
_FILE_KINDS: dict[str, FileEventType] = {}


def parse_sandbox_event(sse: ServerSentEvent) -> SandboxEvent | None:
    """A typed sandbox event; ``type`` is the SSE ``event:`` name, else the payload's."""
    text = sse.data
    if not text or text == "[DONE]":
        return None
    try:  # decode_json's fast path, inlined on the hot path
        payload = read_json(text.encode())
    except ValueError:
        payload = decode_json(text)
    name = sse.event
    if not name or name == "message":
        name = payload_type(payload)
    if isinstance(payload, dict):
        raw = payload
        data = payload.get("data", payload)
    else:
        raw = {"data": payload}
        data = payload
    event: Any = new_model(EVENT_CLASSES.get(name, UnknownEvent))
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
    decoded = decode_json(text)
    payload: dict[str, Any] = decoded if isinstance(decoded, dict) else {"data": decoded}
    kind = _chunk_kind(sse, payload)
    event_id = sse.id or None
    chunk: Any
    if kind == "stdout" or kind == "stderr":
        line = payload.get("line", payload.get("data", ""))
        if line.__class__ is not str:
            line = str(line)
        # Output lines are the bulk of the stream: filled through the slots (see _events).
        if kind == "stdout":
            chunk = new_model(ExecStdout)
            _set_line_out(chunk, line)
            _set_id_out(chunk, event_id)
        else:
            chunk = new_model(ExecStderr)
            _set_line_err(chunk, line)
            _set_id_err(chunk, event_id)
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
    _set_raw(chunk, payload)
    result: ExecChunk = chunk
    return result


def is_exit(chunk: ExecChunk) -> bool:
    """The exit chunk is the last one: the stream ends after it."""
    return isinstance(chunk, ExecExit)


def _file_kind(kind: str) -> FileEventType:
    known = _FILE_KINDS.get(kind)
    if known is None:
        known = FileEventType(kind)
        if len(_FILE_KINDS) < 64:  # the set is open: keep the cache bounded
            _FILE_KINDS[kind] = known
    return known


def _optional(value: object, kind: type) -> bool:
    return value is None or value.__class__ is kind


def parse_file_event(sse: ServerSentEvent) -> FileEvent | None:
    """A file change; the kind is read from ``type`` or ``event`` (both spellings exist)."""
    text = sse.data
    if not text or text == "[DONE]":
        return None
    try:  # decode_json's fast path, inlined: this runs once per event of the stream
        decoded = read_json(text.encode())
    except ValueError:
        decoded = decode_json(text)
    payload: dict[str, Any] = decoded if decoded.__class__ is dict else {}
    get = payload.get
    kind = get("type") or get("event")
    file_type = _FILE_KINDS.get(kind) if kind.__class__ is str else None
    if file_type is None:
        if not isinstance(kind, str) or not kind:
            kind = sse.event if sse.event and sse.event != "message" else None
        file_type = _file_kind(kind) if kind else None
    path, size, is_dir, old_path = get("path"), get("size_bytes"), get("is_dir"), get("old_path")
    event: Any
    if (
        (path is None or path.__class__ is str)
        and (size is None or size.__class__ is int)
        and (is_dir is None or is_dir.__class__ is bool)
        and (old_path is None or old_path.__class__ is str)
    ):
        # Every value already has its type: filled through the slots (see _events).
        event = new_model(FileEvent)
        _set_file_type(event, file_type)
        _set_file_path(event, path)
        _set_file_size(event, size)
        _set_file_is_dir(event, is_dir)
        _set_file_old_path(event, old_path)
        _set_file_id(event, sse.id or None)
    else:  # a value to convert (or to refuse): the converter decides, as for any model
        fields = {
            k: payload[k] for k in ("path", "size_bytes", "is_dir", "old_path") if k in payload
        }
        event = structure(fields, FileEvent)
        _set(event, "type", file_type)
        _set(event, "id", sse.id or None)
    _set_raw(event, payload)
    result: FileEvent = event
    return result


def _ready_log_line(payload: dict[str, Any], event_id: str | None) -> SandboxLogLine | None:
    """The log line filled through its slots when every value already has its type;
    None when a value needs the converter (which converts it or refuses it)."""
    get = payload.get
    line, stream, stamp = get("line"), get("stream"), get("timestamp")
    if not (_optional(line, str) and _optional(stream, str) and _optional(stamp, str)):
        return None
    timestamp = None
    if stamp is not None:
        timestamp = iso_datetime(stamp)
        if timestamp is None:
            return None
    entry: SandboxLogLine = new_model(SandboxLogLine)
    _set_log_line(entry, line)
    _set_log_stream(entry, stream)
    _set_log_timestamp(entry, timestamp)
    _set_log_id(entry, event_id)
    return entry


def parse_log_line(sse: ServerSentEvent) -> SandboxLogLine | None:
    """One log line: ``{line, stream, timestamp}``, or a plain text line."""
    text = sse.data
    if not text or text == "[DONE]":
        return None
    decoded = decode_json(text)
    payload: dict[str, Any] = decoded if isinstance(decoded, dict) else {"line": str(decoded)}
    entry = _ready_log_line(payload, sse.id or None)
    if entry is None:
        fields = {k: payload[k] for k in ("line", "stream", "timestamp") if k in payload}
        entry = structure(fields, SandboxLogLine)
        _set(entry, "id", sse.id or None)
    _set_raw(entry, payload)
    return entry


def parse_readiness(sse: ServerSentEvent) -> str | None:
    """The readiness stream's verdict: its ``event:`` name (``ready`` / ``timeout``)."""
    if sse.event and sse.event != "message":
        return sse.event
    if not sse.data:
        return None
    return payload_type(decode_json(sse.data))


# -- rules: env-var sets, logs, build specs, the sandbox host -----------------------------------

DEEP_TREE_DEPTH = 32
"""``files.tree(recursive=True)`` asks for this depth: deep enough for any real project
(the contract has no "unbounded" value; its default depth is 3)."""


EnvInput: TypeAlias = Mapping[str, str] | Iterable[EnvVar | Mapping[str, object]]
"""Variables as ``{"KEY": "value"}``, or as `EnvVar` / ``{"key", "value", "encrypted"}``
items (the shape ``env.list()`` returns)."""


def _entry(key: object, value: object, encrypted: object = False) -> dict[str, object]:
    if not isinstance(key, str) or not key:
        raise ValueError(f"env var names must be non-empty strings, not {key!r}")
    if not isinstance(value, str):
        raise ValueError(f"the value of {key} must be a string, not {type(value).__name__}")
    entry: dict[str, object] = {"key": key, "value": value}
    if encrypted:
        entry["encrypted"] = True
    return entry


def env_payload(variables: EnvInput) -> list[dict[str, object]]:
    """The ``vars`` array of ``PUT /env`` for a whole set given in either shape."""
    if isinstance(variables, Mapping):
        return [_entry(k, v) for k, v in variables.items()]
    out: list[dict[str, object]] = []
    for item in variables:
        if isinstance(item, EnvVar):
            out.append(_entry(item.key, item.value, item.encrypted))
        else:
            out.append(_entry(item.get("key"), item.get("value"), item.get("encrypted", False)))
    return out


_ENV_KEYS = ("data", "vars", "env", "items")


def _env_items(payload: Any) -> Any:
    # A list under one of the envelope keys, one level down at most ({"data": {"vars": [...]}}).
    if not isinstance(payload, dict):
        return payload
    for holder in (payload, payload.get("data")):
        if isinstance(holder, dict):
            for key in _ENV_KEYS:
                if isinstance(holder.get(key), list):
                    return holder[key]
    inner = payload.get("data")
    if isinstance(inner, dict):
        return inner.get("env") if isinstance(inner.get("env"), dict) else inner
    if isinstance(payload.get("env"), dict):
        return payload["env"]
    return payload


def env_vars_of(payload: Any) -> list[EnvVar] | None:
    """The variables in an env reply, or None when the reply carries no variable set.

    Accepted: a list of ``{key, value, encrypted}`` (bare, or under ``data``/``vars``/
    ``env``/``items``, also one level down in ``data``), or an object ``{"KEY": "value"}``
    (bare, or under ``data`` or ``env``) whose values are strings (None for a hidden one).
    An object with other values (``{"ok": true}``, ``{"updated": 2}``) is not a set: None.
    """
    items = _env_items(payload)
    if isinstance(items, dict):
        if not all(isinstance(v, str) or v is None for v in items.values()):
            return None
        return [EnvVar(key=k, value=v) for k, v in items.items()]
    if not isinstance(items, list):
        return None
    return [structure(item, EnvVar) for item in items if isinstance(item, dict)]


def merge_env(
    current: Iterable[EnvVar], updates: Mapping[str, str], *, encrypted: bool = False
) -> list[dict[str, object]]:
    """The full set after changing ``updates`` on top of ``current`` (order kept).

    The server replaces the whole set on every write and does not echo encrypted
    values, so a variable whose value came back hidden cannot be written back: that
    raises `ValueError` rather than silently wiping the secret.
    """
    out: list[dict[str, object]] = []
    hidden: list[str] = []
    seen: set[str] = set()
    for var in current:
        if var.key is None or var.key in seen:
            continue
        seen.add(var.key)
        if var.key in updates:
            out.append(_entry(var.key, updates[var.key], encrypted))
        elif var.value is None:
            hidden.append(var.key)
        else:
            out.append(_entry(var.key, var.value, var.encrypted))
    if hidden:
        raise ValueError(
            "cannot update single variables: the server hides the values of "
            f"{', '.join(sorted(hidden))}, and writing the set back would erase them; "
            "use env.replace(...) with every variable's value"
        )
    out.extend(_entry(k, v, encrypted) for k, v in updates.items() if k not in seen)
    return out


def process_logs_text(payload: Any) -> str:
    """A process's log text: a string under ``data`` (or ``logs``), or a bare string."""
    if isinstance(payload, str):
        return payload
    if isinstance(payload, dict):
        for holder in (payload, payload.get("data")):
            if isinstance(holder, dict):
                for key in ("data", "logs", "output"):
                    if isinstance(holder.get(key), str):
                        return str(holder[key])
                lines = holder.get("lines")
                if isinstance(lines, list):
                    return "".join(f"{line}\n" for line in lines)
    return ""


def sandbox_logs_fields(payload: Any) -> dict[str, Any]:
    """``{"lines": [...], "entries": [...]}`` from a logs reply: ``{data: {lines}}``, a bare
    object, a list of lines, or one string (split into lines)."""
    data = payload.get("data", payload) if isinstance(payload, dict) else payload
    if isinstance(data, str):
        return {"lines": data.splitlines()}
    if isinstance(data, list):
        return {"lines": [str(line) for line in data]}
    if not isinstance(data, dict):
        return {}
    lines = data.get("lines")
    if isinstance(lines, str):
        lines = lines.splitlines()
    fields: dict[str, Any] = {"lines": [str(x) for x in lines] if isinstance(lines, list) else []}
    entries = data.get("entries")
    if isinstance(entries, list):
        fields["entries"] = [e for e in entries if isinstance(e, dict)]
    return fields


_BUILD_SPEC_KEYS = {
    "memory_mib": "memoryMib",
    "disk_mib": "diskMib",
    "start_cmd": "startCmd",
    "ready_cmd": "readyCmd",
    "preview_port": "previewPort",
    "artifact_paths": "artifactPaths",
}


def build_spec_payload(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A build spec as the API wants it: camelCase keys (``memoryMib``, ``startCmd`` ...),
    with their snake_case spellings translated; other keys are kept as given."""
    return {_BUILD_SPEC_KEYS.get(key, key): value for key, value in spec.items()}


def sandbox_host_base_url(base_url: str) -> str:
    """The base URL of the per-sandbox host that serves ``files/tree`` and ``files/watch``.

    On the public API those two routes are served by ``sandboxes.<domain>``, not by
    ``api.<domain>`` (there the legacy ``GET /sandboxes/{id}/files/{path}`` download route
    takes the path). A base URL whose host starts with ``api.`` gets that label replaced by
    ``sandboxes.`` (scheme, port and ``/api/v1`` path kept); any other base URL (a local
    server, a proxy, a custom domain) is returned unchanged and serves them itself.
    """
    parts = urlsplit(base_url)
    netloc = parts.netloc
    at = netloc.rfind("@") + 1
    if netloc[at : at + 4].lower() != "api.":
        return base_url
    return urlunsplit(parts._replace(netloc=netloc[:at] + "sandboxes." + netloc[at + 4 :]))


# -- files: base64 bodies, batch-write entries, file paths -------------------------------

UPLOAD_CHUNK_SIZE = 3 * 256 * 1024
"""Raw bytes read per upload chunk (768 KiB, 1 MiB once encoded); a multiple of 3."""

FileInput: TypeAlias = tuple[str, str | bytes] | Mapping[str, str | bytes]
"""One file of a batch write: ``(path, content)`` or ``{"path": ..., "content": ...}``;
``str`` content is written as UTF-8."""


def str_upload_source(source: str, *, is_local_file: bool) -> pathlib.Path:
    """What an ``upload(path, "...")`` string means: only a `os.PathLike` names a local file
    without doubt, so a ``str`` that is an existing local file is still read (with a
    `DeprecationWarning`) and any other ``str`` is refused, never guessed at.

    ``stacklevel`` points the warning at the caller of ``files.upload``.
    """
    if not is_local_file:
        raise TypeError(
            f"files.upload() got a str that is not a local file ({source[:60]!r}); pass "
            "pathlib.Path(...) to upload a local file, or use files.write(path, text) (or "
            "bytes) to write content"
        )
    warnings.warn(
        "files.upload() with a str local path is deprecated: pass pathlib.Path(...) "
        "(a str that is not a local file is refused, so content is never mistaken for a path)",
        DeprecationWarning,
        stacklevel=3,
    )
    return pathlib.Path(source)


def _as_bytes(content: str | bytes | bytearray | memoryview) -> bytes:
    if isinstance(content, str):
        return content.encode("utf-8")
    if isinstance(content, (bytes, bytearray, memoryview)):
        return bytes(content)
    raise TypeError(f"file content must be str or bytes, not {type(content).__name__}")


def encode_content(content: str | bytes) -> str:
    """Base64 of the content (``str`` is encoded as UTF-8 first)."""
    return base64.b64encode(_as_bytes(content)).decode("ascii")


def file_bytes(content_type: str, content: bytes) -> bytes:
    """The file behind a ``GET /files/{path}`` reply: the raw body, or, when the server
    answered ``application/json`` with a file envelope (``{"data": {"content": ...}}`` or
    ``{"content": ..., "encoding": "base64"}``), the base64 content it carries.

    Anything else (a JSON file served as it is, say) is returned unchanged.
    """
    if "json" not in content_type.split(";", 1)[0].lower():
        return content
    try:
        payload = json.loads(content)
    except (ValueError, RecursionError):
        return content
    if not isinstance(payload, dict):
        return content
    data = payload.get("data")
    envelope = data if isinstance(data, dict) else payload
    encoded = envelope.get("content")
    encoding = envelope.get("encoding", "base64" if envelope is data else None)
    if not isinstance(encoded, str) or encoding not in ("base64", "utf-8", "utf8"):
        return content
    if encoding != "base64":
        return encoded.encode("utf-8")
    try:
        return base64.b64decode(encoded, validate=True)
    except ValueError:
        return content


def batch_entries(files: Iterable[FileInput], content_key: str) -> list[dict[str, str]]:
    """``[{"path": ..., <content_key>: base64}]`` for the batch-write routes."""
    entries: list[dict[str, str]] = []
    for item in files:
        if isinstance(item, Mapping):
            if "path" not in item or "content" not in item:
                raise ValueError("each file needs a 'path' and a 'content'")
            path, content = item["path"], item["content"]
        else:
            path, content = item
        if not isinstance(path, str) or not path:
            raise ValueError(f"file path must be a non-empty string, not {path!r}")
        entries.append({"path": path, content_key: encode_content(content)})
    return entries


class Base64JSONBody:
    """``{<fields>, "<key>": "<base64>"}`` as a sequence of byte pieces.

    ``head()``, then ``feed(chunk)`` for every chunk of raw bytes, then ``tail()``;
    joined, the pieces are exactly ``json.dumps({**fields, key: b64(all bytes)})``.
    """

    __slots__ = ("_fields", "_key", "_rest")

    def __init__(self, fields: Mapping[str, object], key: str = "content") -> None:
        self._fields = dict(fields)
        self._key = key
        self._rest = b""

    def head(self) -> bytes:
        opening = json.dumps(self._fields, separators=(",", ":"), ensure_ascii=False)[:-1]
        comma = "," if self._fields else ""
        return (opening + comma + json.dumps(self._key) + ':"').encode("utf-8")

    def feed(self, chunk: bytes) -> bytes:
        """Encode as much of ``chunk`` as keeps the base64 aligned; keep the rest."""
        data = self._rest + chunk if self._rest else chunk
        cut = len(data) - len(data) % 3
        self._rest = data[cut:]
        return base64.b64encode(data[:cut]) if cut else b""

    def tail(self) -> bytes:
        rest, self._rest = self._rest, b""
        return base64.b64encode(rest) + b'"}'

    def length(self, raw_size: int) -> int:
        """The whole body's size in bytes for ``raw_size`` bytes of content."""
        return len(self.head()) + 4 * ((raw_size + 2) // 3) + 2


def written_file(payload: Any, path: str, size: int | None) -> WrittenFile:
    """What a single-file write reports: the server's ``{path, size_bytes}`` when it sent
    them (bare or under ``data``), else the path and size that were sent (204 replies)."""
    data = payload.get("data", payload) if isinstance(payload, dict) else None
    fields: dict[str, Any] = {"path": path, "size_bytes": size}
    if isinstance(data, dict):
        fields.update({k: data[k] for k in ("path", "size_bytes") if data.get(k) is not None})
    written = structure(fields, WrittenFile)
    object.__setattr__(written, "_raw", data if isinstance(data, dict) else {})
    return written


def delete_command(path: str) -> dict[str, str]:
    """The ``POST /exec`` body `files.delete` sends (the API has no file-delete route).

    ``path`` is made absolute (as the file routes read it), must name something other
    than ``/`` and ``/workspace`` itself, and may not hold empty, ``.`` or ``..`` segments
    (so it means exactly the file asked for); it is shell-quoted. A path inside
    ``/workspace`` is given relative to ``cwd: /workspace``, which names the same file on
    a server that maps the workspace elsewhere (a local server without isolation).
    """
    trimmed = path.strip("/")
    if not trimmed or "\x00" in path or any(s in ("", ".", "..") for s in trimmed.split("/")):
        raise ValueError(f"invalid file path {path!r}")
    if trimmed == "workspace":
        raise ValueError("refusing to delete /workspace itself")
    if trimmed.startswith("workspace/"):
        relative = trimmed.removeprefix("workspace/")
        return {"command": "rm -r -- " + shlex.quote(relative), "cwd": "/workspace"}
    return {"command": "rm -r -- " + shlex.quote("/" + trimmed)}


# -- sizing: raw resources against the published sizes -----------------------------------


def _tier_for(cpu_count: int | None, memory_mb: int | None) -> str | None:
    for size, (cpus, memory, _) in SIZE_CONTRACTS.items():
        if (cpus, memory) == (cpu_count, memory_mb):
            return size
    return None


def check_resources(
    size: str | None, cpu_count: int | None, memory_mb: int | None, disk_mb: int | None
) -> None:
    """Refuse raw resources the API cannot place; they are sent as given, never as a size.

    A ``(cpu_count, memory_mb)`` pair equal to a published size may come without a disk
    (the size's floor applies) or with any; a pair off the published sizes is a custom
    shape and needs all three values. An explicit ``size`` must be the one the pair names.
    Without ``cpu_count`` and ``memory_mb`` anything goes (a lone disk is a floor).
    """
    if cpu_count is None and memory_mb is None:
        return
    tier = _tier_for(cpu_count, memory_mb)
    given = f"{cpu_count if cpu_count is not None else '?'} vCPU / "
    given += f"{memory_mb if memory_mb is not None else '?'} MiB"
    if tier is None and (cpu_count is None or memory_mb is None or disk_mb is None):
        sizes = ", ".join(f"{s} ({c}/{m})" for s, (c, m, _) in SIZE_CONTRACTS.items())
        raise ValueError(
            f"{given} is not a published size ({sizes}); give cpu_count, memory_mb and "
            "disk_size_mb together for a custom shape, or pass size"
        )
    if size is not None and size != tier:
        raise ValueError(f"{given} does not match the requested size {size!r}")


# The agent workspace defaults: a day of life, asleep after 30 idle minutes, the last
# snapshot kept for 30 days.
AGENT_WORKSPACE_TIMEOUT_SEC = 86_400
AGENT_WORKSPACE_IDLE_TIMEOUT_SEC = 1_800
AGENT_WORKSPACE_SNAPSHOT_EXPIRATION_SEC = 30 * 86_400
AGENT_WORKSPACE_KEEP_LAST_SNAPSHOTS = 1


def agent_workspace_metadata(
    metadata: Mapping[str, Any] | None,
    snapshot_expiration_sec: int,
    keep_last_snapshots: int | Mapping[str, Any],
) -> dict[str, Any]:
    """An agent workspace's metadata: the caller's, plus its kind and snapshot policy
    (the API reads the policy from metadata; a kind the caller set is kept)."""
    out = dict(metadata or {})
    out.setdefault("miosa_workspace_kind", "agent_workspace")
    out["miosa_persistent"] = True
    out["snapshot_expiration_sec"] = snapshot_expiration_sec
    out["keep_last_snapshots"] = (
        keep_last_snapshots if isinstance(keep_last_snapshots, int) else dict(keep_last_snapshots)
    )
    return out
