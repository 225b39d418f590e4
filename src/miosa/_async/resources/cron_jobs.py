"""Cron jobs: ``/cron-jobs``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncCronJobs(AsyncAPIResource):
    """Cron jobs: ``/cron-jobs``."""
