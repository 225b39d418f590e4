"""Benchmarks (admin)."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncBenchmarks(AsyncAPIResource):
    """Benchmarks (admin)."""
