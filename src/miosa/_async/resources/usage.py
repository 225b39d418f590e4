"""Usage reports: ``/usage``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncUsage(AsyncAPIResource):
    """Usage reports: ``/usage``."""
