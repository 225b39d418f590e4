# This file was generated from
#   src/miosa/_async/resources/functions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Serverless functions: ``/functions``."""

from __future__ import annotations

from .._resource import APIResource


class Functions(APIResource):
    """Serverless functions: ``/functions``."""
