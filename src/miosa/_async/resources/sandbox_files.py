"""``sandbox.files``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxFiles(AsyncScopedResource):
    """``sandbox.files``."""
