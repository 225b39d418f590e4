"""Model Context Protocol sessions."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncMcp(AsyncAPIResource):
    """Model Context Protocol sessions."""
