"""The projects family: ``client.projects``, ``client.services``, machine environments,
the deployment environment inventory and project auth."""

from .environments import AsyncDeploymentEnvironments, AsyncEnvironments
from .project_auth import AsyncProjectAuth
from .projects import AsyncProjects
from .services import AsyncServices

__all__ = [
    "AsyncDeploymentEnvironments",
    "AsyncEnvironments",
    "AsyncProjectAuth",
    "AsyncProjects",
    "AsyncServices",
]
