# This file was generated from
#   src/miosa/_async/resources/sandboxes/previews.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Preview URLs for a sandbox's ports: ``/sandboxes/{id}/previews``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import merge, route
from ....types.sandbox_sharing import PreviewShare, SandboxPreview
from ..._resource import ScopedResource


class SandboxPreviews(ScopedResource):
    """``sandbox.previews``: preview URLs for ports, and share tokens for them."""

    def _preview_path(self, preview_id: str) -> str:
        return self._prefix + route("/previews/{preview_id}", preview_id=preview_id)

    def list(self, **options: Unpack[RequestOptions]) -> list[SandboxPreview]:
        """Every preview. ``GET /sandboxes/{sandbox_id}/previews``."""
        return self._list(
            "GET",
            self._prefix + "/previews",
            SandboxPreview,
            keys=("data", "items", "previews"),
            options=options,
        )

    def create(
        self,
        port: int,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SandboxPreview:
        """A preview URL for ``port``; ``extra`` options are sent as they are.

        ``POST /sandboxes/{sandbox_id}/previews``.
        """
        return self._object(
            "POST",
            self._prefix + "/previews",
            SandboxPreview,
            json=merge({"port": port}, extra),
            options=options,
        )

    def get(self, preview_id: str, **options: Unpack[RequestOptions]) -> SandboxPreview:
        """One preview. ``GET /sandboxes/{sandbox_id}/previews/{preview_id}``."""
        return self._object("GET", self._preview_path(preview_id), SandboxPreview, options=options)

    def delete(self, preview_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a preview. ``DELETE /sandboxes/{sandbox_id}/previews/{preview_id}``."""
        self._none("DELETE", self._preview_path(preview_id), options=options)

    def share(
        self, preview_id: str, *, ttl_seconds: int = 3600, **options: Unpack[RequestOptions]
    ) -> PreviewShare:
        """A token to share a preview for ``ttl_seconds``.

        ``POST /sandboxes/{sandbox_id}/previews/{preview_id}/share``.
        """
        return self._object(
            "POST",
            self._preview_path(preview_id) + "/share",
            PreviewShare,
            json={"ttl_seconds": ttl_seconds},
            options=options,
        )

    def revoke_share(self, preview_id: str, **options: Unpack[RequestOptions]) -> None:
        """Invalidate every share token of a preview.

        ``DELETE /sandboxes/{sandbox_id}/previews/{preview_id}/share``.
        """
        self._none("DELETE", self._preview_path(preview_id) + "/share", options=options)
