"""Serverless functions: ``/functions``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncFunctions(AsyncAPIResource):
    """Serverless functions: ``/functions``."""
