"""Tenant-wide event stream: ``/events/stream``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncEvents(AsyncAPIResource):
    """Tenant-wide event stream: ``/events/stream``."""
