# This file was generated from
#   src/miosa/_async/resources/snapshots.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The admin fleet snapshot index: ``/admin/snapshots``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import route
from ..._groups.platform import query_with
from ...types.tenant import AdminSnapshot
from .._resource import APIResource

if TYPE_CHECKING:
    from ..._pager import Page


class Snapshots(APIResource):
    """``client.snapshots``: every sandbox snapshot of the fleet (admin key required).

    A sandbox's own snapshots are ``sandbox.snapshots``.
    """

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[AdminSnapshot]:
        """One page of snapshots; ``for`` walks every page. ``GET /admin/snapshots``.

        The contract passes any filter through: put them in ``extra`` (e.g.
        ``{"sandbox_id": ..., "status": "ready"}``), sent as query parameters.
        """
        params = query_with(extra, limit=limit, cursor=cursor)
        return self._page(
            "/admin/snapshots",
            AdminSnapshot,
            params=params,
            keys=("data", "snapshots", "items"),
            options=options,
        )

    def get(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> AdminSnapshot:
        """One snapshot record. ``GET /admin/snapshots/{snapshot_id}``."""
        path = route("/admin/snapshots/{snapshot_id}", snapshot_id=snapshot_id)
        return self._object("GET", path, AdminSnapshot, options=options)
