"""Models of bulk operations (``/bulk``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = ["BulkJob"]


@attrs.frozen(kw_only=True)
class BulkJob(Model):
    """A bulk operation running over many resources; ``get`` it (or `wait`) to follow."""

    id: str | None = None
    action: str | None = None
    status: str | None = None
    total: int | None = None
    succeeded: int | None = None
    failed: int | None = None
    errors: tuple[dict[str, Any], ...] = ()
    created_at: datetime | None = None
    completed_at: datetime | None = None
