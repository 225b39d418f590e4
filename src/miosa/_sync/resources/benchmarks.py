# This file was generated from
#   src/miosa/_async/resources/benchmarks.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Benchmarks (admin)."""

from __future__ import annotations

from .._resource import APIResource


class Benchmarks(APIResource):
    """Benchmarks (admin)."""
