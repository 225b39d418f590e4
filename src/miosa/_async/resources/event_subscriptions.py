"""``client.event_subscriptions``: the platform-event outbox registry and its deliveries."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.integrator import new_replay_id
from ..._groups.platform import query_with
from ...types.event_subscriptions import ConsumerKind, EventDelivery, EventSubscription
from ...types.webhook_endpoints import WebhookDelivery, WebhookEventCatalog
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


def _subscription_path(subscription_id: str) -> str:
    return route("/event-subscriptions/{subscription_id}", subscription_id=subscription_id)


class AsyncEventSubscriptions(AsyncAPIResource):
    """``client.event_subscriptions``: route platform events to workflows, webhooks, agents.

    Errors: 422 `miosa.ValidationError` (``UNKNOWN_EVENT_TYPE``, ``INVALID_FILTER``),
    404 `miosa.NotFoundError`, 409 `miosa.ConflictError` (``NOT_REDELIVERABLE``).
    """

    async def list(
        self,
        *,
        consumer_kind: ConsumerKind | str | None = None,
        consumer_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EventSubscription]:
        """Subscriptions, oldest first. ``GET /event-subscriptions``."""
        params = query_with(extra, consumer_kind=consumer_kind, consumer_id=consumer_id)
        return await self._list(
            "GET",
            "/event-subscriptions",
            EventSubscription,
            params=params,
            keys=("data",),
            options=options,
        )

    async def create(
        self,
        *,
        consumer_kind: ConsumerKind | str,
        consumer_id: str,
        event_type: str,
        filter: Mapping[str, Any] | NotGiven = NOT_GIVEN,  # noqa: A002 - the wire name
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EventSubscription:
        """Register a subscription. ``POST /event-subscriptions``.

        ``event_type`` is an exact event name or a prefix ending in ``.*``
        (``forge.*``); ``filter`` holds at most 8 payload keys to match.
        """
        payload = body(
            consumer_kind=consumer_kind,
            consumer_id=consumer_id,
            event_type=event_type,
            filter=filter,
            workspace_id=workspace_id,
            project_id=project_id,
        )
        return await self._object(
            "POST",
            "/event-subscriptions",
            EventSubscription,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def get(
        self, subscription_id: str, **options: Unpack[RequestOptions]
    ) -> EventSubscription:
        """One subscription. ``GET /event-subscriptions/{subscription_id}``."""
        return await self._object(
            "GET", _subscription_path(subscription_id), EventSubscription, options=options
        )

    async def update(
        self,
        subscription_id: str,
        *,
        active: bool | NotGiven = NOT_GIVEN,
        filter: Mapping[str, Any] | NotGiven = NOT_GIVEN,  # noqa: A002 - the wire name
        **options: Unpack[RequestOptions],
    ) -> EventSubscription:
        """Pause, resume or re-filter a subscription (the only two fields it takes).

        ``PATCH /event-subscriptions/{subscription_id}``.
        """
        return await self._object(
            "PATCH",
            _subscription_path(subscription_id),
            EventSubscription,
            json=body(active=active, filter=filter),
            options=options,
        )

    async def delete(self, subscription_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a subscription. ``DELETE /event-subscriptions/{subscription_id}``."""
        await self._none("DELETE", _subscription_path(subscription_id), options=options)

    def deliveries(
        self,
        subscription_id: str,
        *,
        state: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[EventDelivery]:
        """A subscription's deliveries with their state and attempts, newest first.

        ``GET /event-subscriptions/{subscription_id}/deliveries``; iterate for all.
        """
        params = query_with(extra, state=state, limit=limit, cursor=cursor)
        path = _subscription_path(subscription_id) + "/deliveries"
        return self._page(path, EventDelivery, params=params, keys=("data",), options=options)

    async def redeliver(self, delivery_id: str, **options: Unpack[RequestOptions]) -> EventDelivery:
        """Queue a retryable delivery again. ``POST /event-deliveries/{delivery_id}/redeliver``."""
        path = route("/event-deliveries/{delivery_id}/redeliver", delivery_id=delivery_id)
        return await self._object("POST", path, EventDelivery, options=options)

    async def webhook_events(self, **options: Unpack[RequestOptions]) -> WebhookEventCatalog:
        """The tenant-webhook event catalog (as ``client.webhooks.events``).

        ``GET /webhooks/events``.
        """
        return await self._object(
            "GET", "/webhooks/events", WebhookEventCatalog, unwrap=(), options=options
        )

    async def replay_delivery(
        self,
        webhook_id: str,
        delivery_id: str,
        *,
        replay_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> WebhookDelivery:
        """Deliver a tenant webhook's earlier event again (as ``client.webhooks.replay``).

        ``POST /webhooks/{webhook_id}/deliveries/{delivery_id}/replay``; a reused
        ``replay_id`` is refused with 409.
        """
        path = route(
            "/webhooks/{webhook_id}/deliveries/{delivery_id}/replay",
            webhook_id=webhook_id,
            delivery_id=delivery_id,
        )
        return await self._object(
            "POST",
            path,
            WebhookDelivery,
            json={"replay_id": replay_id or new_replay_id()},
            options=options,
        )
