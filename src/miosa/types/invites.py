"""Models of workspace and organisation invites."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

import attrs

from .._aliases import aliases_filled
from ._base import Model, OpenEnum
from .members import WorkspaceMember, WorkspaceRole

T = TypeVar("T")

__all__ = [
    "InviteRevocation",
    "OrgInvite",
    "OrgInviteAcceptance",
    "OrgInvitePreview",
    "OrgInviteTenant",
    "WorkspaceInvite",
    "WorkspaceInviteAcceptance",
    "WorkspaceInviteOutcome",
    "WorkspaceInvitePreview",
    "WorkspaceInviteResult",
]


@attrs.frozen(kw_only=True)
class WorkspaceInvite(Model):
    """A pending (or accepted) invitation to a workspace. ``token`` is kept out of ``repr``."""

    id: str | None = None
    workspace_id: str | None = None
    tenant_id: str | None = None
    email: str | None = None
    role: WorkspaceRole | None = None
    invited_by: str | None = None
    invite_url: str | None = None
    token: str | None = attrs.field(default=None, repr=False)
    expires_at: datetime | None = None
    accepted_at: datetime | None = None
    revoked_at: datetime | None = None
    inserted_at: datetime | None = None


class WorkspaceInviteOutcome(OpenEnum):
    """What inviting an email did: sent an invite, or added an existing org member."""

    INVITED = "invited"
    ADDED = "added"


@attrs.frozen(kw_only=True)
class WorkspaceInviteResult(Model):
    """``POST /workspaces/{workspace_id}/invites``.

    ``type`` is ``"invited"`` (``data`` is an invite: read `invite`) or ``"added"``
    (the email already belonged to the organisation and ``data`` is the new
    membership: read `member`).
    """

    type: WorkspaceInviteOutcome | None = None
    data: dict[str, Any] | None = None

    @property
    def invite(self) -> WorkspaceInvite | None:
        """The invite, when one was sent."""
        if self.type != WorkspaceInviteOutcome.INVITED or self.data is None:
            return None
        return _structure(self.data, WorkspaceInvite)

    @property
    def member(self) -> WorkspaceMember | None:
        """The membership, when the user was added at once."""
        if self.type != WorkspaceInviteOutcome.ADDED or self.data is None:
            return None
        return _structure(self.data, WorkspaceMember)


@attrs.frozen(kw_only=True)
class InviteRevocation(Model):
    """The reply to revoking a workspace or organisation invite."""

    invite_id: str | None = None
    revoked: bool | None = None


@attrs.frozen(kw_only=True)
class WorkspaceInvitePreview(Model):
    """``GET /workspace-invites/{token}``: what the invitee is being offered."""

    workspace_id: str | None = None
    workspace_name: str | None = None
    tenant_name: str | None = None
    role: WorkspaceRole | None = None
    email: str | None = None
    expires_at: datetime | None = None
    expired: bool | None = None
    revoked: bool | None = None
    accepted: bool | None = None


@attrs.frozen(kw_only=True)
class WorkspaceInviteAcceptance(Model):
    """``POST /workspace-invites/{token}/accept``."""

    accepted: bool | None = None
    workspace_id: str | None = None
    tenant_id: str | None = None
    user_id: str | None = None
    role: WorkspaceRole | None = None


@attrs.frozen(kw_only=True)
class OrgInvite(Model):
    """An invitation to the organisation (tenant).

    The create reply names the id ``invite_id``, the list ``id``; both hold it.
    ``token`` is kept out of ``repr``.
    """

    id: str | None = None
    invite_id: str | None = None
    tenant_id: str | None = None
    email: str | None = None
    role: WorkspaceRole | None = None
    invited_by: str | None = None
    invite_url: str | None = None
    token: str | None = attrs.field(default=None, repr=False)
    expires_at: datetime | None = None
    accepted_at: datetime | None = None
    revoked_at: datetime | None = None
    created_at: datetime | None = None

    __attrs_post_init__ = aliases_filled(("id", "invite_id"))


@attrs.frozen(kw_only=True)
class OrgInvitePreview(Model):
    """``GET /invites/{token}``."""

    email: str | None = None
    tenant_name: str | None = None
    role: WorkspaceRole | None = None
    expires_at: datetime | None = None
    expired: bool | None = None
    accepted: bool | None = None
    revoked: bool | None = None


@attrs.frozen(kw_only=True)
class OrgInviteTenant(Model):
    """The organisation an accepted invite joined."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    owner_user_id: str | None = None
    plan_id: str | None = None
    plan_name: str | None = None
    settings: dict[str, Any] | None = None
    inserted_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OrgInviteAcceptance(Model):
    """``POST /invites/{token}/accept``."""

    accepted: bool | None = None
    tenant_id: str | None = None
    user_id: str | None = None
    tenant: OrgInviteTenant | None = None


def _structure(data: dict[str, Any], cls: type[T]) -> T:
    # Imported here: the converter imports this package's base module.
    from .._converter import structure

    return structure(data, cls)
