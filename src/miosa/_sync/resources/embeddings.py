# This file was generated from
#   src/miosa/_async/resources/embeddings.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Embeddings."""

from __future__ import annotations

from .._resource import APIResource


class Embeddings(APIResource):
    """Embeddings."""
