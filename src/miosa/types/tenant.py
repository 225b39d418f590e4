"""Models of the tenant: plan, preview domain, branding, and the admin snapshot index."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from .._aliases import aliases_filled
from ._base import Model

__all__ = [
    "AdminSnapshot",
    "PreviewDomain",
    "PreviewDomainVerification",
    "TenantBranding",
    "TenantPlan",
]


@attrs.frozen(kw_only=True)
class TenantPlan(Model):
    """``GET /tenant/plan``: the tenant, its plan, limits and current usage."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    plan: str | None = None
    plan_name: str | None = None
    status: str | None = None
    limits: dict[str, Any] | None = None
    usage: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class PreviewDomain(Model):
    """The tenant's white-label preview domain (``/tenant/preview-domain``).

    Servers name the domain ``preview_domain`` (newer) or ``domain`` (older); both
    attributes hold it whichever was sent. ``preview_domain`` is None when none is set.
    """

    preview_domain: str | None = None
    domain: str | None = None
    verified: bool | None = None
    verified_at: datetime | None = None
    cname_target: str | None = None
    created_at: datetime | None = None

    __attrs_post_init__ = aliases_filled(("preview_domain", "domain"))

    @property
    def is_verified(self) -> bool:
        """True once DNS was verified (``verified`` or a ``verified_at`` time)."""
        return self.verified is True or self.verified_at is not None


@attrs.frozen(kw_only=True)
class PreviewDomainVerification(Model):
    """``POST /tenant/preview-domain/verify``: the outcome and the DNS records to create."""

    verified: bool | None = None
    target: str | None = None
    records: tuple[dict[str, Any], ...] | None = None
    verified_at: datetime | None = None
    preview_domain: str | None = None
    domain: str | None = None

    __attrs_post_init__ = aliases_filled(("preview_domain", "domain"))


@attrs.frozen(kw_only=True)
class TenantBranding(Model):
    """``/tenant/branding``: how your product appears on MIOSA-hosted surfaces."""

    product_name: str | None = None
    logo_url: str | None = None
    support_url: str | None = None
    support_email: str | None = None
    primary_color: str | None = None
    background_color: str | None = None


@attrs.frozen(kw_only=True)
class AdminSnapshot(Model):
    """One record of the admin fleet snapshot index (``/admin/snapshots``).

    The contract leaves these records untyped: the usual fields are read when present
    and everything the server sent stays in ``raw``.
    """

    id: str | None = None
    snapshot_id: str | None = None
    sandbox_id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    status: str | None = None
    comment: str | None = None
    size_bytes: int | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    expires_at: datetime | None = None

    __attrs_post_init__ = aliases_filled(("id", "snapshot_id"))
