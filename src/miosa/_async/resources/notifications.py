"""``client.notifications``, ``client.alerts`` and ``client.activity``: the tenant's feeds."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.account import parse_notification
from ..._groups.platform import query_with
from ...types.notifications import (
    ActivityEntry,
    Alert,
    Notification,
    NotificationsRead,
    UnreadCount,
)
from .._resource import AsyncAPIResource
from ..streams import AsyncEventStream

if TYPE_CHECKING:
    from ..._pager import AsyncPager


class AsyncNotifications(AsyncAPIResource):
    """``client.notifications``: the in-app notification center."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        unread: bool | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Notification]:
        """Notifications, newest first. ``GET /notifications``; iterate the page for all."""
        params = query_with(extra, limit=limit, cursor=cursor, unread=unread)
        return self._page(
            "/notifications",
            Notification,
            params=params,
            keys=("data", "notifications"),
            options=options,
        )

    async def unread_count(self, **options: Unpack[RequestOptions]) -> UnreadCount:
        """How many are unread. ``GET /notifications/unread-count``."""
        return await self._object(
            "GET", "/notifications/unread-count", UnreadCount, options=options
        )

    async def mark_read(
        self, notification_id: str, **options: Unpack[RequestOptions]
    ) -> Notification:
        """Mark one read. ``POST /notifications/{notification_id}/read``."""
        path = route("/notifications/{notification_id}/read", notification_id=notification_id)
        return await self._object("POST", path, Notification, options=options)

    async def mark_all_read(self, **options: Unpack[RequestOptions]) -> NotificationsRead:
        """Mark every notification read. ``POST /notifications/read-all``."""
        return await self._object(
            "POST", "/notifications/read-all", NotificationsRead, options=options
        )

    def stream(
        self,
        *,
        ticket: str | None = None,
        extra: Mapping[str, Any] | None = None,
        idle_timeout: float | None = None,
    ) -> AsyncEventStream[Notification]:
        """Live notifications. ``GET /notifications/stream`` (server-sent events).

        ``async with client.notifications.stream() as live: async for n in live: ...``.
        A browser passes a ``ticket`` (``client.sse_ticket.create()``) instead of a key;
        from a server the client's own credential is sent. A dropped connection is
        resumed with ``Last-Event-ID``.
        """
        return self._events(
            "/notifications/stream",
            parse_notification,
            params=query_with(extra, ticket=ticket),
            idle_timeout=idle_timeout,
        )


class AsyncAlerts(AsyncAPIResource):
    """``client.alerts``: the observability alert feed."""

    async def list(
        self,
        *,
        resolved: bool | None = None,
        limit: int | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Alert]:
        """Fired alerts, newest first. ``GET /alerts``."""
        params = query_with(extra, resolved=resolved, limit=limit)
        return await self._list(
            "GET", "/alerts", Alert, params=params, keys=("data", "alerts"), options=options
        )

    async def resolve(
        self,
        alert_id: str,
        *,
        note: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Alert:
        """Acknowledge an alert. ``POST /alerts/{alert_id}/resolve``."""
        path = route("/alerts/{alert_id}/resolve", alert_id=alert_id)
        return await self._object(
            "POST", path, Alert, json=merge(body(note=note), extra), options=options
        )


class AsyncActivity(AsyncAPIResource):
    """``client.activity``: platform events merged with audit rows, newest first."""

    def list(
        self,
        *,
        project_id: str | None = None,
        resource_type: str | None = None,
        resource_id: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[ActivityEntry]:
        """The activity feed. ``GET /activity``; iterate the page for all of it."""
        params = query_with(
            extra,
            project_id=project_id,
            resource_type=resource_type,
            resource_id=resource_id,
            limit=limit,
            cursor=cursor,
        )
        return self._page(
            "/activity", ActivityEntry, params=params, keys=("data",), options=options
        )
