"""Events of the tenant-wide stream (``GET /events/stream``) and the known event names
(`WebhookEventType`, shared with webhook deliveries and subscriptions)."""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from .events import Event

__all__ = ["TenantEvent", "WebhookEventType"]


class WebhookEventType(str, enum.Enum):
    """Known webhook event names. The set is open: `WebhookEvent.type` is a plain
    ``str`` and keeps names this SDK version does not know. Members are strings, so
    ``event.type == WebhookEventType.SANDBOX_CREATED`` and
    ``event.type == "sandbox.created"`` are the same test. The authoritative list is
    ``GET /webhooks/events``."""

    SANDBOX_CREATED = "sandbox.created"
    SANDBOX_READY = "sandbox.ready"
    SANDBOX_DESTROYED = "sandbox.destroyed"
    SANDBOX_DELETED = "sandbox.deleted"
    SANDBOX_ERROR = "sandbox.error"
    COMPUTER_STARTED = "computer.started"
    COMPUTER_STOPPED = "computer.stopped"
    COMPUTER_ERROR = "computer.error"
    DEPLOYMENT_SUCCEEDED = "deployment.succeeded"
    WEBHOOK_DELIVERED = "webhook.delivered"
    WEBHOOK_TEST = "webhook.test"

    def __str__(self) -> str:
        # The same on every Python version (3.11 changed str() of mixed-in enums).
        return str(self.value)


@attrs.frozen(kw_only=True)
class TenantEvent(Event):
    """One event of the tenant-wide stream.

    ``type`` (e.g. ``"sandbox.ready"``, kept as sent when unknown), ``data`` (the
    payload's ``data`` member, else the whole payload), ``id`` (the SSE id, used to
    resume) and ``raw`` (the whole payload) as for every stream event, plus the
    envelope fields the server adds when present.
    """

    sandbox_id: str | None = None
    tenant_id: str | None = None
    occurred_at: datetime | None = None

    @property
    def event_type(self) -> WebhookEventType | None:
        """The `WebhookEventType` member for ``type``, or None for a name it lacks."""
        try:
            return WebhookEventType(self.type)
        except ValueError:
            return None
