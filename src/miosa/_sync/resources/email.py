# This file was generated from
#   src/miosa/_async/resources/email.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.email``: the admin email surface (``/admin/email-*``).

Campaigns (bulk send-outs), templates (reusable emails keyed by name) and the inbox (direct
messages in and out). These routes need an admin credential. The API accepts more fields
than are named here; ``extra`` sends any other key as given, ``filters`` any other query
parameter.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...types.email import (
    EmailCampaign,
    EmailDelivery,
    EmailMessage,
    EmailRecipientCount,
    EmailTemplate,
)
from .._resource import APIResource

_CAMPAIGNS = "/admin/email-campaigns"
_TEMPLATES = "/admin/email-templates"
_INBOX = "/admin/email-inbox"


def _filters(filters: Mapping[str, Any] | None, **named: object) -> dict[str, str]:
    return query(**{**(filters or {}), **named})


class Email(APIResource):
    """``client.email``: ``campaigns``, ``templates`` and ``inbox``."""

    @cached_property
    def campaigns(self) -> EmailCampaigns:
        """Bulk send-outs: list, create, recipient_count, send, cancel, deliveries."""
        return EmailCampaigns(self._client)

    @cached_property
    def templates(self) -> EmailTemplates:
        """Reusable emails keyed by name: list, create, update, reset."""
        return EmailTemplates(self._client)

    @cached_property
    def inbox(self) -> EmailInbox:
        """Direct messages: list, send, mark_read, archive."""
        return EmailInbox(self._client)


