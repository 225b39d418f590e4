"""The status-to-error mapping: an error response (status, headers, body) as the typed
exception a caller catches, from any of the error envelopes the contract lists.

The exception classes themselves live in `miosa.errors`, their public home.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

import httpx

from ..errors import (
    APIStatusError,
    AuthenticationError,
    ConflictError,
    InsufficientCreditsError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    ServerError,
    ValidationError,
)


def request_id_of(headers: Mapping[str, str], payload: object) -> str | None:
    value = headers.get("x-request-id")
    if value:
        return value
    if isinstance(payload, dict):
        rid = payload.get("request_id")
        if isinstance(rid, str):
            return rid
    return None


_UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9_]*$")

_CODE_CLASSES: Final[Mapping[str, type[APIStatusError]]] = {
    "QUOTA_EXCEEDED": QuotaExceededError,
}

_STATUS_CLASSES: Final[Mapping[int, type[APIStatusError]]] = {
    400: ValidationError,
    401: AuthenticationError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
}


def _first_str(*candidates: object) -> str | None:
    for candidate in candidates:
        if isinstance(candidate, str) and candidate:
            return candidate
    return None


def _errors_text(errors: object) -> str | None:
    """The message of an ``errors`` member: a string, the first of a list, or its ``detail``.

    ``{"errors": {"detail": "Not Found"}}`` is what a Phoenix server's default error view
    answers (an unknown route, a crash before the controller).
    """
    if isinstance(errors, str):
        return errors
    if isinstance(errors, list) and errors and isinstance(errors[0], str):
        return errors[0]
    if isinstance(errors, dict):
        return _first_str(errors.get("detail"), errors.get("message"))
    return None


def _body_retry_after(payload: object) -> float | None:
    """Seconds to wait named by an error body: ``retry_after`` (s) or ``retry_after_ms``,
    under ``error`` or at the top level."""
    if not isinstance(payload, dict):
        return None
    nested = payload.get("error")
    for scope in (nested, payload) if isinstance(nested, dict) else (payload,):
        seconds = scope.get("retry_after")
        if isinstance(seconds, (int, float)) and not isinstance(seconds, bool):
            return float(seconds)
        millis = scope.get("retry_after_ms")
        if isinstance(millis, (int, float)) and not isinstance(millis, bool):
            return float(millis) / 1000.0
    return None


def parse_error_envelope(status: int, payload: object) -> tuple[str, str, dict[str, Any]]:
    """(code, message, details) from any of the envelope variants the contract lists."""
    if not isinstance(payload, dict):
        text = payload.strip() if isinstance(payload, str) else ""
        return "UNKNOWN_ERROR", text[:500] or f"HTTP {status}", {}
    error = payload.get("error")
    nested = error if isinstance(error, dict) else {}
    error_text = error if isinstance(error, str) else None
    message = (
        _first_str(
            nested.get("message"),
            payload.get("message"),
            payload.get("detail"),
            payload.get("reason"),
            error_text,
            _errors_text(payload.get("errors")),
        )
        or f"HTTP {status}"
    )
    code = _first_str(nested.get("code"), payload.get("code"))
    if code is None and error_text is not None and _UPPER_SNAKE.match(error_text):
        code = error_text
    details_value = nested.get("details", payload.get("details"))
    if isinstance(details_value, dict):
        details: dict[str, Any] = details_value
    else:
        details = {k: payload[k] for k in ("detail", "reason") if k in payload}
        if details_value is not None:
            details["details"] = details_value
    return code or "UNKNOWN_ERROR", message, details


def error_from_response(
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    *,
    attempts: int,
    retry_after: float | None = None,
    method: str | None = None,
    url: httpx.URL | None = None,
) -> APIStatusError:
    """The typed error for an error response. Never includes request headers.

    ``method`` and ``url`` name the call (the URL without its query string, which may
    carry a token).
    """
    called = str(url.copy_with(query=None)) if url is not None else None
    try:
        payload: object = json.loads(content) if content else None
    except (ValueError, RecursionError):
        payload = content[:1024].decode("utf-8", "replace")
    code, message, details = parse_error_envelope(status, payload)
    request_id = request_id_of(headers, payload)
    cls = _CODE_CLASSES.get(code) or _STATUS_CLASSES.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else ValidationError
    if 300 <= status < 400:
        location = headers.get("location")
        message = (
            f"the server redirected ({status}) to {location}; the SDK does not follow "
            "redirects: check base_url (https://, host)"
            if location
            else f"the server answered a redirect ({status}) without a Location"
        )
    if cls is RateLimitError:
        if retry_after is None:
            retry_after = _body_retry_after(payload)
        return RateLimitError(
            message,
            status_code=status,
            code=code if code != "UNKNOWN_ERROR" else "RATE_LIMITED",
            details=details,
            request_id=request_id,
            body=payload,
            attempts=attempts,
            retry_after=retry_after,
            method=method,
            url=called,
        )
    return cls(
        message,
        status_code=status,
        code=code,
        details=details,
        request_id=request_id,
        body=payload,
        attempts=attempts,
        method=method,
        url=called,
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
