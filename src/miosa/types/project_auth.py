"""Models of project auth: the built-in sign-in MIOSA puts in front of a generated app."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = ["ProjectAuthStatus"]


@attrs.frozen(kw_only=True)
class ProjectAuthStatus(Model):
    """Whether project auth guards a sandbox or deployment, and its configuration."""

    resource_type: str | None = None
    resource_id: str | None = None
    enabled: bool | None = None
    config: dict[str, Any] | None = None
    updated_at: datetime | None = None
