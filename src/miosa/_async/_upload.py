"""Streamed multipart uploads shared by the resource groups that send files."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from functools import partial
from typing import IO

from .._concurrency import aopen_file, ato_thread
from .._multipart import MultipartForm


async def form_chunks(
    form: MultipartForm, source: os.PathLike[str] | IO[bytes], chunk_size: int
) -> AsyncIterator[bytes]:
    """The form's bytes, with the file read a chunk at a time (never whole)."""
    yield form.head
    if isinstance(source, os.PathLike):
        async with await aopen_file(source, "rb") as file:
            while chunk := await file.read(chunk_size):
                yield chunk
    else:
        while chunk := await ato_thread(partial(source.read, chunk_size)):
            yield chunk
    yield form.tail
