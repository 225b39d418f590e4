"""``sandbox.shares``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxShares(AsyncScopedResource):
    """``sandbox.shares``."""
