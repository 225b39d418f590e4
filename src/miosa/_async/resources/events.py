"""Tenant-wide event stream: ``/events/stream``."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.request import query
from ..._groups.integrator import event_names, parse_tenant_event, require_tenant_wide
from ...types.tenant_events import TenantEvent, WebhookEventType
from .._resource import AsyncAPIResource
from ..streams import AsyncEventStream


class AsyncEvents(AsyncAPIResource):
    """``client.events``: every event of the tenant, live."""

    def stream(
        self,
        *,
        tenant_wide: bool = True,
        types: Sequence[WebhookEventType | str] | None = None,
        idle_timeout: float | None = None,
    ) -> AsyncEventStream[TenantEvent]:
        """Stream the tenant's events. ``GET /events/stream?types=...``.

        ``async with client.events.stream(types=["sandbox.*"]) as events:`` connects
        (errors such as 401 are raised there), then ``async for event in events``
        yields `TenantEvent` (``.type``, ``.data``, ``.id``, ``.raw``). ``types`` are
        event names or globs, sent comma-joined; left out, every event comes. A dropped
        connection is resumed with ``Last-Event-ID``, so no event is lost or repeated.

        ``tenant_wide`` mirrors the TypeScript seed's flag: this endpoint is always
        tenant-wide, so only ``True`` is accepted (``False`` raises ``ValueError``;
        one sandbox's events are ``sandbox.events.stream()``).
        """
        require_tenant_wide(tenant_wide)
        names = None if types is None else event_names(types)
        return self._events(
            "/events/stream",
            parse_tenant_event,
            params=query(types=names),
            idle_timeout=idle_timeout,
        )
