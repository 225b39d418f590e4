"""Models of account OAuth integrations, per-project integrations and BYOK external keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "ExternalKey",
    "GithubRepo",
    "GithubSshKey",
    "Integration",
    "IntegrationAuthorization",
    "IntegrationProvider",
    "IntegrationTestResult",
    "LinearIssue",
    "ProjectIntegration",
    "ProjectIntegrationProvider",
]


@attrs.frozen(kw_only=True)
class Integration(Model):
    """An account-level OAuth connection (GitHub, Slack, Linear, Discord ...)."""

    id: str | None = None
    provider: str | None = None
    status: str | None = None
    connected_at: datetime | None = None


@attrs.frozen(kw_only=True)
class IntegrationProvider(Model):
    """An entry of the integration catalog."""

    provider: str | None = None
    name: str | None = None
    description: str | None = None


@attrs.frozen(kw_only=True)
class IntegrationAuthorization(Model):
    """The start of an OAuth flow: where to send the user.

    The contract does not name the URL field; servers send ``authorize_url`` or ``url``,
    and `redirect_url` gives whichever is present.
    """

    authorize_url: str | None = None
    url: str | None = None
    state: str | None = None
    provider: str | None = None

    @property
    def redirect_url(self) -> str | None:
        """The URL to open in the user's browser."""
        return self.authorize_url or self.url


@attrs.frozen(kw_only=True)
class GithubRepo(Model):
    id: int | str | None = None
    name: str | None = None
    full_name: str | None = None
    private: bool | None = None


@attrs.frozen(kw_only=True)
class GithubSshKey(Model):
    id: int | str | None = None
    title: str | None = None
    key: str | None = None


@attrs.frozen(kw_only=True)
class IntegrationTestResult(Model):
    """The reply to a provider test message (Slack, Discord)."""

    ok: bool | None = None
    success: bool | None = None
    message: str | None = None
    error: str | None = None


@attrs.frozen(kw_only=True)
class LinearIssue(Model):
    """An issue created in the connected Linear workspace."""

    id: str | None = None
    identifier: str | None = None
    title: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class ProjectIntegration(Model):
    """A third-party API-key connection of one project (Stripe, Resend, Twilio ...)."""

    id: str | None = None
    project_id: str | None = None
    provider: str | None = None
    status: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ProjectIntegrationProvider(Model):
    """An entry of the project-integration catalog, with the credentials `schema`."""

    provider: str | None = None
    name: str | None = None
    description: str | None = None
    schema: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ExternalKey(Model):
    """A stored provider key (BYOK), addressed by `provider`; only the masked key is shown."""

    provider: str | None = None
    masked_key: str | None = None
    created_at: datetime | None = None
