"""Per-user provider keys (BYOK)."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncExternalKeys(AsyncAPIResource):
    """Per-user provider keys (BYOK)."""
