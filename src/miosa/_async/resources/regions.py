"""Regions and the compute catalog: ``/compute``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncRegions(AsyncAPIResource):
    """Regions and the compute catalog: ``/compute``."""
