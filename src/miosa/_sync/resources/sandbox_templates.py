# This file was generated from
#   src/miosa/_async/resources/sandbox_templates.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Tenant sandbox templates and their builds: ``/sandbox-templates``."""

from __future__ import annotations

from .._resource import APIResource


class SandboxTemplates(APIResource):
    """Tenant sandbox templates and their builds: ``/sandbox-templates``."""
