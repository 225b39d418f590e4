"""Managed databases: ``/databases``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncDatabases(AsyncAPIResource):
    """Managed databases: ``/databases``."""
