"""Models of the audit log (``/audit-log``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from .._aliases import aliases_filled
from ._base import Model

__all__ = ["AuditLogEntry"]


@attrs.frozen(kw_only=True)
class AuditLogEntry(Model):
    """One audited action.

    ``created_at`` and ``inserted_at`` (the two spellings the SDKs use) are both
    filled from whichever was sent.
    """

    id: str | None = None
    action: str | None = None
    actor_id: str | None = None
    actor_type: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    metadata: dict[str, Any] | None = None
    ip_address: str | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    inserted_at: datetime | None = None

    __attrs_post_init__ = aliases_filled(("created_at", "inserted_at"))
