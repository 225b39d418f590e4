# This file was generated from
#   src/miosa/_async/resources/databases.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Managed databases: ``/databases``."""

from __future__ import annotations

from .._resource import APIResource


class Databases(APIResource):
    """Managed databases: ``/databases``."""
