"""Credit balance and transactions: ``/credits``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncCredits(AsyncAPIResource):
    """Credit balance and transactions: ``/credits``."""
