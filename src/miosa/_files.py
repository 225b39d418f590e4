"""Pure helpers for sandbox files: base64 bodies (built whole or piece by piece),
batch-write entries, and the file paths the routes take.

Sandbox file content travels as base64 inside JSON (``{"path": ..., "content": ...}``).
`Base64JSONBody` writes that body incrementally so an upload of any size is streamed
with only one chunk in memory: raw bytes are encoded in runs whose length is a multiple
of 3 (base64 maps 3 bytes to 4 characters, so no padding appears mid-stream) and the
0-2 leftover bytes wait for the next chunk.
"""

from __future__ import annotations

import base64
import json
import shlex
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from ._converter import structure
from .types.sandbox_files import WrittenFile

__all__ = [
    "UPLOAD_CHUNK_SIZE",
    "Base64JSONBody",
    "FileInput",
    "batch_entries",
    "delete_command",
    "encode_content",
    "file_bytes",
    "written_file",
]

UPLOAD_CHUNK_SIZE = 3 * 256 * 1024
"""Raw bytes read per upload chunk (768 KiB, 1 MiB once encoded); a multiple of 3."""

FileInput: TypeAlias = tuple[str, str | bytes] | Mapping[str, str | bytes]
"""One file of a batch write: ``(path, content)`` or ``{"path": ..., "content": ...}``;
``str`` content is written as UTF-8."""


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
    except ValueError:
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
