# This file was generated from
#   src/miosa/_async/resources/forge/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The forge family: ``client.forge`` (hosted git) and its sub-groups."""

from .attestations import ForgeAttestations
from .automation_runs import ForgeAutomationRuns
from .checks import ForgeChecks
from .project_links import ForgeProjectLinks
from .pull_requests import ForgePullRequests
from .releases import ForgeReleases
from .repositories import ForgeRepositories
from .resource import Forge

__all__ = [
    "Forge",
    "ForgeAttestations",
    "ForgeAutomationRuns",
    "ForgeChecks",
    "ForgeProjectLinks",
    "ForgePullRequests",
    "ForgeReleases",
    "ForgeRepositories",
]
