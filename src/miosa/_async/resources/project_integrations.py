"""Per-project integrations."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncProjectIntegrations(AsyncAPIResource):
    """Per-project integrations."""
