# This file was generated from
#   src/miosa/_async/resources/health_checks.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Uptime health checks: ``/health-checks``."""

from __future__ import annotations

from .._resource import APIResource


class HealthChecks(APIResource):
    """Uptime health checks: ``/health-checks``."""
