# This file was generated from
#   src/miosa/_async/resources/sandbox_shares.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``sandbox.shares``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import ScopedResource


class SandboxShares(ScopedResource):
    """``sandbox.shares``."""
