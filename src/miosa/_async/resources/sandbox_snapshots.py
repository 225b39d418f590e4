"""``sandbox.snapshots``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import AsyncScopedResource


class AsyncSandboxSnapshots(AsyncScopedResource):
    """``sandbox.snapshots``."""
