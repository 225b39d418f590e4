"""The response side of the transport: decoding a success body, unwrapping its envelope,
and structuring it into the typed result a caller gets, for every resource method.

Shape errors become `ResponseValidationError` naming the response's status and request
id; the request id is read from the headers only when there is such an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Final, TypeVar

import httpx

from .._converter import structure, structure_list
from ..errors import ResponseValidationError

T = TypeVar("T")

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


def structure_response(payload: Any, cast_to: type[T], response: httpx.Response) -> T:
    """One object of `response` (already unwrapped) as a `cast_to`."""
    try:
        return structure(payload, cast_to, status_code=response.status_code)
    except ResponseValidationError as exc:
        exc.request_id = response.headers.get("x-request-id")
        raise


def structure_list_response(
    payload: Any, cast_to: type[T], response: httpx.Response, keys: Iterable[str]
) -> list[T]:
    """A list reply (bare, or under one of `keys`) as `cast_to` items; no body gives ``[]``."""
    if payload is None:
        return []
    items = unwrap_list(payload, keys)
    if items is None:
        raise ResponseValidationError(
            "Expected a list in the response",
            status_code=response.status_code,
            request_id=response.headers.get("x-request-id"),
            text=response.text[:1024],
        )
    try:
        return structure_list(items, cast_to, status_code=response.status_code)
    except ResponseValidationError as exc:
        exc.request_id = response.headers.get("x-request-id")
        raise
