# This file was generated from
#   src/miosa/_async/resources/mcp.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Model Context Protocol sessions."""

from __future__ import annotations

from .._resource import APIResource


class Mcp(APIResource):
    """Model Context Protocol sessions."""
