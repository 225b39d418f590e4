# This file was generated from
#   src/miosa/_async/resources/deployments/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The deployments family: ``client.deployments`` and its sub-groups (versions, releases ...)."""

from .connectors import DeploymentConnectors
from .domains import DeploymentDomains
from .releases import DeploymentReleases
from .resource import Deployments
from .runtime_instances import DeploymentRuntimeInstances
from .versions import DeploymentVersions

__all__ = [
    "DeploymentConnectors",
    "DeploymentDomains",
    "DeploymentReleases",
    "DeploymentRuntimeInstances",
    "DeploymentVersions",
    "Deployments",
]
