# This file was generated from
#   src/miosa/_async/raw_response.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Raw and streamed responses: ``client.with_raw_response`` and ``client.with_streaming_response``.

``client.with_raw_response.sandboxes.get(id)`` gives an `APIResponse`: the status,
headers, request id and body of the HTTP exchange, and ``response.parse()`` for what
``client.sandboxes.get(id)`` returns. ``with
client.with_streaming_response.sandboxes.get(id) as response:`` does the same without
reading the body first: it is read when asked for, and the connection is closed on exit.
Any method of any group works, with no code of its own: see `miosa._core.raw` for how.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Mapping
from datetime import timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from .._concurrency import drain, settled
from .._core.options import ClientOptions
from .._core.raw import (
    CLOSED,
    CONSUMED,
    NOT_READ,
    REPLAY_CHANGED,
    Captured,
    LineSplitter,
    StopAtFirstResponse,
    StreamOpenedFirst,
    Tap,
    TapMode,
    dotted,
    no_request_message,
    only,
    streamed_first_message,
    text_decoder,
)
from .._core.responses import decode_json
from .._core.retry import connection_error, deadline_error
from .._live import LiveModel
from ..errors import MiosaError
from ._http import HTTP, Call, Lease, OpenResponse, Pool, decoded_body, read_whole
from ._resource import APIResource

if TYPE_CHECKING:
    from .client import Miosa

T = TypeVar("T")
S = TypeVar("S")


class TapHTTP(HTTP):
    """The transport of a raw call: the first request's answer is recorded (or replayed).

    Only the derived client of one raw call has it; a normal client never does.
    """

    def __init__(self, options: ClientOptions, pool: Pool, tap: Tap) -> None:
        super().__init__(options, pool)
        self.tap = tap

    def derive(self, options: ClientOptions) -> HTTP:
        # A method that calls `with_options` (say, for one call without retries) stays tapped.
        return TapHTTP(options, self.pool, self.tap)

    def _send(self, call: Call, *, stream: bool) -> tuple[httpx.Response, Lease | None]:
        tap = self.tap
        if tap.mode == "replay":
            if tap.replayed:
                return super()._send(call, stream=stream)
            tap.replayed = True
            if stream or tap.captured is None:
                raise MiosaError(REPLAY_CHANGED)
            return tap.captured.response, None
        if tap.captured is not None:
            # The method went on after its first answer (a cleanup, a fallback): it is being
            # stopped, and must send nothing more.
            raise StopAtFirstResponse
        if stream:
            raise StreamOpenedFirst
        started = time.perf_counter()
        if tap.mode == "raw":
            response, _ = super()._send(call, stream=False)
            tap.captured = Captured(response, call.retries_done, started)
        else:
            response, lease = super()._send(call, stream=True)
            assert lease is not None
            opened = OpenResponse(response, self.pool, lease, call.deadline_at)
            tap.captured = Captured(response, call.retries_done, started, opened)
        raise StopAtFirstResponse


def _tapped(client: Miosa, tap: Tap) -> Miosa:
    http = client._http
    return type(client)._from_http(TapHTTP(http.options, http.pool, tap))


def _root_name(handle: LiveModel | None) -> str:
    return "client" if handle is None else type(handle).__name__.removeprefix("Async").lower()


def _resolve(root: object, path: tuple[str, ...]) -> Any:
    target = root
    for name in path:
        target = getattr(target, name)
    return target


class _RawCall:
    """One raw call as the caller made it: which method, with which arguments, from the
    client or from a handle (`Sandbox`, `Computer`)."""

    __slots__ = ("args", "client", "handle", "kwargs", "path")

    def __init__(
        self,
        client: Miosa,
        handle: LiveModel | None,
        path: tuple[str, ...],
        args: tuple[Any, ...],
        kwargs: Mapping[str, Any],
    ) -> None:
        self.client = client
        self.handle = handle
        self.path = path
        self.args = args
        self.kwargs = kwargs

    @property
    def name(self) -> str:
        return dotted(_root_name(self.handle), self.path)

    def run(self, tap: Tap) -> object:
        tapped = _tapped(self.client, tap)
        # A handle's call runs on a copy bound to the tapped client: the handle itself is
        # left as it was (`parse` gives what the call returns, from that copy).
        root = tapped if self.handle is None else self.handle._unbound_copy()._bind(tapped)
        method = _resolve(root, self.path)
        return settled(method(*self.args, **self.kwargs))

    def capture(self, mode: TapMode) -> Captured:
        """Run the method until its first answer arrives; error statuses raise as usual."""
        tap = Tap(mode)
        try:
            self.run(tap)
        except BaseException as exc:
            captured = tap.captured
            if captured is None:
                if only(StreamOpenedFirst, exc):
                    raise MiosaError(streamed_first_message(self.name)) from None
                raise
            # Stopped as planned; or the method turned the stop into an error of its own.
            if not (only(StopAtFirstResponse, exc) or isinstance(exc, Exception)):
                if captured.opened is not None:
                    captured.opened.close()
                raise
        if tap.captured is None:
            raise MiosaError(no_request_message(self.name))
        return tap.captured


