"""Models of App Engine: the workspace host running the deployment appliance, and the
starter templates its apps are made from (``/docker-deploy``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "DockerDeployApplianceStatus",
    "DockerDeployHost",
    "DockerDeployHostStatus",
    "DockerDeployTemplate",
]


class DockerDeployHostStatus(OpenEnum):
    """Where a workspace host is in its life."""

    PENDING = "pending"
    PROVISIONING = "provisioning"
    BOOTSTRAPPING = "bootstrapping"
    ACTIVE = "active"
    DEGRADED = "degraded"
    SUSPENDED = "suspended"
    RETIRED = "retired"
    ERROR = "error"


class DockerDeployApplianceStatus(OpenEnum):
    """The health of the appliance on a host."""

    NOT_INSTALLED = "not_installed"
    INSTALLING = "installing"
    STARTING = "starting"
    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class DockerDeployHost(Model):
    """A workspace's always-on App Engine host; many app containers run on it once the
    appliance is ``healthy``."""

    id: str | None = None
    tenant_id: str | None = None
    workspace_id: str | None = None
    external_workspace_id: str | None = None
    computer_id: str | None = None
    fleet_node_id: str | None = None
    status: DockerDeployHostStatus | None = None
    size: str | None = None
    region: str | None = None
    portal_domain: str | None = None
    runtime_base_url: str | None = None
    agent_base_url: str | None = None
    appliance_image: str | None = None
    appliance_version: str | None = None
    appliance_status: DockerDeployApplianceStatus | None = None
    agent_last_seen_at: datetime | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DockerDeployTemplate(Model):
    """A starter template for App Engine apps and compose workloads."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    category: str | None = None
    runtime: str | None = None
    tags: tuple[str, ...] = ()
    metadata: dict[str, Any] | None = None
