# This file was generated from
#   src/miosa/_async/resources/open_computers/webhooks.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""OpenComputers webhooks: HTTP endpoints that receive signed host and job events."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._groups.open_computers import optional_body
from ....types.open_computers_monitoring import (
    OpenComputerWebhook,
    OpenComputerWebhookDelivery,
    OpenComputerWebhookTest,
)
from ..._resource import APIResource

if TYPE_CHECKING:
    from ...._pager import Page

_WEBHOOKS = "/opencomputers/webhooks"


def _webhook(webhook_id: str) -> str:
    return route(_WEBHOOKS + "/{webhook_id}", webhook_id=webhook_id)


class OpenComputerWebhooks(APIResource):
    """``client.open_computers.webhooks``: each POST is signed with HMAC-SHA256 of its body."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[OpenComputerWebhook]:
        """Every webhook of the tenant. ``GET /opencomputers/webhooks``."""
        return self._list(
            "GET", _WEBHOOKS, OpenComputerWebhook, keys=("data", "webhooks"), options=options
        )

    def create(
        self,
        *,
        name: str,
        url: str,
        events: Sequence[str],
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerWebhook:
        """Create a webhook for `events` (of one host with `host_id`, else of all).

        ``POST /opencomputers/webhooks``. The reply's ``secret_hex`` signs every delivery
        and is returned this once: store it now.
        """
        return self._object(
            "POST",
            _WEBHOOKS,
            OpenComputerWebhook,
            json=merge(body(name=name, url=url, events=events, host_id=host_id), extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def update(
        self,
        webhook_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        events: Sequence[str] | NotGiven = NOT_GIVEN,
        state: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerWebhook:
        """Change a webhook, or pause it with ``state``.

        ``PATCH /opencomputers/webhooks/{webhook_id}``.
        """
        payload = body(name=name, url=url, events=events, state=state)
        return self._object(
            "PATCH",
            _webhook(webhook_id),
            OpenComputerWebhook,
            json=merge(payload, extra),
            options=options,
        )

    def delete(self, webhook_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a webhook. ``DELETE /opencomputers/webhooks/{webhook_id}``."""
        self._none("DELETE", _webhook(webhook_id), options=options)

    def deliveries(
        self,
        webhook_id: str,
        *,
        page: int | None = None,
        per_page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[OpenComputerWebhookDelivery]:
        """A webhook's delivery log, a page at a time.

        ``GET /opencomputers/webhooks/{webhook_id}/deliveries``; `per_page` defaults to 25
        (at most 100). ``for delivery in page`` walks every page.
        """
        return self._page(
            _webhook(webhook_id) + "/deliveries",
            OpenComputerWebhookDelivery,
            params=query(page=page, per_page=per_page),
            keys=("data", "deliveries"),
            options=options,
        )

    def test(
        self,
        webhook_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerWebhookTest:
        """Queue a synthetic test event to a webhook.

        ``POST /opencomputers/webhooks/{webhook_id}/test``.
        """
        return self._object(
            "POST",
            _webhook(webhook_id) + "/test",
            OpenComputerWebhookTest,
            json=optional_body(extra),
            options=options,
        )
