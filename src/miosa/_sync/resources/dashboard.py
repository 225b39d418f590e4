# This file was generated from
#   src/miosa/_async/resources/dashboard.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Dashboard summaries."""

from __future__ import annotations

from .._resource import APIResource


class Dashboard(APIResource):
    """Dashboard summaries."""
