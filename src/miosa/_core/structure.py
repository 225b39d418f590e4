"""Structuring a decoded reply into the typed result a caller gets, for every resource method.

Shape errors become `ResponseValidationError` naming the response's status and request id;
the request id is read from the headers only when there is such an error, except for a
page, whose lazily built items may raise later (see `miosa._lazy_items`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import httpx

from .._converter import structure, structure_list, structure_page_items
from ..errors import ResponseValidationError
from .responses import unwrap_list

T = TypeVar("T")


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
    items = _items_of(payload, response, keys)
    try:
        return structure_list(items, cast_to, status_code=response.status_code)
    except ResponseValidationError as exc:
        exc.request_id = response.headers.get("x-request-id")
        raise


def structure_page_response(
    payload: Any, cast_to: type[T], response: httpx.Response, keys: Iterable[str]
) -> list[T]:
    """`structure_list_response` for one page of a paginated list: its items are built
    lazily where the model allows, each field converted when first read."""
    return structure_page_items(
        _items_of(payload, response, keys),
        cast_to,
        status_code=response.status_code,
        request_id=response.headers.get("x-request-id"),
    )


def _items_of(payload: Any, response: httpx.Response, keys: Iterable[str]) -> list[Any]:
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
    return items
