"""Pure helpers for the admin group."""

from __future__ import annotations

from typing import Any

from .._request import LIST_KEYS, unwrap_object


def json_object(payload: Any) -> dict[str, Any]:
    """An untyped admin reply as a JSON object: unwrapped from ``{"data": ...}``, ``{}``
    for an empty body, and anything that is not an object kept under ``"data"``.
    """
    if payload is None:
        return {}
    inner = unwrap_object(payload)
    return inner if isinstance(inner, dict) else {"data": inner}


def list_keys(*names: str) -> tuple[str, ...]:
    """Where a list reply may hold its items: the usual keys plus resource-named ones."""
    return (*LIST_KEYS, *names)
