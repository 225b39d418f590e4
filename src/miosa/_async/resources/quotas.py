"""Per-external-user quotas: ``/quotas/external``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncQuotas(AsyncAPIResource):
    """Per-external-user quotas: ``/quotas/external``."""
