# This file was generated from
#   src/miosa/_async/resources/external_keys.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Per-user provider keys (BYOK)."""

from __future__ import annotations

from .._resource import APIResource


class ExternalKeys(APIResource):
    """Per-user provider keys (BYOK)."""
