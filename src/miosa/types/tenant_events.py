"""Events of the tenant-wide stream (``GET /events/stream``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ..webhooks import WebhookEventType
from .events import Event

__all__ = ["TenantEvent"]


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
