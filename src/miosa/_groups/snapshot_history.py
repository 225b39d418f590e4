"""Pure helpers for the snapshot history: replies that carry dependents beside ``data``."""

from __future__ import annotations

from typing import Any


def with_dependents(payload: Any) -> Any:
    """``{"data": snapshot, "dependents": [...]}`` as one object with its dependents."""
    if isinstance(payload, dict) and isinstance(payload.get("data"), dict):
        dependents = payload.get("dependents")
        inner = dict(payload["data"])
        if isinstance(dependents, list):
            inner.setdefault("dependents", dependents)
        return inner
    return payload


def tree_reply(payload: Any) -> Any:
    """A tree reply: the folder under ``data``, or a bare ``warming`` answer."""
    if isinstance(payload, dict) and isinstance(payload.get("data"), dict):
        return payload["data"]
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        return {**{k: v for k, v in payload.items() if k != "data"}, "entries": payload["data"]}
    return payload
