# This file was generated from
#   src/miosa/_async/resources/deployments.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Deployments: ``/deployments``."""

from __future__ import annotations

from .._resource import APIResource


class Deployments(APIResource):
    """Deployments: ``/deployments``."""
