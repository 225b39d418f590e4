"""Cloud computers: ``/computers``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncComputers(AsyncAPIResource):
    """Cloud computers: ``/computers``."""
