# This file was generated from
#   src/miosa/_async/resources/sandboxes/tags.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Tags of a sandbox: ``PATCH /sandboxes/{id}/tags``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...._converter import structure
from ...._core.call_options import RequestOptions, Unpack
from ...._core.responses import unwrap_object
from ....types.sandboxes import SandboxData
from ..._resource import ScopedResource
from ._base import HandleBound

if TYPE_CHECKING:
    from .handle import Sandbox


class SandboxTags(HandleBound, ScopedResource):
    """``sandbox.tags``: replace the tag list (read it with ``sandbox.tag_names``)."""

    def set(self, tags: Sequence[str], **options: Unpack[RequestOptions]) -> Sandbox:
        """Replace the whole tag list. ``PATCH /sandboxes/{sandbox_id}/tags``.

        The sandbox the server answers with is merged into the handle, which is returned.
        """
        payload, response = self._json(
            "PATCH", self._prefix + "/tags", json={"tags": list(tags)}, options=options
        )
        sandbox = self.handle
        data = unwrap_object(payload)
        if isinstance(data, dict) and data.get("id"):
            sandbox._replace_from(structure(data, SandboxData, status_code=response.status_code))
        return sandbox
