"""The OpenComputers family: ``client.open_computers`` and its sub-groups (hosts, jobs ...)."""

from .agents import AsyncOpenComputerAgents, AsyncOpenComputerClusters
from .apps import AsyncOpenComputerApps, AsyncOpenComputerWorkspaces
from .desktop import AsyncOpenComputerDesktop
from .files import AsyncOpenComputerFiles
from .hosts import AsyncOpenComputerHosts, AsyncOpenComputerJobs
from .resource import AsyncOpenComputers
from .secrets import AsyncOpenComputerSecrets
from .terminal import AsyncOpenComputerTerminal
from .tunnels import AsyncOpenComputerTunnels

__all__ = [
    "AsyncOpenComputerAgents",
    "AsyncOpenComputerApps",
    "AsyncOpenComputerClusters",
    "AsyncOpenComputerDesktop",
    "AsyncOpenComputerFiles",
    "AsyncOpenComputerHosts",
    "AsyncOpenComputerJobs",
    "AsyncOpenComputerSecrets",
    "AsyncOpenComputerTerminal",
    "AsyncOpenComputerTunnels",
    "AsyncOpenComputerWorkspaces",
    "AsyncOpenComputers",
]
