# This file was generated from
#   src/miosa/_async/resources/custom_domains.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Tenant-wide custom domains: ``/custom-domains``."""

from __future__ import annotations

from .._resource import APIResource


class CustomDomains(APIResource):
    """Tenant-wide custom domains: ``/custom-domains``."""
