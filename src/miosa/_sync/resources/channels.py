# This file was generated from
#   src/miosa/_async/resources/channels.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Notification channels."""

from __future__ import annotations

from .._resource import APIResource


class Channels(APIResource):
    """Notification channels."""
