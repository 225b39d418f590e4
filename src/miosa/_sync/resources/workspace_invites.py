# This file was generated from
#   src/miosa/_async/resources/workspace_invites.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Workspace invites: ``/workspaces/{id}/invites``."""

from __future__ import annotations

from .._resource import APIResource


class WorkspaceInvites(APIResource):
    """Workspace invites: ``/workspaces/{id}/invites``."""
