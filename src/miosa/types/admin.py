"""Models of platform administration (``/admin/*``).

The contract leaves most admin replies untyped, so these models declare only the fields
an admin object plainly has (ids, names, statuses, timestamps, the request's own fields);
everything else the server sends is in ``.raw``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "AdminApiKey",
    "AdminApiKeyStatus",
    "AdminAuditEntry",
    "AdminComputer",
    "AdminComputerStatus",
    "AdminCreditBalance",
    "AdminCreditTransaction",
    "AdminImpersonation",
    "AdminTenant",
    "AdminTenantPlan",
    "AdminUser",
    "AdminUserRole",
    "AdminUserStatus",
]


class AdminUserRole(OpenEnum):
    USER = "user"
    ADMIN = "admin"
    OWNER = "owner"
    SUPER_ADMIN = "super_admin"


class AdminUserStatus(OpenEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    DELETED = "deleted"


@attrs.frozen(kw_only=True)
class AdminUser(Model):
    id: str | None = None
    email: str | None = None
    name: str | None = None
    role: AdminUserRole | None = None
    status: AdminUserStatus | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class AdminTenantPlan(OpenEnum):
    FREE = "free"
    STARTER = "starter"
    PRO = "pro"
    SCALE = "scale"


@attrs.frozen(kw_only=True)
class AdminTenant(Model):
    id: str | None = None
    name: str | None = None
    slug: str | None = None
    plan: AdminTenantPlan | None = None
    status: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class AdminComputerStatus(OpenEnum):
    CREATING = "creating"
    PROVISIONING = "provisioning"
    RUNNING = "running"
    STOPPED = "stopped"
    PAUSED = "paused"
    ERROR = "error"


@attrs.frozen(kw_only=True)
class AdminComputer(Model):
    id: str | None = None
    name: str | None = None
    status: AdminComputerStatus | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class AdminApiKeyStatus(OpenEnum):
    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"


@attrs.frozen(kw_only=True)
class AdminApiKey(Model):
    """An API key as admins see it; ``key`` (the plaintext) only on creation, if at all."""

    id: str | None = None
    name: str | None = None
    key: str | None = attrs.field(default=None, repr=False)
    tenant_id: str | None = None
    user_id: str | None = None
    key_type: str | None = None
    purpose: str | None = None
    status: AdminApiKeyStatus | None = None
    rate_limit_rpm: int | None = None
    allowed_ips: tuple[str, ...] | None = None
    expires_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class AdminAuditEntry(Model):
    """One entry of the platform audit log."""

    id: str | None = None
    action: str | None = None
    actor_id: str | None = None
    tenant_id: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class AdminCreditTransaction(Model):
    """One entry of a tenant's credit history."""

    id: str | None = None
    tenant_id: str | None = None
    amount: float | None = None
    description: str | None = None
    expires_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class AdminCreditBalance(Model):
    tenant_id: str | None = None
    balance: float | None = None


@attrs.frozen(kw_only=True)
class AdminImpersonation(Model):
    """A short-lived ``msi_*`` token acting as an end user; keep it out of logs."""

    token: str | None = attrs.field(default=None, repr=False)
    expires_at: datetime | None = None