class EmailCampaigns(APIResource):
    """``client.email.campaigns``: bulk email to an audience."""

    def list(
        self,
        *,
        status: str | None = None,
        filters: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EmailCampaign]:
        """Campaigns, newest first. ``GET /admin/email-campaigns``."""
        params = _filters(filters, status=status)
        return self._list(
            "GET",
            _CAMPAIGNS,
            EmailCampaign,
            params=params,
            keys=("data", "campaigns", "items"),
            options=options,
        )

    def create(
        self,
        *,
        subject: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        template_key: str | NotGiven = NOT_GIVEN,
        html: str | NotGiven = NOT_GIVEN,
        text: str | NotGiven = NOT_GIVEN,
        audience: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        scheduled_at: datetime | str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EmailCampaign:
        """Draft a campaign. ``POST /admin/email-campaigns``.

        Args:
            audience: Who receives it, as the filters `recipient_count` takes.
            template_key: Send a template instead of ``html`` / ``text``.
            scheduled_at: When to send it (an aware datetime or ISO 8601 text).
        """
        payload = body(
            name=name,
            subject=subject,
            template_key=template_key,
            html=html,
            text=text,
            audience=audience,
            scheduled_at=scheduled_at.isoformat()
            if isinstance(scheduled_at, datetime)
            else scheduled_at,
        )
        return self._object(
            "POST",
            _CAMPAIGNS,
            EmailCampaign,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def recipient_count(
        self, *, filters: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> EmailRecipientCount:
        """How many recipients an audience selects, before sending.

        ``GET /admin/email-campaigns/recipient-count``; ``filters`` are the audience's.
        """
        return self._object(
            "GET",
            f"{_CAMPAIGNS}/recipient-count",
            EmailRecipientCount,
            params=_filters(filters),
            options=options,
        )

    def send(
        self,
        campaign_id: str,
        *,
        test_recipients: Sequence[str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> EmailCampaign:
        """Send a campaign now. ``POST /admin/email-campaigns/{campaign_id}/send``.

        ``test_recipients`` sends a test copy to those addresses only.
        """
        path = route(_CAMPAIGNS + "/{campaign_id}/send", campaign_id=campaign_id)
        payload = merge(body(test_recipients=test_recipients), extra)
        return self._object("POST", path, EmailCampaign, json=payload, options=options)

    def cancel(self, campaign_id: str, **options: Unpack[RequestOptions]) -> EmailCampaign:
        """Cancel a draft or scheduled campaign.

        ``POST /admin/email-campaigns/{campaign_id}/cancel``.
        """
        path = route(_CAMPAIGNS + "/{campaign_id}/cancel", campaign_id=campaign_id)
        return self._object("POST", path, EmailCampaign, options=options)

    def deliveries(
        self,
        campaign_id: str,
        *,
        status: str | None = None,
        filters: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EmailDelivery]:
        """The campaign's copies, one per recipient.

        ``GET /admin/email-campaigns/{campaign_id}/deliveries``.
        """
        path = route(_CAMPAIGNS + "/{campaign_id}/deliveries", campaign_id=campaign_id)
        return self._list(
            "GET",
            path,
            EmailDelivery,
            params=_filters(filters, status=status),
            keys=("data", "deliveries", "items"),
            options=options,
        )


class EmailTemplates(APIResource):
    """``client.email.templates``: the platform's emails, keyed by name."""

    def list(
        self, *, filters: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[EmailTemplate]:
        """Every template, built-in and custom. ``GET /admin/email-templates``."""
        return self._list(
            "GET",
            _TEMPLATES,
            EmailTemplate,
            params=_filters(filters),
            keys=("data", "templates", "items"),
            options=options,
        )

    def create(
        self,
        key: str,
        *,
        subject: str | NotGiven = NOT_GIVEN,
        html: str | NotGiven = NOT_GIVEN,
        text: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> EmailTemplate:
        """Add a template under ``key``. ``POST /admin/email-templates``."""
        payload = body(key=key, name=name, subject=subject, html=html, text=text)
        return self._object(
            "POST", _TEMPLATES, EmailTemplate, json=merge(payload, extra), options=options
        )

    def update(
        self,
        key: str,
        *,
        subject: str | NotGiven = NOT_GIVEN,
        html: str | NotGiven = NOT_GIVEN,
        text: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> EmailTemplate:
        """Change a template's content. ``PUT /admin/email-templates/{key}``."""
        payload = body(name=name, subject=subject, html=html, text=text)
        path = route(_TEMPLATES + "/{key}", key=key)
        return self._object("PUT", path, EmailTemplate, json=merge(payload, extra), options=options)

    def reset(self, key: str, **options: Unpack[RequestOptions]) -> EmailTemplate:
        """Restore a built-in template's default content.

        ``POST /admin/email-templates/{key}/reset``.
        """
        path = route(_TEMPLATES + "/{key}/reset", key=key)
        return self._object("POST", path, EmailTemplate, options=options)


class EmailInbox(APIResource):
    """``client.email.inbox``: direct messages, inbound and outbound."""

    def list(
        self,
        *,
        unread: bool | None = None,
        archived: bool | None = None,
        filters: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EmailMessage]:
        """Messages, newest first. ``GET /admin/email-inbox``."""
        params = _filters(filters, unread=unread, archived=archived)
        return self._list(
            "GET",
            _INBOX,
            EmailMessage,
            params=params,
            keys=("data", "inbox", "items"),
            options=options,
        )

    def send(
        self,
        *,
        to: str | Sequence[str],
        subject: str,
        text: str | NotGiven = NOT_GIVEN,
        html: str | NotGiven = NOT_GIVEN,
        reply_to: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EmailMessage:
        """Send a direct message. ``POST /admin/email-inbox/send``.

        ``to`` is one address or several, sent as given.
        """
        payload = body(
            to=to,
            subject=subject,
            text=text,
            html=html,
            reply_to=reply_to,
        )
        return self._object(
            "POST",
            _INBOX + "/send",
            EmailMessage,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def mark_read(self, message_id: str, **options: Unpack[RequestOptions]) -> EmailMessage:
        """Mark a message read. ``POST /admin/email-inbox/{message_id}/read``."""
        path = route(_INBOX + "/{message_id}/read", message_id=message_id)
        return self._object("POST", path, EmailMessage, options=options)

    def archive(self, message_id: str, **options: Unpack[RequestOptions]) -> EmailMessage:
        """Move a message out of the inbox. ``POST /admin/email-inbox/{message_id}/archive``."""
        path = route(_INBOX + "/{message_id}/archive", message_id=message_id)
        return self._object("POST", path, EmailMessage, options=options)
