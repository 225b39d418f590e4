"""Models of OpenComputers monitoring: alert rules, channels and fires, the audit log, webhooks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "OpenComputerAlertChannel",
    "OpenComputerAlertChannelKind",
    "OpenComputerAlertFire",
    "OpenComputerAlertFireTest",
    "OpenComputerAlertRule",
    "OpenComputerAuditEvent",
    "OpenComputerAuditExport",
    "OpenComputerAuditVerification",
    "OpenComputerWebhook",
    "OpenComputerWebhookDelivery",
    "OpenComputerWebhookTest",
]


# -- alerts --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerAlertRule(Model):
    """A rule that fires on a threshold, an event, a schedule or a host going offline.

    ``trigger_config`` holds the trigger's own settings (for a threshold: the metric and
    the limit); ``channel_ids`` are the channels a fire is delivered to.
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    state: str | None = None
    trigger_kind: str | None = None
    trigger_config: dict[str, Any] | None = None
    cooldown_s: int | None = None
    severity: str | None = None
    channel_ids: tuple[str, ...] = ()
    host_id: str | None = None
    last_fired_at: datetime | None = None
    fire_count: int | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class OpenComputerAlertChannelKind(OpenEnum):
    """Where an alert channel delivers."""

    SLACK = "slack"
    DISCORD = "discord"
    WEBHOOK = "webhook"


@attrs.frozen(kw_only=True)
class OpenComputerAlertChannel(Model):
    """A notification channel. The server masks URLs and secrets in ``config``."""

    id: str | None = None
    name: str | None = None
    kind: OpenComputerAlertChannelKind | None = None
    config: dict[str, Any] | None = None
    verified_at: datetime | None = None
    failure_count: int | None = None
    last_used_at: datetime | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerAlertFire(Model):
    """One firing of an alert rule, with the deliveries it made."""

    id: str | None = None
    rule_id: str | None = None
    fired_at: datetime | None = None
    context: dict[str, Any] | None = None
    deliveries: tuple[dict[str, Any], ...] = ()
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerAlertFireTest(Model):
    """The receipt of firing a rule by hand: the fire it recorded."""

    status: str | None = None
    fire_id: str | None = None


# -- audit log -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerAuditEvent(Model):
    """One entry of the OpenComputers audit log (the server redacts ``payload``).

    Entries form a hash chain: ``seq`` orders them and ``hash_fingerprint`` links each to
    the one before.
    """

    id: str | None = None
    seq: int | None = None
    event_type: str | None = None
    actor_user_id: str | None = None
    actor_host_id: str | None = None
    tenant_id: str | None = None
    object_kind: str | None = None
    object_id: str | None = None
    payload: dict[str, Any] | None = None
    hash_fingerprint: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerAuditExport(Model):
    """A JSON export of audit entries (the CSV form comes from ``audit.export_csv``)."""

    events: tuple[OpenComputerAuditEvent, ...] = ()
    count: int | None = None


@attrs.frozen(kw_only=True)
class OpenComputerAuditVerification(Model):
    """The audit chain's integrity as last checked (the server re-checks every 5 minutes).

    ``break_idx`` is where the chain breaks, when it does.
    """

    verified: bool | None = None
    last_good_idx: int | None = None
    break_idx: int | None = None
    last_checked_at: datetime | None = None


# -- webhooks ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerWebhook(Model):
    """An HTTP endpoint that receives OpenComputers events, signed with HMAC-SHA256.

    ``secret_hex`` (the signing secret) and ``signature_verification`` are only in the reply
    to ``webhooks.create``, once: store the secret then.
    """

    id: str | None = None
    name: str | None = None
    url: str | None = None
    events: tuple[str, ...] = ()
    state: str | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    last_delivered_at: datetime | None = None
    last_error: str | None = None
    consecutive_failures: int | None = None
    secret_hex: str | None = attrs.field(default=None, repr=False)
    signature_verification: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerWebhookDelivery(Model):
    """One delivery attempt of a webhook, as logged."""

    id: str | None = None
    webhook_id: str | None = None
    event_type: str | None = None
    delivered_at: datetime | None = None
    http_status: int | None = None
    response_body: str | None = None
    duration_ms: int | None = None
    error: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerWebhookTest(Model):
    """The receipt of queueing a test event to a webhook."""

    status: str | None = None
    message: str | None = None
