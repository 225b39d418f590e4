# This file was generated from
#   src/miosa/_async/resources/snapshots.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The admin fleet snapshot index: ``/admin/snapshots``."""

from __future__ import annotations

from ..._request import query, route
from ...types.tenant import AdminSnapshot
from .._resource import APIResource
from ..pagination import Page


class Snapshots(APIResource):
    """``client.snapshots``: every sandbox snapshot of the fleet (admin key required).

    A sandbox's own snapshots are ``sandbox.snapshots``.
    """

    def list(self, **filters: str | int | bool | None) -> Page[AdminSnapshot]:
        """One page of snapshots; ``for`` walks every page. ``GET /admin/snapshots``.

        Keyword arguments are passed through as query filters (e.g. ``sandbox_id=``,
        ``status=``, ``limit=``); None values are left out.
        """
        return self._page("/admin/snapshots", AdminSnapshot, params=query(**filters))

    def get(self, snapshot_id: str) -> AdminSnapshot:
        """One snapshot record. ``GET /admin/snapshots/{snapshot_id}``."""
        path = route("/admin/snapshots/{snapshot_id}", snapshot_id=snapshot_id)
        return self._object("GET", path, AdminSnapshot)
