"""Models of the egress layer: the credential vault, the network allowlist and its audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import attrs

from ._base import Model

__all__ = [
    "EgressAuditEvent",
    "EgressBinding",
    "EgressPolicy",
    "EgressPolicyMode",
    "EgressRule",
    "EgressRuleEffect",
    "EgressSecret",
    "EgressSecretScope",
    "EgressSecretType",
    "EgressSuggestion",
    "OauthProvider",
    "OauthStart",
]

EgressSecretType = Literal["api_key", "oauth_token", "bearer", "basic", "generic"]
"""The kind of credential a secret holds."""
EgressSecretScope = Literal["user", "workspace", "tenant", "external_user", "external_workspace"]
"""Who a secret is visible to."""
EgressPolicyMode = Literal["enforce", "audit_only"]
"""``enforce`` blocks denied requests; ``audit_only`` logs them and lets them through."""
EgressRuleEffect = Literal["allow", "deny"]


@attrs.frozen(kw_only=True)
class EgressSecret(Model):
    """A stored credential (``/egress/secrets``). The value itself is never returned."""

    id: str | None = None
    name: str | None = None
    type: str | None = None
    scope: str | None = None
    status: str | None = None
    provider: str | None = None
    workspace_id: str | None = None
    owner_user_id: str | None = None
    external_user_id: str | None = None
    external_workspace_id: str | None = None
    masked_value: str | None = None
    expires_at: datetime | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EgressBinding(Model):
    """A secret exposed to one resource as an environment variable (``/egress/bindings``)."""

    id: str | None = None
    secret_id: str | None = None
    resource_id: str | None = None
    resource_type: str | None = None
    expose_as_env: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OauthProvider(Model):
    """An OAuth provider the tenant can connect (``/egress/oauth/providers``)."""

    id: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class OauthStart(Model):
    """A started OAuth connect flow: send the end user to ``authorize_url``.

    The provider's callback stores the credential as an egress secret;
    ``client.secrets.wait_for_oauth`` waits for it.
    """

    authorize_url: str | None = None
    state: str | None = None
    provider: str | None = None
    secret_id: str | None = None
    expires_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EgressRule(Model):
    """One allow or deny rule of the egress allowlist (``/egress/allowlist``).

    ``host`` may be a glob (``*.github.com``); ``methods`` and ``path_glob`` narrow it.
    """

    id: str | None = None
    host: str | None = None
    effect: str | None = None
    methods: tuple[str, ...] = ()
    path_glob: str | None = None
    policy_id: str | None = None
    resource_id: str | None = None
    resource_type: str | None = None
    note: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EgressPolicy(Model):
    """A named egress policy: its mode, its default effect and its rules."""

    id: str | None = None
    name: str | None = None
    mode: str | None = None
    default_effect: str | None = None
    description: str | None = None
    resource_id: str | None = None
    resource_type: str | None = None
    rules: tuple[EgressRule, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EgressSuggestion(Model):
    """A rule the server suggests from recently denied traffic (``/egress/audit/suggestions``)."""

    host: str | None = None
    effect: str | None = None
    methods: tuple[str, ...] = ()
    path_glob: str | None = None
    count: int | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True)
class EgressAuditEvent(Model):
    """One request the egress proxy saw, with the verdict it gave (``/egress/audit``)."""

    id: str | None = None
    action: str | None = None
    effect: str | None = None
    host: str | None = None
    method: str | None = None
    path: str | None = None
    status_code: int | None = None
    actor_id: str | None = None
    resource_id: str | None = None
    resource_type: str | None = None
    policy_id: str | None = None
    rule_id: str | None = None
    external_user_id: str | None = None
    external_workspace_id: str | None = None
    metadata: dict[str, Any] | None = None
    inserted_at: datetime | None = None
