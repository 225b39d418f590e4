# This file was generated from
#   src/miosa/_async/resources/quotas.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Per-external-user quotas: ``/quotas/external``."""

from __future__ import annotations

from .._resource import APIResource


class Quotas(APIResource):
    """Per-external-user quotas: ``/quotas/external``."""
