"""Pure helpers for projects and their services: kinds, release waits, reply shapes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from .._core.request import Route, filled, path_param, query
from .._core.waiters import WaitTarget
from ..types.project_services import ReleaseReason

# Product words for a service and the API kind each is stored as: there is no ``web`` or
# ``private`` kind, both are a ``server`` (a private one simply never gets a public address).
SERVICE_KINDS: Final = {
    "web": "server",
    "private": "server",
    "worker": "worker",
    "static": "static",
    "cron": "cron",
    "database": "database",
}

RELEASE_LIVE: Final = WaitTarget.of(
    "release", ready={"active", "sleeping"}, failed={"failed", "canceled", "stopped", "removed"}
)


def service_kind(service_type: str | None, kind: str | None) -> str:
    """The API kind to send: ``kind`` when given, else the product ``service_type``'s kind
    (a web service when neither is given)."""
    if kind is not None:
        return kind
    if service_type is None:
        return "server"
    return SERVICE_KINDS.get(service_type, service_type)


def with_shape(settings: dict[str, Any] | None, shape: str | None) -> dict[str, Any] | None:
    """``settings`` with the dedicated size ``shape`` set; None leaves settings alone."""
    if shape is None:
        return settings
    return {**(settings or {}), "shape": shape}


def variable_names(names: str | Sequence[str]) -> Route:
    """The path segment naming variables: each encoded, joined by commas (one string is
    one name)."""
    if isinstance(names, str):
        names = [names]
    if not names:
        raise ValueError("names must name at least one variable")
    return filled(",".join(path_param("name", name) for name in names), "{names}")


def build_log_query(tail: int | None, after: int | None) -> dict[str, str]:
    """``after`` continues from a previous page's offset and wins over ``tail``."""
    return query(after=after) if after is not None else query(tail=tail)


def domains_reply(payload: Any) -> dict[str, Any]:
    """``{"data": [domain, ...], "preview": {...}}`` as ``{"domains": ..., "preview": ...}``."""
    if not isinstance(payload, dict):
        return {"domains": payload if isinstance(payload, list) else [], "preview": None}
    domains = payload.get("data", payload.get("domains"))
    if isinstance(domains, dict):  # the whole reply inside a ``data`` envelope
        return (
            domains_reply(domains)
            if {"data", "domains"} & set(domains)
            else {
                "domains": [],
                "preview": domains.get("preview"),
            }
        )
    return {
        "domains": domains if isinstance(domains, list) else [],
        "preview": payload.get("preview"),
    }


def object_or_empty(payload: Any) -> Any:
    """An empty reply (204) as an empty object, so a model with only defaults comes back."""
    return {} if payload is None or payload == "" else payload


def capabilities_by_setting(payload: Any) -> dict[str, dict[str, str]]:
    """The setting-capabilities map, from its envelope or bare; anything else is empty."""
    inner = payload.get("data", payload) if isinstance(payload, dict) else None
    if not isinstance(inner, dict):
        return {}
    return {str(k): dict(v) for k, v in inner.items() if isinstance(v, dict)}


def release_failure(reason: ReleaseReason | None) -> str | None:
    """A release's ``reason`` (``{"code", "detail"}``) as one line for an error message."""
    if reason is None:
        return None
    text = " ".join(str(part) for part in (reason.code, reason.detail) if part)
    return text or None
