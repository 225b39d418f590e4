"""The wire envelope: errors, object/list replies and cursor pagination."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.datastructures import QueryParams
from starlette.responses import Response

from .common import JSON

_STATUS_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    402: "INSUFFICIENT_CREDITS",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    408: "TIMEOUT",
    409: "CONFLICT",
    410: "GONE",
    413: "PAYLOAD_TOO_LARGE",
    422: "VALIDATION_ERROR",
    429: "RATE_LIMITED",
    500: "INTERNAL_ERROR",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def default_code(status: int) -> str:
    """The canonical error code for a status without a more specific one."""
    return _STATUS_CODES.get(status, "SERVER_ERROR" if status >= 500 else "ERROR")


class ApiError(Exception):
    """Raised by handlers; turned into the canonical error envelope."""

    def __init__(
        self, status: int, code: str | None, message: str, details: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or default_code(status)
        self.message = message
        self.details = dict(details or {})


def not_found(what: str, ident: str) -> ApiError:
    """The 404 every lookup raises."""
    return ApiError(
        404, "NOT_FOUND", f"{what} {ident!r} not found", {"resource": what, "id": ident}
    )


def bad_request(message: str, code: str = "VALIDATION_ERROR", **details: Any) -> ApiError:
    """A 400 for a malformed request."""
    return ApiError(400, code, message, details)


def dumps(payload: Any) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def error_payload(
    code: str, message: str, details: Mapping[str, Any] | None, request_id: str
) -> JSON:
    """``{"error": {...}, "request_id": ...}``."""
    return {
        "error": {"code": code, "message": message, "details": dict(details or {})},
        "request_id": request_id,
    }


def json_response(
    payload: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """A JSON reply."""
    return Response(
        dumps(payload), status_code=status, headers=headers, media_type="application/json"
    )


def error_response(err: ApiError, request_id: str) -> Response:
    """The canonical error envelope for ``err``."""
    return json_response(error_payload(err.code, err.message, err.details, request_id), err.status)


def ok(obj: Any, status: int = 200) -> Response:
    """``{"data": obj}``."""
    return json_response({"data": obj}, status)


def created(obj: Any) -> Response:
    """``{"data": obj}`` with 201."""
    return ok(obj, 201)


def no_content() -> Response:
    """204 with no body."""
    return Response(status_code=204)


def int_param(
    query: QueryParams, name: str, default: int, low: int = 0, high: int | None = None
) -> int:
    """An integer query parameter, clamped, 400 when not a number."""
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(f"query parameter {name!r} must be an integer", param=name) from None
    value = max(low, value)
    return min(value, high) if high is not None else value


def paginate(items: Sequence[JSON], query: QueryParams, key: str = "id") -> JSON:
    """Cursor pagination over an ordered list.

    ``cursor`` / ``after`` / ``starting_after`` name the last item seen (its ``key``), so
    a cursor stays valid while earlier items are added or removed; ``page`` + ``per_page``
    (Go clients) give offset pages with a ``meta`` block.
    """
    if query.get("page") and not (query.get("cursor") or query.get("after")):
        per_page = int_param(
            query, "per_page", int_param(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), 1, MAX_LIMIT
        )
        page_no = int_param(query, "page", 1, 1)
        start = (page_no - 1) * per_page
        chunk = list(items[start : start + per_page])
        more = start + per_page < len(items)
        return {
            "data": chunk,
            "next_cursor": str(chunk[-1][key]) if more and chunk else None,
            "has_more": more,
            "meta": {"total": len(items), "page": page_no, "per_page": per_page},
        }
    limit = int_param(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    cursor = query.get("cursor") or query.get("after") or query.get("starting_after")
    start = 0
    if cursor:
        for index, item in enumerate(items):
            if str(item.get(key)) == cursor:
                start = index + 1
                break
        else:
            raise bad_request("unknown cursor", code="INVALID_CURSOR", cursor=cursor)
    before = query.get("before")
    end = len(items)
    if before:
        for index, item in enumerate(items):
            if str(item.get(key)) == before:
                end = index
                break
    chunk = list(items[start : min(end, start + limit)])
    more = start + limit < end
    return {
        "data": chunk,
        "next_cursor": str(chunk[-1][key]) if more and chunk else None,
        "has_more": more,
    }


def page_response(items: Sequence[JSON], query: QueryParams, key: str = "id") -> Response:
    """``{"data": [...], "next_cursor": ...}`` for ``items``."""
    return json_response(paginate(items, query, key))
