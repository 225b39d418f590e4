"""Models of Builder UI sessions."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["BuilderSession"]


@attrs.frozen(kw_only=True)
class BuilderSession(Model):
    """A durable Builder UI session (bound to a sandbox)."""

    id: str | None = None
    title: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
