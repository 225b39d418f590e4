"""Pure request and response helpers: paths, bodies, queries, envelopes and error mapping."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import quote

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
    ResponseValidationError,
    ServerError,
    ValidationError,
)


class NotGiven:
    """Marks an argument the caller left out, as distinct from an explicit ``None`` (JSON null)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def path_param(name: str, value: str | int) -> str:
    """Percent-encode one path parameter (`/` too); refuse values that would change the route."""
    text = str(value)
    if text in ("", ".", ".."):
        raise ValueError(f"{name} must be a non-empty id, not {text!r}")
    return quote(text, safe="")


def route(template: str, **params: str | int) -> str:
    """Fill a contract path such as ``/sandboxes/{sandbox_id}`` with encoded parameters."""
    return _PLACEHOLDER.sub(lambda m: path_param(m.group(1), params[m.group(1)]), template)


class UrlCache:
    """Parsed URLs by path below one base URL.

    httpx parses and validates the URL string of every request (~9 us); a resource's path
    is usually asked for again (polling, exec and files on one sandbox). At `size` entries
    the cache starts over: one atomic step, safe with threads sharing a client.
    """

    def __init__(self, base_url: str, size: int = 1024) -> None:
        self._base_url = base_url
        self._size = size
        self._urls: dict[str, httpx.URL] = {}

    def __call__(self, path: str) -> httpx.URL:
        url = self._urls.get(path)
        if url is None:
            url = httpx.URL(self._base_url + path)
            if len(self._urls) >= self._size:
                self._urls.clear()
            self._urls[path] = url
        return url


def file_path_param(path: str) -> str:
    """A sandbox file path for ``/files/{path}``: leading slashes stripped, `/` kept.

    Each segment is still percent-encoded and ``.``/``..``/empty segments are refused,
    so the path can never climb out of the files route.
    """
    segments = path.lstrip("/").split("/")
    if not path.strip("/") or any(s in ("", ".", "..") for s in segments):
        raise ValueError(f"invalid file path {path!r}")
    return "/".join(quote(s, safe="") for s in segments)


def _jsonable(value: object) -> object:
    # Callers may pass any Mapping or Sequence (a MappingProxyType, a tuple); JSON wants dicts
    # and lists.
    if isinstance(value, dict) or value is None or isinstance(value, (str, bytes, int, float)):
        return value
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


def body(**fields: object) -> dict[str, object]:
    """A JSON body from keyword arguments, leaving out those not given."""
    return {k: _jsonable(v) for k, v in fields.items() if v is not NOT_GIVEN}


def merge(base: Mapping[str, object], extra: Mapping[str, object] | None) -> dict[str, object]:
    """`base` plus caller-supplied extra keys (for endpoints that pass options through)."""
    out = dict(base)
    if extra:
        out.update({k: v for k, v in extra.items() if v is not NOT_GIVEN})
    return out


def _query_value(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_query_value(v) for v in value)
    return str(value)


def query(**params: object) -> dict[str, str]:
    """Query parameters: None and NOT_GIVEN dropped, booleans lower-case, lists comma-joined."""
    return {k: _query_value(v) for k, v in params.items() if v is not None and v is not NOT_GIVEN}


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


# -- responses ---------------------------------------------------------------------------

_ENVELOPE_KEYS: Final = ("data",)


def decode_json(content: bytes, *, status_code: int) -> Any:
    """Decode a success body; a body that is not JSON is the server's fault, named as such."""
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        raise ResponseValidationError(
            "The server sent a success response that is not valid JSON",
            status_code=status_code,
            text=content[:1024].decode("utf-8", "replace"),
        ) from None


def unwrap_object(payload: Any, keys: Iterable[str] = _ENVELOPE_KEYS) -> Any:
    """`{"data": {...}}` or a bare object: both arrive as the object."""
    if isinstance(payload, dict):
        for key in keys:
            inner = payload.get(key)
            if isinstance(inner, dict):
                return inner
    return payload


def unwrap_list(payload: Any, keys: Iterable[str]) -> list[Any] | None:
    """A list reply: a bare array, or an array under one of ``keys`` (the call names them;
    a ``data`` object is searched one level down with the same keys)."""
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        for key in keys:
            inner = payload.get(key)
            if isinstance(inner, list):
                return inner
            if isinstance(inner, dict) and key == "data":
                nested = unwrap_list(inner, keys)
                if nested is not None:
                    return nested
    return None


def next_cursor_of(payload: Any) -> str | None:
    """The cursor for the next page, wherever the server put it."""
    if not isinstance(payload, dict):
        return None
    for holder in (payload, payload.get("meta"), payload.get("page"), payload.get("pagination")):
        if isinstance(holder, dict):
            for key in ("next_cursor", "cursor_next", "next", "next_marker"):
                value = holder.get(key)
                if isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
                    return str(value)
    return None


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
    except ValueError:
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
