"""``sandbox.previews``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxPreviews(AsyncScopedResource):
    """``sandbox.previews``."""
