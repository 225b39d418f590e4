"""Models of action authority: decisions, approvals, standing grants and receipts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "ActionApproval",
    "ActionCapability",
    "ActionDecision",
    "ActionGrant",
    "ActionReceipt",
    "AuthorityDecision",
]


class AuthorityDecision(OpenEnum):
    """What the authority answered for one invocation."""

    ALLOW = "allow"
    PENDING_APPROVAL = "pending_approval"
    DENY = "deny"


@attrs.frozen(kw_only=True)
class ActionCapability(Model):
    """One gated action of the catalog, with its risk and scope."""

    name: str | None = None
    description: str | None = None
    risk: str | None = None
    scope: str | None = None


@attrs.frozen(kw_only=True)
class ActionDecision(Model):
    """The durable decision for one invocation (``POST /actions/authorize``).

    ``pending_approval`` is a normal answer (202): a person decides ``approval_id``, then
    the same invocation (same fingerprints) is authorized again. ``deny`` arrives as
    `miosa.PermissionDeniedError` (403), not as a decision.
    """

    decision: AuthorityDecision | None = None
    approval_id: str | None = None
    grant_id: str | None = None
    receipt_id: str | None = None
    reason: str | None = None
    expires_at: datetime | None = None

    @property
    def allowed(self) -> bool:
        return self.decision is AuthorityDecision.ALLOW


@attrs.frozen(kw_only=True)
class ActionApproval(Model):
    """A request waiting for (or given) a person's decision."""

    id: str | None = None
    status: str | None = None
    capability: dict[str, Any] | None = None
    principal_type: str | None = None
    principal_id: str | None = None
    workspace_id: str | None = None
    run_id: str | None = None
    agent_definition_id: str | None = None
    surface: str | None = None
    request_fingerprint: str | None = None
    reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ActionGrant(Model):
    """A standing, always-on authorization of one capability for one principal."""

    id: str | None = None
    status: str | None = None
    capability: dict[str, Any] | None = None
    principal_type: str | None = None
    principal_id: str | None = None
    workspace_id: str | None = None
    constraints: dict[str, Any] | None = None
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ActionReceipt(Model):
    """One entry of the ledger of authorized actions."""

    id: str | None = None
    decision: str | None = None
    capability: dict[str, Any] | None = None
    principal_type: str | None = None
    principal_id: str | None = None
    surface: str | None = None
    request_fingerprint: str | None = None
    params_fingerprint: str | None = None
    approval_id: str | None = None
    grant_id: str | None = None
    created_at: datetime | None = None
