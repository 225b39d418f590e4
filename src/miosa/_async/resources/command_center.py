"""The command center (agent fleet)."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncCommandCenter(AsyncAPIResource):
    """The command center (agent fleet)."""
