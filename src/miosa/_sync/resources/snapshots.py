# This file was generated from
#   src/miosa/_async/resources/snapshots.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The admin fleet snapshot index: ``/admin/snapshots``."""

from __future__ import annotations

from .._resource import APIResource


class Snapshots(APIResource):
    """The admin fleet snapshot index: ``/admin/snapshots``."""
