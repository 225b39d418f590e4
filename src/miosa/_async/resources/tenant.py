"""The tenant: plan, preview domain and branding: ``/tenant``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncTenant(AsyncAPIResource):
    """The tenant: plan, preview domain and branding: ``/tenant``."""
