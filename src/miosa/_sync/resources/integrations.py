# This file was generated from
#   src/miosa/_async/resources/integrations.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Account OAuth integrations."""

from __future__ import annotations

from .._resource import APIResource


class Integrations(APIResource):
    """Account OAuth integrations."""
