"""``sandbox.env``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxEnv(AsyncScopedResource):
    """``sandbox.env``."""
