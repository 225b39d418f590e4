"""The deployments family: ``client.deployments`` and its sub-groups (versions, releases ...)."""

from .resource import (
    AsyncDeploymentConnectors,
    AsyncDeploymentDomains,
    AsyncDeploymentReleases,
    AsyncDeploymentRuntimeInstances,
    AsyncDeployments,
    AsyncDeploymentVersions,
)

__all__ = [
    "AsyncDeploymentConnectors",
    "AsyncDeploymentDomains",
    "AsyncDeploymentReleases",
    "AsyncDeploymentRuntimeInstances",
    "AsyncDeploymentVersions",
    "AsyncDeployments",
]
