"""Models of organizations, billing, the bill-to organization and per-member caps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "AutoReload",
    "BillToStatus",
    "BillToLimits",
    "Invoice",
    "MemberCap",
    "Organization",
    "PaymentMethod",
]


@attrs.frozen(kw_only=True)
class Organization(Model):
    """An organization (tenant) the caller belongs to (``/platform/tenants``)."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    role: str | None = None
    plan_id: str | None = None
    plan_name: str | None = None
    owner_user_id: str | None = None
    current: bool | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class AutoReload(Model):
    """Automatic credit top-ups (``/billing/settings``), in plain words.

    ``requested`` is what was asked for; ``enabled`` is true only once a card is ready
    and the amounts make sense. The wire names are ``auto_recharge_*``; ``raw`` keeps them.
    """

    tenant_id: str | None = None
    requested: bool | None = None
    enabled: bool | None = None
    threshold_credits: int | None = None
    amount_credits: int | None = None
    monthly_cap_credits: int | None = None
    monthly_spent_credits: int | None = None
    monthly_remaining_credits: int | None = None
    card_ready: bool | None = None


@attrs.frozen(kw_only=True)
class PaymentMethod(Model):
    """A saved card (``/billing/payment-methods``)."""

    id: str | None = None
    type: str | None = None
    brand: str | None = None
    last4: str | None = None
    exp_month: int | None = None
    exp_year: int | None = None
    is_default: bool | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class Invoice(Model):
    """An invoice, or the upcoming one (``/billing/invoices``, ``/billing/upcoming``)."""

    id: str | None = None
    number: str | None = None
    status: str | None = None
    currency: str | None = None
    amount_due: int | None = None
    amount_paid: int | None = None
    total: int | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    hosted_invoice_url: str | None = None
    invoice_pdf: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class BillToStatus(Model):
    """Which organization a create would bill now (``/bill-to``), and why.

    ``org`` is the organization resolved: the ``X-Miosa-Bill-To`` override first, then
    the account-wide setting, then the credential's own organization (``source`` says
    which); ``choices`` are the organizations the caller may pick.
    """

    org: Organization | None = None
    source: str | None = None
    setting: str | None = None
    choices: tuple[Organization, ...] = ()


@attrs.frozen(kw_only=True)
class BillToLimits(Model):
    """The limits of the organization a create would bill (``/limits``)."""

    org: Organization | None = None
    limits: dict[str, Any] | None = None
    usage: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class MemberCap(Model):
    """One member's caps and live usage in an organization (amounts in cents).

    A cap of None means no cap.
    """

    user_id: str | None = None
    email: str | None = None
    name: str | None = None
    role: str | None = None
    usage_cap_cents: int | None = None
    max_concurrent_sandboxes: int | None = None
    usage_cents: int | None = None
    running_sandboxes: int | None = None
