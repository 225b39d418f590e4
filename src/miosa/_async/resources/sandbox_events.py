"""``sandbox.events``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxEvents(AsyncScopedResource):
    """``sandbox.events``."""
