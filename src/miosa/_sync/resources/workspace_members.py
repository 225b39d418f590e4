# This file was generated from
#   src/miosa/_async/resources/workspace_members.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Workspace members: ``/workspaces/{id}/members``."""

from __future__ import annotations

from .._resource import APIResource


class WorkspaceMembers(APIResource):
    """Workspace members: ``/workspaces/{id}/members``."""
