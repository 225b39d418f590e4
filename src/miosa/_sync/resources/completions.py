# This file was generated from
#   src/miosa/_async/resources/completions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Text and chat completions."""

from __future__ import annotations

from .._resource import APIResource


class Completions(APIResource):
    """Text and chat completions."""
