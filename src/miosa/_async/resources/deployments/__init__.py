"""The deployments family: ``client.deployments`` and its sub-groups (versions, releases ...)."""

from .connectors import AsyncDeploymentConnectors
from .domains import AsyncDeploymentDomains
from .releases import AsyncDeploymentReleases
from .resource import AsyncDeployments
from .runtime_instances import AsyncDeploymentRuntimeInstances
from .versions import AsyncDeploymentVersions

__all__ = [
    "AsyncDeploymentConnectors",
    "AsyncDeploymentDomains",
    "AsyncDeploymentReleases",
    "AsyncDeploymentRuntimeInstances",
    "AsyncDeploymentVersions",
    "AsyncDeployments",
]
