"""Streams over HTTP responses: server-sent events and binary downloads.

Both are context managers that connect when entered, so an authentication or
not-found error is raised by ``async with``, not by the first read; both close the
response (and free its pool slot) on exit, whether the loop ended, broke, raised or
was cancelled.
"""

from __future__ import annotations

import os
import time
import warnings
from collections import deque
from collections.abc import AsyncIterator, Callable, Mapping
from types import TracebackType
from typing import Generic, TypeVar

import httpx

from .._concurrency import AsyncFileWriter, adrain, ashielded, asleep, atime_limit
from .._core.progress import ProgressCallback, ProgressMeter, body_size
from .._core.request import NOT_GIVEN
from .._core.resume import MAX_CONSECUTIVE_FAILURES, ResumeState
from .._core.retry import connection_error, deadline_error
from .._core.sse import SSE_ACCEPT, ServerSentEvent, SSEDecoder
from ..errors import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    ServerError,
    StreamError,
)
from ._http import AsyncHTTP, AsyncOpenResponse, decoded_body, read_whole

T = TypeVar("T")
EventParser = Callable[[ServerSentEvent], T | None]
"""Turns one SSE event into a typed item; None skips the event."""

DEFAULT_IDLE_TIMEOUT = 45.0
# Decoded bytes handed to the SSE decoder at a time. Small on purpose: the events of one
# slice are parsed together and wait in `_pending` until read, and with a 64 KiB read (about
# 500 small events, some 1,500 objects the garbage collector tracks) that queue alone passed
# the collector's threshold, so it ran a few hundred young and several full collections per
# 50,000 events (0.5-0.7 us an event, benchmarks/bench_streams.py). A 16 KiB slice keeps the
# queue under the threshold; it also bounds what a compressed stream inflates at a time.
_SSE_SLICE = 16 * 1024
_RECONNECTABLE = (APIConnectionError, ServerError, RateLimitError)


