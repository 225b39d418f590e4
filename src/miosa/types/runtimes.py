"""Models of sandbox runtime backends (``/sandboxes/runtimes``), the runtime capability
contract (``/runtime-capabilities``) and inherited runtime env vars (``/runtime-env``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "RuntimeCapabilityContract",
    "RuntimeEnvVar",
    "SandboxRuntimeCapabilities",
    "SandboxRuntimeInfo",
    "SandboxRuntimeMaxShape",
]


@attrs.frozen(kw_only=True)
class SandboxRuntimeMaxShape(Model):
    """The largest shape a runtime accepts."""

    cpu_count: int | None = None
    memory_mb: int | None = None
    disk_size_mb: int | None = None


@attrs.frozen(kw_only=True)
class SandboxRuntimeCapabilities(Model):
    """What a runtime backend supports."""

    browser: bool | None = None
    network_egress: bool | None = None
    persistence: bool | None = None
    pause: bool | None = None
    gpu: bool | None = None
    max_shape: SandboxRuntimeMaxShape | None = None


@attrs.frozen(kw_only=True)
class SandboxRuntimeInfo(Model):
    """One sandbox runtime backend and its live gate state.

    ``id`` is what ``sandboxes.create(runtime=...)`` takes (``firecracker``, ``soma``,
    ``auto``); ``runtime_profile`` is its wire name (``standard`` for firecracker).
    """

    id: str | None = None
    runtime_profile: str | None = None
    label: str | None = None
    description: str | None = None
    default: bool | None = None
    available: bool | None = None
    unavailable_reason: str | None = None
    capabilities: SandboxRuntimeCapabilities | None = None


@attrs.frozen(kw_only=True)
class RuntimeCapabilityContract(Model):
    """The live runtime capability contract of the platform.

    Its sections vary by deployment: read them with ``contract["name"]`` or ``.raw``.
    """

    version: str | None = None
    generated_at: datetime | None = None

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def get(self, key: str, default: Any = None) -> Any:
        """One section of the contract, or `default`."""
        return self.raw.get(key, default)


@attrs.frozen(kw_only=True)
class RuntimeEnvVar(Model):
    """An env var injected into sandboxes, computers, deployments and agent runtimes of a
    scope. Its value is never returned."""

    id: str | None = None
    name: str | None = None
    scope: str | None = None
    """``tenant``, ``workspace`` or ``project``."""
    workspace_id: str | None = None
    project_id: str | None = None
    target: str | None = None
    """What receives it: ``all``, ``sandbox``, ``computer``, ``deployment``, ``agent``."""
    enabled: bool | None = None
    has_value: bool | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