class APIResponse(Generic[T]):
    """One HTTP exchange of a call, and the call's result on demand (`parse`).

    From ``with_raw_response`` the body has been read; from ``with_streaming_response`` it
    is read when asked for (`read`, `iter_bytes`, `iter_text`, `iter_lines`, `parse`).

    A method that makes several requests (a create that then waits, a pager's next pages)
    shows its first: the call stops once that answer arrives, and `parse` finishes it, so
    the further requests are made by `parse`. A call whose first request opens an event
    stream or a download raises `MiosaError`: the stream object shows its own headers.
    """

    def __init__(self, call: _RawCall, captured: Captured) -> None:
        self._call = call
        self._captured = captured
        self._options = call.client._http.options
        self._consumed = False
        self._closed = False
        self._parsed: list[T] = []
        self._iterators: list[Generator[Any, None]] = []

    @property
    def http_response(self) -> httpx.Response:
        """The underlying ``httpx.Response``."""
        return self._captured.response

    @property
    def http_request(self) -> httpx.Request:
        """The request as sent (``.method``, ``.url``, ``.headers``)."""
        return self._captured.response.request

    @property
    def status_code(self) -> int:
        return self._captured.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self._captured.response.headers

    @property
    def request_id(self) -> str | None:
        """The server's ``X-Request-Id`` for this exchange: quote it to support."""
        request_id: str | None = self._captured.response.headers.get("x-request-id")
        return request_id

    @property
    def url(self) -> httpx.URL:
        return self._captured.response.request.url

    @property
    def method(self) -> str:
        return self._captured.response.request.method

    @property
    def retries_taken(self) -> int:
        """How many times the request was retried before this answer (0: first try)."""
        return self._captured.retries_taken

    @property
    def elapsed(self) -> timedelta:
        """How long the exchange took: from sending the request to the end of its body
        (httpx's measure), or, while a streamed body is still unread, since the call began."""
        response = self._captured.response
        try:
            return response.elapsed
        except RuntimeError:
            return timedelta(seconds=time.perf_counter() - self._captured.started)

    @property
    def is_closed(self) -> bool:
        """Whether the connection is given back: always, once the body is read whole."""
        return self._closed or self._captured.opened is None

    @property
    def content(self) -> bytes:
        """The body (decoded from its ``Content-Encoding``); a streamed one must be read."""
        try:
            return self._captured.response.content
        except httpx.ResponseNotRead:
            raise MiosaError(NOT_READ) from None

    @property
    def text(self) -> str:
        """The body as text (its charset, UTF-8 by default)."""
        if not self.content:
            return ""
        return self._captured.response.text

    def json(self) -> Any:
        """The body as JSON, as sent (no envelope removed, no models)."""
        return decode_json(self.content, status_code=self.status_code)

    def read(self) -> bytes:
        """Read the whole body (bounded by ``max_response_bytes``) and return it."""
        response = self._captured.response
        try:
            return response.content
        except httpx.ResponseNotRead:
            pass
        opened = self._open_body()
        try:
            body = read_whole(response, self._options.max_response_bytes, opened.deadline_at)
        except httpx.TransportError as exc:
            raise connection_error(exc, 1, self.method, self.url) from exc
        # Read whole: the connection is free again before the `with` block ends.
        self._closed = True
        opened.close()
        return body

    def iter_bytes(self, chunk_size: int = 1 << 16) -> Generator[bytes, None]:
        """The body in chunks of at most ``chunk_size`` bytes, as they arrive."""
        return self._track(self._pieces(chunk_size, _whole, _nothing))

    def iter_text(self, chunk_size: int = 1 << 16) -> Generator[str, None]:
        """The body as text in pieces (its charset, UTF-8 by default)."""
        decoder = text_decoder(self._captured.response)

        def decode(chunk: bytes) -> list[str]:
            text = decoder.decode(chunk)
            return [text] if text else []

        def flush() -> list[str]:
            text = decoder.decode(b"", True)
            return [text] if text else []

        return self._track(self._pieces(chunk_size, decode, flush))

    def iter_lines(self, chunk_size: int = 1 << 16) -> Generator[str, None]:
        """The body's lines as they arrive, without their ``\\n``/``\\r\\n``."""
        decoder = text_decoder(self._captured.response)
        splitter = LineSplitter()

        def flush() -> list[str]:
            return splitter.feed(decoder.decode(b"", True)) + splitter.flush()

        return self._track(
            self._pieces(chunk_size, lambda chunk: splitter.feed(decoder.decode(chunk)), flush)
        )

    def parse(self) -> T:
        """What the normal call returns (the model, list or page), from this reply.

        The first call reads the body if it has not been read, and makes any further
        requests the method makes; the result is kept for later calls.
        """
        if not self._parsed:
            self.read()
            tap = Tap("replay", self._captured)
            result: Any = self._call.run(tap)
            self._parsed.append(result)
        return self._parsed[0]

    def close(self) -> None:
        """Close the connection (the rest of the body is not read); safe to repeat."""
        self._closed = True
        opened = self._captured.opened
        if opened is not None:
            opened.close()
        iterators, self._iterators = self._iterators, []
        for iterator in iterators:
            iterator.close()

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.method} {self.url.path} [{self.status_code}] "
            f"request_id={self.request_id!r}>"
        )

    def _open_body(self) -> OpenResponse:
        """The open response whose body has not been touched yet, claimed for one reader."""
        if self._consumed:
            raise MiosaError(CONSUMED)
        opened: OpenResponse | None = self._captured.opened
        if opened is None or self._closed:
            raise MiosaError(CLOSED)
        return opened

    def _track(self, iterator: Generator[S, None]) -> Generator[S, None]:
        self._iterators.append(iterator)
        return iterator

    def _pieces(
        self,
        chunk_size: int,
        convert: Callable[[bytes], list[S]],
        flush: Callable[[], list[S]],
    ) -> Generator[S, None]:
        response = self._captured.response
        try:
            content = response.content
        except httpx.ResponseNotRead:
            pass
        else:
            for start in range(0, len(content), chunk_size):
                for piece in convert(content[start : start + chunk_size]):
                    yield piece
            for piece in flush():
                yield piece
            return
        opened = self._open_body()
        self._consumed = True
        deadline_at = opened.deadline_at
        received = 0
        chunks = decoded_body(response, chunk_size)
        try:
            for chunk in chunks:
                received += len(chunk)
                for piece in convert(chunk):
                    yield piece
                if deadline_at is not None and time.monotonic() >= deadline_at:
                    raise deadline_error(
                        self.method, self.url, 1, self._options.deadline, received=received
                    )
            for piece in flush():
                yield piece
        except httpx.TransportError as exc:
            raise connection_error(exc, 1, self.method, self.url, received=received) from exc
        finally:
            drain(chunks)


