# This file was generated from
#   src/miosa/_async/_http.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The request machinery every resource method hands off to: one retry loop for all calls."""

from __future__ import annotations

import contextlib
import json as jsonlib
import logging
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import httpx

from .._concurrency import (
    BodyStream,
    Gate,
    closing,
    current_loop,
    drain,
    shielded,
    sleep,
    time_limit,
)
from .._core.decoding import body_decoder
from .._core.options import ClientOptions, logger
from .._core.pool import ShardLoad, shard_limits
from .._core.process import NoCookies, fork_generation
from .._core.request import NOT_GIVEN, NotGiven, UrlCache, new_idempotency_key
from .._core.responses import decode_json
from .._core.retry import (
    cap_timeout,
    connection_error,
    deadline_error,
    decide_for_status,
    decide_for_transport_error,
    is_tls_failure,
    time_left,
)
from .._core.status_errors import error_from_response, retry_after_too_long
from .._core.tracing import CallTracer
from ..errors import (
    APITimeoutError,
    ClientClosedError,
    MiosaError,
    ResponseTooLargeError,
    ResponseValidationError,
)

_MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Failures that happen before a single byte of the request left this process.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_ERROR_BODY_LIMIT = 1 << 20


class ReplayableBody:
    """A streamed request body that can be produced again from its start (a local path,
    a seekable file rewound to where it stood): retried like any other request."""

    __slots__ = ("_produce",)

    def __init__(self, produce: Callable[[], Iterable[bytes]]) -> None:
        self._produce = produce

    def __call__(self) -> Iterable[bytes]:
        return self._produce()


Content = bytes | ReplayableBody | Callable[[], Iterable[bytes]] | None
_ONE_SHOT = (
    " Not retried: the request body is a one-shot stream (an iterator, a named pipe) that "
    "cannot be sent again; pass bytes, a regular file's path or a seekable file to allow "
    "retries."
)


def _replayable(content: Content) -> bool:
    return not callable(content) or isinstance(content, ReplayableBody)


# What a request holds while in flight: its admission token, its shard, and the load
# and gate they came from (a pool rebuilt for another loop has new ones).
Lease = tuple[Any, int, ShardLoad, Any]


class RequestBody(BodyStream):
    """A streamed request body that the attempt sending it closes, sent or not.

    httpx would iterate the body through a generator of its own, which nothing closes when
    the send stops half-way (an error, a cancellation); this one hands out the body's own
    iterator, so the attempt can close it and its source (a file) at once.
    """

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks.__iter__()

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks

    def close(self) -> None:
        with closing(self._chunks):
            pass


def _close_body(request: httpx.Request) -> None:
    if isinstance(request.stream, RequestBody):
        request.stream.close()


class CookielessClient(httpx.Client):
    """An httpx client that never stores or sends cookies (see `NoCookies`)."""

    _no_cookies = NoCookies()

    @property  # type: ignore[misc]
    def cookies(self) -> httpx.Cookies:
        return self._no_cookies


