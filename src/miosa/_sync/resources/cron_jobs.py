# This file was generated from
#   src/miosa/_async/resources/cron_jobs.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Cron jobs: ``/cron-jobs``."""

from __future__ import annotations

from .._resource import APIResource


class CronJobs(APIResource):
    """Cron jobs: ``/cron-jobs``."""
