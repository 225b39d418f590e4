# This file was generated from
#   src/miosa/_async/resources/computers.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Cloud computers: ``/computers``."""

from __future__ import annotations

from .._resource import APIResource


class Computers(APIResource):
    """Cloud computers: ``/computers``."""
