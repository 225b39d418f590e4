# This file was generated from
#   src/miosa/_async/resources/workspace_members.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Workspace members: ``/workspaces/{workspace_id}/members``."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, route
from ...types.members import MemberRemoval, WorkspaceMember, WorkspaceRole
from .._resource import APIResource


def _members_path(workspace_id: str) -> str:
    return route("/workspaces/{workspace_id}/members", workspace_id=workspace_id)


def _member_path(workspace_id: str, user_id: str) -> str:
    return route(
        "/workspaces/{workspace_id}/members/{user_id}", workspace_id=workspace_id, user_id=user_id
    )


class WorkspaceMembers(APIResource):
    """``client.workspace_members``: who belongs to a workspace, with which role."""

    def list(self, workspace_id: str, **options: Unpack[RequestOptions]) -> list[WorkspaceMember]:
        """A workspace's members. ``GET /workspaces/{workspace_id}/members``."""
        return self._list(
            "GET",
            _members_path(workspace_id),
            WorkspaceMember,
            keys=("data", "items"),
            options=options,
        )

    def add(
        self,
        workspace_id: str,
        *,
        user_id: str,
        role: WorkspaceRole | str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> WorkspaceMember:
        """Add an organisation member to a workspace (role defaults to ``member``).

        ``POST /workspaces/{workspace_id}/members``.
        """
        return self._object(
            "POST",
            _members_path(workspace_id),
            WorkspaceMember,
            json=body(user_id=user_id, role=role),
            options=options,
        )

    def update_role(
        self,
        workspace_id: str,
        user_id: str,
        *,
        role: WorkspaceRole | str,
        **options: Unpack[RequestOptions],
    ) -> WorkspaceMember:
        """Change a member's role. ``PATCH /workspaces/{workspace_id}/members/{user_id}``."""
        return self._object(
            "PATCH",
            _member_path(workspace_id, user_id),
            WorkspaceMember,
            json={"role": role},
            options=options,
        )

    def remove(
        self, workspace_id: str, user_id: str, **options: Unpack[RequestOptions]
    ) -> MemberRemoval:
        """Remove a member (never the last owner: 409 ``LAST_OWNER``).

        ``DELETE /workspaces/{workspace_id}/members/{user_id}``.
        """
        return self._object(
            "DELETE", _member_path(workspace_id, user_id), MemberRemoval, options=options
        )
