"""Dashboard summaries."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncDashboard(AsyncAPIResource):
    """Dashboard summaries."""
