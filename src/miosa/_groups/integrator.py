"""Pure helpers of the white-label integrator surface (tenant, webhooks, usage, events).

Shared by the async and the generated sync resources, so they live outside ``_async``.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from .._converter import parse_datetime
from .._core.sse import ServerSentEvent
from .._events import (
    decode_json,
    fill_event,
    iso_datetime,
    new_model,
    read_json,
    slot_setters,
)
from ..types.tenant_events import TenantEvent

__all__ = [
    "event_names",
    "iso_param",
    "new_replay_id",
    "parse_tenant_event",
    "policy_object",
    "tenant_scope",
    "webhook_with_secret",
    "require_tenant_wide",
]


def event_names(events: Iterable[str | enum.Enum]) -> list[str]:
    """Event names as plain strings: `WebhookEventType` members or any string (kept as is)."""
    if isinstance(events, (str, bytes)):
        raise TypeError("events must be a list of event names, not a single string")
    return [str(e.value) if isinstance(e, enum.Enum) else str(e) for e in events]


def iso_param(value: datetime | str) -> str:
    """A timestamp for the wire: ISO-8601 with ``Z`` (naive datetimes are taken as UTC)."""
    if isinstance(value, str):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def new_replay_id() -> str:
    """A fresh UUID4 for ``webhooks.replay`` (the server refuses a reused one with 409)."""
    return str(uuid.uuid4())


def webhook_with_secret(payload: Any) -> Any:
    """The webhook of a create/update reply, with the signing secret sent beside it.

    Production answers ``POST /webhooks`` with ``{"data": <webhook>, "secret": "..."}``:
    the secret, shown this once, is a sibling of ``data``, so a plain unwrap would drop
    it. A secret inside the webhook object (older servers) is kept as it is.
    """
    if not isinstance(payload, dict):
        return payload
    inner = payload.get("data")
    if not isinstance(inner, dict):
        return payload
    secret = payload.get("secret")
    if isinstance(secret, str) and secret and not inner.get("secret"):
        return {**inner, "secret": secret}
    return inner


def policy_object(payload: Any) -> dict[str, Any]:
    """A policy reply as a JSON object: under ``data`` or ``policy``, or bare; ``{}`` if empty."""
    if not isinstance(payload, dict):
        return {}
    for key in ("data", "policy"):
        if key in payload:
            inner = payload[key]
            return dict(inner) if isinstance(inner, dict) else {}
    return dict(payload)


def tenant_scope(
    scope: str | None, workspace_id: str | None, external_user_id: str | None
) -> str | None:
    """The ``scope`` query of ``/tenant/events/stream``: ``all``, ``workspace:<id>`` or
    ``external_user:<id>``; at most one way of saying it may be given."""
    given = [v for v in (scope, workspace_id, external_user_id) if v is not None]
    if len(given) > 1:
        raise ValueError("pass one of scope, workspace_id or external_user_id")
    if workspace_id is not None:
        return f"workspace:{workspace_id}"
    if external_user_id is not None:
        return f"external_user:{external_user_id}"
    return scope


def require_tenant_wide(tenant_wide: bool) -> None:
    """``events.stream`` is tenant-wide by nature; per-sandbox events have their own stream."""
    if tenant_wide is not True:
        raise ValueError(
            "client.events.stream() is the tenant-wide stream; "
            "for one sandbox use sandbox.events.stream()"
        )


def _timestamp(payload: Mapping[str, Any]) -> datetime | None:
    for key in ("occurred_at", "timestamp"):
        value = payload.get(key)
        if value is not None:
            try:
                return parse_datetime(value)
            except (TypeError, ValueError, OverflowError, OSError):
                return None
    return None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


_set_sandbox_id, _set_tenant_id, _set_occurred_at = slot_setters(
    TenantEvent, "sandbox_id", "tenant_id", "occurred_at"
)


def parse_tenant_event(sse: ServerSentEvent) -> TenantEvent | None:
    """One tenant-stream SSE event as a `TenantEvent`; None for empty / ``[DONE]`` events.

    The envelope fields (``sandbox_id``, ``tenant_id``) are read from the payload, else
    from its ``data`` member; ``occurred_at`` from ``occurred_at`` or ``timestamp``.
    """
    text = sse.data
    if not text or text == "[DONE]":
        return None
    typed: TenantEvent = new_model(TenantEvent)
    try:  # decode_json's fast path, inlined: this runs once per event of the stream
        payload = read_json(text.encode())
    except ValueError:
        payload = decode_json(text)
    raw = fill_event(typed, sse, payload)
    sandbox_id, tenant_id = raw.get("sandbox_id"), raw.get("tenant_id")
    # Both envelope ids present (the usual case) is one test; otherwise look in the data.
    if not (
        sandbox_id.__class__ is str and sandbox_id and tenant_id.__class__ is str and tenant_id
    ):
        inner = typed.data if isinstance(typed.data, dict) else raw
        sandbox_id = _str_or_none(sandbox_id) or _str_or_none(inner.get("sandbox_id"))
        tenant_id = _str_or_none(tenant_id) or _str_or_none(inner.get("tenant_id"))
    _set_sandbox_id(typed, sandbox_id)
    _set_tenant_id(typed, tenant_id)
    stamp = raw.get("occurred_at")
    # The usual envelope: an ISO string read at once; any other form through _timestamp.
    occurred = iso_datetime(stamp) if stamp.__class__ is str else None
    _set_occurred_at(typed, occurred if occurred is not None else _timestamp(raw))
    return typed
