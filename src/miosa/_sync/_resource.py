# This file was generated from
#   src/miosa/_async/_resource.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The base of every resource group: one-line helpers from an endpoint to a typed result."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlencode

import httpx

from .._concurrency import paginate
from .._core.call_options import apply_options
from .._core.paging import PageRequest
from .._core.request import NOT_GIVEN
from .._core.responses import unwrap_object
from .._core.structure import (
    structure_list_response,
    structure_page_response,
    structure_response,
)
from ..types.websocket import WebSocketTarget, websocket_target
from ._http import HTTP, Content
from .pagination import Page
from .streams import ByteStream, EventParser, EventStream

if TYPE_CHECKING:
    from .._pager import Page
    from .client import Miosa

T = TypeVar("T")


class APIResource:
    """A group of endpoints. Subclasses describe endpoints; this class does the work."""

    def __init__(self, client: Miosa) -> None:
        self._client = client

    @property
    def _http(self) -> HTTP:
        return self._client._http

    def _json(
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
        options: Mapping[str, object] | None = None,
    ) -> tuple[Any, httpx.Response]:
        params, json, headers, timeout = apply_options(options, params, json, headers, timeout)
        return self._http.request_json(
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            idempotency_key=idempotency_key,
            timeout=timeout,
        )

    def _object(
        self,
        method: str,
        path: str,
        cast_to: type[T],
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        content: Content = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        unwrap: Iterable[str] = ("data",),
        timeout: httpx.Timeout | None = None,
        prepare: Callable[[Any], Any] | None = None,
        on_response: Callable[[httpx.Response], None] | None = None,
        options: Mapping[str, object] | None = None,
    ) -> T:
        """One JSON object, unwrapped from ``{"data": ...}`` (or other `unwrap` keys) if needed.

        ``prepare`` rewrites the unwrapped object before it is structured; ``on_response``
        sees the response (its headers) first. ``options`` are the caller's per-call
        options (`RequestOptions`).
        """
        params, json, headers, timeout = apply_options(options, params, json, headers, timeout)
        payload, response = self._http.request_json(
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            idempotency_key=idempotency_key,
            timeout=timeout,
        )
        if on_response is not None:
            on_response(response)
        payload = unwrap_object(payload, unwrap)
        return structure_response(prepare(payload) if prepare else payload, cast_to, response)

    def _list(
        self,
        method: str,
        path: str,
        cast_to: type[T],
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        idempotency_key: str | None = None,
        keys: Iterable[str],
        prepare: Callable[[Any], Any] | None = None,
        options: Mapping[str, object] | None = None,
    ) -> list[T]:
        """A JSON array, bare or under one of `keys`; no body gives ``[]``.

        ``prepare`` rewrites the decoded reply first (e.g. picking the array out of a
        catalog object whose other fields a plain list drops).
        """
        params, json, headers, timeout = apply_options(options, params, json, None, None)
        payload, response = self._http.request_json(
            method,
            path,
            params=params,
            json=json,
            headers=headers,
            idempotency_key=idempotency_key,
            timeout=timeout,
        )
        if prepare is not None:
            payload = prepare(payload)
        return structure_list_response(payload, cast_to, response, keys)

    def _none(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        options: Mapping[str, object] | None = None,
    ) -> None:
        """An endpoint whose reply carries nothing the caller needs (204 or an ignored body)."""
        params, json, headers, timeout = apply_options(options, params, json, headers, None)
        self._http.request(
            method,
            path,
            params=params,
            json=json,
            headers=headers,
            idempotency_key=idempotency_key,
            timeout=timeout,
        )

    def _bytes(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        options: Mapping[str, object] | None = None,
    ) -> bytes:
        """A raw binary body, read whole (for small payloads such as screenshots)."""
        params, json, headers, timeout = apply_options(options, params, json, None, None)
        response = self._http.request(
            method, path, params=params, json=json, headers=headers, timeout=timeout
        )
        return response.content

    def _page(
        self,
        path: str,
        cast_to: type[T],
        *,
        params: Mapping[str, str] | None = None,
        cursor_param: str = "cursor",
        keys: Iterable[str],
        options: Mapping[str, object] | None = None,
    ) -> Page[T]:
        """First page of a cursor- or page-number-paginated list (see `Page`).

        The per-call ``options`` apply to every page's request.
        """
        params, _, headers, timeout = apply_options(options, params, NOT_GIVEN, None, None)
        request = PageRequest(
            path=path,
            params=dict(params or {}),
            cursor_param=cursor_param,
            headers=dict(headers) if headers else None,
            timeout=timeout,
        )
        found = tuple(keys)
        return paginate(lambda: self._fetch_page(request, cast_to, found))

    def _fetch_page(self, request: PageRequest, cast_to: type[T], keys: tuple[str, ...]) -> Page[T]:
        payload, response = self._http.request_json(
            "GET",
            request.path,
            params=request.params,
            headers=request.headers,
            timeout=request.timeout,
        )
        items = structure_page_response(payload, cast_to, response, keys)
        return Page.from_payload(items, payload, request, self, cast_to, keys)

    def _download(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        chunk_size: int = 1 << 20,
    ) -> ByteStream:
        """A binary body streamed in chunks; connects when entered."""
        return ByteStream(self._http, method, path, params=params, chunk_size=chunk_size)

    def _websocket(
        self, path: str, *, subprotocol: str | None = None, params: Mapping[str, str] | None = None
    ) -> WebSocketTarget:
        """Where to connect a WebSocket endpoint; makes no request."""
        return websocket_target(
            self._http.options.base_url,
            path,
            self._http.base_headers,
            subprotocol=subprotocol,
            query=urlencode(params or {}),
        )

    def _events(
        self,
        path: str,
        parse: EventParser[T],
        *,
        method: str = "GET",
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        resumable: bool = True,
        idle_timeout: float | None = None,
        is_final: Callable[[T], bool] | None = None,
        timeout: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> EventStream[T]:
        """A server-sent event stream of typed items; connects when entered.

        ``timeout`` bounds the whole stream (seconds), ``idle_timeout`` the silence
        between two events before it reconnects.
        """
        return EventStream(
            self._http,
            method,
            path,
            parse,
            params=params,
            json=json,
            resumable=resumable,
            idle_timeout=idle_timeout,
            is_final=is_final,
            timeout=timeout,
            headers=headers,
        )


class ScopedResource(APIResource):
    """Endpoints under one parent object, e.g. everything below ``/sandboxes/{id}``."""

    def __init__(self, client: Miosa, prefix: str) -> None:
        super().__init__(client)
        self._prefix = prefix
