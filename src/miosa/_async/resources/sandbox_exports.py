"""``sandbox.exports``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxExports(AsyncScopedResource):
    """``sandbox.exports``."""
