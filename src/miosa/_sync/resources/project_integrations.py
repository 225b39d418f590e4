# This file was generated from
#   src/miosa/_async/resources/project_integrations.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Per-project integrations."""

from __future__ import annotations

from .._resource import APIResource


class ProjectIntegrations(APIResource):
    """Per-project integrations."""
