# This file was generated from
#   src/miosa/_async/resources/volumes.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Persistent volumes: ``/volumes``."""

from __future__ import annotations

from .._resource import APIResource


class Volumes(APIResource):
    """Persistent volumes: ``/volumes``."""
