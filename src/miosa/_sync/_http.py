# This file was generated from
#   src/miosa/_async/_http.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The request machinery every resource method hands off to: one retry loop for all calls."""

from __future__ import annotations

import json as jsonlib
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import httpx

from .._concurrency import Gate, shielded, sleep
from .._core.options import ClientOptions, logger
from .._core.pool import ShardLoad, shard_limits
from .._core.process import NoCookies, fork_generation
from .._core.request import NOT_GIVEN, NotGiven, UrlCache, new_idempotency_key
from .._core.responses import decode_json
from .._core.retry import (
    cap_timeout,
    connection_error,
    decide_for_status,
    decide_for_transport_error,
    is_tls_failure,
    time_left,
)
from .._core.status_errors import error_from_response, retry_after_too_long
from ..errors import ResponseValidationError

_MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Failures that happen before a single byte of the request left this process.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_ERROR_BODY_LIMIT = 1 << 20

Content = bytes | Callable[[], Iterable[bytes]] | None
# What a request holds while in flight: its admission token and its shard.
Lease = tuple[Any, int]


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
    """

    def __init__(self, options: ClientOptions, http_client: httpx.Client | None) -> None:
        self._options = options
        self._owned = http_client is None
        self.timeout = options.timeout
        self._generation = fork_generation()
        # Headers set once on a client we own, so each request only sends what differs.
        self.headers = options.base_headers() if self._owned else {}
        self._limits = shard_limits(options.max_connections, options.max_keepalive_connections)
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
            )
            for limits in self._limits
        ]

    def _new_load(self) -> ShardLoad:
        return ShardLoad([limits.max_connections or 1 for limits in self._limits])

    @property
    def client(self) -> httpx.Client:
        """The client requests are built with (every shard is configured alike)."""
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

    def acquire(self) -> tuple[httpx.Client, Lease]:
        """Wait for a slot, then take the shard with the most free connections.

        `release` gives both back.
        """
        token = self.gate.acquire()
        shard = self._load.take()
        return self._clients[shard], (token, shard)

    def release(self, lease: Lease) -> None:
        token, shard = lease
        self._load.put(shard)
        self.gate.release(token)

    @property
    def owned(self) -> bool:
        return self._owned

    @property
    def closed(self) -> bool:
        return all(client.is_closed for client in self._clients)

    def close(self) -> None:
        if self._owned:
            for client in self._clients:
                client.close()


class OpenResponse:
    """A streamed response that holds a pool slot until it is closed."""

    def __init__(self, response: httpx.Response, pool: Pool, lease: Lease) -> None:
        self.response = response
        self._pool = pool
        self._lease = lease
        self._closed = False

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with shielded():
                self.response.close()
        finally:
            self._pool.release(self._lease)


class HTTP:
    """Builds requests from the options and runs them through the retry loop."""

    def __init__(self, options: ClientOptions, pool: Pool) -> None:
        self.options = options
        self.pool = pool
        pool_headers = pool.headers
        self._base_headers = {
            name: value
            for name, value in options.base_headers().items()
            if pool_headers.get(name) != value
        }
        self._url = UrlCache(options.base_url)
        key = options.intelligence_key
        self._intelligence_auth = {"Authorization": f"Bearer {key.reveal()}"} if key else {}

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
        response, _ = self._send(
            method,
            path,
            params,
            json,
            content,
            headers,
            idempotency_key,
            stream=False,
            timeout=timeout,
        )
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
        response = self.request(
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            idempotency_key=idempotency_key,
            timeout=timeout,
        )
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
        response, lease = self._send(
            method,
            path,
            params,
            json,
            None,
            headers,
            idempotency_key,
            stream=True,
            timeout=timeout,
            max_retries=max_retries,
        )
        assert lease is not None
        return OpenResponse(response, self.pool, lease)

    def _build(
        self,
        client: httpx.Client,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        body: bytes | None,
        stream_body: Iterable[bytes] | None,
        headers: dict[str, str],
        timeout: httpx.Timeout | None,
    ) -> httpx.Request:
        if timeout is None and not (self.pool.owned and self.options.timeout is self.pool.timeout):
            timeout = self.options.timeout
        return client.build_request(
            method,
            self._url(path),
            params=params,
            content=body if stream_body is None else stream_body,
            headers=headers,
            # Left out when it equals the pool client's own default: building one per call costs.
            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )

    def _headers(
        self,
        method: str,
        path: str,
        extra: Mapping[str, str] | None,
        idempotency_key: str | None,
        content_type: str | None,
    ) -> dict[str, str]:
        headers = dict(self._base_headers)
        if self._intelligence_auth and path.startswith("/intelligence/"):
            headers.update(self._intelligence_auth)
        if content_type is not None:
            headers["Content-Type"] = content_type
        if method in _MUTATING:
            headers["Idempotency-Key"] = idempotency_key or new_idempotency_key()
        if extra:
            headers.update(extra)
        return headers

    def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        json: object,
        content: Content,
        extra_headers: Mapping[str, str] | None,
        idempotency_key: str | None,
        *,
        stream: bool,
        timeout: httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> tuple[httpx.Response, Lease | None]:
        options = self.options
        retries_allowed = options.max_retries if max_retries is None else max_retries
        body: bytes | None = None
        content_type: str | None = None
        if json is not NOT_GIVEN and not isinstance(json, NotGiven):
            body = jsonlib.dumps(json, separators=(",", ":"), ensure_ascii=False).encode()
            content_type = "application/json"
        elif isinstance(content, bytes):
            body = content
        headers = self._headers(method, path, extra_headers, idempotency_key, content_type)
        deadline_at = time.monotonic() + options.deadline if options.deadline else None
        debug = logger.isEnabledFor(logging.DEBUG)
        retries_done = 0
        while True:
            remaining = time_left(deadline_at)
            headers["X-Miosa-Retry-Count"] = str(retries_done)
            pool = self.pool
            attempt_timeout = timeout
            if remaining is not None:
                base = timeout or options.timeout
                attempt_timeout = httpx.Timeout(
                    connect=cap_timeout(base.connect, remaining),
                    read=cap_timeout(base.read, remaining),
                    write=cap_timeout(base.write, remaining),
                    pool=cap_timeout(base.pool, remaining),
                )
            stream_body = content() if callable(content) else None
            request = self._build(
                pool.client, method, path, params, body, stream_body, headers, attempt_timeout
            )
            client, lease = pool.acquire()
            started = time.perf_counter()
            try:
                response = client.send(request, stream=stream, follow_redirects=False)
            except httpx.TransportError as exc:
                pool.release(lease)
                if debug:
                    logger.debug(
                        "%s %s failed: %s (attempt %d)",
                        method,
                        path,
                        type(exc).__name__,
                        retries_done + 1,
                    )
                decision = decide_for_transport_error(
                    sent=not isinstance(exc, _NOT_SENT),
                    replay_safe=not callable(content),
                    retries_done=retries_done,
                    max_retries=retries_allowed if not is_tls_failure(exc) else 0,
                    time_left=time_left(deadline_at),
                )
                if decision.retry:
                    sleep(decision.delay)
                    retries_done += 1
                    continue
                raise connection_error(exc, retries_done + 1, method, request.url) from exc
            except BaseException:
                pool.release(lease)
                raise
            status = response.status_code
            if debug:
                logger.debug(
                    "%s %s -> %d in %.1f ms (attempt %d, request_id=%s)",
                    method,
                    path,
                    status,
                    (time.perf_counter() - started) * 1000,
                    retries_done + 1,
                    response.headers.get("x-request-id"),
                )
            if status < 300:
                if stream:
                    return response, lease
                pool.release(lease)
                return response, None
            try:
                error_body = _read_error_body(response) if stream else response.content
            finally:
                if stream:
                    with shielded():
                        response.close()
                pool.release(lease)
            decision = decide_for_status(
                status,
                response.headers,
                retries_done,
                retries_allowed,
                time_left=time_left(deadline_at),
            )
            if decision.retry_after_too_long:
                raise retry_after_too_long(
                    status,
                    response.headers,
                    error_body,
                    retries_done + 1,
                    decision.retry_after or 0.0,
                )
            if decision.retry and not callable(content):
                sleep(decision.delay)
                retries_done += 1
                continue
            raise error_from_response(
                status,
                response.headers,
                error_body,
                attempts=retries_done + 1,
                retry_after=decision.retry_after,
                method=method,
                url=request.url,
            )


def _read_error_body(response: httpx.Response) -> bytes:
    """At most ~1 MiB of an error body; whatever arrived if the connection breaks."""
    chunks: list[bytes] = []
    size = 0
    body = response.iter_bytes()
    try:
        for chunk in body:
            chunks.append(chunk)
            size += len(chunk)
            if size >= _ERROR_BODY_LIMIT:
                break
    except httpx.TransportError:
        pass
    finally:
        # Finish the generator here rather than leave it to the garbage collector.
        # httpx types it as an iterator, but it is a generator and has this method.
        body.close()  # type: ignore[attr-defined]
    return b"".join(chunks)
