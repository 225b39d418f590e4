"""``computer.files``: files inside a computer, under ``/computers/{id}/files``."""

from __future__ import annotations

import builtins
import os
import posixpath
from pathlib import Path
from typing import IO

from ...._concurrency import ato_thread
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query
from ...._groups.computers import encode_content, file_list_payload, octal_mode, scoped_path
from ....types.computers import (
    ComputerDirEntry,
    ComputerFileEntry,
    ComputerFileExport,
    ComputerFileList,
    ComputerFileStat,
    DesktopActionResult,
)
from ..._resource import AsyncScopedResource
from ..._upload import path_and_file_form
from ...streams import AsyncByteStream

_DIR_KEYS = ("data", "entries", "items")


class AsyncComputerFiles(AsyncScopedResource):
    """``computer.files``: read, write and manage files in the VM (absolute paths)."""

    @property
    def _base(self) -> str:
        return self._prefix + "/files"

    async def upload(
        self,
        path: str,
        content: bytes | bytearray | memoryview | str,
        *,
        encoding: str = "utf-8",
        **options: Unpack[RequestOptions],
    ) -> ComputerFileEntry:
        """Write `content` to `path` (text is encoded with `encoding`).

        ``POST /computers/{computer_id}/files/write``. The API takes JSON only, so the
        bytes travel base64-encoded in ``content_base64``.
        """
        payload = {"path": path, "content_base64": encode_content(content, encoding)}
        return await self._object(
            "POST", self._base + "/write", ComputerFileEntry, json=payload, options=options
        )

    write = upload

    async def upload_file(self, path: str, local_path: str | os.PathLike[str]) -> ComputerFileEntry:
        """Upload a local file to `path`. ``POST /computers/{computer_id}/files/write``."""
        content = await ato_thread(Path(local_path).read_bytes)
        return await self.upload(path, content)

    async def upload_form(
        self,
        path: str,
        file: bytes | os.PathLike[str] | IO[bytes],
        *,
        filename: str | None = None,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> DesktopActionResult:
        """Write `file` to `path` as ``multipart/form-data`` (no base64 inflation).

        ``POST /computers/{computer_id}/files/upload`` with the fields ``path`` and
        ``file``. `file` is bytes, a local path (``pathlib.Path``) or a binary file
        object; paths and file objects are streamed in chunks. `filename` (default: the
        base name of `path`) and `content_type` describe the file part. The reply is an
        acknowledgement (``success``, ``message``).
        """
        content, headers = await path_and_file_form(
            path, file, filename=filename, content_type=content_type
        )
        return await self._object(
            "POST",
            self._base + "/upload",
            DesktopActionResult,
            content=content,
            headers=headers,
            options=options,
        )

    async def list(
        self, path: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[ComputerFileEntry]:
        """The entries of a directory (the server's default one without `path`).

        ``GET /computers/{computer_id}/files``. The entries may come as
        ``{entries, path}``, ``{"data": [...]}`` or a bare array; a reply without
        entries is an empty directory.
        """
        listing = await self._object(
            "GET",
            self._base,
            ComputerFileList,
            params=query(path=path),
            prepare=file_list_payload,
            options=options,
        )
        return builtins.list(listing.entries)

    def download(self, path: str, *, chunk_size: int = 1 << 20) -> AsyncByteStream:
        """Stream a file in chunks; connects when entered.

        ``GET /computers/{computer_id}/files/download``. ``async with
        computer.files.download(p) as body: await body.write_to(local)``.
        """
        return self._download(
            "GET", self._base + "/download", params={"path": path}, chunk_size=chunk_size
        )

    async def read(self, path: str, **options: Unpack[RequestOptions]) -> bytes:
        """A whole file as bytes. ``GET /computers/{computer_id}/files/download``."""
        return await self._bytes(
            "GET", self._base + "/download", params={"path": path}, options=options
        )

    async def read_text(self, path: str, *, encoding: str = "utf-8") -> str:
        """A whole file decoded as text. ``GET /computers/{computer_id}/files/download``."""
        return (await self.read(path)).decode(encoding)

    async def export(self, path: str, **options: Unpack[RequestOptions]) -> ComputerFileExport:
        """A temporary signed download URL. ``POST /computers/{computer_id}/files/export``."""
        return await self._object(
            "POST", self._base + "/export", ComputerFileExport, json={"path": path}, options=options
        )

    async def delete(self, path: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a file or directory. ``DELETE /computers/{computer_id}/files`` (JSON body)."""
        await self._none("DELETE", self._base, json={"path": path}, options=options)

    async def stat(self, path: str, **options: Unpack[RequestOptions]) -> ComputerFileStat:
        """``lstat`` a path (no symlink follow). ``POST /computers/{computer_id}/files/stat``."""
        return await self._object(
            "POST", self._base + "/stat", ComputerFileStat, json={"path": path}, options=options
        )

    async def mkdir(
        self,
        path: str,
        *,
        recursive: bool = True,
        mode: int | str = 0o755,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Create a directory (parents too unless ``recursive=False``).

        ``POST /computers/{computer_id}/files/mkdir``; `mode` goes out as ``"0755"``.
        """
        payload = {"path": path, "recursive": recursive, "mode": octal_mode(mode)}
        await self._none("POST", self._base + "/mkdir", json=payload, options=options)

    async def rename(self, from_: str, to: str, **options: Unpack[RequestOptions]) -> None:
        """Move `from_` to `to`. ``POST /computers/{computer_id}/files/rename``."""
        await self._none(
            "POST", self._base + "/rename", json={"from": from_, "to": to}, options=options
        )

    async def copy(
        self, from_: str, to: str, *, recursive: bool = False, **options: Unpack[RequestOptions]
    ) -> None:
        """Copy `from_` to `to` (``recursive=True`` for directories).

        ``POST /computers/{computer_id}/files/copy``.
        """
        payload = {"from": from_, "to": to, "recursive": recursive}
        await self._none("POST", self._base + "/copy", json=payload, options=options)

    async def chmod(self, path: str, mode: int | str, **options: Unpack[RequestOptions]) -> None:
        """Change permissions (``0o755`` or ``"0755"``).

        ``POST /computers/{computer_id}/files/chmod``.
        """
        await self._none(
            "POST",
            self._base + "/chmod",
            json={"path": path, "mode": octal_mode(mode)},
            options=options,
        )

    async def readdir(
        self, path: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ComputerDirEntry]:
        """A typed directory listing. ``GET /computers/{computer_id}/files/readdir``."""
        return await self._list(
            "GET",
            self._base + "/readdir",
            ComputerDirEntry,
            params={"path": path},
            keys=_DIR_KEYS,
            options=options,
        )


class AsyncScopedFs:
    """`computer.files` with paths relative to one working directory.

    ``fs = computer.fs("/workspace")``; ``await fs.write("main.py", "print(1)")`` writes
    ``/workspace/main.py``. Absolute paths stand for themselves; ``..`` is folded, and
    may leave the directory (this is a convenience, not a boundary). Every method makes
    the same request as its `computer.files` namesake.
    """

    def __init__(self, files: AsyncComputerFiles, working_dir: str) -> None:
        if not working_dir.startswith("/"):
            raise ValueError(f"working_dir must be an absolute path, not {working_dir!r}")
        self._files = files
        self.working_dir = posixpath.normpath(working_dir)

    def path(self, path: str = ".") -> str:
        """The absolute path ``path`` names here."""
        return scoped_path(self.working_dir, path)

    async def write(
        self,
        path: str,
        content: bytes | bytearray | memoryview | str,
        *,
        encoding: str = "utf-8",
    ) -> ComputerFileEntry:
        """Write a file. ``POST /computers/{computer_id}/files/write``."""
        return await self._files.upload(self.path(path), content, encoding=encoding)

    async def read(self, path: str) -> bytes:
        """A whole file. ``GET /computers/{computer_id}/files/download``."""
        return await self._files.read(self.path(path))

    async def read_text(self, path: str, *, encoding: str = "utf-8") -> str:
        """A whole file as text. ``GET /computers/{computer_id}/files/download``."""
        return await self._files.read_text(self.path(path), encoding=encoding)

    async def readdir(self, path: str = ".") -> builtins.list[ComputerDirEntry]:
        """A typed directory listing. ``GET /computers/{computer_id}/files/readdir``."""
        return await self._files.readdir(self.path(path))

    async def list(self, path: str = ".") -> builtins.list[ComputerFileEntry]:
        """The entries of a directory. ``GET /computers/{computer_id}/files``."""
        return await self._files.list(self.path(path))

    async def stat(self, path: str) -> ComputerFileStat:
        """``lstat`` a path. ``POST /computers/{computer_id}/files/stat``."""
        return await self._files.stat(self.path(path))

    async def mkdir(self, path: str, *, recursive: bool = True, mode: int | str = 0o755) -> None:
        """Create a directory. ``POST /computers/{computer_id}/files/mkdir``."""
        await self._files.mkdir(self.path(path), recursive=recursive, mode=mode)

    async def delete(self, path: str) -> None:
        """Delete a file or directory. ``DELETE /computers/{computer_id}/files``."""
        await self._files.delete(self.path(path))

    async def rename(self, from_: str, to: str) -> None:
        """Move a path. ``POST /computers/{computer_id}/files/rename``."""
        await self._files.rename(self.path(from_), self.path(to))

    async def copy(self, from_: str, to: str, *, recursive: bool = False) -> None:
        """Copy a path. ``POST /computers/{computer_id}/files/copy``."""
        await self._files.copy(self.path(from_), self.path(to), recursive=recursive)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.working_dir!r})"
