"""Public models, one module per resource group; everything here is re-exported."""

from ._base import JSONObject, Model, OpenEnum
from .events import Event
from .sandboxes import (
    SIZE_CONTRACTS,
    ExecResult,
    MeasurementStatus,
    PreviewToken,
    Readiness,
    ResourceContract,
    SandboxData,
    SandboxMetrics,
    SandboxSize,
    SandboxState,
    SandboxUsage,
    UrlInfo,
)

__all__ = [
    "SIZE_CONTRACTS",
    "Event",
    "ExecResult",
    "JSONObject",
    "MeasurementStatus",
    "Model",
    "OpenEnum",
    "PreviewToken",
    "Readiness",
    "ResourceContract",
    "SandboxData",
    "SandboxMetrics",
    "SandboxSize",
    "SandboxState",
    "SandboxUsage",
    "UrlInfo",
]
