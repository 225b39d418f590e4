"""Models of who a credential is (``/whoami``) and of scoped delegation tokens."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model
from .organizations import Organization

__all__ = ["ScopedToken", "Whoami", "WhoamiPlan", "WhoamiUser", "WhoamiWorkspace"]


@attrs.frozen(kw_only=True)
class WhoamiUser(Model):
    """The person behind a credential (None for a key with no user)."""

    id: str | None = None
    email: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class WhoamiWorkspace(Model):
    """The workspace a credential is bound to, if any."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None


@attrs.frozen(kw_only=True)
class WhoamiPlan(Model):
    """The organization's plan."""

    id: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class Whoami(Model):
    """What the presented credential resolves to: user, organization, workspace, plan, scopes.

    The key itself is never returned.
    """

    credential_type: str | None = None
    key_id: str | None = None
    user: WhoamiUser | None = None
    organization: Organization | None = None
    workspace: WhoamiWorkspace | None = None
    plan: WhoamiPlan | None = None
    scopes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ScopedToken(Model):
    """A short-lived delegation token for one end user and workspace (``/tokens/scoped``).

    ``token`` (a JWT to hand to the client-side app) is present once, on creation.
    """

    id: str | None = None
    token: str | None = None
    user_id: str | None = None
    workspace_id: str | None = None
    scopes: tuple[str, ...] = ()
    expires_at: datetime | None = None
    created_at: datetime | None = None
    revoked_at: datetime | None = None
