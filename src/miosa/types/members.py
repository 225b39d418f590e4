"""Models of membership: workspaces (``/workspaces/{workspace_id}/members``) and the
organisation (``/tenant/members``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = ["MemberRemoval", "TenantMember", "WorkspaceMember", "WorkspaceRole"]


class WorkspaceRole(OpenEnum):
    """A member's role in a workspace (organisation invites use the first three)."""

    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    VIEWER = "viewer"


@attrs.frozen(kw_only=True)
class WorkspaceMember(Model):
    """A user's membership of a workspace."""

    user_id: str | None = None
    workspace_id: str | None = None
    email: str | None = None
    name: str | None = None
    avatar_url: str | None = None
    role: WorkspaceRole | None = None
    joined_at: datetime | None = None
    added_by: str | None = None


@attrs.frozen(kw_only=True)
class MemberRemoval(Model):
    """``DELETE /workspaces/{workspace_id}/members/{user_id}``: ``{deleted}``."""

    deleted: bool | None = None


@attrs.frozen(kw_only=True)
class TenantMember(Model):
    """A member of the organisation (tenant), or an invitation to become one.

    ``id`` is the membership id that ``update_role``/``remove`` take; ``user_id`` the
    person's account (None while an invitation is pending).
    """

    id: str | None = None
    user_id: str | None = None
    tenant_id: str | None = None
    email: str | None = None
    name: str | None = None
    role: WorkspaceRole | None = None
    status: str | None = None
    joined_at: datetime | None = None
    invited_at: datetime | None = None
