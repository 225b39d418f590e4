"""Models of the admin email surface (``/admin/email-*``): campaigns, templates, inbox.

The API documents these replies loosely; the fields named are the common ones and every
model keeps the whole reply in ``raw``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "EmailCampaign",
    "EmailCampaignStatus",
    "EmailDelivery",
    "EmailMessage",
    "EmailRecipientCount",
    "EmailTemplate",
]


class EmailCampaignStatus(OpenEnum):
    """Where a campaign is in its send-out."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    SENT = "sent"
    CANCELED = "canceled"
    FAILED = "failed"


@attrs.frozen(kw_only=True)
class EmailCampaign(Model):
    """A bulk email to an audience, sent once."""

    id: str | None = None
    name: str | None = None
    subject: str | None = None
    template_key: str | None = None
    html: str | None = None
    text: str | None = None
    audience: dict[str, Any] | None = None
    status: EmailCampaignStatus | None = None
    recipient_count: int | None = None
    sent_count: int | None = None
    scheduled_at: datetime | None = None
    sent_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EmailRecipientCount(Model):
    """How many recipients an audience filter selects."""

    count: int | None = None


@attrs.frozen(kw_only=True)
class EmailDelivery(Model):
    """One recipient's copy of a campaign."""

    id: str | None = None
    campaign_id: str | None = None
    email: str | None = None
    user_id: str | None = None
    status: str | None = None
    error: str | None = None
    sent_at: datetime | None = None
    opened_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EmailTemplate(Model):
    """A reusable email keyed by name (``welcome``, ``password_reset``, ...).

    ``customized`` is true once the built-in content was changed; ``reset`` restores it.
    """

    key: str | None = None
    name: str | None = None
    subject: str | None = None
    html: str | None = None
    text: str | None = None
    customized: bool | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EmailMessage(Model):
    """A direct message in the admin inbox, inbound or outbound.

    ``from_`` is the wire's ``from``.
    """

    id: str | None = None
    direction: str | None = None
    from_: str | None = None
    to: tuple[str, ...] = ()
    subject: str | None = None
    text: str | None = None
    html: str | None = None
    read: bool | None = None
    archived: bool | None = None
    created_at: datetime | None = None
