# This file was generated from
#   src/miosa/_async/resources/models.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The LLM model list."""

from __future__ import annotations

from .._resource import APIResource


class Models(APIResource):
    """The LLM model list."""
