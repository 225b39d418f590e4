# This file was generated from
#   src/miosa/_async/resources/storage.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Object storage buckets and objects: ``/storage``."""

from __future__ import annotations

from .._resource import APIResource


class Storage(APIResource):
    """Object storage buckets and objects: ``/storage``."""
