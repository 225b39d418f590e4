# This file was generated from
#   src/miosa/_async/resources/community.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The community catalog."""

from __future__ import annotations

from .._resource import APIResource


class Community(APIResource):
    """The community catalog."""
