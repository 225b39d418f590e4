# This file was generated from
#   src/miosa/_async/resources/provider_defaults.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Provider routing defaults (admin)."""

from __future__ import annotations

from .._resource import APIResource


class ProviderDefaults(APIResource):
    """Provider routing defaults (admin)."""
