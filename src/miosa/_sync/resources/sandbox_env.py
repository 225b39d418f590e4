# This file was generated from
#   src/miosa/_async/resources/sandbox_env.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``sandbox.env``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import ScopedResource


class SandboxEnv(ScopedResource):
    """``sandbox.env``."""
