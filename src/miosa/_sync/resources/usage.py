# This file was generated from
#   src/miosa/_async/resources/usage.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Usage reports: ``/usage``."""

from __future__ import annotations

from .._resource import APIResource


class Usage(APIResource):
    """Usage reports: ``/usage``."""