def _whole(chunk: bytes) -> list[bytes]:
    return [chunk]


def _nothing() -> list[bytes]:
    return []


class ResponseContextManager(Generic[T]):
    """``with``: the call's response with its body unread; closed on exit."""

    def __init__(self, call: _RawCall) -> None:
        self._call = call
        self._response: APIResponse[T] | None = None

    def __enter__(self) -> APIResponse[T]:
        if self._response is not None:
            raise MiosaError("a streamed response can be entered only once")
        self._response = APIResponse(self._call, self._call.capture("stream"))
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class RawResponseView:
    """The client's groups and methods, each call answering with its HTTP response.

    Reached as ``client.with_raw_response`` (an `APIResponse` per call) and
    ``client.with_streaming_response`` (an `ResponseContextManager` per call).
    """

    __slots__ = ("_client", "_handle", "_path", "_streaming")

    def __init__(
        self,
        client: Miosa,
        *,
        streaming: bool,
        path: tuple[str, ...] = (),
        handle: LiveModel | None = None,
    ) -> None:
        self._client = client
        self._handle = handle
        self._path = path
        self._streaming = streaming

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        path = (*self._path, name)
        target = _resolve(self._root, path)
        if isinstance(target, APIResource):
            return RawResponseView(
                self._client, streaming=self._streaming, path=path, handle=self._handle
            )
        # The client's own methods (close, with_options) are not calls to wrap; a handle's are.
        if (self._path or self._handle is not None) and callable(target):
            return _AsyncRawMethod(self._client, self._handle, path, self._streaming)
        name = dotted(_root_name(self._handle), path)
        raise AttributeError(
            f"{name} is not a group or a method of one; with_raw_response and "
            "with_streaming_response wrap the calls of the client's groups and handles"
        )

    @property
    def _root(self) -> object:
        return self._client if self._handle is None else self._handle

    def __dir__(self) -> list[str]:
        return [name for name in dir(_resolve(self._root, self._path)) if name[0] != "_"]

    def __repr__(self) -> str:
        mode = "with_streaming_response" if self._streaming else "with_raw_response"
        return f"<{dotted(_root_name(self._handle), self._path)} {mode}>"


class _AsyncRawMethod:
    __slots__ = ("_client", "_handle", "_path", "_streaming")

    def __init__(
        self,
        client: Miosa,
        handle: LiveModel | None,
        path: tuple[str, ...],
        streaming: bool,
    ) -> None:
        self._client = client
        self._handle = handle
        self._path = path
        self._streaming = streaming

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        call = _RawCall(self._client, self._handle, self._path, args, kwargs)
        if self._streaming:
            return ResponseContextManager[Any](call)
        return _raw(call)

    def __repr__(self) -> str:
        return f"<{dotted(_root_name(self._handle), self._path)} raw>"


def _raw(call: _RawCall) -> APIResponse[Any]:
    return APIResponse(call, call.capture("raw"))
