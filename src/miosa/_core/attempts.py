"""Pure pieces of the request loop: deadline arithmetic and the errors it raises."""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Iterator, Mapping

import httpx

from ..errors import APIConnectionError, APITimeoutError, RateLimitError
from .request import error_from_response, request_id_of


def cap_timeout(value: float | None, limit: float) -> float:
    """One timeout component, never longer than the time left before the deadline."""
    limit = max(limit, 0.001)
    return limit if value is None else min(value, limit)


def time_left(deadline_at: float | None) -> float | None:
    return None if deadline_at is None else deadline_at - time.monotonic()


def is_tls_failure(exc: BaseException) -> bool:
    """A certificate verification failure anywhere in the chain: never retried."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, what it was raised from, and the members of any exception group on the way."""
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(getattr(current, "exceptions", ()))  # ExceptionGroup (Trio's connect)
        following = current.__cause__ or current.__context__
        if following is not None:
            pending.append(following)


_TIMEOUTS: tuple[tuple[type[httpx.TimeoutException], str], ...] = (
    (httpx.ConnectTimeout, "timed out while connecting"),
    (httpx.ReadTimeout, "timed out waiting for the response"),
    (httpx.WriteTimeout, "timed out while sending the request"),
    (httpx.PoolTimeout, "timed out waiting for a free connection in the client's pool"),
)


def describe_failure(exc: httpx.TransportError) -> str:
    """What went wrong, in words, from the exception and its causes.

    Built only from exception types and OpenSSL's reason codes, never from an
    exception's own text, so nothing a request carried can end up in the message.
    """
    for kind, text in _TIMEOUTS:
        if isinstance(exc, kind):
            return text
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate verification failed ({cause.verify_message or cause.reason})"
        if isinstance(cause, ssl.SSLError):
            reason = cause.reason or "SSL error"
            hint = (
                ": the server did not answer in TLS (an http:// server behind an https:// URL?)"
                if reason in ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE")
                else ""
            )
            return f"TLS handshake failed ({reason}){hint}"
        if isinstance(cause, socket.gaierror):
            return "DNS lookup failed: the host name does not resolve"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused: nothing accepts connections on that port"
        if isinstance(cause, ConnectionResetError):
            return "the connection was reset by the server"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the server closed the connection without a complete response"
    if isinstance(exc, httpx.ConnectError):
        return "could not connect"
    if isinstance(exc, httpx.ReadError):
        return "the connection failed while reading the response"
    if isinstance(exc, httpx.WriteError):
        return "the connection failed while sending the request"
    return "the request failed before any response"


def connection_error(
    exc: httpx.TransportError, attempts: int, method: str, url: httpx.URL
) -> APIConnectionError:
    """The SDK error for a failure with no HTTP answer: the host, the cause, the call made."""
    host = url.host if url.port is None else f"{url.host}:{url.port}"
    called = f"{method} {url.copy_with(query=None)}"
    tried = f"{type(exc).__name__}, {attempts} attempt{'s' if attempts != 1 else ''}"
    cause = describe_failure(exc)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"Request to {host} {cause} ({called}; {tried}).", attempts=attempts, host=host
        )
    return APIConnectionError(
        f"Could not reach {host}: {cause} ({called}; {tried}).", attempts=attempts, host=host
    )


def retry_after_too_long(
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    attempts: int,
    retry_after: float,
) -> RateLimitError:
    """`RateLimitError` raised at once when the server asks for a wait over 60 s."""
    base = error_from_response(status, headers, content, attempts=attempts)
    return RateLimitError(
        f"The server asked to retry after {retry_after:.0f} s, longer than the SDK "
        "waits (60 s): " + base.message,
        status_code=status,
        code=base.code if base.code != "UNKNOWN_ERROR" else "RATE_LIMITED",
        details=base.details,
        request_id=request_id_of(headers, base.body),
        body=base.body,
        attempts=attempts,
        retry_after=retry_after,
    )
