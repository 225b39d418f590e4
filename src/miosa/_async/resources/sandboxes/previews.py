"""Preview URLs for a sandbox's ports: ``/sandboxes/{id}/previews``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.request import merge, route
from ....types.sandbox_sharing import PreviewShare, SandboxPreview
from ..._resource import AsyncScopedResource


class AsyncSandboxPreviews(AsyncScopedResource):
    """``sandbox.previews``: preview URLs for ports, and share tokens for them."""

    def _preview_path(self, preview_id: str) -> str:
        return self._prefix + route("/previews/{preview_id}", preview_id=preview_id)

    async def list(self) -> list[SandboxPreview]:
        """Every preview. ``GET /sandboxes/{sandbox_id}/previews``."""
        return await self._list(
            "GET", self._prefix + "/previews", SandboxPreview, keys=("data", "items", "previews")
        )

    async def create(self, port: int, *, extra: Mapping[str, Any] | None = None) -> SandboxPreview:
        """A preview URL for ``port``; ``extra`` options are sent as they are.

        ``POST /sandboxes/{sandbox_id}/previews``.
        """
        return await self._object(
            "POST",
            self._prefix + "/previews",
            SandboxPreview,
            json=merge({"port": port}, extra),
        )

    async def get(self, preview_id: str) -> SandboxPreview:
        """One preview. ``GET /sandboxes/{sandbox_id}/previews/{preview_id}``."""
        return await self._object("GET", self._preview_path(preview_id), SandboxPreview)

    async def delete(self, preview_id: str) -> None:
        """Remove a preview. ``DELETE /sandboxes/{sandbox_id}/previews/{preview_id}``."""
        await self._none("DELETE", self._preview_path(preview_id))

    async def share(self, preview_id: str, *, ttl_seconds: int = 3600) -> PreviewShare:
        """A token to share a preview for ``ttl_seconds``.

        ``POST /sandboxes/{sandbox_id}/previews/{preview_id}/share``.
        """
        return await self._object(
            "POST",
            self._preview_path(preview_id) + "/share",
            PreviewShare,
            json={"ttl_seconds": ttl_seconds},
        )

    async def revoke_share(self, preview_id: str) -> None:
        """Invalidate every share token of a preview.

        ``DELETE /sandboxes/{sandbox_id}/previews/{preview_id}/share``.
        """
        await self._none("DELETE", self._preview_path(preview_id) + "/share")
