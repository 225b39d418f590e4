"""The OpenComputers family: ``client.open_computers`` and its sub-groups (hosts, jobs ...)."""

from .agents import AsyncOpenComputerAgents, AsyncOpenComputerClusters
from .alerts import (
    AsyncOpenComputerAlertChannels,
    AsyncOpenComputerAlertFires,
    AsyncOpenComputerAlertRules,
)
from .apps import AsyncOpenComputerApps, AsyncOpenComputerWorkspaces
from .audit import AsyncOpenComputerAudit
from .backups import AsyncOpenComputerBackups
from .compose import AsyncOpenComputerComposeProjects, AsyncOpenComputerContainers
from .desktop import AsyncOpenComputerDesktop
from .devtools import AsyncOpenComputerGhaRunners, AsyncOpenComputerIdeSessions
from .files import AsyncOpenComputerFiles
from .fleet import (
    AsyncOpenComputerGroups,
    AsyncOpenComputerMeshes,
    AsyncOpenComputerShares,
    AsyncOpenComputerTags,
)
from .hosts import AsyncOpenComputerHosts, AsyncOpenComputerJobs
from .resource import AsyncOpenComputers
from .schedules import AsyncOpenComputerSchedules
from .secrets import AsyncOpenComputerSecrets
from .terminal import AsyncOpenComputerTerminal
from .tunnels import AsyncOpenComputerTunnels
from .webhooks import AsyncOpenComputerWebhooks

__all__ = [
    "AsyncOpenComputerTags",
    "AsyncOpenComputerShares",
    "AsyncOpenComputerMeshes",
    "AsyncOpenComputerGroups",
    "AsyncOpenComputerIdeSessions",
    "AsyncOpenComputerGhaRunners",
    "AsyncOpenComputerAgents",
    "AsyncOpenComputerAlertChannels",
    "AsyncOpenComputerAlertFires",
    "AsyncOpenComputerAlertRules",
    "AsyncOpenComputerApps",
    "AsyncOpenComputerAudit",
    "AsyncOpenComputerBackups",
    "AsyncOpenComputerClusters",
    "AsyncOpenComputerComposeProjects",
    "AsyncOpenComputerContainers",
    "AsyncOpenComputerDesktop",
    "AsyncOpenComputerFiles",
    "AsyncOpenComputerHosts",
    "AsyncOpenComputerJobs",
    "AsyncOpenComputerSchedules",
    "AsyncOpenComputerSecrets",
    "AsyncOpenComputerTerminal",
    "AsyncOpenComputerTunnels",
    "AsyncOpenComputerWebhooks",
    "AsyncOpenComputerWorkspaces",
    "AsyncOpenComputers",
]
