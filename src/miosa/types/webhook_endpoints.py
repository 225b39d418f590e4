"""Models of webhook endpoints, their deliveries and the event catalog (``/webhooks``).

Event names are plain strings so names this SDK version does not know are kept;
compare them with `miosa.webhooks.WebhookEventType` members or with strings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from .._aliases import aliases_filled, fill_aliases
from ._base import Model
from .tenant_events import WebhookEventType

__all__ = [
    "Webhook",
    "WebhookDelivery",
    "WebhookEventCatalog",
    "WebhookSigning",
]

_ENABLED_STATES = {"active": True, "enabled": True, "disabled": False, "paused": False}


def _event_type(name: str) -> WebhookEventType | str:
    try:
        return WebhookEventType(name)
    except ValueError:
        return name


@attrs.frozen(kw_only=True)
class Webhook(Model):
    """A webhook endpoint.

    ``enabled`` is the canonical on/off flag; servers send it as ``enabled`` (TS) or
    ``active`` (Go, CLI), or only as ``state`` (``"active"``/``"disabled"``); both
    attributes hold the same value whichever was sent. ``secret`` (the signing secret)
    is only present in the reply to ``webhooks.create`` (and to an ``update`` that
    rotated it); it is left out of ``repr``.
    """

    id: str | None = None
    tenant_id: str | None = None
    url: str | None = None
    events: tuple[str, ...] | None = None
    enabled: bool | None = None
    active: bool | None = attrs.field(default=None, repr=False)
    state: str | None = None
    secret: str | None = attrs.field(default=None, repr=False)
    secret_preview: str | None = None
    name: str | None = None
    description: str | None = None
    workspace_id: str | None = None
    headers: dict[str, Any] | None = None
    retry_count: int | None = None
    failure_count: int | None = None
    last_triggered_at: datetime | None = None
    last_status_code: int | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __attrs_post_init__(self) -> None:
        fill_aliases(self, ("enabled", "active"))
        if self.enabled is None and self.state in _ENABLED_STATES:
            object.__setattr__(self, "enabled", _ENABLED_STATES[self.state])
            object.__setattr__(self, "active", self.enabled)

    @property
    def event_types(self) -> tuple[WebhookEventType | str, ...]:
        """The subscribed events, known names as `WebhookEventType` members."""
        return tuple(_event_type(name) for name in self.events or ())


@attrs.frozen(kw_only=True)
class WebhookDelivery(Model):
    """One delivery attempt record (also the reply of ``test`` and ``replay``).

    The contract's spellings are unified, each pair holding the same value whichever
    the server sent: ``event``/``event_type``, ``attempt_count``/``attempts``,
    ``response_status``/``status_code``, ``state``/``status``, ``id``/``delivery_id``.
    """

    id: str | None = None
    delivery_id: str | None = None
    webhook_id: str | None = None
    event: str | None = None
    event_type: str | None = None
    state: str | None = None
    status: str | None = None
    success: bool | None = None
    response_status: int | None = None
    status_code: int | None = None
    attempt_count: int | None = None
    attempts: int | None = None
    error: str | None = None
    replay_of: str | None = None
    replay_id: str | None = None
    next_retry_at: datetime | None = None
    attempted_at: datetime | None = None
    delivered_at: datetime | None = None
    created_at: datetime | None = None

    __attrs_post_init__ = aliases_filled(
        ("event", "event_type"),
        ("attempt_count", "attempts"),
        ("response_status", "status_code"),
        ("state", "status"),
        ("id", "delivery_id"),
    )

    @property
    def delivered(self) -> bool:
        """True when the receiver answered 2xx."""
        return self.success is True or self.state == "delivered"


@attrs.frozen(kw_only=True)
class WebhookSigning(Model):
    """How deliveries are signed: header name, algorithm and value format."""

    header: str | None = None
    algorithm: str | None = None
    format: str | None = None


@attrs.frozen(kw_only=True)
class WebhookEventCatalog(Model):
    """``GET /webhooks/events``: the event names a webhook can subscribe to.

    ``data`` is the catalog by category, sent either as ``{category: [names]}`` or as
    ``[{category, events}]``; `by_category` reads both. `names` lists every event name.
    """

    data: Any = None
    events: tuple[str, ...] | None = None
    categories: Any = None
    workspace_scoped_categories: tuple[str, ...] | None = None
    signing: WebhookSigning | None = None
    delivery_headers: tuple[str, ...] | None = None

    @property
    def by_category(self) -> dict[str, tuple[str, ...]]:
        """Event names per category, whichever shape the server used."""
        for source in (self.data, self.categories):
            if isinstance(source, dict):
                return {
                    str(k): tuple(str(e) for e in v)
                    for k, v in source.items()
                    if isinstance(v, list)
                }
            if isinstance(source, list):
                return {
                    str(item["category"]): tuple(str(e) for e in item.get("events") or ())
                    for item in source
                    if isinstance(item, dict) and "category" in item
                }
        return {}

    @property
    def names(self) -> tuple[str, ...]:
        """Every event name: ``events`` when sent, else the categories flattened."""
        if self.events:
            return self.events
        return tuple(name for names in self.by_category.values() for name in names)
