"""Pure helpers for agent settings: reshaping the replies that are not a plain record."""

from __future__ import annotations

from typing import Any


def catalog_payload(payload: Any) -> Any:
    """``{"data": [...], "capabilities": ...}`` with the harness list named ``harnesses``."""
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        rest = {k: v for k, v in payload.items() if k != "data"}
        return {**rest, "harnesses": [_with_id(h) for h in payload["data"]]}
    if isinstance(payload, list):
        return {"harnesses": [_with_id(h) for h in payload]}
    return payload


def _with_id(entry: Any) -> Any:
    # Some catalog versions name a harness by ``value`` instead of ``id``.
    if isinstance(entry, dict) and "id" not in entry and "value" in entry:
        return {**entry, "id": entry["value"]}
    return entry


def harness_update_payload(payload: Any) -> Any:
    """``{"data": <harness>, "default_harness": ...}`` with the harness named ``harness``."""
    if isinstance(payload, dict) and isinstance(payload.get("data"), dict):
        rest = {k: v for k, v in payload.items() if k != "data"}
        return {**rest, "harness": payload["data"]}
    return payload
