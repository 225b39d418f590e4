"""The community catalog."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncCommunity(AsyncAPIResource):
    """The community catalog."""
