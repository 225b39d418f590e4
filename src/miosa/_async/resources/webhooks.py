"""Webhook endpoints and deliveries: ``/webhooks``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncWebhooks(AsyncAPIResource):
    """Webhook endpoints and deliveries: ``/webhooks``."""
