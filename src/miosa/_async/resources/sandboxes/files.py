"""Files inside a sandbox: ``/sandboxes/{id}/files...``.

Content travels as base64 inside JSON. Uploads are streamed: the JSON body is produced
piece by piece from a path, a binary file object or an (async) iterator of bytes, so a
file of any size is never whole in memory; downloads are read in chunks.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from functools import partial
from typing import TYPE_CHECKING, BinaryIO, TypeAlias, cast

from ...._concurrency import aclosing, aread_chunks, ato_thread
from ...._core.call_options import RequestOptions, Unpack
from ...._core.progress import ProgressCallback, ProgressMeter, source_size
from ...._core.request import NOT_GIVEN, file_path_param, query
from ...._groups.sandbox import (
    DEEP_TREE_DEPTH,
    UPLOAD_CHUNK_SIZE,
    Base64JSONBody,
    FileInput,
    batch_entries,
    delete_command,
    encode_content,
    file_bytes,
    parse_file_event,
    sandbox_host_base_url,
    str_upload_source,
    written_file,
)
from ...._multipart import rewind_point
from ....errors import MiosaError
from ....types.sandbox_files import (
    FileEntry,
    FileEvent,
    FileList,
    FileStat,
    FileTreeNode,
    WriteManyResult,
    WrittenFile,
)
from ....types.sandboxes import ExecResult
from ..._http import AsyncHTTP, AsyncReplayableBody, Content
from ..._resource import AsyncScopedResource
from ...streams import AsyncByteStream, AsyncEventStream

if TYPE_CHECKING:
    from ...client import AsyncMiosa

UploadSource: TypeAlias = bytes | AsyncIterable[bytes] | BinaryIO | os.PathLike[str] | str
"""What `AsyncSandboxFiles.upload` reads: bytes, an iterator of bytes, a binary file
object opened for reading, or a local file path (`pathlib.Path`; a ``str`` path is
deprecated)."""

_Readable: TypeAlias = bytes | AsyncIterable[bytes] | BinaryIO | os.PathLike[str]

_JSON = {"Content-Type": "application/json"}


class AsyncSandboxHostRoutes(AsyncScopedResource):
    """The same sandbox's routes, sent to the per-sandbox host (`sandbox_host_base_url`)."""

    def __init__(self, client: AsyncMiosa, prefix: str, http: AsyncHTTP) -> None:
        super().__init__(client, prefix)
        self._host_http = http

    @property
    def _http(self) -> AsyncHTTP:
        return self._host_http


