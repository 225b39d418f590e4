"""API keys: ``/api-keys``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncApiKeys(AsyncAPIResource):
    """API keys: ``/api-keys``."""
