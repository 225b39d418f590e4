"""Notification channels."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncChannels(AsyncAPIResource):
    """Notification channels."""
