"""Progress reports for long transfers (``files.upload(..., progress=)``, ``write_to``)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from typing import TypeAlias

__all__ = ["ProgressCallback", "ProgressMeter", "body_size", "path_size", "source_size"]

ProgressCallback: TypeAlias = Callable[[int, "int | None"], object]
"""Called as ``progress(done, total)`` while bytes move: ``done`` bytes so far, ``total`` the
size when it is known up front (else None). Called once with ``done=0`` before the first
byte, then after each chunk; the last call has ``done`` equal to the bytes moved."""


class ProgressMeter:
    """Counts bytes and reports them to a `ProgressCallback` (or to nobody)."""

    __slots__ = ("_callback", "done", "total")

    def __init__(self, callback: ProgressCallback | None, total: int | None) -> None:
        self._callback = callback
        self.total = total
        self.done = 0

    def start(self) -> None:
        if self._callback is not None:
            self._callback(0, self.total)

    def advance(self, count: int) -> None:
        self.done += count
        if self._callback is not None and count:
            self._callback(self.done, self.total)


def path_size(path: str | os.PathLike[str]) -> int | None:
    """A local file's size, or None when the path names a named pipe, a device or anything
    else that is not a regular file: its size (0) says nothing of what reading it gives, and
    reading it again does not give the same bytes."""
    status = os.stat(path)
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def source_size(source: object) -> int | None:
    """Bytes left to read from an upload source, when that can be known without reading."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return len(source)
    if isinstance(source, (str, os.PathLike)):
        return path_size(source)
    fileno = getattr(source, "fileno", None)
    tell = getattr(source, "tell", None)
    if fileno is None or tell is None:
        return None
    try:
        status = os.fstat(fileno())
        position = tell()
    except (OSError, ValueError):  # not a real file (a socket, a BytesIO ...)
        return None
    if not stat.S_ISREG(status.st_mode) or not isinstance(position, int):
        return None
    return max(0, status.st_size - position)


def body_size(headers: Mapping[str, str]) -> int | None:
    """A response body's size from ``Content-Length``, unless it is encoded (gzip ...):
    then the decoded bytes written differ from the length announced."""
    if headers.get("content-encoding", "identity").lower() not in ("", "identity"):
        return None
    try:
        length = int(headers.get("content-length", ""))
    except ValueError:
        return None
    return length if length >= 0 else None
