"""Models of agent settings (``/agents/settings``, ``/agents/credentials``, ...): what
answers a prompt. Harnesses (the CLI an agent run drives), the credentials they sign in
with, the model catalog and the workspace defaults."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "AgentBuildTemplate",
    "AgentCredential",
    "AgentDefaults",
    "EffectiveAgentSettings",
    "CredentialScope",
    "HarnessAuthOption",
    "HarnessCatalog",
    "HarnessInfo",
    "HarnessModel",
    "HarnessSettings",
    "HarnessState",
    "HarnessStatus",
    "HarnessUpdate",
    "HarnessVersion",
    "SettingsScope",
]


class CredentialScope(OpenEnum):
    """Where a credential or setting is held: the organization, a workspace, an end user."""

    ORGANIZATION = "organization"
    WORKSPACE = "workspace"
    EXTERNAL_USER = "external_user"


class HarnessState(OpenEnum):
    """Whether a harness can take a run now."""

    READY = "ready"
    NEEDS_CREDENTIAL = "needs_credential"
    DISABLED = "disabled"


@attrs.frozen(kw_only=True)
class SettingsScope(Model):
    """The scope a settings read answered for (``level`` names it)."""

    level: CredentialScope | None = None
    organization_id: str | None = None
    workspace_id: str | None = None
    external_user_id: str | None = None


@attrs.frozen(kw_only=True)
class AgentCredential(Model):
    """One provider credential and its state at a scope. Never carries the secret: a key
    shows as a redacted ``preview`` (its first 6 and last 4 characters)."""

    id: str | None = None
    label: str | None = None
    kind: str | None = None
    """``api_key``, ``subscription`` or ``fields`` (a credential with several values)."""
    connected: bool | None = None
    status: str | None = None
    preview: str | None = None
    scope: CredentialScope | None = None
    usable_by: tuple[str, ...] = ()
    """Harness ids that may use the credential; empty means every harness."""
    account_email: str | None = None
    account_plan: str | None = None
    fields: tuple[str, ...] = ()
    """The form fields the credential takes (``api_key``, or several for Bedrock)."""
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class HarnessAuthOption(Model):
    """One way a harness authenticates: an auth method (``single`` harnesses) or a
    provider (``multi`` harnesses), with its state at this scope."""

    id: str | None = None
    label: str | None = None
    kind: str | None = None
    connected: bool | None = None
    enabled: bool | None = None
    scope: CredentialScope | None = None


@attrs.frozen(kw_only=True)
class HarnessStatus(Model):
    """Whether the harness is ready, and why not."""

    state: HarnessState | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True)
class HarnessSettings(Model):
    """A harness as configured at a scope (an entry of ``EffectiveAgentSettings.harnesses``).

    A ``single`` harness signs in with one ``auth_method``; a ``multi`` harness runs on a
    ``primary_provider`` with a ``backup_provider`` used only while the primary is not
    connected.
    """

    id: str | None = None
    label: str | None = None
    kind: str | None = None
    is_default: bool | None = None
    status: HarnessStatus | None = None
    auth_method: str | None = None
    auth_methods: tuple[HarnessAuthOption, ...] = ()
    primary_provider: str | None = None
    backup_provider: str | None = None
    enabled_providers: tuple[str, ...] = ()
    providers: tuple[HarnessAuthOption, ...] = ()
    default_model: str | None = None
    default_effort: str | None = None

    @property
    def ready(self) -> bool:
        """True when the harness can take a run now."""
        return self.status is not None and self.status.state == HarnessState.READY


@attrs.frozen(kw_only=True)
class EffectiveAgentSettings(Model):
    """The effective agent settings at a scope (``GET /agents/settings``)."""

    default_harness: str | None = None
    scope: SettingsScope | None = None
    harnesses: tuple[HarnessSettings, ...] = ()
    credentials: tuple[AgentCredential, ...] = ()

    def harness(self, harness_id: str) -> HarnessSettings | None:
        """The harness with this id, or None."""
        return next((h for h in self.harnesses if h.id == harness_id), None)


@attrs.frozen(kw_only=True)
class HarnessUpdate(Model):
    """The reply to updating one harness: the harness and the scope's default harness."""

    harness: HarnessSettings | None = None
    default_harness: str | None = None


@attrs.frozen(kw_only=True)
class HarnessInfo(Model):
    """A harness of the platform catalog and the credentials it accepts."""

    id: str | None = None
    label: str | None = None
    description: str | None = None
    supported_auth: tuple[Any, ...] = ()
    """Credential ids, or objects ``{id, note}`` where the platform documents each."""
    unsupported_auth: tuple[Any, ...] = ()
    """Objects ``{id, reason}``: credentials this harness refuses, and why."""


@attrs.frozen(kw_only=True)
class HarnessCatalog(Model):
    """``GET /agents/harnesses``: every harness, plus the platform's capability maps."""

    harnesses: tuple[HarnessInfo, ...] = ()
    capabilities: dict[str, Any] | None = None
    runtime_capabilities: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class HarnessModel(Model):
    """One model of a harness's catalog; an unavailable one says why."""

    id: str | None = None
    label: str | None = None
    provider: str | None = None
    available: bool | None = None
    unavailable_reason: str | None = None
    is_default: bool | None = None
    efforts: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class HarnessVersion(Model):
    """A harness with the CLI version the platform pins (and its models when asked)."""

    id: str | None = None
    label: str | None = None
    version: str | None = None
    models: tuple[HarnessModel, ...] = ()


@attrs.frozen(kw_only=True)
class AgentBuildTemplate(Model):
    """A starting point for building an agent."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    harness: str | None = None
    configuration: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class AgentDefaults(Model):
    """The agent defaults of a workspace: harness, model and effort new agents start with."""

    workspace_id: str | None = None
    harness: str | None = None
    model: str | None = None
    effort: str | None = None
    updated_at: datetime | None = None
