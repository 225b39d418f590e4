"""Workspace invites: ``/workspaces/{id}/invites``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncWorkspaceInvites(AsyncAPIResource):
    """Workspace invites: ``/workspaces/{id}/invites``."""
