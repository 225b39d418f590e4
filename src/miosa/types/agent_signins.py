"""Models of agent sign-ins (``/agent-signins``: connecting a subscription plan that has no
key to paste) and agent accounts (``/agent-accounts``: the connected keys and plans)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = ["AgentAccount", "AgentSignin", "SigninAccount", "SigninStatus"]


class SigninStatus(OpenEnum):
    """Where a sign-in stands. ``awaiting_code`` waits on the user (or the pasted code);
    ``succeeded``, ``failed``, ``expired`` and ``cancelled`` are final."""

    PENDING = "pending"
    AWAITING_CODE = "awaiting_code"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        """True once the sign-in changes no more."""
        return self.value in ("succeeded", "failed", "expired", "cancelled", "canceled")


@attrs.frozen(kw_only=True)
class SigninAccount(Model):
    """The account a finished sign-in connected."""

    account_email: str | None = None
    account_plan: str | None = None


@attrs.frozen(kw_only=True)
class AgentSignin(Model):
    """A sign-in session (15 minutes long).

    Show ``verification_url`` (and ``user_code`` when there is one) to the user. In a
    ``device_code`` flow the user approves there and the session turns ``succeeded``; in
    a ``paste_code`` flow the page shows a code to hand back with ``submit_code``.
    """

    id: str | None = None
    provider: str | None = None
    mode: str | None = None
    status: SigninStatus | None = None
    verification_url: str | None = None
    user_code: str | None = None
    expires_at: datetime | None = None
    error: str | None = None
    account: SigninAccount | None = None
    workspace_id: str | None = None
    external_user_id: str | None = None
    created_at: datetime | None = None

    @property
    def connected(self) -> bool:
        """True once the plan is connected."""
        return self.status == SigninStatus.SUCCEEDED

    @property
    def needs_code(self) -> bool:
        """True when the user has to paste a code back (``mode == "paste_code"``)."""
        return self.mode == "paste_code"


@attrs.frozen(kw_only=True)
class AgentAccount(Model):
    """A connected agent account: an API key (shown as a ``preview``) or a plan."""

    id: str | None = None
    provider: str | None = None
    kind: str | None = None
    name: str | None = None
    preview: str | None = None
    account_email: str | None = None
    account_plan: str | None = None
    workspace_id: str | None = None
    external_user_id: str | None = None
    created_at: datetime | None = None
