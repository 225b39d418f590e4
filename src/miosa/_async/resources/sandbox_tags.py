"""``sandbox.tags``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxTags(AsyncScopedResource):
    """``sandbox.tags``."""
