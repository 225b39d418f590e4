"""Models of serverless functions."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["Function"]


@attrs.frozen(kw_only=True)
class Function(Model):
    """A serverless function (``/functions``); ``timeout_sec`` is in seconds."""

    id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    state: str | None = None
    runtime: str | None = None
    handler: str | None = None
    memory_mb: int | None = None
    timeout_sec: int | None = None
    env: dict[str, str] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
