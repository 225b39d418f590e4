# This file was generated from
#   src/miosa/_async/resources/projects/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The projects family: ``client.projects``, ``client.services``, machine environments,
the deployment environment inventory and project auth."""

from .environments import DeploymentEnvironments, Environments
from .project_auth import ProjectAuth
from .projects import Projects
from .services import Services

__all__ = [
    "DeploymentEnvironments",
    "Environments",
    "ProjectAuth",
    "Projects",
    "Services",
]
