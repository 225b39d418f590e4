# This file was generated from
#   src/miosa/_async/resources/builder_sessions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Builder UI sessions."""

from __future__ import annotations

from .._resource import APIResource


class BuilderSessions(APIResource):
    """Builder UI sessions."""