class AsyncEventStream(Generic[T]):
    """Typed events from a ``text/event-stream`` response.

    ``async with stream: async for item in stream: ...``. A dropped connection or a
    stream silent for longer than the idle timeout is reopened with ``Last-Event-ID``
    after the server's ``retry:`` delay; events the server replays after a reconnect
    are not delivered again. Five failed reconnects in a row raise `StreamError`. A
    clean end of the response ends the iteration. With ``timeout``, the stream raises
    `APITimeoutError` once it has been open that many seconds.
    """

    def __init__(
        self,
        http: AsyncHTTP,
        method: str,
        path: str,
        parse: EventParser[T],
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        resumable: bool = True,
        idle_timeout: float | None = None,
        is_final: Callable[[T], bool] | None = None,
        timeout: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self._http = http
        self._headers = dict(headers or {})
        self._method = method
        self._path = path
        self._parse = parse
        self._params = params
        self._json = json
        self._resumable = resumable
        self._idle_timeout = idle_timeout if idle_timeout is not None else DEFAULT_IDLE_TIMEOUT
        self._is_final = is_final
        self._timeout = timeout
        self._deadline: float | None = None
        self._state = ResumeState()
        self._decoder = SSEDecoder()
        self._pending: deque[T] = deque()
        self._connection_last_id = ""
        self._open: AsyncOpenResponse | None = None
        self._chunks: AsyncIterator[bytes] | None = None
        self._entered = False
        self._finished = False
        self._closed = False

    @property
    def last_event_id(self) -> str:
        """The id to resume after; empty before the first event with an id."""
        return self._state.last_event_id

    async def __aenter__(self) -> AsyncEventStream[T]:
        if self._entered:
            raise StreamError("a stream can be entered only once")
        self._entered = True
        if self._timeout is not None:
            self._deadline = time.monotonic() + self._timeout
        try:
            await self._connect(retry_opening=True)
        except BaseException:
            await self.aclose()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __aiter__(self) -> AsyncEventStream[T]:
        return self

    async def __anext__(self) -> T:
        pending = self._pending
        if pending:
            return pending.popleft()
        return await self._fill()

    async def _fill(self) -> T:
        if not self._entered:
            raise StreamError("use the stream as a context manager: `async with ... as stream:`")
        pending = self._pending
        while True:
            if pending:
                return pending.popleft()
            if self._finished or self._closed:
                await self.aclose()
                raise StopAsyncIteration
            self._check_deadline()
            chunks = self._chunks
            assert chunks is not None
            try:
                chunk = await chunks.__anext__()
            except StopAsyncIteration:
                self._finished = True
                continue
            except httpx.TransportError as exc:
                await self._reconnect(exc)
                continue
            self._take(self._decoder.feed(chunk))

    def _take(self, events: list[ServerSentEvent]) -> None:
        if not events:
            self._state.note_retry(self._decoder.retry)
            return
        state = self._state
        state.note_retry(self._decoder.retry)
        state.failures = 0
        parse, is_final, append = self._parse, self._is_final, self._pending.append
        seen, delivered = state.seen, state.delivered
        last_id = self._connection_last_id
        try:
            for event in events:
                # Per the spec an event without an `id:` line inherits the previous id,
                # so only an id that changed on this connection identifies an event.
                event_id = event.id
                if event_id != last_id:
                    last_id = event_id
                    if event_id:
                        if seen is not None and event_id in seen:
                            continue  # replayed after a reconnect: delivered already
                        delivered.append(event_id)
                item = parse(event)
                if item is None:
                    continue
                append(item)
                if is_final is not None and is_final(item):
                    self._finished = True
                    return
        finally:
            self._connection_last_id = last_id
            state.trim()

    def _check_deadline(self) -> None:
        if self._deadline is not None and time.monotonic() >= self._deadline:
            raise APITimeoutError(f"the stream was still open after its {self._timeout} s timeout")

    def _read_timeout(self) -> float:
        if self._deadline is None:
            return self._idle_timeout
        return max(0.001, min(self._idle_timeout, self._deadline - time.monotonic()))

    async def _connect(self, *, retry_opening: bool) -> None:
        headers = {**self._headers, "Accept": SSE_ACCEPT, "Cache-Control": "no-cache"}
        if self._state.last_event_id:
            headers["Last-Event-ID"] = self._state.last_event_id
        timeout = self._http.options.timeout
        opened = await self._http.open(
            self._method,
            self._path,
            params=self._params,
            json=self._json,
            headers=headers,
            timeout=httpx.Timeout(
                connect=timeout.connect,
                read=self._read_timeout(),
                write=timeout.write,
                pool=timeout.pool,
            ),
            max_retries=None if retry_opening else 0,
        )
        if opened.response.status_code == 204:
            # Nothing to stream (say, re-attaching to a job that already finished): an empty
            # stream, not an error.
            await opened.aclose()
            self._finished = True
            return
        content_type = opened.response.headers.get("content-type", "")
        if "text/event-stream" not in content_type:
            await opened.aclose()
            raise StreamError(f"expected a text/event-stream response, got {content_type!r}")
        self._open = opened
        # A fresh decoder per connection: a partial event cut by the drop is discarded.
        self._decoder = SSEDecoder()
        self._connection_last_id = ""
        self._chunks = decoded_body(opened.response, _SSE_SLICE)

    async def _reconnect(self, cause: BaseException) -> None:
        await self._release()
        self._check_deadline()
        if not self._resumable:
            raise StreamError(
                "the stream's connection was lost and this stream cannot be resumed "
                "(resending the request would repeat its effect)"
            ) from cause
        self._state.reconnecting()
        while True:
            delay = self._state.next_delay()
            if delay is None:
                raise StreamError(
                    "the stream could not be resumed after "
                    f"{MAX_CONSECUTIVE_FAILURES} reconnect attempts in a row"
                ) from cause
            if self._deadline is not None:
                delay = min(delay, max(0.0, self._deadline - time.monotonic()))
            await asleep(delay)
            self._check_deadline()
            try:
                await self._connect(retry_opening=False)
                return
            except _RECONNECTABLE as exc:
                cause = exc

    async def _release(self) -> None:
        opened, self._open = self._open, None
        chunks, self._chunks = self._chunks, None
        # Shielded: a cancelled task still closes the response and frees its pool slot.
        with ashielded():
            if opened is not None:
                await opened.aclose()
            if chunks is not None:
                await adrain(chunks)

    async def aclose(self) -> None:
        """Close the connection now; safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        await self._release()

    def __del__(self) -> None:
        if self._entered and not self._closed:
            warnings.warn(
                "a MIOSA stream was garbage-collected without being closed; use `with`",
                ResourceWarning,
                stacklevel=1,
            )


class AsyncByteStream:
    """A binary response read in chunks, never whole in memory unless asked to.

    ``async with sandbox.files.download(path) as body: async for chunk in body: ...``
    or ``await body.write_to(path)``.
    """

    def __init__(
        self,
        http: AsyncHTTP,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        chunk_size: int = 1 << 20,
    ) -> None:
        self._http = http
        self._method = method
        self._path = path
        self._params = params
        self._chunk_size = chunk_size
        self._open: AsyncOpenResponse | None = None
        self._chunks: AsyncIterator[bytes] | None = None
        self._received = 0
        self._entered = False
        self._closed = False

    async def __aenter__(self) -> AsyncByteStream:
        if self._entered:
            raise StreamError("a download can be entered only once")
        self._entered = True
        try:
            self._open = await self._http.open(self._method, self._path, params=self._params)
        except BaseException:
            self._closed = True
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    @property
    def headers(self) -> httpx.Headers:
        return self._response.headers

    @property
    def _response(self) -> httpx.Response:
        return self._opened.response

    def __aiter__(self) -> AsyncByteStream:
        """Chunks of at most ``chunk_size`` bytes (1 MiB by default)."""
        return self

    async def __anext__(self) -> bytes:
        if self._chunks is None:
            self._chunks = self._body()
        deadline_at = self._opened.deadline_at
        if deadline_at is None:
            return await self._chunks.__anext__()
        try:
            with atime_limit(max(deadline_at - time.monotonic(), 0.0)):
                return await self._chunks.__anext__()
        except TimeoutError:
            raise self._deadline_error() from None

    async def _body(self) -> AsyncIterator[bytes]:
        """The decoded body; the SDK's errors for a broken connection or a passed deadline."""
        opened = self._opened
        response, deadline_at = opened.response, opened.deadline_at
        try:
            async for chunk in decoded_body(response, self._chunk_size):
                self._received += len(chunk)
                yield chunk
                if deadline_at is not None and time.monotonic() >= deadline_at:
                    raise self._deadline_error()
        except httpx.TransportError as exc:
            url = response.request.url
            raise connection_error(exc, 1, self._method, url, received=self._received) from exc

    def _deadline_error(self) -> APITimeoutError:
        url = self._opened.response.request.url
        deadline = self._http.options.deadline
        return deadline_error(self._method, url, 1, deadline, received=self._received)

    @property
    def _opened(self) -> AsyncOpenResponse:
        if self._open is None:
            raise StreamError("use the download as a context manager: `async with ...`")
        return self._open

    @property
    def received(self) -> int:
        """Decoded bytes delivered so far."""
        return self._received

    async def read(self) -> bytes:
        """The whole body (only for payloads known to be small).

        Bounded like every reply read whole: past the client's ``max_response_bytes``
        it raises `ResponseTooLargeError`.
        """
        opened = self._opened
        try:
            body = await read_whole(
                opened.response, self._http.options.max_response_bytes, opened.deadline_at
            )
        except httpx.TransportError as exc:
            raise connection_error(exc, 1, self._method, opened.response.request.url) from exc
        self._received = len(body)
        return body

    async def write_to(
        self, path: str | os.PathLike[str], *, progress: ProgressCallback | None = None
    ) -> int:
        """Stream the body into a file; returns the number of bytes written.

        ``progress(done, total)`` is called with the bytes written so far after each
        write of about ``chunk_size`` bytes (once with 0 first); ``total`` is the
        ``Content-Length`` when the server sent one, else None.
        """
        meter = ProgressMeter(progress, body_size(self.headers))
        meter.start()
        async with AsyncFileWriter(path, self._chunk_size, meter.advance) as file:
            async for chunk in self:
                await file.write(chunk)
            await file.flush()
        return meter.done

    async def aclose(self) -> None:
        """Close the response now (the rest of the body is not read); safe to repeat."""
        self._closed = True
        opened, self._open = self._open, None
        chunks, self._chunks = self._chunks, None
        with ashielded():
            if opened is not None:
                await opened.aclose()
            if chunks is not None:
                await adrain(chunks)

    def __del__(self) -> None:
        if self._entered and not self._closed:
            warnings.warn(
                "a MIOSA download was garbage-collected without being closed; use `with`",
                ResourceWarning,
                stacklevel=1,
            )
