"""Tenant-wide custom domains: ``/custom-domains``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncCustomDomains(AsyncAPIResource):
    """Tenant-wide custom domains: ``/custom-domains``."""
