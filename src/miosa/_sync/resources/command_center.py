# This file was generated from
#   src/miosa/_async/resources/command_center.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The command center (agent fleet)."""

from __future__ import annotations

from .._resource import APIResource


class CommandCenter(APIResource):
    """The command center (agent fleet)."""
