# This file was generated from
#   src/miosa/_async/resources/open_computers/files.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""A host's file system: ``/opencomputers/hosts/{host_id}/fs``."""

from __future__ import annotations

import builtins
import os
from typing import IO

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query
from ....types.open_computers import (
    OpenComputerFileEntry,
    OpenComputerFileList,
    OpenComputerFileStat,
)
from ..._upload import path_and_file_form
from ...streams import ByteStream
from ._base import OpenComputersResource, host_path

_CHUNK = 1 << 20


class OpenComputerFiles(OpenComputersResource):
    """``client.open_computers.files``: list, read, write and delete files on a host."""

    def list(
        self, host_id: str, path: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerFileEntry]:
        """The entries of a directory. ``GET /opencomputers/hosts/{host_id}/fs?path=...``.

        The reply is ``{path, entries}`` (under ``data`` or not); a reply without entries is
        an empty directory.
        """
        listing = self._object(
            "GET",
            host_path("/fs", host_id),
            OpenComputerFileList,
            params=query(path=path),
            options=options,
        )
        return builtins.list(listing.entries or ())

    def stat(
        self, host_id: str, path: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerFileStat:
        """Describe a path (symlinks not followed).

        ``GET /opencomputers/hosts/{host_id}/fs/stat?path=...``.
        """
        return self._object(
            "GET",
            host_path("/fs/stat", host_id),
            OpenComputerFileStat,
            params=query(path=path),
            options=options,
        )

    def download(self, host_id: str, path: str, **options: Unpack[RequestOptions]) -> bytes:
        """Read a whole file into memory. ``GET /opencomputers/hosts/{host_id}/fs/download``.

        For large files use `download_stream`.
        """
        return self._bytes(
            "GET", host_path("/fs/download", host_id), params=query(path=path), options=options
        )

    def download_stream(self, host_id: str, path: str, *, chunk_size: int = _CHUNK) -> ByteStream:
        """Stream a file in chunks. ``GET /opencomputers/hosts/{host_id}/fs/download``.

        ``with files.download_stream(host_id, path) as body:`` then
        ``for chunk in body`` or ``body.write_to(local_path)``.
        """
        return self._download(
            "GET",
            host_path("/fs/download", host_id),
            params=query(path=path),
            chunk_size=chunk_size,
        )

    def upload(
        self,
        host_id: str,
        path: str,
        file: bytes | os.PathLike[str] | IO[bytes],
        *,
        filename: str | None = None,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerFileEntry:
        """Write `file` to `path` (absolute) on the host, as ``multipart/form-data``.

        ``POST /opencomputers/hosts/{host_id}/fs/upload`` with the fields ``path`` and
        ``file``. `file` is bytes, a local path (``pathlib.Path``) or a binary file object;
        paths and file objects are streamed in chunks, never read whole. `filename`
        (default: the base name of `path`) and `content_type` (default: guessed from the
        name) describe the file part.
        """
        content, headers = path_and_file_form(
            path, file, filename=filename, content_type=content_type
        )
        return self._object(
            "POST",
            host_path("/fs/upload", host_id),
            OpenComputerFileEntry,
            content=content,
            headers=headers,
            options=options,
        )

    def delete(
        self, host_id: str, path: str, *, recursive: bool = False, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a file, or a directory with ``recursive=True``.

        ``DELETE /opencomputers/hosts/{host_id}/fs?path=...&recursive=...`` (the options go
        in the query string, not a body).
        """
        self._none(
            "DELETE",
            host_path("/fs", host_id),
            params=query(path=path, recursive=recursive),
            options=options,
        )

    def mkdir(self, host_id: str, path: str, **options: Unpack[RequestOptions]) -> None:
        """Create a directory and any missing parents.

        ``POST /opencomputers/hosts/{host_id}/fs/mkdir``.
        """
        self._none("POST", host_path("/fs/mkdir", host_id), json={"path": path}, options=options)
