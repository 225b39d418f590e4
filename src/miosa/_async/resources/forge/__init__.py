"""The forge family: ``client.forge`` (hosted git) and its sub-groups."""

from .attestations import AsyncForgeAttestations
from .automation_runs import AsyncForgeAutomationRuns
from .checks import AsyncForgeChecks
from .project_links import AsyncForgeProjectLinks
from .pull_requests import AsyncForgePullRequests
from .releases import AsyncForgeReleases
from .repositories import AsyncForgeRepositories
from .resource import AsyncForge

__all__ = [
    "AsyncForge",
    "AsyncForgeAttestations",
    "AsyncForgeAutomationRuns",
    "AsyncForgeChecks",
    "AsyncForgeProjectLinks",
    "AsyncForgePullRequests",
    "AsyncForgeReleases",
    "AsyncForgeRepositories",
]
