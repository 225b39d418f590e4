"""Snapshots of a sandbox."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["SandboxSnapshot"]


@attrs.frozen(kw_only=True)
class SandboxSnapshot(Model):
    """A snapshot (``sandbox.snapshots``); restore it with ``sandbox.snapshots.restore(id)``."""

    id: str | None = None
    sandbox_id: str | None = None
    status: str | None = None
    comment: str | None = None
    keep: bool | None = None
    retention_seconds: int | None = None
    last_used_at: datetime | None = None
    expires_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
