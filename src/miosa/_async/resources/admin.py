"""Platform administration."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncAdmin(AsyncAPIResource):
    """Platform administration."""
