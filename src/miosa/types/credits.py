"""Models of credits (``/credits``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = ["CreditBalance", "CreditTransaction", "CreditTransactionType", "CreditUsage"]


@attrs.frozen(kw_only=True)
class CreditBalance(Model):
    """``GET /credits/balance``."""

    balance: int | float | None = None
    currency: str | None = None
    expires_at: datetime | None = None


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
    """``GET /credits/usage``: credits consumed in the current period."""

    period_start: datetime | None = None
    period_end: datetime | None = None
    compute_credits: int | float | None = None
    ai_credits: int | float | None = None
    total_credits: int | float | None = None
