"""``sandbox.processes``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxProcesses(AsyncScopedResource):
    """``sandbox.processes``."""
