"""Object storage buckets and objects: ``/storage``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncStorage(AsyncAPIResource):
    """Object storage buckets and objects: ``/storage``."""
