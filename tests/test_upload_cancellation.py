"""Upload promises only the async client can break: an upload from a local path reads
ahead in a worker thread, and whatever stops the upload half-way (a cancellation, a reset
connection) must leave no thread reading, no pending task and no unfinished async
generator (Trio reports those with a ResourceWarning). Each test runs on asyncio and on
Trio (see conftest), against a real loopback server."""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import logging
import os
import socket
import threading
import time
import warnings
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import anyio
import anyio.to_thread
import pytest
import sniffio

from miosa import AsyncMiosa
from tests.helpers import API_KEY, needs_fifo
from tests.hostile import RawServer, read_request, reply, reset

pytestmark = pytest.mark.usefixtures("fast_retries")

Upload = Callable[[AsyncMiosa, Path], Awaitable[object]]


def json_upload(client: AsyncMiosa, source: Path) -> Awaitable[object]:
    files = client.sandboxes.handle("sbx_1").files
    return files.upload("/workspace/big.bin", source, chunk_size=64 * 1024)


def form_upload(client: AsyncMiosa, source: Path) -> Awaitable[object]:
    return client.computers.handle("cmp_1").files.upload_form("/srv/big.bin", source)


def read_ahead_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("miosa-read-ahead")]


def stall_after(nbytes: int, release: threading.Event) -> Callable[[socket.socket], None]:
    """Read the head and ``nbytes`` of the body, then stop reading (the send blocks)."""

    def handler(conn: socket.socket) -> None:
        conn.settimeout(10)
        got = 0
        while got < nbytes and (chunk := conn.recv(65536)):
            got += len(chunk)
        release.wait(10)

    return handler


def pending_tasks() -> set[object]:
    if sniffio.current_async_library() != "asyncio":
        return set()
    return set(asyncio.all_tasks())


@pytest.mark.parametrize("upload", [json_upload, form_upload], ids=["json", "multipart"])
async def test_a_cancelled_upload_leaves_no_reader_thread_task_or_generator(
    tmp_path: Path, upload: Upload
) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(b"\x01" * (16 << 20))  # far more than the socket buffers hold
    release = threading.Event()
    tasks_before = pending_tasks()
    with RawServer(stall_after(256 * 1024, release)) as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url) as client:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                with anyio.move_on_after(0.5) as scope:
                    await upload(client, source)
                assert scope.cancelled_caught
                gc.collect()
                # Checked before the loop runs again: a generator left to the garbage
                # collector would now have an aclose() task scheduled (asyncio).
                assert pending_tasks() == tasks_before
            release.set()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    for thread in read_ahead_threads():
        thread.join(2)  # it closes the file after its last read, then ends
    assert read_ahead_threads() == []


@needs_fifo
@pytest.mark.parametrize("upload", [json_upload, form_upload], ids=["json", "multipart"])
async def test_an_upload_cancelled_while_a_file_read_blocks_does_not_wait_for_it(
    tmp_path: Path, upload: Upload
) -> None:
    source = tmp_path / "pipe"
    os.mkfifo(source)
    release = threading.Event()

    def hold_the_pipe_open() -> None:  # writes nothing: the upload's first read blocks
        with open(source, "wb"):
            release.wait(10)

    threading.Thread(target=hold_the_pipe_open, daemon=True).start()
    with RawServer(stall_after(0, release)) as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url) as client:

            async def send() -> None:
                await upload(client, source)

            async with anyio.create_task_group() as uploads:
                uploads.start_soon(send)
                await anyio.sleep(0.3)
                # Waiting for the read holds none of the event loop's worker threads.
                limiter = anyio.to_thread.current_default_thread_limiter()
                borrowed = limiter.borrowed_tokens
                cancelled_at = time.monotonic()
                uploads.cancel_scope.cancel()
            assert time.monotonic() - cancelled_at < 2  # not the 10 s until the pipe closes
            assert borrowed == 0
            release.set()  # the pipe closes: the blocked read ends, then the reader thread
    for thread in read_ahead_threads():
        thread.join(2)
    assert read_ahead_threads() == []


def reset_once_then_echo(seen: list[bytes]) -> Callable[[socket.socket], None]:
    """The first connection is reset half-way through the body; the next one is read whole
    and answered with what it carried."""

    def handler(conn: socket.socket) -> None:
        if not seen:
            seen.append(conn.recv(200_000))
            reset(conn)
            return
        request = read_request(conn)
        assert request is not None
        body = request.partition(b"\r\n\r\n")[2]
        seen.append(body)
        size = len(base64.b64decode(json.loads(body)["content"]))
        written = {"data": {"path": "/workspace/big.bin", "size_bytes": size}}
        reply(conn, json.dumps(written).encode())

    return handler


async def test_an_upload_reset_half_way_is_sent_again_whole_with_nothing_left_over(
    tmp_path: Path,
) -> None:
    data = bytes(range(256)) * (12 << 12)  # 12 MiB, many 64 KiB reads
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    seen: list[bytes] = []
    with RawServer(reset_once_then_echo(seen)) as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url, max_retries=1) as client:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                written = await json_upload(client, source)
                gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert len(seen) == 2
    assert base64.b64decode(json.loads(seen[1])["content"]) == data
    assert written.size_bytes == len(data)  # type: ignore[attr-defined]
    for thread in read_ahead_threads():
        thread.join(2)
    assert read_ahead_threads() == []


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_a_file_operation_given_up_by_a_run_that_has_ended_finishes_quietly(
    backend: str, caplog: pytest.LogCaptureFixture
) -> None:
    # A cancelled transfer leaves its blocked file operation behind; when that operation
    # ends after the whole event loop has, waking the loop must not fail in the thread.
    from miosa._concurrency import _wait_abandoning

    release = threading.Event()
    worker = ThreadPoolExecutor(max_workers=1)
    blocked = worker.submit(release.wait, 5)

    async def give_up() -> None:
        with anyio.move_on_after(0.05):
            await _wait_abandoning(blocked)

    anyio.run(give_up, backend=backend)
    with caplog.at_level(logging.DEBUG, logger="concurrent.futures"):
        release.set()
        worker.shutdown(wait=True)
    assert blocked.result() is True
    # concurrent.futures logs an exception raised by a done-callback.
    assert [r.getMessage() for r in caplog.records if r.name == "concurrent.futures"] == []
