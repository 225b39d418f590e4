"""Persistent volumes: ``/volumes``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncVolumes(AsyncAPIResource):
    """Persistent volumes: ``/volumes``."""
