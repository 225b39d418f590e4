# This file was generated from
#   src/miosa/_async/resources/workspace_invites.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Workspace invites: ``/workspaces/{workspace_id}/invites``."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, route
from ...types.invites import (
    InviteRevocation,
    WorkspaceInvite,
    WorkspaceInviteAcceptance,
    WorkspaceInvitePreview,
    WorkspaceInviteResult,
)
from ...types.members import WorkspaceRole
from .._resource import APIResource


def _invites_path(workspace_id: str) -> str:
    return route("/workspaces/{workspace_id}/invites", workspace_id=workspace_id)


def _token_path(token: str) -> str:
    return route("/workspace-invites/{token}", token=token)


class WorkspaceInvites(APIResource):
    """``client.workspace_invites``: invite people to a workspace by email."""

    def create(
        self,
        workspace_id: str,
        *,
        email: str,
        role: WorkspaceRole | str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> WorkspaceInviteResult:
        """Invite an email to a workspace. ``POST /workspaces/{workspace_id}/invites``.

        The result's ``type`` says what happened: ``"invited"`` (read ``.invite``) or
        ``"added"`` when the email already belonged to the organisation (``.member``).
        """
        # Not unwrapped: the reply's "type" sits next to "data" and says what "data" is.
        return self._object(
            "POST",
            _invites_path(workspace_id),
            WorkspaceInviteResult,
            json=body(email=email, role=role),
            unwrap=(),
            options=options,
        )

    def list(self, workspace_id: str, **options: Unpack[RequestOptions]) -> list[WorkspaceInvite]:
        """A workspace's pending invites. ``GET /workspaces/{workspace_id}/invites``."""
        return self._list(
            "GET",
            _invites_path(workspace_id),
            WorkspaceInvite,
            keys=("data", "items"),
            options=options,
        )

    def revoke(
        self, workspace_id: str, invite_id: str, **options: Unpack[RequestOptions]
    ) -> InviteRevocation:
        """Revoke an invite (idempotent; 409 once accepted).

        ``DELETE /workspaces/{workspace_id}/invites/{invite_id}``.
        """
        path = route(
            "/workspaces/{workspace_id}/invites/{invite_id}",
            workspace_id=workspace_id,
            invite_id=invite_id,
        )
        return self._object("DELETE", path, InviteRevocation, options=options)

    def preview(self, token: str, **options: Unpack[RequestOptions]) -> WorkspaceInvitePreview:
        """What an invite offers (for a landing page). ``GET /workspace-invites/{token}``.

        The endpoint needs no credentials; the client sends its key anyway. An unknown
        token raises `NotFoundError`.
        """
        return self._object("GET", _token_path(token), WorkspaceInvitePreview, options=options)

    def accept(self, token: str, **options: Unpack[RequestOptions]) -> WorkspaceInviteAcceptance:
        """Accept an invite as the signed-in user. ``POST /workspace-invites/{token}/accept``."""
        return self._object(
            "POST",
            _token_path(token) + "/accept",
            WorkspaceInviteAcceptance,
            json={},
            options=options,
        )
