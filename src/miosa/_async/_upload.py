"""Streamed multipart uploads shared by the resource groups that send files."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from functools import partial
from typing import IO

from .._concurrency import aclosing, aopen_to_read, aread_chunks, ato_thread
from .._groups.open_computers import upload_filename
from .._multipart import MultipartForm, build_form, file_size, rewind_point
from ._http import AsyncReplayableBody, Content

UPLOAD_CHUNK = 1 << 20


async def form_chunks(
    form: MultipartForm,
    source: os.PathLike[str] | IO[bytes],
    chunk_size: int,
    start: int | None = None,
) -> AsyncIterator[bytes]:
    """The form's bytes, with the file read a chunk at a time (never whole); a file
    object is first rewound to ``start`` when given."""
    yield form.head
    if isinstance(source, os.PathLike):
        async with aclosing(aread_chunks(source, chunk_size)) as chunks:
            async for chunk in chunks:
                yield chunk
    else:
        if start is not None:
            await ato_thread(partial(source.seek, start))
        while chunk := await ato_thread(partial(source.read, chunk_size)):
            yield chunk
    yield form.tail


async def path_and_file_form(
    path: str,
    file: bytes | os.PathLike[str] | IO[bytes],
    *,
    filename: str | None,
    content_type: str | None,
) -> tuple[Content, dict[str, str]]:
    """Body and headers of an upload form with the fields ``path`` and ``file``.

    Bytes are encoded at once; a local path or a file object is streamed a chunk at a time.
    A regular file's path or a seekable file can be sent again (retried); a named pipe's
    path or any other file object cannot.
    `filename` defaults to the base name of `path`.
    """
    form = build_form(
        fields={"path": path},
        file_field="file",
        filename=upload_filename(path, filename),
        file_content_type=content_type,
    )
    size = await ato_thread(partial(file_size, file))
    if isinstance(file, bytes):
        return form.encode(file), form.headers(size)
    if isinstance(file, os.PathLike):
        produce = partial(form_chunks, form, file, UPLOAD_CHUNK)
        # A regular file (its size is known) reads the same again; a named pipe does not.
        return (AsyncReplayableBody(produce) if size is not None else produce), form.headers(size)
    start = rewind_point(file)
    produce = partial(form_chunks, form, file, UPLOAD_CHUNK, start)
    return (AsyncReplayableBody(produce) if start is not None else produce), form.headers(size)


async def read_whole(source: bytes | os.PathLike[str] | IO[bytes]) -> bytes:
    """All the bytes of an upload source, for APIs that take a file inside a JSON body.

    A local path is read whole; a file object is read from where it stands.
    """
    if isinstance(source, bytes):
        return source
    if isinstance(source, os.PathLike):
        async with await aopen_to_read(source) as file:
            return await file.read()
    return await ato_thread(source.read)
