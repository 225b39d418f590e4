"""Hand-written twins for the few calls whose async and blocking forms differ.

`scripts/gen_sync.py` maps each ``a<name>`` / ``Async<Name>`` here onto its blocking
twin, so code in `_async/` can be generated into `_sync/` token for token.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import anyio
import anyio.lowlevel
import anyio.to_thread
import httpx

from ._pager import AsyncPager

if TYPE_CHECKING:
    from ._async.pagination import AsyncPage

T = TypeVar("T")
P = TypeVar("P")


def apaginate(fetch: Callable[[], Awaitable[AsyncPage[T]]]) -> AsyncPager[T]:
    """An async list's result: the first page, fetched when awaited or iterated."""
    return AsyncPager(fetch)


def paginate(fetch: Callable[[], P]) -> P:
    """A blocking list's result: the first page, fetched now."""
    return fetch()


async def asleep(seconds: float) -> None:
    await anyio.sleep(seconds)


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def ashielded() -> anyio.CancelScope:
    """Cleanup that must finish even while the surrounding task is being cancelled."""
    return anyio.CancelScope(shield=True)


def shielded() -> contextlib.nullcontext[None]:
    return contextlib.nullcontext()


async def ato_thread(func: Callable[[], T]) -> T:
    """Run blocking file I/O off the event loop."""
    return await anyio.to_thread.run_sync(func)


def to_thread(func: Callable[[], T]) -> T:
    return func()


async def asettled(value: object) -> object:
    """A method's result, awaited if it is awaitable (a coroutine; a pager, to its first page)."""
    if inspect.isawaitable(value):
        return await value
    return value


def settled(value: object) -> object:
    return value


class AsyncGate:
    """Admission control in front of the HTTP pool: at most `limit` requests in flight.

    Tokens are explicit objects (not the current task) so a stream opened in one task
    may be closed from another. A gate belongs to one event loop (`AsyncPool` makes a
    new one per loop).
    """

    def __init__(self, limit: int) -> None:
        self._limiter = anyio.CapacityLimiter(limit)

    async def acquire(self, wait: float | None) -> tuple[anyio.CapacityLimiter, object] | None:
        """A slot, or None when none came free within ``wait`` seconds (None: no limit)."""
        limiter, token = self._limiter, object()
        try:
            # A free slot needs no trip through the event loop; the request itself yields.
            limiter.acquire_on_behalf_of_nowait(token)
        except anyio.WouldBlock:
            with anyio.move_on_after(wait):
                await limiter.acquire_on_behalf_of(token)
                return limiter, token
            return None
        return limiter, token

    def release(self, token: tuple[anyio.CapacityLimiter, object]) -> None:
        limiter, borrower = token
        limiter.release_on_behalf_of(borrower)

    @property
    def in_use(self) -> int:
        return int(self._limiter.borrowed_tokens)


class Gate:
    def __init__(self, limit: int) -> None:
        self._semaphore = threading.BoundedSemaphore(limit)
        self._limit = limit
        self._in_use = 0

    def acquire(self, wait: float | None) -> bool | None:
        if not self._semaphore.acquire(timeout=wait):
            return None
        self._in_use += 1
        return True

    def release(self, token: bool) -> None:
        self._in_use -= 1
        self._semaphore.release()

    @property
    def in_use(self) -> int:
        return self._in_use


def acurrent_loop() -> object:
    """What identifies the running event loop (an asyncio loop, a Trio run): a client's
    connections belong to it."""
    return anyio.lowlevel.current_token().native_token


def current_loop() -> object:
    # Blocking clients run on no loop: always the same value, so the pool is never rebuilt.
    return None


async def aopen_to_read(path: str | os.PathLike[str]) -> anyio.AsyncFile[bytes]:
    """Open a file for binary reads without blocking the event loop."""
    return await anyio.open_file(path, "rb")


def open_to_read(path: str | os.PathLike[str]) -> BinaryIO:
    return open(path, "rb")


async def _wait_abandoning(pending: Future[T]) -> T:
    """What a worker thread of our own returns, without blocking the event loop.

    The thread wakes the loop when it is done (no worker of the loop's own waits for it).
    A cancelled caller stops waiting at once; the work goes on, and whatever is queued
    after it (closing the file) runs when it ends.
    """
    if not pending.done():
        done = anyio.Event()
        wake = _wake_from_thread(done.set)
        pending.add_done_callback(lambda _: wake())
        await done.wait()
    return pending.result()


