"""Hand-written twins for the few calls whose async and blocking forms differ.

`scripts/gen_sync.py` maps each ``a<name>`` / ``Async<Name>`` here onto its blocking
twin, so code in `_async/` can be generated into `_sync/` token for token.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO, Literal, TypeVar

import anyio
import anyio.to_thread
import sniffio

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


class AsyncGate:
    """Admission control in front of the HTTP pool: at most `limit` requests in flight.

    Tokens are explicit objects (not the current task) so a stream opened in one task
    may be closed from another.
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._library = ""
        self._limiter: anyio.CapacityLimiter | None = None

    async def acquire(self) -> tuple[anyio.CapacityLimiter, object]:
        # A client may be reused from asyncio and later from Trio (or another loop);
        # a limiter belongs to one library, so bind a fresh one when that changes.
        library = sniffio.current_async_library()
        if self._limiter is None or library != self._library:
            self._limiter, self._library = anyio.CapacityLimiter(self._limit), library
        limiter, token = self._limiter, object()
        try:
            # A free slot needs no trip through the event loop; the request itself yields.
            limiter.acquire_on_behalf_of_nowait(token)
        except anyio.WouldBlock:
            await limiter.acquire_on_behalf_of(token)
        return limiter, token

    def release(self, token: tuple[anyio.CapacityLimiter, object]) -> None:
        limiter, borrower = token
        limiter.release_on_behalf_of(borrower)


class Gate:
    def __init__(self, limit: int) -> None:
        self._semaphore = threading.BoundedSemaphore(limit)

    def acquire(self) -> bool:
        return self._semaphore.acquire()

    def release(self, token: bool) -> None:
        self._semaphore.release()


FileMode = Literal["rb", "wb"]


async def aopen_file(path: str | os.PathLike[str], mode: FileMode) -> anyio.AsyncFile[bytes]:
    """Open a file for chunked binary I/O without blocking the event loop."""
    return await anyio.open_file(path, mode)


def open_file(path: str | os.PathLike[str], mode: FileMode) -> BinaryIO:
    return open(path, mode)


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
