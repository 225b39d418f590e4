"""Uptime health checks: ``/health-checks``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncHealthChecks(AsyncAPIResource):
    """Uptime health checks: ``/health-checks``."""
