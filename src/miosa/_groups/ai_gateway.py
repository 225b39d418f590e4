"""Pure helpers of ``client.ai_gateway`` (no I/O), shared by the async and blocking clients."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = ["KEY_ENVELOPE", "KEY_LIST_KEYS", "host_root_base_url", "optional_object"]

KEY_ENVELOPE = ("key", "data")
"""Intelligence key replies come as ``{"key": ...}``, not in the usual ``data`` envelope."""

KEY_LIST_KEYS = ("keys", "data")


def host_root_base_url(base_url: str) -> str:
    """The root of the API host: ``base_url`` without its path (``https://api.miosa.ai``
    for ``https://api.miosa.ai/api/v1``).

    The inference proxy is mounted at the host root (``/inference/{slug}/v1/...``),
    outside the API's ``/api/v1``; the contract marks such routes ``x-miosa-base:
    host-root``. Scheme, credentials and port are kept; query and fragment dropped.
    """
    parts = urlsplit(base_url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def optional_object(payload: Any) -> dict[str, Any] | None:
    """The object of a ``{"data": {...}}`` reply, or None for ``{"data": null}`` (an
    unconfigured budget) or an empty body."""
    if isinstance(payload, dict):
        if "data" in payload:
            inner = payload["data"]
            return inner if isinstance(inner, dict) else None
        return payload or None
    return None
