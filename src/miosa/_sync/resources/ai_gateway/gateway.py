# This file was generated from
#   src/miosa/_async/resources/ai_gateway/gateway.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.ai_gateway``: the tenant's model-routing control plane and its Intelligence
management routes."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query
from ....types.ai_gateway import GatewayHealth, ProviderHealth
from ..._resource import APIResource
from .agent_models import AgentModelAssignments
from .control import (
    GatewayBudgetResource,
    GatewayEnvironments,
    GatewayLimitsResource,
    GatewayPolicies,
    GatewayRequests,
    GatewaySettingsResource,
)
from .credentials import ProviderCredentials
from .evaluations import GatewayEvaluations
from .inference import GatewayInference
from .keys import GatewayKeys


class AIGateway(APIResource):
    """``client.ai_gateway``: which model a request runs on, what it may spend, who may
    call, and what gets logged.

    ``/ai-gateway`` routes take a user key (``intelligence:gateway:*`` scopes);
    ``/intelligence`` routes send the client's ``intelligence_key`` when one is set.
    """

    @cached_property
    def policies(self) -> GatewayPolicies:
        """Routing and fallback policies: ``/ai-gateway/policies``."""
        return GatewayPolicies(self._client)

    @cached_property
    def budget(self) -> GatewayBudgetResource:
        """Spending and rate limits: ``/ai-gateway/budget``."""
        return GatewayBudgetResource(self._client)

    @cached_property
    def limits(self) -> GatewayLimitsResource:
        """Per-key and per-environment limits: ``/ai-gateway/limits``."""
        return GatewayLimitsResource(self._client)

    @cached_property
    def environments(self) -> GatewayEnvironments:
        """Key environments: ``/ai-gateway/environments``."""
        return GatewayEnvironments(self._client)

    @cached_property
    def settings(self) -> GatewaySettingsResource:
        """Organization gateway settings: ``/ai-gateway/settings``."""
        return GatewaySettingsResource(self._client)

    @cached_property
    def requests(self) -> GatewayRequests:
        """Per-request traces: ``/ai-gateway/requests``."""
        return GatewayRequests(self._client)

    @cached_property
    def keys(self) -> GatewayKeys:
        """Intelligence API keys: ``/intelligence/keys``."""
        return GatewayKeys(self._client)

    @cached_property
    def evaluations(self) -> GatewayEvaluations:
        """Evaluation policies and runs: ``/intelligence/evaluations``."""
        return GatewayEvaluations(self._client)

    @cached_property
    def agent_models(self) -> AgentModelAssignments:
        """Per-agent model assignments: ``/intelligence/agent-model-assignments``."""
        return AgentModelAssignments(self._client)

    @cached_property
    def credentials(self) -> ProviderCredentials:
        """Provider credentials: ``/intelligence/provider-credentials``."""
        return ProviderCredentials(self._client)

    @cached_property
    def inference(self) -> GatewayInference:
        """The inference proxy at the host root: ``/inference/{slug}/v1``."""
        return GatewayInference(self._client)

    def health(self, **options: Unpack[RequestOptions]) -> GatewayHealth:
        """Whether the gateway can route: policies, budget and providers.
        ``GET /ai-gateway/health``."""
        return self._object("GET", "/ai-gateway/health", GatewayHealth, options=options)

    def provider_health(
        self,
        *,
        window: Literal["1h", "24h", "7d"] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProviderHealth:
        """The tenant's provider health over ``window`` (the server's default is 24h).
        ``GET /ai-gateway/provider-health``."""
        return self._object(
            "GET",
            "/ai-gateway/provider-health",
            ProviderHealth,
            params=query(window=window),
            options=options,
        )
