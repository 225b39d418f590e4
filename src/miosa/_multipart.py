"""Pure ``multipart/form-data`` framing for streamed uploads.

The transport sends a raw body, so the SDK frames the form itself: text fields and the
file part's headers go before the file's bytes (`MultipartForm.head`), the closing
boundary after them (`MultipartForm.tail`). The file's bytes are never copied here, so a
large file can be streamed between the two from a path or a file object.
"""

from __future__ import annotations

import mimetypes
import os
import secrets
from collections.abc import Mapping
from typing import IO

import attrs

from ._core.progress import path_size

__all__ = ["MultipartForm", "build_form", "file_size", "quote_param"]

_CRLF = b"\r\n"
# The HTML5 form escaping (as browsers and httpx do it): the quote and control characters
# are percent-encoded, so a file name can never end the parameter or the header early.
_PARAM_ESCAPES = {'"': "%22", "\\": "\\\\"} | {
    chr(c): f"%{c:02X}" for c in range(0x20) if c != 0x1B
}


def quote_param(value: str) -> str:
    """A ``Content-Disposition`` parameter value, escaped, without the surrounding quotes."""
    return "".join(_PARAM_ESCAPES.get(ch, ch) for ch in value)


@attrs.frozen
class MultipartForm:
    """One form: the bytes before and after the file content, and the headers to send."""

    boundary: str
    head: bytes
    tail: bytes

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def headers(self, file_size: int | None) -> dict[str, str]:
        """Request headers; ``Content-Length`` only when the file's size is known."""
        headers = {"Content-Type": self.content_type}
        if file_size is not None:
            headers["Content-Length"] = str(len(self.head) + file_size + len(self.tail))
        return headers

    def encode(self, content: bytes) -> bytes:
        """The whole body, for content that is already in memory."""
        return self.head + content + self.tail


def build_form(
    *,
    fields: Mapping[str, str],
    file_field: str,
    filename: str,
    file_content_type: str | None = None,
    boundary: str | None = None,
) -> MultipartForm:
    """Frame `fields` (sent first, in order) and one file part named `file_field`.

    The file part's type is guessed from `filename` unless given.
    """
    boundary = boundary or secrets.token_hex(16)
    if file_content_type is None:
        file_content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    marker = b"--" + boundary.encode("ascii")
    head = bytearray()
    for name, value in fields.items():
        head += marker + _CRLF
        head += f'Content-Disposition: form-data; name="{quote_param(name)}"'.encode()
        head += _CRLF + _CRLF + value.encode("utf-8") + _CRLF
    head += marker + _CRLF
    head += (
        f'Content-Disposition: form-data; name="{quote_param(file_field)}"; '
        f'filename="{quote_param(filename)}"'
    ).encode()
    head += _CRLF + f"Content-Type: {file_content_type}".encode("ascii") + _CRLF + _CRLF
    tail = _CRLF + marker + b"--" + _CRLF
    return MultipartForm(boundary=boundary, head=bytes(head), tail=tail)


def file_size(source: bytes | os.PathLike[str] | IO[bytes]) -> int | None:
    """Bytes left to read from `source`, or None when that cannot be known up front."""
    if isinstance(source, bytes):
        return len(source)
    if isinstance(source, os.PathLike):
        return path_size(source)
    try:
        if not source.seekable():
            return None
        position = source.tell()
        end = source.seek(0, os.SEEK_END)
        source.seek(position)
    except (OSError, AttributeError, ValueError):
        return None
    return max(end - position, 0)


def rewind_point(source: object) -> int | None:
    """Where a seekable binary file object stands now (its body starts there, and a retry
    seeks back to it); None for anything that cannot be read twice that way."""
    try:
        if not source.seekable():  # type: ignore[attr-defined]
            return None
        return int(source.tell())  # type: ignore[attr-defined]
    except (OSError, AttributeError, ValueError):
        return None
