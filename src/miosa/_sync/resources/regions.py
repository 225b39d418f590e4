# This file was generated from
#   src/miosa/_async/resources/regions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Regions and the compute catalog: ``/compute``."""

from __future__ import annotations

from .._resource import APIResource


class Regions(APIResource):
    """Regions and the compute catalog: ``/compute``."""