def _wake_from_thread(callback: Callable[[], object]) -> Callable[[], None]:
    """``callback``, made callable from any thread: it runs in the current event loop.

    A loop that has ended by then (the waiter was cancelled and its run finished) is left
    alone: nobody is waiting any more.
    """
    loop: Any = anyio.lowlevel.current_token().native_token  # an asyncio loop or a TrioToken
    schedule: Callable[[Callable[[], object]], object] = (
        getattr(loop, "call_soon_threadsafe", None) or loop.run_sync_soon
    )

    def wake() -> None:
        with contextlib.suppress(RuntimeError):  # asyncio: loop closed; Trio: run finished
            schedule(callback)

    return wake


async def aread_chunks(path: os.PathLike[str], chunk_size: int) -> AsyncIterator[bytes]:
    """A local file's bytes, ``chunk_size`` at a time, read one chunk ahead.

    A worker thread of its own opens the file and reads the next chunk while the caller
    sends the one it was given, so a read rarely costs a trip to a thread and back: at most
    one chunk is read ahead. When the caller stops, early or not, or is cancelled while a
    read blocks, it does not wait for that read: nothing more is read, and the thread
    closes the file after the read in flight (if any) and ends.
    """
    file: BinaryIO | None = None

    def read() -> bytes:
        nonlocal file
        if file is None:
            file = open(path, "rb")  # noqa: SIM115 - closed by `close`, in the same thread
        return file.read(chunk_size)

    def close() -> None:
        if file is not None:
            file.close()

    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="miosa-read-ahead")
    try:
        pending = reader.submit(read)
        while True:
            # Usually read while the previous chunk was sent; a read still in flight (a slow
            # disk, a pipe) is waited for without holding up a cancel.
            chunk = await _wait_abandoning(pending)
            if not chunk:
                return
            pending = reader.submit(read)
            yield chunk
    finally:
        # No await here: this runs even when the generator is closed while cancelled.
        reader.submit(close)
        reader.shutdown(wait=False)


def read_chunks(path: os.PathLike[str], chunk_size: int) -> Iterator[bytes]:
    with open(path, "rb") as file:
        while chunk := file.read(chunk_size):
            yield chunk


class _Batches:
    """Pieces gathered into batches of about ``batch_size`` bytes, each one file write."""

    def __init__(self, batch_size: int) -> None:
        self._batch_size = batch_size
        self._pieces: list[bytes] = []
        self._size = 0

    def add(self, piece: bytes) -> tuple[list[bytes], int] | None:
        """Gather ``piece``; returns the batch (pieces, bytes) once it is big enough."""
        self._pieces.append(piece)
        self._size += len(piece)
        return self.take() if self._size >= self._batch_size else None

    def take(self) -> tuple[list[bytes], int] | None:
        """The pieces gathered so far, if any, as a batch."""
        if not self._pieces:
            return None
        batch = (self._pieces, self._size)
        self._pieces, self._size = [], 0
        return batch


class _BatchedFile:
    """What both file writers share: the file, its batches and the written-bytes callback.

    ``_open``, ``_write`` and ``_close`` touch the file; the async writer runs them in its
    worker thread, the blocking one in the caller's.
    """

    def __init__(
        self, path: str | os.PathLike[str], batch_size: int, written: Callable[[int], None]
    ) -> None:
        self._path = path
        self._batches = _Batches(batch_size)
        self._written = written
        self._file: BinaryIO | None = None

    def _open(self) -> None:
        self._file = open(self._path, "wb")  # noqa: SIM115 - closed by _close

    def _write(self, pieces: list[bytes], size: int) -> int:
        assert self._file is not None
        self._file.writelines(pieces)  # no copy into one buffer
        return size

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()


