"""Models of the platform-event outbox: subscriptions and their deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import attrs

from ._base import Model

__all__ = ["ConsumerKind", "EventDelivery", "EventSubscription"]

ConsumerKind = Literal["workflow", "webhook", "agent", "notification"]
"""What receives the events a subscription routes."""


@attrs.frozen(kw_only=True)
class EventSubscription(Model):
    """Routes platform events of one type (or ``prefix.*``) to one consumer.

    ``filter`` is a flat map of payload keys the event must match; ``active`` False pauses.
    """

    id: str | None = None
    consumer_kind: str | None = None
    consumer_id: str | None = None
    event_type: str | None = None
    filter: dict[str, Any] | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    active: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EventDelivery(Model):
    """One event routed to a subscription's consumer, and whether it was accepted."""

    id: str | None = None
    subscription_id: str | None = None
    event_id: str | None = None
    event_type: str | None = None
    state: str | None = None
    attempts: int | None = None
    last_error: str | None = None
    next_attempt_at: datetime | None = None
    delivered_at: datetime | None = None
    created_at: datetime | None = None
