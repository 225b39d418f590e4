# This file was generated from
#   src/miosa/_async/resources/api_keys.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""API keys: ``/api-keys``."""

from __future__ import annotations

from .._resource import APIResource


class ApiKeys(APIResource):
    """API keys: ``/api-keys``."""