class AsyncFileWriter(_BatchedFile):
    """A local file written in batches of about ``batch_size`` bytes, one batch behind.

    The socket gives pieces of 64 KiB or less, and each file write is a trip to a thread,
    so pieces are gathered into batches (a trip per 64 KiB halved a download's throughput).
    A worker thread of the writer's own writes each batch while the caller reads the next,
    so the caller rarely waits for a write (waiting for each one held a download at about
    0.8x raw httpx, benchmarks/bench_files.py). At most one batch is in flight.
    ``written(size)`` is called in the caller's task for each batch once it is written; a
    write error is raised by the next `write` or by `flush`. Leaving the block by an
    exception or a cancellation does not wait: the thread closes the file after the batch
    in flight.
    """

    def __init__(
        self, path: str | os.PathLike[str], batch_size: int, written: Callable[[int], None]
    ) -> None:
        super().__init__(path, batch_size, written)
        # One thread, so the open, the writes and the close run in the order submitted.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="miosa-write")
        self._in_flight: Future[int] | None = None

    async def __aenter__(self) -> AsyncFileWriter:
        try:
            # Opened by the worker (opening may block: a named pipe with no reader) and
            # waited for, so a missing directory or a permission error is raised here,
            # before a byte of the body is read. A cancel stops the wait at once; the
            # close queued below then runs once the open ends.
            await _wait_abandoning(self._worker.submit(self._open))
        except BaseException:
            self._worker.submit(self._close)
            self._worker.shutdown(wait=False)
            raise
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        closing = self._worker.submit(self._close)
        self._worker.shutdown(wait=False)
        if exc_type is None:
            await ato_thread(closing.result)  # a close that fails to flush is an error too
        # Otherwise no await: this also runs when the caller is cancelled.

    async def write(self, piece: bytes) -> None:
        """Add ``piece``; a full batch goes to the worker once the previous one is written."""
        batch = self._batches.add(piece)
        if batch is not None:
            await self._settle()
            self._in_flight = self._worker.submit(self._write, *batch)

    async def flush(self) -> None:
        """Write what is gathered, and wait until every batch is written."""
        await self._settle()
        batch = self._batches.take()
        if batch is not None:
            self._in_flight = self._worker.submit(self._write, *batch)
            await self._settle()

    async def _settle(self) -> None:
        in_flight, self._in_flight = self._in_flight, None
        if in_flight is not None:  # usually written while the next batch was gathered
            self._written(await _wait_abandoning(in_flight))


class FileWriter(_BatchedFile):
    def __enter__(self) -> FileWriter:
        self._open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        self._close()

    def write(self, piece: bytes) -> None:
        batch = self._batches.add(piece)
        if batch is not None:
            self._written(self._write(*batch))

    def flush(self) -> None:
        batch = self._batches.take()
        if batch is not None:
            self._written(self._write(*batch))


AsyncBodyStream = httpx.AsyncByteStream
"""What a streamed request body given to httpx as its stream derives from."""
BodyStream = httpx.SyncByteStream


@contextlib.asynccontextmanager
async def aclosing(chunks: AsyncIterator[T]) -> AsyncIterator[AsyncIterator[T]]:
    """``chunks``, closed (if it can be) when the block is left, however it is left.

    An async generator left half-way is otherwise finished by the garbage collector, late
    (and with a `ResourceWarning` on Trio); a request body must let go of its file at once.
    """
    try:
        yield chunks
    finally:
        aclose = getattr(chunks, "aclose", None)
        if aclose is not None:
            with ashielded():
                await aclose()


@contextlib.contextmanager
def closing(chunks: Iterator[T]) -> Iterator[Iterator[T]]:
    try:
        yield chunks
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


async def adrain(chunks: AsyncIterator[bytes]) -> None:
    """Finish an async iterator over a response body that was just closed.

    Leaving httpx's body iterator half-way leaves its chain of async generators unfinished,
    and Trio warns (ResourceWarning) about each one the garbage collector finds. Once the
    response is closed the next read fails at once on a real transport, and that failure
    finishes the whole chain; a body that keeps producing (a test transport) is cut off
    by a short shielded timeout and a bound on the chunks read.
    """
    with anyio.move_on_after(0.02, shield=True):
        for _ in range(16):
            try:
                await chunks.__anext__()
            except Exception:
                return


def drain(chunks: Iterator[bytes]) -> None:
    # Sync generators are closed when collected, silently: closing the outer one is enough.
    close = getattr(chunks, "close", None)
    if close is not None:
        close()


def atime_limit(seconds: float) -> contextlib.AbstractContextManager[anyio.CancelScope]:
    """Cancel the enclosed work after ``seconds`` and raise `TimeoutError`."""
    return anyio.fail_after(seconds)


def time_limit(seconds: float) -> contextlib.nullcontext[None]:
    # Blocking code cannot be interrupted from outside: callers bound each request instead.
    return contextlib.nullcontext()
