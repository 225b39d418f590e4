# This file was generated from
#   src/miosa/_async/resources/events.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Tenant-wide event stream: ``/events/stream``."""

from __future__ import annotations

from .._resource import APIResource


class Events(APIResource):
    """Tenant-wide event stream: ``/events/stream``."""
