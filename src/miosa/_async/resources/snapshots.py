"""The admin fleet snapshot index: ``/admin/snapshots``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncSnapshots(AsyncAPIResource):
    """The admin fleet snapshot index: ``/admin/snapshots``."""
