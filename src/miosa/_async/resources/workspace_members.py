"""Workspace members: ``/workspaces/{id}/members``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncWorkspaceMembers(AsyncAPIResource):
    """Workspace members: ``/workspaces/{id}/members``."""
