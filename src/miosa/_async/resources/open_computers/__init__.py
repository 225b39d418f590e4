"""The OpenComputers family: ``client.open_computers`` and its sub-groups (hosts, jobs ...)."""

from .agents import AsyncOpenComputerAgents, AsyncOpenComputerClusters
from .alerts import (
    AsyncOpenComputerAlertChannels,
    AsyncOpenComputerAlertFires,
    AsyncOpenComputerAlertRules,
)
from .apps import AsyncOpenComputerApps, AsyncOpenComputerWorkspaces
from .audit import AsyncOpenComputerAudit
from .desktop import AsyncOpenComputerDesktop
from .files import AsyncOpenComputerFiles
from .hosts import AsyncOpenComputerHosts, AsyncOpenComputerJobs
from .resource import AsyncOpenComputers
from .secrets import AsyncOpenComputerSecrets
from .terminal import AsyncOpenComputerTerminal
from .tunnels import AsyncOpenComputerTunnels
from .webhooks import AsyncOpenComputerWebhooks

__all__ = [
    "AsyncOpenComputerAgents",
    "AsyncOpenComputerAlertChannels",
    "AsyncOpenComputerAlertFires",
    "AsyncOpenComputerAlertRules",
    "AsyncOpenComputerApps",
    "AsyncOpenComputerAudit",
    "AsyncOpenComputerClusters",
    "AsyncOpenComputerDesktop",
    "AsyncOpenComputerFiles",
    "AsyncOpenComputerHosts",
    "AsyncOpenComputerJobs",
    "AsyncOpenComputerSecrets",
    "AsyncOpenComputerTerminal",
    "AsyncOpenComputerTunnels",
    "AsyncOpenComputerWebhooks",
    "AsyncOpenComputerWorkspaces",
    "AsyncOpenComputers",
]
