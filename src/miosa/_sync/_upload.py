# This file was generated from
#   src/miosa/_async/_upload.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Streamed multipart uploads shared by the resource groups that send files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from typing import IO

from .._concurrency import open_file, to_thread
from .._multipart import MultipartForm


def form_chunks(
    form: MultipartForm, source: os.PathLike[str] | IO[bytes], chunk_size: int
) -> Iterator[bytes]:
    """The form's bytes, with the file read a chunk at a time (never whole)."""
    yield form.head
    if isinstance(source, os.PathLike):
        with open_file(source, "rb") as file:
            while chunk := file.read(chunk_size):
                yield chunk
    else:
        while chunk := to_thread(partial(source.read, chunk_size)):
            yield chunk
    yield form.tail
