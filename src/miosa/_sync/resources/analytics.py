# This file was generated from
#   src/miosa/_async/resources/analytics.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Admin analytics."""

from __future__ import annotations

from .._resource import APIResource


class Analytics(APIResource):
    """Admin analytics."""
