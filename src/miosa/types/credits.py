"""Models of credits (``/credits``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from .._aliases import aliases_filled
from ._base import Model, OpenEnum

__all__ = ["CreditBalance", "CreditTransaction", "CreditTransactionType", "CreditUsage"]


@attrs.frozen(kw_only=True)
class CreditBalance(Model):
    """``GET /credits/balance``: whole credits left, and lifetime totals.

    Production sends the balance as an integer ``balance_credits`` (older servers and
    the TypeScript docs say ``balance``); both attributes hold it whichever was sent.
    ``expires_at`` and ``credit_expiry_at`` are paired the same way.
    """

    balance: int | float | None = None
    balance_credits: int | float | None = None
    tenant_id: str | None = None
    lifetime_earned: int | float | None = None
    lifetime_spent: int | float | None = None
    currency: str | None = None
    expires_at: datetime | None = None
    credit_expiry_at: datetime | None = None
    updated_at: datetime | None = None

    __attrs_post_init__ = aliases_filled(
        ("balance", "balance_credits"),
        ("expires_at", "credit_expiry_at"),
    )


class CreditTransactionType(OpenEnum):
    CREDIT = "credit"
    DEBIT = "debit"


@attrs.frozen(kw_only=True)
class CreditTransaction(Model):
    """One credit grant or charge."""

    id: str | None = None
    amount: int | float | None = None
    type: CreditTransactionType | None = None
    description: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CreditUsage(Model):
    """``GET /credits/usage``: credits consumed in the current period.

    Each amount has two spellings on the wire (``compute_credits`` / ``compute``,
    ``ai_credits`` / ``ai``, ``storage_credits`` / ``storage``, ``total_credits`` /
    ``total``); both attributes of a pair hold the value whichever was sent.
    """

    period_start: datetime | None = None
    period_end: datetime | None = None
    compute_credits: int | float | None = None
    ai_credits: int | float | None = None
    storage_credits: int | float | None = None
    total_credits: int | float | None = None
    compute: int | float | None = None
    ai: int | float | None = None
    storage: int | float | None = None
    total: int | float | None = None

    __attrs_post_init__ = aliases_filled(
        ("compute_credits", "compute"),
        ("ai_credits", "ai"),
        ("storage_credits", "storage"),
        ("total_credits", "total"),
    )
