# This file was generated from
#   src/miosa/_async/resources/sandboxes/_base.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""What several modules of the sandbox family share: the sandbox path and `HandleBound`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core.request import route

if TYPE_CHECKING:
    from .handle import Sandbox

__all__ = ["HandleBound", "sandbox_path"]


def sandbox_path(sandbox_id: str) -> str:
    """``/sandboxes/{sandbox_id}``, the id percent-encoded (the prefix of every handle call)."""
    return route("/sandboxes/{sandbox_id}", sandbox_id=sandbox_id)


class HandleBound:
    """Mixin for sub-resources that need the handle they hang off (``sandbox.tags``,
    ``sandbox.snapshots``): the handle sets ``handle`` when it creates the sub-resource."""

    _handle: Sandbox | None = None

    @property
    def handle(self) -> Sandbox:
        """The sandbox handle this sub-resource was reached from."""
        assert self._handle is not None, "reached from a sandbox handle"
        return self._handle

    def bind_handle(self, sandbox: Sandbox) -> None:
        """Attach the handle (called once, by `Sandbox` when it creates the sub-resource)."""
        self._handle = sandbox