class Pool:
    """The httpx clients and admission gate shared by a client and its `with_options` copies.

    A client we own is several small httpx pools (see `_core.pool`); an injected
    ``http_client`` is used as it is.

    Connections belong to the loop that opened them, so an owned pool is rebuilt when a
    call comes from another loop (see `current_loop`): the old loop's connections are
    shut down on the spot. A pool still busy on one loop refuses calls from another with
    a `MiosaError` that names the fix.

    Admission: at most ``max_in_flight`` requests hold a slot at once; an open stream
    (an event stream or a download) holds its slot, and its connection, until it is
    closed. A call that finds every slot taken waits at most the pool timeout
    (``timeout.pool``, 30 s by default, cut to the deadline) and then raises
    `APITimeoutError`.
    """

    def __init__(
        self,
        options: ClientOptions,
        http_client: httpx.Client | None,
        tracer: CallTracer | None = None,
    ) -> None:
        self._options = options
        # Shared by every transport on this pool (`with_options` copies, the host-root one).
        self.tracer = tracer
        self._owned = http_client is None
        self.timeout = options.timeout
        self._generation = fork_generation()
        # Headers set once on a client we own, so each request only sends what differs.
        self.options = options
        self.base_headers = options.base_headers()
        self.headers = self.base_headers if self._owned else {}
        self._limits = shard_limits(
            options.max_connections, options.max_keepalive_connections, http2=options.http2
        )
        self._closed = False
        self._loop: object = _UNBOUND
        self.open_streams = 0
        if http_client is not None:
            self._clients = [http_client]
            self._load = ShardLoad([options.max_connections])
        else:
            self._clients = self._new_clients()
            self._load = self._new_load()
        self.gate = Gate(options.max_in_flight)

    def _new_clients(self) -> list[httpx.Client]:
        # One TLS context for all shards: loading the CA bundle costs ~20 ms a time.
        tls = httpx.create_ssl_context()
        return [
            CookielessClient(
                headers=self.headers,
                timeout=self._options.timeout,
                limits=limits,
                follow_redirects=False,
                verify=tls,
                http2=self._options.http2,
            )
            for limits in self._limits
        ]

    def _new_load(self) -> ShardLoad:
        return ShardLoad([limits.max_connections or 1 for limits in self._limits])

    @property
    def client(self) -> httpx.Client:
        """The client requests are built with (every shard is configured alike)."""
        if self._closed:
            raise ClientClosedError(_CLOSED)
        # Sockets inherited across os.fork() are shared with the parent; start afresh.
        if self._owned and fork_generation() != self._generation:
            self._generation = fork_generation()
            self._clients = self._new_clients()
            self._load = self._new_load()
            self.gate = Gate(self._options.max_in_flight)
        return self._clients[0]

    @property
    def clients(self) -> tuple[httpx.Client, ...]:
        return tuple(self._clients)

    def acquire(self, wait: float | None) -> tuple[httpx.Client, Lease]:
        """Wait (at most ``wait`` seconds) for a slot, then take the shard with the most
        free connections. `release` gives both back."""
        loop = current_loop()
        if loop is not self._loop:
            self._bind(loop)
        token = self.gate.acquire(wait)
        if token is None:
            raise APITimeoutError(
                f"timed out after {wait} s waiting for a free connection: all "
                f"{self._options.max_in_flight} are in use ({self.open_streams} held by open "
                "streams). Close streams you no longer read, or raise max_connections."
            )
        shard = self._load.take()
        return self._clients[shard], (token, shard, self._load, self.gate)

    def _bind(self, loop: object) -> None:
        """Serve calls from ``loop``: the first loop, or a new one after the last ended."""
        if self._loop is _UNBOUND:
            self._loop = loop
            return
        if self.gate.in_use:
            raise MiosaError(
                "this Miosa is in use on another event loop; a client serves one event "
                "loop at a time: create one client per event loop (or per thread)"
            )
        self._loop = loop
        self.gate = Gate(self._options.max_in_flight)
        if self._owned:
            stale, self._clients = self._clients, self._new_clients()
            self._load = self._new_load()
            for client in stale:
                _drop_connections(client)

    def release(self, lease: Lease) -> None:
        token, shard, load, gate = lease
        load.put(shard)
        gate.release(token)

    @property
    def owned(self) -> bool:
        return self._owned

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close every connection now; later calls raise `ClientClosedError`."""
        self._closed = True
        if not self._owned:
            return
        if self._loop is not _UNBOUND and current_loop() is not self._loop:
            # Opened on a loop that has ended: they can no longer be closed through it.
            for client in self._clients:
                _drop_connections(client)
            return
        for client in self._clients:
            client.close()


_UNBOUND = object()
_CLOSED = (
    "this client has been closed (close() was called or its `with` block ended); "
    "create a new client"
)


def _drop_connections(client: httpx.Client) -> None:
    """Shut down the sockets of a pool whose loop has ended, on the spot.

    They cannot be closed through the loop that owns them; shutting the sockets down
    tells the server at once, and the file descriptors go with the objects.
    """
    pool = getattr(client._transport, "_pool", None)
    for connection in list(getattr(pool, "connections", ())):
        stream = getattr(getattr(connection, "_connection", None), "_network_stream", None)
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class OpenResponse:
    """A streamed response that holds a pool slot until it is closed."""

    def __init__(
        self, response: httpx.Response, pool: Pool, lease: Lease, deadline_at: float | None
    ) -> None:
        self.response = response
        self._pool = pool
        self._lease = lease
        self._closed = False
        # The call's deadline (``time.monotonic()``), which a download's body honours too.
        self.deadline_at = deadline_at
        pool.open_streams += 1

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with shielded():
                self.response.close()
        finally:
            self._pool.open_streams -= 1
            self._pool.release(self._lease)


class Call:
    """One call across its attempts: what `_prepare` built once, and how many retries ran."""

    __slots__ = (
        "body",
        "content",
        "deadline_at",
        "debug",
        "headers",
        "method",
        "params",
        "path",
        "retries_allowed",
        "retries_done",
        "timeout",
    )

    def __init__(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        body: bytes | None,
        content: Content,
        headers: dict[str, str],
        timeout: httpx.Timeout | None,
        retries_allowed: int,
        deadline_at: float | None,
    ) -> None:
        self.method = method
        self.path = path
        self.params = params
        self.body = body
        self.content = content
        self.headers = headers
        self.timeout = timeout
        self.retries_allowed = retries_allowed
        self.deadline_at = deadline_at
        self.debug = logger.isEnabledFor(logging.DEBUG)
        self.retries_done = 0


class HTTP:
    """Builds requests from the options and runs them through the retry loop."""

    def __init__(self, options: ClientOptions, pool: Pool) -> None:
        self.options = options
        self.pool = pool
        # Computed once: the pool's own when it was built from these very options.
        self.base_headers = pool.base_headers if options is pool.options else options.base_headers()
        pool_headers = pool.headers
        self._base_headers = {
            name: value
            for name, value in self.base_headers.items()
            if pool_headers.get(name) != value
        }
        self._url = UrlCache(options.base_url)
        self._tracer = pool.tracer
        key = options.intelligence_key
        self._intelligence_auth = {"Authorization": f"Bearer {key.reveal()}"} if key else {}

    def derive(self, options: ClientOptions) -> HTTP:
        """This transport with other options, on the same pool (what `with_options` builds)."""
        return HTTP(options, self.pool)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        content: Content = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response:
        """Send a request and return the fully read 2xx response; errors are raised typed."""
        call = self._prepare(method, path, params, json, content, headers, idempotency_key, timeout)
        response, _ = self._send(call, stream=False)
        return response

    def request_json(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        content: Content = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> tuple[Any, httpx.Response]:
        """`request`, with the body decoded (None for 204 or an empty body)."""
        call = self._prepare(method, path, params, json, content, headers, idempotency_key, timeout)
        response, _ = self._send(call, stream=False)
        if response.status_code == 204:
            return None, response
        try:
            payload = decode_json(response.content, status_code=response.status_code)
        except ResponseValidationError as exc:
            exc.request_id = response.headers.get("x-request-id")
            raise
        return payload, response

    def open(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        timeout: httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> OpenResponse:
        """Open a streamed 2xx response (downloads, SSE); the caller must `close` it."""
        call = self._prepare(
            method, path, params, json, None, headers, idempotency_key, timeout, max_retries
        )
        response, lease = self._send(call, stream=True)
        assert lease is not None
        return OpenResponse(response, self.pool, lease, call.deadline_at)

    def _prepare(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        json: object,
        content: Content,
        extra: Mapping[str, str] | None,
        idempotency_key: str | None,
        timeout: httpx.Timeout | None,
        max_retries: int | None = None,
    ) -> Call:
        """Everything a call sends the same on every attempt: body, headers, deadline."""
        options = self.options
        body: bytes | None = None
        content_type: str | None = None
        if json is not NOT_GIVEN and not isinstance(json, NotGiven):
            body = jsonlib.dumps(json, separators=(",", ":"), ensure_ascii=False).encode()
            content_type = "application/json"
        elif isinstance(content, bytes):
            body = content
        headers = dict(self._base_headers)
        if self._intelligence_auth and path.startswith("/intelligence/"):
            headers.update(self._intelligence_auth)
        if content_type is not None:
            headers["Content-Type"] = content_type
        if method in _MUTATING:
            headers["Idempotency-Key"] = idempotency_key or new_idempotency_key()
        if extra:
            headers.update(extra)
        return Call(
            method,
            path,
            params,
            body,
            content,
            headers,
            timeout,
            options.max_retries if max_retries is None else max_retries,
            time.monotonic() + options.deadline if options.deadline else None,
        )

    def _send(self, call: Call, *, stream: bool) -> tuple[httpx.Response, Lease | None]:
        """Attempt until a 2xx answer (returned) or an error that is not retried (raised)."""
        if self._tracer is not None:
            return self._send_traced(self._tracer, call, stream)
        return self._attempts(call, stream)

    def _send_traced(
        self, tracer: CallTracer, call: Call, stream: bool
    ) -> tuple[httpx.Response, Lease | None]:
        """`_attempts` inside one span (see `_core.tracing`); a stream's span ends once its
        response has started."""
        span = tracer.start(call.method, call.path, self.options.base_url)
        token = tracer.enter(span, call.headers)
        try:
            sent = self._attempts(call, stream)
        except BaseException as exc:
            tracer.failed(span, exc, call.retries_done + 1)
            raise
        finally:
            tracer.leave(token)
        tracer.succeeded(span, sent[0], call.retries_done + 1)
        return sent

    def _attempts(self, call: Call, stream: bool) -> tuple[httpx.Response, Lease | None]:
        while True:
            if call.deadline_at is None:
                sent = self._attempt(call, stream)
            else:
                sent = self._attempt_within_deadline(call, stream)
            if sent is not None:
                return sent
            call.retries_done += 1

    def _attempt_within_deadline(
        self, call: Call, stream: bool
    ) -> tuple[httpx.Response, Lease | None] | None:
        """`_attempt`, cut off when the deadline passes, whatever it is waiting for.

        Each read is bounded by the read timeout, but a body dripped a byte at a time
        restarts that timeout with every byte: only a limit on the whole attempt holds.
        (The blocking client cannot be interrupted; it checks the deadline between reads.)
        """
        assert call.deadline_at is not None
        try:
            with time_limit(max(call.deadline_at - time.monotonic(), 0.0)):
                return self._attempt(call, stream)
        except TimeoutError:
            raise deadline_error(
                call.method, self._url(call.path), call.retries_done + 1, self.options.deadline
            ) from None

    def _build(self, client: httpx.Client, call: Call) -> httpx.Request:
        """This attempt's request; its timeouts cut to the time left before the deadline."""
        timeout = call.timeout
        remaining = time_left(call.deadline_at)
        if remaining is not None:
            base = timeout or self.options.timeout
            timeout = httpx.Timeout(
                connect=cap_timeout(base.connect, remaining),
                read=cap_timeout(base.read, remaining),
                write=cap_timeout(base.write, remaining),
                pool=cap_timeout(base.pool, remaining),
            )
        if timeout is None and not (self.pool.owned and self.options.timeout is self.pool.timeout):
            timeout = self.options.timeout
        content = call.content
        body = content() if callable(content) else None
        request = client.build_request(
            call.method,
            self._url(call.path),
            params=call.params,
            content=body if body is not None else call.body,
            headers=call.headers,
            # Left out when it equals the pool client's own default: building one per call costs.
            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )
        if body is not None:
            request.stream = RequestBody(body)
        return request

    def _pool_wait(self, call: Call) -> float | None:
        """How long this attempt may wait for a free slot: the pool timeout, or less."""
        wait = (call.timeout or self.options.timeout).pool
        remaining = time_left(call.deadline_at)
        return wait if remaining is None else cap_timeout(wait, remaining)

    def _attempt(self, call: Call, stream: bool) -> tuple[httpx.Response, Lease | None] | None:
        """One attempt: the 2xx response, or None after sleeping for a retry; else raises.

        The body is always streamed from httpx and, unless the caller streams it, read
        here: decoded in bounded steps and refused past ``max_response_bytes``.
        """
        pool = self.pool
        call.headers["X-Miosa-Retry-Count"] = str(call.retries_done)
        request = self._build(pool.client, call)
        client, lease = pool.acquire(self._pool_wait(call))
        started = time.perf_counter()
        try:
            response = client.send(request, stream=True, follow_redirects=False)
        except httpx.TransportError as exc:
            pool.release(lease)
            _close_body(request)
            self._decide_transport_error(call, exc, request.url)
            return None
        except BaseException:
            pool.release(lease)
            _close_body(request)
            raise
        if call.debug:
            logger.debug(
                "%s %s -> %d in %.1f ms (attempt %d, request_id=%s)",
                call.method,
                call.path,
                response.status_code,
                (time.perf_counter() - started) * 1000,
                call.retries_done + 1,
                response.headers.get("x-request-id"),
            )
        if response.status_code < 300:
            if stream:
                return response, lease
            try:
                read_whole(response, self.options.max_response_bytes, call.deadline_at)
            except httpx.TransportError as exc:
                _close(response)
                pool.release(lease)
                self._decide_transport_error(call, exc, request.url)
                return None
            except BaseException:
                _close(response)
                pool.release(lease)
                raise
            pool.release(lease)
            return response, None
        try:
            error_body = _read_error_body(response)
        finally:
            _close(response)
            pool.release(lease)
        self._decide_status(call, response, error_body, request.url)
        return None

    def _decide_transport_error(
        self, call: Call, exc: httpx.TransportError, url: httpx.URL
    ) -> None:
        """Sleep before a retry of a failure with no HTTP answer, or raise it."""
        if call.debug:
            logger.debug(
                "%s %s failed: %s (attempt %d)",
                call.method,
                call.path,
                type(exc).__name__,
                call.retries_done + 1,
            )
        sent = not isinstance(exc, _NOT_SENT)
        replayable = _replayable(call.content)
        decision = decide_for_transport_error(
            sent=sent,
            replay_safe=replayable,
            retries_done=call.retries_done,
            max_retries=call.retries_allowed if not is_tls_failure(exc) else 0,
            time_left=time_left(call.deadline_at),
        )
        if not decision.retry:
            remaining = time_left(call.deadline_at)
            if isinstance(exc, httpx.TimeoutException) and remaining is not None and remaining <= 0:
                raise deadline_error(
                    call.method, url, call.retries_done + 1, self.options.deadline
                ) from exc
            error = connection_error(exc, call.retries_done + 1, call.method, url)
            if sent and not replayable and call.retries_done < call.retries_allowed:
                _add_note(error, _ONE_SHOT)
            raise error from exc
        sleep(decision.delay)

    def _decide_status(
        self, call: Call, response: httpx.Response, error_body: bytes, url: httpx.URL
    ) -> None:
        """Sleep before a retry of an error status, or raise its typed error."""
        status = response.status_code
        decision = decide_for_status(
            status,
            response.headers,
            call.retries_done,
            call.retries_allowed,
            time_left=time_left(call.deadline_at),
        )
        if decision.retry_after_too_long:
            raise retry_after_too_long(
                status,
                response.headers,
                error_body,
                call.retries_done + 1,
                decision.retry_after or 0.0,
            )
        replayable = _replayable(call.content)
        if decision.retry and replayable:
            sleep(decision.delay)
            return
        error = error_from_response(
            status,
            response.headers,
            error_body,
            attempts=call.retries_done + 1,
            retry_after=decision.retry_after,
            method=call.method,
            url=url,
        )
        if decision.retry:
            _add_note(error, _ONE_SHOT)
        raise error


