# This file was generated from
#   src/miosa/_async/resources/credits.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Credit balance and transactions: ``/credits``."""

from __future__ import annotations

from .._resource import APIResource


class Credits(APIResource):
    """Credit balance and transactions: ``/credits``."""
