# This file was generated from
#   src/miosa/_async/resources/admin.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Platform administration."""

from __future__ import annotations

from .._resource import APIResource


class Admin(APIResource):
    """Platform administration."""
