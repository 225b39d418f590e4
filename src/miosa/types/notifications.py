"""Models of the notification center, the alert feed and the activity feed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "ActivityEntry",
    "Alert",
    "Notification",
    "NotificationsRead",
    "UnreadCount",
]


@attrs.frozen(kw_only=True)
class Notification(Model):
    """One in-app notification (``/notifications``)."""

    id: str | None = None
    type: str | None = None
    title: str | None = None
    body: str | None = None
    url: str | None = None
    read: bool | None = None
    read_at: datetime | None = None
    data: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class UnreadCount(Model):
    """``GET /notifications/unread-count``."""

    count: int | None = None


@attrs.frozen(kw_only=True)
class NotificationsRead(Model):
    """``POST /notifications/read-all``: how many notifications were marked read."""

    updated: int | None = None


@attrs.frozen(kw_only=True)
class Alert(Model):
    """A fired observability alert (``/alerts``)."""

    id: str | None = None
    name: str | None = None
    severity: str | None = None
    message: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    resolved: bool | None = None
    resolved_at: datetime | None = None
    fired_at: datetime | None = None
    data: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ActivityEntry(Model):
    """One platform event or audit row of the activity feed (``/activity``)."""

    id: str | None = None
    type: str | None = None
    source: str | None = None
    action: str | None = None
    actor_id: str | None = None
    project_id: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    summary: str | None = None
    data: dict[str, Any] | None = None
    occurred_at: datetime | None = None
