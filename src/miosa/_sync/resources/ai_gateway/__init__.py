# This file was generated from
#   src/miosa/_async/resources/ai_gateway/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The AI gateway family: ``client.ai_gateway`` and its sub-groups."""

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
from .evaluations import EvaluationRuns, GatewayEvaluations
from .gateway import AIGateway
from .inference import GatewayInference
from .keys import GatewayKeys

__all__ = [
    "AIGateway",
    "AgentModelAssignments",
    "EvaluationRuns",
    "GatewayBudgetResource",
    "GatewayEnvironments",
    "GatewayEvaluations",
    "GatewayInference",
    "GatewayKeys",
    "GatewayLimitsResource",
    "GatewayPolicies",
    "GatewayRequests",
    "GatewaySettingsResource",
    "ProviderCredentials",
]
