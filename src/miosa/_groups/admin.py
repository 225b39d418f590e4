"""Pure helpers for the admin group."""

from __future__ import annotations

from typing import Any

from .._core.responses import unwrap_object


def json_object(payload: Any) -> dict[str, Any]:
    """An untyped admin reply as a JSON object: unwrapped from ``{"data": ...}``, ``{}``
    for an empty body, and anything that is not an object kept under ``"data"``.
    """
    if payload is None:
        return {}
    inner = unwrap_object(payload)
    return inner if isinstance(inner, dict) else {"data": inner}


def list_in_object(payload: Any, key: str) -> list[Any]:
    """The array under ``key`` of an object reply, bare or in a ``data`` envelope; ``[]``
    when the object has none (the catalogs whose ``list()`` drops the other fields)."""
    inner = unwrap_object(payload)
    value = inner.get(key) if isinstance(inner, dict) else None
    return value if isinstance(value, list) else []


def provider_entries(payload: Any, unwrap: tuple[str, ...]) -> list[dict[str, Any]]:
    """``{"providers": {name: settings}}`` (under one of ``unwrap``) as one item per
    provider: ``{"provider": name, "settings": settings}``."""
    inner = unwrap_object(payload, unwrap)
    providers = inner.get("providers") if isinstance(inner, dict) else None
    if not isinstance(providers, dict):
        return []
    return [
        {"provider": name, "settings": settings if isinstance(settings, dict) else None}
        for name, settings in providers.items()
    ]
