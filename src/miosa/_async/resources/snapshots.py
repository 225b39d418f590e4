"""The admin fleet snapshot index: ``/admin/snapshots``."""

from __future__ import annotations

from ..._request import query, route
from ...types.tenant import AdminSnapshot
from .._resource import AsyncAPIResource
from ..pagination import AsyncPage


class AsyncSnapshots(AsyncAPIResource):
    """``client.snapshots``: every sandbox snapshot of the fleet (admin key required).

    A sandbox's own snapshots are ``sandbox.snapshots``.
    """

    async def list(self, **filters: str | int | bool | None) -> AsyncPage[AdminSnapshot]:
        """One page of snapshots; ``async for`` walks every page. ``GET /admin/snapshots``.

        Keyword arguments are passed through as query filters (e.g. ``sandbox_id=``,
        ``status=``, ``limit=``); None values are left out.
        """
        return await self._page("/admin/snapshots", AdminSnapshot, params=query(**filters))

    async def get(self, snapshot_id: str) -> AdminSnapshot:
        """One snapshot record. ``GET /admin/snapshots/{snapshot_id}``."""
        path = route("/admin/snapshots/{snapshot_id}", snapshot_id=snapshot_id)
        return await self._object("GET", path, AdminSnapshot)
