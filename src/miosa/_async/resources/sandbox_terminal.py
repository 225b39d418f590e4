"""``sandbox.terminal``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxTerminal(AsyncScopedResource):
    """``sandbox.terminal``."""
