# This file was generated from
#   src/miosa/_async/resources/templates.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The product template catalog: ``/templates``."""

from __future__ import annotations

from .._resource import APIResource


class Templates(APIResource):
    """The product template catalog: ``/templates``."""