def _add_note(error: MiosaError, note: str) -> None:
    error.message += note
    error.args = (error.message,)


def _close(response: httpx.Response) -> None:
    # Shielded: a cancelled call still gives its connection back.
    with shielded():
        response.close()


class _DeadlinePassed(httpx.ReadTimeout):
    """The call's deadline passed between two reads of a body (the blocking client's check)."""


def _check_deadline(deadline_at: float | None, request: httpx.Request) -> None:
    if deadline_at is not None and time.monotonic() >= deadline_at:
        raise _DeadlinePassed("the call's deadline passed while reading the body", request=request)


def _too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"the reply is larger than max_response_bytes={limit} bytes once decoded; raise that "
        "client option, or use a method that streams (download) for large payloads",
        status_code=response.status_code,
        limit=limit,
        request_id=response.headers.get("x-request-id"),
    )


def _named(exc: ResponseValidationError, response: httpx.Response) -> ResponseValidationError:
    exc.status_code = response.status_code
    exc.request_id = response.headers.get("x-request-id")
    return exc


def read_whole(response: httpx.Response, limit: int, deadline_at: float | None) -> bytes:
    """Read a streamed body whole into ``response.content``, decoded in bounded steps.

    Raises `ResponseTooLargeError` as soon as the decoded size passes ``limit`` (so a
    small compressed reply can never inflate past it), `ResponseValidationError` for an
    encoding that cannot be decoded, and an ``httpx.ReadTimeout`` once ``deadline_at``
    passes between two reads. Transport errors are left to the caller.
    """
    if _already_read(response):
        if len(response.content) > limit:
            raise _too_large(response, limit)
        return response.content
    try:
        decoder = body_decoder(response.headers.get("content-encoding"))
    except ResponseValidationError as exc:
        raise _named(exc, response) from None
    chunks: list[bytes] = []
    size = 0
    raw = response.iter_raw()
    try:
        for chunk in raw:
            for piece in decoder.decode(chunk) if decoder is not None else (chunk,):
                size += len(piece)
                if size > limit:
                    raise _too_large(response, limit)
                chunks.append(piece)
            if deadline_at is not None:
                _check_deadline(deadline_at, response.request)
        if decoder is not None:
            for piece in decoder.flush():
                size += len(piece)
                if size > limit:
                    raise _too_large(response, limit)
                chunks.append(piece)
    except ResponseValidationError as exc:
        _abandon(response, raw)
        if isinstance(exc, ResponseTooLargeError):
            raise
        raise _named(exc, response) from None
    except BaseException:
        _abandon(response, raw)
        raise
    content = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    # What httpx's own read() stores; `response.content` then works as usual.
    response._content = content
    return content


