"""Tenant settings, branding and provider keys: ``/settings``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncSettings(AsyncAPIResource):
    """Tenant settings, branding and provider keys: ``/settings``."""
