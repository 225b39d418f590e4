"""What several modules of the sandbox family share: the sandbox path and `HandleBound`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core.request import route

if TYPE_CHECKING:
    from .handle import AsyncSandbox

__all__ = ["HandleBound", "sandbox_path"]


def sandbox_path(sandbox_id: str) -> str:
    """``/sandboxes/{sandbox_id}``, the id percent-encoded (the prefix of every handle call)."""
    return route("/sandboxes/{sandbox_id}", sandbox_id=sandbox_id)


class HandleBound:
    """Mixin for sub-resources that need the handle they hang off (``sandbox.tags``,
    ``sandbox.snapshots``): the handle sets ``handle`` when it creates the sub-resource."""

    _handle: AsyncSandbox | None = None

    @property
    def handle(self) -> AsyncSandbox:
        """The sandbox handle this sub-resource was reached from."""
        assert self._handle is not None, "reached from a sandbox handle"
        return self._handle

    def bind_handle(self, sandbox: AsyncSandbox) -> None:
        """Attach the handle (called once, by `AsyncSandbox` when it creates the sub-resource)."""
        self._handle = sandbox
