# This file was generated from
#   src/miosa/_async/resources/sandbox_processes.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``sandbox.processes``: endpoints under ``/sandboxes/{id}``."""

from __future__ import annotations

from .._resource import ScopedResource


class SandboxProcesses(ScopedResource):
    """``sandbox.processes``."""
