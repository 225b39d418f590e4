# This file was generated from
#   src/miosa/_async/resources/sandboxes/shares.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Read-only share links of a sandbox: ``/sandboxes/{id}/shares``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.sandbox_sharing import SandboxShare
from ..._resource import ScopedResource


class SandboxShares(ScopedResource):
    """``sandbox.share`` (also ``sandbox.shares``): create, list and revoke share links."""

    def create(
        self,
        *,
        expires_in: int | NotGiven = NOT_GIVEN,
        scope: str = "read",
        **options: Unpack[RequestOptions],
    ) -> SandboxShare:
        """Create a share link; ``expires_in`` seconds (omit for no expiry).

        ``POST /sandboxes/{sandbox_id}/shares``.
        """
        return self._object(
            "POST",
            self._prefix + "/shares",
            SandboxShare,
            json=body(scope=scope, expires_in=expires_in),
            options=options,
        )

    def list(self, **options: Unpack[RequestOptions]) -> list[SandboxShare]:
        """The sandbox's share links. ``GET /sandboxes/{sandbox_id}/shares``."""
        return self._list(
            "GET",
            self._prefix + "/shares",
            SandboxShare,
            keys=("data", "items", "shares"),
            options=options,
        )

    def revoke(self, share_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revoke a share link. ``DELETE /sandboxes/{sandbox_id}/shares/{share_id}``."""
        self._none(
            "DELETE", self._prefix + route("/shares/{share_id}", share_id=share_id), options=options
        )
