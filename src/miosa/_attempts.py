"""Pure pieces of the request loop: deadline arithmetic and the errors it raises."""

from __future__ import annotations

import ssl
import time
from collections.abc import Mapping

import httpx

from ._request import error_from_response, request_id_of
from .errors import APIConnectionError, APITimeoutError, RateLimitError


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


def connection_error(exc: httpx.TransportError, attempts: int) -> APIConnectionError:
    """The SDK error for a failure with no HTTP answer; names only the exception type."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(exc).__name__}).", attempts=attempts)
    return APIConnectionError(f"Connection error ({type(exc).__name__}).", attempts=attempts)


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
