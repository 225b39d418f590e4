"""Admin analytics."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncAnalytics(AsyncAPIResource):
    """Admin analytics."""
