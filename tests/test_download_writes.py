"""How ``write_to`` puts a download into a local file.

The async client writes in batches of about ``chunk_size`` through a worker thread of its
own, one batch behind: the next batch is read from the connection while the previous one
is written. The tests use a named pipe as the file, so a test decides when a write may
finish. Async tests run on asyncio and Trio (see conftest); the blocking client, which
writes each batch as it is gathered, is checked for the same errors.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import anyio
import httpx
import pytest

from miosa import AsyncMiosa, Miosa
from tests.helpers import API_KEY, MockAPI, needs_fifo

ROUTE = "GET /sandboxes/sbx_1/files/workspace/big.bin"
BASE_URL = "https://api.miosa.test/api/v1"
BATCH = 128 * 1024  # twice a Linux pipe's buffer: writing one batch blocks until it is read

# Writing to /dev/full fails with ENOSPC, as on a full disk.
needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


class Body:
    """A response body of ``count`` chunks of ``BATCH`` bytes that counts the chunks read."""

    def __init__(self, count: int) -> None:
        self.chunks = [bytes([n]) * BATCH for n in range(count)]
        self.taken = 0
        self.second_read = threading.Event()

    def _took_one(self) -> None:
        self.taken += 1
        if self.taken == 2:
            self.second_read.set()

    async def async_chunks(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self._took_one()
            yield chunk

    def chunks_in_turn(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self._took_one()
            yield chunk


def serving(body: Body) -> MockAPI:
    return MockAPI().on(ROUTE, lambda request: httpx.Response(200, content=body.async_chunks()))


def serving_blocking(body: Body) -> MockAPI:
    return MockAPI().on(ROUTE, lambda request: httpx.Response(200, content=body.chunks_in_turn()))


def async_client(api: MockAPI) -> AsyncMiosa:
    http = httpx.AsyncClient(transport=api.transport)
    return AsyncMiosa(api_key=API_KEY, base_url=BASE_URL, http_client=http)


def sync_client(api: MockAPI) -> Miosa:
    http = httpx.Client(transport=api.transport)
    return Miosa(api_key=API_KEY, base_url=BASE_URL, http_client=http)


class PipeReader(threading.Thread):
    """Opens a named pipe for reading, waits for ``start_reading`` (at most 5 s), then reads
    it to EOF; with ``open_late`` it waits before opening the pipe instead."""

    def __init__(self, path: Path, start_reading: threading.Event, open_late: bool = False) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.start_reading = start_reading
        self.open_late = open_late
        self.waited_in_vain = False
        self.data = bytearray()

    def run(self) -> None:
        if self.open_late:
            self.waited_in_vain = not self.start_reading.wait(5)
        with open(self.path, "rb") as pipe:
            if not self.open_late:
                self.waited_in_vain = not self.start_reading.wait(5)
            while chunk := pipe.read(65536):
                self.data += chunk


async def write_to_cancelled_after(seconds: float, body: Body, pipe: Path) -> tuple[bool, float]:
    """``write_to(pipe)`` of ``body`` under a ``seconds`` time limit: whether the limit cut it
    short, and how long the call took to return."""
    async with async_client(serving(body)) as client:
        download = client.sandboxes.handle("sbx_1").files.download(
            "/workspace/big.bin", chunk_size=BATCH
        )
        started = time.monotonic()
        with anyio.move_on_after(seconds) as scope:
            async with download:
                await download.write_to(pipe)
        return scope.cancelled_caught, time.monotonic() - started


def writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("miosa-write")]


async def writer_threads_after_a_while() -> list[threading.Thread]:
    """The writer threads still running after up to two seconds."""
    for _ in range(100):
        if not writer_threads():
            break
        await anyio.sleep(0.02)
    return writer_threads()


@needs_fifo
async def test_the_next_batch_is_read_while_the_previous_one_is_written(tmp_path: Path) -> None:
    body = Body(4)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    # The reader reads nothing until the body's second chunk has been taken: a download
    # that waited for each write to finish before reading on would wait for it in vain.
    reader = PipeReader(pipe, body.second_read)
    reader.start()
    progress: list[int] = []
    async with async_client(serving(body)) as client:
        download = client.sandboxes.handle("sbx_1").files.download(
            "/workspace/big.bin", chunk_size=BATCH
        )
        async with download:
            written = await download.write_to(pipe, progress=lambda done, _: progress.append(done))
    reader.join(10)
    assert not reader.waited_in_vain
    assert bytes(reader.data) == b"".join(body.chunks)
    assert written == 4 * BATCH
    assert progress == [0, BATCH, 2 * BATCH, 3 * BATCH, 4 * BATCH]


@needs_fifo
async def test_a_cancelled_download_lets_go_of_the_file_and_its_thread(tmp_path: Path) -> None:
    body = Body(4)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    never = threading.Event()
    reader = PipeReader(pipe, never)
    reader.start()
    # The first batch's write blocks, and the call is cancelled.
    cancelled, seconds = await write_to_cancelled_after(0.3, body, pipe)
    assert cancelled
    assert seconds < 2  # did not wait for the blocked write (the reader reads nothing for 5 s)
    never.set()  # the reader now reads what was written, then sees the writer's close
    reader.join(5)
    assert not reader.is_alive()
    assert bytes(reader.data) == body.chunks[0]
    assert await writer_threads_after_a_while() == []


@needs_fifo
async def test_a_download_cancelled_while_its_file_opens_lets_go_of_the_file(
    tmp_path: Path,
) -> None:
    body = Body(4)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # with no reader yet, opening it to write blocks
    told = threading.Event()
    # Opens the pipe when told, or after 5 s regardless, so an open that was waited for ends.
    late_reader = PipeReader(pipe, told, open_late=True)
    late_reader.start()
    cancelled, seconds = await write_to_cancelled_after(0.3, body, pipe)
    assert cancelled
    assert seconds < 2  # did not wait for the open
    assert body.taken == 0
    # The reader lets the open finish; the writer then closes the pipe at once (EOF, no data).
    told.set()
    late_reader.join(5)
    assert not late_reader.is_alive()
    assert bytes(late_reader.data) == b""
    assert await writer_threads_after_a_while() == []


@needs_dev_full
async def test_a_write_error_is_raised_by_write_to() -> None:
    body = Body(4)
    async with async_client(serving(body)) as client:
        download = client.sandboxes.handle("sbx_1").files.download(
            "/workspace/big.bin", chunk_size=BATCH
        )
        async with download:
            with pytest.raises(OSError) as raised:
                await download.write_to("/dev/full")
    assert raised.value.errno == errno.ENOSPC
    assert await writer_threads_after_a_while() == []


async def test_a_file_that_cannot_be_opened_fails_before_the_body_is_read(tmp_path: Path) -> None:
    body = Body(4)
    async with async_client(serving(body)) as client:
        download = client.sandboxes.handle("sbx_1").files.download("/workspace/big.bin")
        async with download:
            with pytest.raises(FileNotFoundError):
                await download.write_to(tmp_path / "no-such-dir" / "big.bin")
    assert body.taken == 0


@needs_dev_full
def test_blocking_write_to_raises_the_write_error() -> None:
    with sync_client(serving_blocking(Body(4))) as client:
        files = client.sandboxes.handle("sbx_1").files
        download = files.download("/workspace/big.bin", chunk_size=BATCH)
        with download, pytest.raises(OSError) as raised:
            download.write_to("/dev/full")
    assert raised.value.errno == errno.ENOSPC


def test_blocking_write_to_reports_each_batch(tmp_path: Path) -> None:
    body = Body(3)
    progress: list[int] = []
    with sync_client(serving_blocking(body)) as client:
        files = client.sandboxes.handle("sbx_1").files
        with files.download("/workspace/big.bin", chunk_size=BATCH) as download:
            written = download.write_to(
                tmp_path / "big.bin", progress=lambda done, _: progress.append(done)
            )
    assert written == 3 * BATCH
    assert (tmp_path / "big.bin").read_bytes() == b"".join(body.chunks)
    assert progress == [0, BATCH, 2 * BATCH, 3 * BATCH]
