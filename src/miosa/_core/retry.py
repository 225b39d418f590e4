"""The retry policy, as pure functions of a response's status and headers, a transport
error, and the deadline; and the error raised for a failure with no HTTP answer.

Numbers (RELIABILITY.md): retried statuses 408, 429, 500, 502, 503, 504; backoff
``min(0.5 s * 2^n, 8 s)`` times a random factor in (0.5, 1]; ``retry-after-ms`` then
``Retry-After`` (seconds or HTTP date; a date in the past means the backoff) honoured from 0
to 60 s; longer waits are not
slept but raised as `RateLimitError`; ``x-should-retry`` overrides the status rules.
"""

from __future__ import annotations

import email.utils
import math
import random
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

import httpx

from ..errors import APIConnectionError, APITimeoutError

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
BASE_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0


def backoff_delay(retry_index: int, rand: Callable[[], float] = random.random) -> float:
    """Delay before retry number ``retry_index`` (0-based): capped exponential, jittered."""
    ceiling = min(BASE_DELAY * (2.0**retry_index), MAX_DELAY)
    # random() is in [0, 1); 1 - random()/2 is in (0.5, 1].
    return ceiling * (1.0 - rand() / 2.0)


def _finite_non_negative(value: float) -> float | None:
    if math.isnan(value) or math.isinf(value) or value < 0:
        return None
    return value


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The wait the server asked for, in seconds, or None when absent or unusable."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            value = _finite_non_negative(float(millis))
        except ValueError:
            value = None
        if value is not None:
            return value / 1000.0
    raw = headers.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        return _finite_non_negative(float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    current = time.time() if now is None else now
    wait = when.timestamp() - current
    # A date already past asks for no wait at all; retrying at once would turn every
    # client with a skewed clock into a retry storm, so the normal backoff applies.
    return wait if wait > 0 else None


class RetryDecision(NamedTuple):
    """What to do after a failed attempt."""

    retry: bool
    delay: float = 0.0
    # Set when the server asked for a wait we will not sleep (over 60 s or past the deadline).
    retry_after_too_long: bool = False
    retry_after: float | None = None


NO_RETRY = RetryDecision(retry=False)


def decide_for_status(
    status: int,
    headers: Mapping[str, str],
    retries_done: int,
    max_retries: int,
    *,
    time_left: float | None = None,
    rand: Callable[[], float] = random.random,
) -> RetryDecision:
    """Decide whether a response with an error status is retried, and after how long."""
    should = headers.get("x-should-retry")
    if should == "false":
        return NO_RETRY
    retry_after = parse_retry_after(headers)
    if retry_after is not None and retry_after > MAX_RETRY_AFTER:
        return RetryDecision(retry=False, retry_after_too_long=True, retry_after=retry_after)
    if retries_done >= max_retries:
        return RetryDecision(retry=False, retry_after=retry_after)
    if should != "true" and status not in RETRYABLE_STATUSES:
        return RetryDecision(retry=False, retry_after=retry_after)
    delay = retry_after if retry_after is not None else backoff_delay(retries_done, rand)
    if time_left is not None and delay >= time_left:
        return RetryDecision(retry=False, retry_after=retry_after)
    return RetryDecision(retry=True, delay=delay, retry_after=retry_after)


def decide_for_transport_error(
    *,
    sent: bool,
    replay_safe: bool,
    retries_done: int,
    max_retries: int,
    time_left: float | None = None,
    rand: Callable[[], float] = random.random,
) -> RetryDecision:
    """Connection failures are retried; after the request went out only if replaying is safe."""
    if retries_done >= max_retries or (sent and not replay_safe):
        return NO_RETRY
    delay = backoff_delay(retries_done, rand)
    if time_left is not None and delay >= time_left:
        return NO_RETRY
    return RetryDecision(retry=True, delay=delay)


# -- attempts: deadline arithmetic, and the error for a failure with no HTTP answer ------


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
    exc: httpx.TransportError,
    attempts: int,
    method: str,
    url: httpx.URL,
    *,
    received: int | None = None,
) -> APIConnectionError:
    """The SDK error for a failure with no HTTP answer: the host, the cause, the call made.

    ``received`` is set for a streamed body that broke part-way: how many bytes arrived.
    """
    host = url.host if url.port is None else f"{url.host}:{url.port}"
    called = f"{method} {url.copy_with(query=None)}"
    tried = f"{type(exc).__name__}, {attempts} attempt{'s' if attempts != 1 else ''}"
    if received is not None:
        tried += f", {received} bytes of the body received"
    cause = describe_failure(exc)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"Request to {host} {cause} ({called}; {tried}).",
            attempts=attempts,
            host=host,
            received=received,
        )
    return APIConnectionError(
        f"Could not reach {host}: {cause} ({called}; {tried}).",
        attempts=attempts,
        host=host,
        received=received,
    )


def deadline_error(
    method: str,
    url: httpx.URL,
    attempts: int,
    deadline: float | None,
    *,
    received: int | None = None,
) -> APITimeoutError:
    """The error for a call still unfinished when its ``deadline`` (seconds) passed."""
    host = url.host if url.port is None else f"{url.host}:{url.port}"
    called = f"{method} {url.copy_with(query=None)}"
    tried = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if received is not None:
        tried += f", {received} bytes of the body received"
    return APITimeoutError(
        f"Request to {host} did not finish within its deadline of {deadline} s ({called}; "
        f"{tried}).",
        attempts=attempts,
        host=host,
        received=received,
    )
