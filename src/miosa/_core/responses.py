"""The response side of the transport: decoding a success body and unwrapping its envelope.

Structuring the unwrapped payload into models is `miosa._core.structure`, kept apart so that
building a client (which decodes) does not import the converter and cattrs (which only the
first typed result needs).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Final

import jiter

from ..errors import ResponseValidationError

_ENVELOPE_KEYS: Final = ("data",)


def decode_json(content: bytes, *, status_code: int) -> Any:
    """Decode a success body; a body that is not JSON is the server's fault, named as such.

    That covers every way a body can defeat the parser: invalid UTF-8 or syntax, an integer
    with more digits than Python converts (ValueError), nesting deeper than the recursion
    limit (RecursionError).

    jiter reads the body first; what it refuses (a lone surrogate escape, a byte-order
    mark, UTF-16, nesting past its limit) goes to `json`, whose result is the SDK's
    answer. For everything jiter accepts, the two give equal values.
    """
    if not content:
        return None
    try:
        return jiter.from_json(content)
    except ValueError:
        pass
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
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
    data = payload.get("data")
    # A list inside a ``data`` object keeps its paging beside it (Forge commit history:
    # ``{"data": {"commits": [...], "page": {"next_cursor": ...}}}``).
    inner = data.get("page") if isinstance(data, dict) else None
    for holder in (
        payload,
        payload.get("meta"),
        payload.get("page"),
        payload.get("pagination"),
        inner,
    ):
        if isinstance(holder, dict):
            for key in ("next_cursor", "cursor_next", "next", "next_marker"):
                value = holder.get(key)
                if isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
                    return str(value)
    return None
