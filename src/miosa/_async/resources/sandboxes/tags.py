"""Tags of a sandbox: ``PATCH /sandboxes/{id}/tags``."""

from __future__ import annotations

from collections.abc import Sequence

from ...._converter import structure
from ...._request import unwrap_object
from ....types.sandboxes import SandboxData
from ..._resource import AsyncScopedResource
from .collection import AsyncSandbox, _HandleBound


class AsyncSandboxTags(_HandleBound, AsyncScopedResource):
    """``sandbox.tags``: replace the tag list (read it with ``sandbox.tag_names``)."""

    async def set(self, tags: Sequence[str]) -> AsyncSandbox:
        """Replace the whole tag list. ``PATCH /sandboxes/{sandbox_id}/tags``.

        The sandbox the server answers with is merged into the handle, which is returned.
        """
        payload, response = await self._json(
            "PATCH", self._prefix + "/tags", json={"tags": list(tags)}
        )
        sandbox = self._sandbox
        assert sandbox is not None, "sandbox.tags is reached from a sandbox handle"
        data = unwrap_object(payload)
        if isinstance(data, dict) and data.get("id"):
            sandbox._merge(structure(data, SandboxData, status_code=response.status_code))
        return sandbox
