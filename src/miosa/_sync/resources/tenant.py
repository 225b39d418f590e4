# This file was generated from
#   src/miosa/_async/resources/tenant.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The tenant: plan, preview domain and branding: ``/tenant``."""

from __future__ import annotations

from .._resource import APIResource


class Tenant(APIResource):
    """The tenant: plan, preview domain and branding: ``/tenant``."""
