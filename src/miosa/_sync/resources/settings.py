# This file was generated from
#   src/miosa/_async/resources/settings.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Tenant settings, branding and provider keys: ``/settings``."""

from __future__ import annotations

from .._resource import APIResource


class Settings(APIResource):
    """Tenant settings, branding and provider keys: ``/settings``."""
