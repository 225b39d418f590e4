"""Models of notification channels."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = ["Channel", "ChannelType"]


class ChannelType(OpenEnum):
    SLACK = "slack"
    DISCORD = "discord"
    EMAIL = "email"


@attrs.frozen(kw_only=True)
class Channel(Model):
    """A notification channel (Slack, Discord, email ...)."""

    id: str | None = None
    type: ChannelType | None = None
    name: str | None = None
    enabled: bool | None = None
    config: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
