"""The AI gateway family: ``client.ai_gateway`` and its sub-groups."""

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
from .evaluations import AsyncEvaluationRuns, AsyncGatewayEvaluations
from .gateway import AsyncAIGateway
from .inference import AsyncGatewayInference
from .keys import AsyncGatewayKeys

__all__ = [
    "AsyncAIGateway",
    "AsyncAgentModelAssignments",
    "AsyncEvaluationRuns",
    "AsyncGatewayBudgetResource",
    "AsyncGatewayEnvironments",
    "AsyncGatewayEvaluations",
    "AsyncGatewayInference",
    "AsyncGatewayKeys",
    "AsyncGatewayLimitsResource",
    "AsyncGatewayPolicies",
    "AsyncGatewayRequests",
    "AsyncGatewaySettingsResource",
    "AsyncProviderCredentials",
]
