"""Models of per-external-user quotas (``/quotas/external``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["ExternalUserQuota", "ExternalUserQuotaUsage"]


@attrs.frozen(kw_only=True)
class ExternalUserQuotaUsage(Model):
    """What the external user currently consumes, against the limits."""

    sandbox_count: int | None = None
    concurrent_count: int | None = None
    storage_gb: int | float | None = None
    credit_cents: int | float | None = None


@attrs.frozen(kw_only=True)
class ExternalUserQuota(Model):
    """Limits for one of your end users (``None`` limit = the tenant default / unlimited)."""

    external_user_id: str | None = None
    max_sandboxes: int | None = None
    max_concurrent: int | None = None
    max_storage_gb: int | None = None
    max_credit_cents: int | None = None
    usage: ExternalUserQuotaUsage | None = None
    current_sandboxes: int | None = None
    is_default: bool | None = None
    updated_at: datetime | None = None
