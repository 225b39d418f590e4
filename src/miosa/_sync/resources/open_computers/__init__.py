# This file was generated from
#   src/miosa/_async/resources/open_computers/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The OpenComputers family: ``client.open_computers`` and its sub-groups (hosts, jobs ...)."""

from .agents import OpenComputerAgents, OpenComputerClusters
from .alerts import (
    OpenComputerAlertChannels,
    OpenComputerAlertFires,
    OpenComputerAlertRules,
)
from .apps import OpenComputerApps, OpenComputerWorkspaces
from .audit import OpenComputerAudit
from .backups import OpenComputerBackups
from .compose import OpenComputerComposeProjects, OpenComputerContainers
from .desktop import OpenComputerDesktop
from .devtools import OpenComputerGhaRunners, OpenComputerIdeSessions
from .files import OpenComputerFiles
from .fleet import (
    OpenComputerGroups,
    OpenComputerMeshes,
    OpenComputerShares,
    OpenComputerTags,
)
from .hosts import OpenComputerHosts, OpenComputerJobs
from .resource import OpenComputers
from .schedules import OpenComputerSchedules
from .secrets import OpenComputerSecrets
from .terminal import OpenComputerTerminal
from .tunnels import OpenComputerTunnels
from .webhooks import OpenComputerWebhooks

__all__ = [
    "OpenComputerTags",
    "OpenComputerShares",
    "OpenComputerMeshes",
    "OpenComputerGroups",
    "OpenComputerIdeSessions",
    "OpenComputerGhaRunners",
    "OpenComputerAgents",
    "OpenComputerAlertChannels",
    "OpenComputerAlertFires",
    "OpenComputerAlertRules",
    "OpenComputerApps",
    "OpenComputerAudit",
    "OpenComputerBackups",
    "OpenComputerClusters",
    "OpenComputerComposeProjects",
    "OpenComputerContainers",
    "OpenComputerDesktop",
    "OpenComputerFiles",
    "OpenComputerHosts",
    "OpenComputerJobs",
    "OpenComputerSchedules",
    "OpenComputerSecrets",
    "OpenComputerTerminal",
    "OpenComputerTunnels",
    "OpenComputerWebhooks",
    "OpenComputerWorkspaces",
    "OpenComputers",
]
