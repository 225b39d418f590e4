# This file was generated from
#   src/miosa/_async/resources/sandboxes/snapshots.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Snapshots of a sandbox: ``/sandboxes/{id}/snapshots`` and ``/restore``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.sandbox_snapshots import SandboxSnapshot
from ..._resource import ScopedResource
from ._base import HandleBound

if TYPE_CHECKING:
    from .handle import Sandbox


class SandboxSnapshots(HandleBound, ScopedResource):
    """``sandbox.snapshots``: take, list, restore and delete snapshots."""

    def create(
        self,
        comment: str | NotGiven = NOT_GIVEN,
        *,
        keep: bool | NotGiven = NOT_GIVEN,
        retention_seconds: int | NotGiven = NOT_GIVEN,
        expiration_seconds: int | NotGiven = NOT_GIVEN,
        expiration_days: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> SandboxSnapshot:
        """Snapshot the sandbox now. ``POST /sandboxes/{sandbox_id}/snapshots``."""
        payload = body(
            comment=comment,
            keep=keep,
            retention_seconds=retention_seconds,
            expiration_seconds=expiration_seconds,
            expiration_days=expiration_days,
        )
        return self._object(
            "POST", self._prefix + "/snapshots", SandboxSnapshot, json=payload, options=options
        )

    def list(self, **options: Unpack[RequestOptions]) -> list[SandboxSnapshot]:
        """The sandbox's snapshots. ``GET /sandboxes/{sandbox_id}/snapshots``."""
        return self._list(
            "GET",
            self._prefix + "/snapshots",
            SandboxSnapshot,
            keys=("data", "items", "snapshots"),
            options=options,
        )

    def restore(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> Sandbox:
        """Restore a snapshot; returns a handle on the sandbox the server answers with
        (a NEW handle: this one is left as it is).

        ``POST /sandboxes/{sandbox_id}/restore/{snapshot_id}``.
        """
        # The handle's own class: the handle module imports this one, so no import back.
        restored = self._object(
            "POST",
            self._prefix + route("/restore/{snapshot_id}", snapshot_id=snapshot_id),
            type(self.handle),
            json={},
            options=options,
        )
        return restored._bind(self._client)

    def delete(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a snapshot. ``DELETE /sandboxes/{sandbox_id}/snapshots/{snapshot_id}``."""
        self._none(
            "DELETE",
            self._prefix + route("/snapshots/{snapshot_id}", snapshot_id=snapshot_id),
            options=options,
        )
