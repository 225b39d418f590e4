"""Provider routing defaults (admin)."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncProviderDefaults(AsyncAPIResource):
    """Provider routing defaults (admin)."""
