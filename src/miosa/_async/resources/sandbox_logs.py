"""``sandbox.logs``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxLogs(AsyncScopedResource):
    """``sandbox.logs``."""
