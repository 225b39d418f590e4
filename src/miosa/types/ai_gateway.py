"""Models of the AI gateway control plane (``/ai-gateway``) and its Intelligence management
routes (``/intelligence/keys``, evaluations, agent model assignments, provider credentials).

The inference proxy (``/inference/{slug}/v1``) answers OpenAI-compatible payloads: those use
the models of `miosa.types.ai` (`ChatCompletion`, `Completion`, `LLMModel`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "AgentModelAssignment",
    "ProviderCredentialCheck",
    "EvaluationPolicy",
    "EvaluationRun",
    "EvaluationRunStatus",
    "GatewayBudget",
    "GatewayEnvironment",
    "GatewayHealth",
    "GatewayLimit",
    "GatewayLimits",
    "GatewayPolicy",
    "GatewayRequest",
    "GatewaySettings",
    "IntelligenceKey",
    "KeyEnvironment",
    "KeyEnvironmentName",
    "LoggingMode",
    "ProviderCredential",
    "ProviderHealth",
    "RoutingStrategy",
]


class RoutingStrategy(OpenEnum):
    """How a policy picks among its models (the server may add strategies)."""

    FALLBACK = "fallback"
    WEIGHTED = "weighted"


class KeyEnvironmentName(OpenEnum):
    """The environment a key belongs to."""

    PRODUCTION = "production"
    STAGING = "staging"
    DEVELOPMENT = "development"


class LoggingMode(OpenEnum):
    """What the gateway records per request."""

    METADATA = "metadata"
    OFF = "off"


class EvaluationRunStatus(OpenEnum):
    """Where an evaluation run is in its life."""

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


@attrs.frozen(kw_only=True)
class GatewayPolicy(Model):
    """A routing and fallback policy: which model a matching request runs on."""

    id: str | None = None
    name: str | None = None
    selector: dict[str, Any] | None = None
    primary_model: str | None = None
    fallback_models: tuple[str, ...] | None = None
    alias_name: str | None = None
    strategy: RoutingStrategy | None = None
    weights: dict[str, Any] | None = None
    priority: int | None = None
    enabled: bool | None = None
    workspace_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class GatewayBudget(Model):
    """The gateway's spending and rate limits, and whether they are enforced."""

    monthly_credit_limit: float | None = None
    per_request_credit_limit: float | None = None
    requests_per_minute: int | None = None
    tokens_per_day: int | None = None
    hard_limit: bool | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class GatewayHealth(Model):
    """Whether the gateway can route requests: policies, budget and provider state."""

    status: str | None = None
    execution_readiness: str | None = None
    configured_policies: int | None = None
    enabled_policies: int | None = None
    budget: GatewayBudget | None = None
    providers: tuple[dict[str, Any], ...] | None = None


@attrs.frozen(kw_only=True)
class GatewayLimit(Model):
    """The limits of one scope (the organization, a key or an environment) with its usage."""

    id: str | None = None
    scope_type: str | None = None
    scope_value: str | None = None
    requests_per_minute: int | None = None
    tokens_per_day: int | None = None
    monthly_credit_limit: float | None = None
    hard_limit: bool | None = None
    usage: dict[str, Any] | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class GatewayLimits(Model):
    """Every limit of the tenant, by scope."""

    organization: GatewayLimit | None = None
    keys: tuple[GatewayLimit, ...] = ()
    environments: tuple[GatewayLimit, ...] = ()


@attrs.frozen(kw_only=True)
class GatewayEnvironment(Model):
    """A key environment with the keys tagged with it, its policies and its usage."""

    name: str | None = None
    environment: KeyEnvironmentName | None = None
    keys: tuple[dict[str, Any], ...] | None = None
    policies: tuple[dict[str, Any], ...] | None = None
    usage: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class KeyEnvironment(Model):
    """A key and the environment it was just tagged with."""

    id: str | None = None
    name: str | None = None
    environment: KeyEnvironmentName | None = None


@attrs.frozen(kw_only=True)
class GatewaySettings(Model):
    """Organization-wide gateway settings."""

    default_model: str | None = None
    logging_mode: LoggingMode | None = None
    retention_days: int | None = None
    default_classification: str | None = None
    transcription_enabled: bool | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class GatewayRequest(Model):
    """The trace of one request that went through the gateway."""

    id: str | None = None
    request_id: str | None = None
    status: str | None = None
    provider: str | None = None
    model: str | None = None
    api_key_id: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ProviderHealth(Model):
    """The tenant's provider health over a window (``1h``, ``24h`` or ``7d``)."""

    window: str | None = None
    providers: tuple[dict[str, Any], ...] | None = None


@attrs.frozen(kw_only=True)
class IntelligenceKey(Model):
    """An Intelligence API key. ``key`` (the secret) is only set in the reply that created
    or rotated it and cannot be read again."""

    id: str | None = None
    name: str | None = None
    key: str | None = attrs.field(default=None, repr=False)
    key_prefix: str | None = None
    scopes: tuple[str, ...] | None = None
    status: str | None = None
    environment: KeyEnvironmentName | None = None
    rate_limit_rpm: int | None = None
    replaces_key_id: str | None = None
    last_used_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EvaluationPolicy(Model):
    """An evaluation policy: a model scored on a dataset by metrics against thresholds."""

    id: str | None = None
    name: str | None = None
    model: str | None = None
    metrics: tuple[str, ...] | None = None
    description: str | None = None
    dataset: tuple[dict[str, Any], ...] | None = None
    thresholds: dict[str, Any] | None = None
    enabled: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EvaluationRun(Model):
    """One run of an evaluation policy, queued until an executor claims it."""

    id: str | None = None
    policy_id: str | None = None
    status: EvaluationRunStatus | None = None
    model: str | None = None
    idempotency_key: str | None = None
    results: tuple[dict[str, Any], ...] | None = None
    summary: dict[str, Any] | None = None
    error: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class AgentModelAssignment(Model):
    """The model (and fallbacks) one agent runs on."""

    agent_id: str | None = None
    model: str | None = None
    fallback_models: tuple[str, ...] | None = None
    parameters: dict[str, Any] | None = None
    enabled: bool | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ProviderCredential(Model):
    """A stored provider credential; the secret itself is never returned."""

    id: str | None = None
    provider: str | None = None
    name: str | None = None
    metadata: dict[str, Any] | None = None
    workspace_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ProviderCredentialCheck(Model):
    """The outcome of testing a stored credential or validating how it is stored."""

    provider: str | None = None
    ok: bool | None = None
    valid: bool | None = None
    status: str | None = None
    message: str | None = None
    error: str | None = None
