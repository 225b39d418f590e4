"""``client.ai_gateway``: the tenant's model-routing control plane and its Intelligence
management routes."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query
from ....types.ai_gateway import GatewayHealth, ProviderHealth
from ..._resource import AsyncAPIResource
from .agent_models import AsyncAgentModelAssignments
from .control import (
    AsyncGatewayBudgetResource,
    AsyncGatewayEnvironments,
    AsyncGatewayLimitsResource,
    AsyncGatewayPolicies,
    AsyncGatewayRequests,
    AsyncGatewaySettingsResource,
)
from .credentials import AsyncProviderCredentials
from .evaluations import AsyncGatewayEvaluations
from .inference import AsyncGatewayInference
from .keys import AsyncGatewayKeys


class AsyncAIGateway(AsyncAPIResource):
    """``client.ai_gateway``: which model a request runs on, what it may spend, who may
    call, and what gets logged.

    ``/ai-gateway`` routes take a user key (``intelligence:gateway:*`` scopes);
    ``/intelligence`` routes send the client's ``intelligence_key`` when one is set.
    """

    @cached_property
    def policies(self) -> AsyncGatewayPolicies:
        """Routing and fallback policies: ``/ai-gateway/policies``."""
        return AsyncGatewayPolicies(self._client)

    @cached_property
    def budget(self) -> AsyncGatewayBudgetResource:
        """Spending and rate limits: ``/ai-gateway/budget``."""
        return AsyncGatewayBudgetResource(self._client)

    @cached_property
    def limits(self) -> AsyncGatewayLimitsResource:
        """Per-key and per-environment limits: ``/ai-gateway/limits``."""
        return AsyncGatewayLimitsResource(self._client)

    @cached_property
    def environments(self) -> AsyncGatewayEnvironments:
        """Key environments: ``/ai-gateway/environments``."""
        return AsyncGatewayEnvironments(self._client)

    @cached_property
    def settings(self) -> AsyncGatewaySettingsResource:
        """Organization gateway settings: ``/ai-gateway/settings``."""
        return AsyncGatewaySettingsResource(self._client)

    @cached_property
    def requests(self) -> AsyncGatewayRequests:
        """Per-request traces: ``/ai-gateway/requests``."""
        return AsyncGatewayRequests(self._client)

    @cached_property
    def keys(self) -> AsyncGatewayKeys:
        """Intelligence API keys: ``/intelligence/keys``."""
        return AsyncGatewayKeys(self._client)

    @cached_property
    def evaluations(self) -> AsyncGatewayEvaluations:
        """Evaluation policies and runs: ``/intelligence/evaluations``."""
        return AsyncGatewayEvaluations(self._client)

    @cached_property
    def agent_models(self) -> AsyncAgentModelAssignments:
        """Per-agent model assignments: ``/intelligence/agent-model-assignments``."""
        return AsyncAgentModelAssignments(self._client)

    @cached_property
    def credentials(self) -> AsyncProviderCredentials:
        """Provider credentials: ``/intelligence/provider-credentials``."""
        return AsyncProviderCredentials(self._client)

    @cached_property
    def inference(self) -> AsyncGatewayInference:
        """The inference proxy at the host root: ``/inference/{slug}/v1``."""
        return AsyncGatewayInference(self._client)

    async def health(self, **options: Unpack[RequestOptions]) -> GatewayHealth:
        """Whether the gateway can route: policies, budget and providers.
        ``GET /ai-gateway/health``."""
        return await self._object("GET", "/ai-gateway/health", GatewayHealth, options=options)

    async def provider_health(
        self,
        *,
        window: Literal["1h", "24h", "7d"] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProviderHealth:
        """The tenant's provider health over ``window`` (the server's default is 24h).
        ``GET /ai-gateway/provider-health``."""
        return await self._object(
            "GET",
            "/ai-gateway/provider-health",
            ProviderHealth,
            params=query(window=window),
            options=options,
        )