class AsyncSandboxFiles(AsyncScopedResource):
    """``sandbox.files``: read, write, upload, download, list and watch files."""

    def __init__(self, client: AsyncMiosa, prefix: str) -> None:
        super().__init__(client, prefix)
        self._host_routes: AsyncSandboxHostRoutes | None = None

    @property
    def _on_sandbox_host(self) -> AsyncSandboxHostRoutes:
        # Same pool, same credentials and retries; only the host differs (when it does).
        if self._host_routes is None:
            http = self._client._http
            base = sandbox_host_base_url(http.options.base_url)
            if base != http.options.base_url:
                http = AsyncHTTP(http.options._replace(base_url=base), http.pool)
            self._host_routes = AsyncSandboxHostRoutes(self._client, self._prefix, http)
        return self._host_routes

    def _file_path(self, path: str) -> str:
        return self._prefix + "/files/" + file_path_param(path)

    async def read(self, path: str) -> bytes:
        """A file's bytes. ``GET /sandboxes/{sandbox_id}/files/{path}``.

        For large files use `download`, which never holds the whole file.

        Args:
            path: the file's path in the sandbox (absolute, or relative to ``/``); ``..``
                is refused with `ValueError`.
        """
        response = await self._http.request("GET", self._file_path(path))
        return file_bytes(response.headers.get("content-type", ""), response.content)

    async def read_text(self, path: str, encoding: str = "utf-8") -> str:
        """A file decoded as text. ``GET /sandboxes/{sandbox_id}/files/{path}``."""
        return (await self.read(path)).decode(encoding)

    def download(self, path: str, *, chunk_size: int = 1 << 20) -> AsyncByteStream:
        """Stream a file out of the sandbox. ``GET /sandboxes/{sandbox_id}/files/{path}``.

        ``async with sandbox.files.download(p) as body:`` then ``async for chunk in body``
        (chunks of at most ``chunk_size`` bytes) or ``await body.write_to(local_path)``.
        """
        return self._download("GET", self._file_path(path), chunk_size=chunk_size)

    async def _post_file(
        self, path: str, size: int | None, *, json: object = NOT_GIVEN, content: Content = None
    ) -> WrittenFile:
        headers = None
        if content is not None:
            headers = dict(_JSON)
            if size is not None:
                headers["Content-Length"] = str(Base64JSONBody({"path": path}).length(size))
        payload, _ = await self._json(
            "POST", self._prefix + "/files", json=json, content=content, headers=headers
        )
        return written_file(payload, path, size)

    async def write(self, path: str, content: str | bytes) -> WrittenFile:
        """Write a file (``str`` as UTF-8). ``POST /sandboxes/{sandbox_id}/files``.

        The content is sent base64-encoded in JSON, as the API requires; use `upload` for
        large files.

        Args:
            path: the file's path in the sandbox.
            content: the whole file: text (written as UTF-8) or bytes.
        """
        data = content.encode("utf-8") if isinstance(content, str) else content
        return await self._post_file(
            path, len(data), json={"path": path, "content": encode_content(data)}
        )

    async def upload(
        self,
        path: str,
        source: UploadSource,
        *,
        chunk_size: int = UPLOAD_CHUNK_SIZE,
        progress: ProgressCallback | None = None,
    ) -> WrittenFile:
        """Upload to ``path`` without holding the file in memory.

        ``POST /sandboxes/{sandbox_id}/files``. The JSON body (base64 content) is
        streamed ``chunk_size`` raw bytes at a time; a local file's size is known up front
        and sent as ``Content-Length``, other sources go chunked. An upload from a regular
        file's path or a seekable file is retried like any call (the file is read again
        from where it stood); one from an iterator or a named pipe cannot be, and says so
        in its error.

        Args:
            path: where the file goes in the sandbox (e.g. ``/workspace/data.bin``).
            source: what to upload: a local file as `pathlib.Path` (any
                ``os.PathLike``), a binary file object opened for reading, an (async)
                iterator of bytes, or bytes. A ``str`` is not content: to write text use
                `write` or pass ``text.encode()``. A ``str`` naming an existing local
                file is still read as one, with a `DeprecationWarning`; any other
                ``str`` raises `TypeError`.
            chunk_size: raw bytes read per piece of the body (rounded down to a
                multiple of 3, so every piece encodes without base64 padding).
            progress: called as ``progress(done, total)`` with the raw bytes sent so far
                as each chunk goes out (once with 0 first); ``total`` is the source's
                size when it is known up front (bytes, a path, a regular file), else None.

        Returns:
            The written file's path and size.
        """
        if isinstance(source, (bytes, bytearray, memoryview)) and progress is None:
            return await self.write(path, bytes(source))
        readable: _Readable
        if isinstance(source, str):
            named = source
            readable = str_upload_source(
                source, is_local_file=await ato_thread(lambda: os.path.isfile(named))
            )
        else:
            readable = source
        size = await ato_thread(lambda: source_size(readable))
        meter = ProgressMeter(progress, size)
        # Only bytes or a regular file's path (its size is known) is sure to still be the
        # size measured when it is sent; a named pipe's path is read once, as a stream.
        fixed = isinstance(readable, (bytes, bytearray, memoryview)) or (
            isinstance(readable, os.PathLike) and size is not None
        )
        length = size if fixed else None
        # Whole 3-byte groups per chunk keep the base64 of each chunk free of padding.
        chunk_size = max(3, chunk_size - chunk_size % 3)
        # A regular file's path or bytes is read again from its start on a retry; a
        # seekable file from where it stood; a named pipe or an iterator cannot be replayed.
        start = None if fixed else rewind_point(readable)
        pieces = partial(_upload_pieces, path, readable, chunk_size, meter, start)
        replayable = fixed or start is not None
        return await self._post_file(
            path,
            length,
            content=AsyncReplayableBody(pieces) if replayable else pieces,
        )

    async def list(
        self,
        path: str = "/workspace",
        *,
        depth: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[FileEntry]:
        """A directory's entries. ``GET /sandboxes/{sandbox_id}/files``.

        The reply is one object (``{path, entries, truncated}``, no paging): its ``entries``
        are returned as a plain list; ``path`` and ``truncated`` are not kept.

        Args:
            path: the directory (default ``/workspace``).
            depth: how many levels below it to list (default: the server's).
        """
        listing = await self._object(
            "GET",
            self._prefix + "/files",
            FileList,
            params=query(path=path, depth=depth),
            options=options,
        )
        return builtins.list(listing.entries)

    async def stat(self, path: str, **options: Unpack[RequestOptions]) -> FileStat:
        """Size, type and times of one path. ``POST /sandboxes/{sandbox_id}/files/stat``."""
        return await self._object(
            "POST", self._prefix + "/files/stat", FileStat, json={"path": path}, options=options
        )

    async def tree(
        self, path: str = "/workspace", *, recursive: bool = True, depth: int | None = None
    ) -> FileTreeNode:
        """The directory tree under ``path``. ``GET /sandboxes/{sandbox_id}/files/tree``.

        Sent to the per-sandbox host (``https://sandboxes.miosa.ai/api/v1`` for the default
        ``https://api.miosa.ai/api/v1``; any other base URL is used as it is): on the API
        host this path is taken by the download route. ``recursive=True`` asks for depth 32
        (deep enough for any project); ``recursive=False`` for the direct children only;
        an explicit ``depth`` wins.
        """
        if depth is None:
            depth = DEEP_TREE_DEPTH if recursive else 1
        return await self._on_sandbox_host._object(
            "GET",
            self._prefix + "/files/tree",
            FileTreeNode,
            params=query(path=path, depth=depth),
        )

    async def write_many(
        self, files: Iterable[FileInput], **options: Unpack[RequestOptions]
    ) -> WriteManyResult:
        """Write several files in one call. ``POST /sandboxes/{sandbox_id}/files/write-many``.

        ``files`` are ``(path, content)`` tuples or ``{"path": ..., "content": ...}``
        dicts; content is ``str`` (written as UTF-8) or ``bytes``.
        """
        return await self._object(
            "POST",
            self._prefix + "/files/write-many",
            WriteManyResult,
            json={"files": batch_entries(files, "content_base64")},
            options=options,
        )

    async def write_files(self, files: Iterable[FileInput]) -> WriteManyResult:
        """Same as `write_many` (``POST /sandboxes/{sandbox_id}/files/write-many``).

        Kept for older callers: the ``/files/batch`` route it once used does not exist.
        """
        return await self.write_many(files)

    async def delete(self, path: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a file or a directory (recursively).

        The API has no file-delete route, so this runs ``rm -r -- <path>`` (the path
        shell-quoted; relative to ``cwd: /workspace`` inside the workspace) through
        ``POST /sandboxes/{sandbox_id}/exec``. Raises `MiosaError`
        with the command's error output when it fails (a missing path, say), and
        `ValueError` (sending nothing) for an empty path, ``/``, ``/workspace`` or one
        with ``.``/``..`` segments.
        """
        result = await self._object(
            "POST", self._prefix + "/exec", ExecResult, json=delete_command(path), options=options
        )
        if result.exit_code != 0:
            detail = (result.stderr or result.stdout or "").strip()
            raise MiosaError(
                f"could not delete {path!r} (exit code {result.exit_code})"
                + (f": {detail}" if detail else "")
            )

    def watch(
        self, path: str = "/workspace", *, recursive: bool | None = None
    ) -> AsyncEventStream[FileEvent]:
        """Stream changes under ``path`` (default: the whole workspace) as `FileEvent`s.

        ``GET /sandboxes/{sandbox_id}/files/watch``, on the per-sandbox host like `tree`;
        connects when entered, resumes after a dropped connection.
        """
        return self._on_sandbox_host._events(
            self._prefix + "/files/watch",
            parse_file_event,
            params=query(path=path, recursive=recursive),
        )


async def _upload_pieces(
    path: str, source: _Readable, chunk_size: int, meter: ProgressMeter, start: int | None
) -> AsyncIterator[bytes]:
    encoder = Base64JSONBody({"path": path})
    meter.start()
    yield encoder.head()
    if start is not None:
        await ato_thread(partial(cast(BinaryIO, source).seek, start))
    async with aclosing(_read_source(source, chunk_size)) as chunks:
        async for raw in chunks:
            piece = encoder.feed(raw)
            if piece:
                yield piece
            # Counted once the chunk has been handed over (the transport asks for the next).
            meter.advance(len(raw))
    yield encoder.tail()


async def _read_source(source: _Readable, chunk_size: int) -> AsyncIterator[bytes]:
    if isinstance(source, os.PathLike):
        async with aclosing(aread_chunks(source, chunk_size)) as chunks:
            async for chunk in chunks:
                yield chunk
    elif isinstance(source, (bytes, bytearray, memoryview)):
        view = memoryview(source)
        for start in range(0, len(view), chunk_size):
            yield bytes(view[start : start + chunk_size])
    elif hasattr(source, "read"):
        # A file object is checked before iterables: iterating one yields lines.
        read = cast(BinaryIO, source).read
        while chunk := await ato_thread(lambda: read(chunk_size)):
            yield chunk
    else:
        async for piece in source:
            if piece:
                yield bytes(piece)