def decoded_body(response: httpx.Response, slice_size: int) -> Iterator[bytes]:
    """A streamed body as decoded chunks of at most ``slice_size`` bytes, memory flat
    whatever the ``Content-Encoding``. Transport errors pass through to the caller."""
    if _already_read(response):
        content = response.content
        for start in range(0, len(content), slice_size):
            yield content[start : start + slice_size]
        return
    try:
        decoder = body_decoder(response.headers.get("content-encoding"), slice_size)
    except ResponseValidationError as exc:
        raise _named(exc, response) from None
    try:
        for chunk in response.iter_raw():
            if decoder is not None:
                for piece in decoder.decode(chunk):
                    yield piece
            elif len(chunk) <= slice_size:
                yield chunk
            else:
                for start in range(0, len(chunk), slice_size):
                    yield chunk[start : start + slice_size]
        if decoder is not None:
            for piece in decoder.flush():
                yield piece
    except ResponseValidationError as exc:
        raise _named(exc, response) from None


def _already_read(response: httpx.Response) -> bool:
    # A response built in memory (a test's mock transport) arrives read and decoded.
    return hasattr(response, "_content")


def _abandon(response: httpx.Response, chunks: Iterator[bytes]) -> None:
    """Stop reading a body part-way: close the response, then run the chain of generators
    over it to their end (see `drain`) rather than leave them to the garbage collector."""
    _close(response)
    drain(chunks)


def _read_error_body(response: httpx.Response) -> bytes:
    """At most ~1 MiB of an error body, decoded; whatever arrived if the connection breaks
    or the body cannot be decoded."""
    chunks: list[bytes] = []
    size = 0
    body = decoded_body(response, _ERROR_BODY_LIMIT)
    try:
        for chunk in body:
            chunks.append(chunk)
            size += len(chunk)
            if size >= _ERROR_BODY_LIMIT:
                break
    except (httpx.TransportError, ResponseValidationError):
        pass
    finally:
        _abandon(response, body)
    return b"".join(chunks)[:_ERROR_BODY_LIMIT]
