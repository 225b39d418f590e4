"""The computers family: ``client.computers``, the `AsyncComputer` handle and its sub-resources."""

from .auto_stop import AsyncComputerAutoStop
from .checkpoints import AsyncComputerCheckpoints
from .desktop import AsyncComputerDesktop
from .domains import AsyncComputerDomains
from .env import AsyncComputerEnv
from .events import AsyncComputerEvents
from .exec import AsyncComputerExec
from .files import AsyncComputerFiles, AsyncScopedFs
from .handle import AsyncComputer
from .inbox import AsyncComputerInbox
from .logs import AsyncComputerLogs
from .network_policy import AsyncComputerNetworkPolicy
from .osa import AsyncComputerOsa
from .ports import AsyncComputerPorts
from .resource import AsyncComputers
from .terminal import AsyncComputerTerminal
from .volumes import AsyncComputerVolumes

__all__ = [
    "AsyncComputer",
    "AsyncComputerAutoStop",
    "AsyncComputerCheckpoints",
    "AsyncComputerDesktop",
    "AsyncComputerDomains",
    "AsyncComputerEnv",
    "AsyncComputerEvents",
    "AsyncComputerExec",
    "AsyncComputerFiles",
    "AsyncComputerInbox",
    "AsyncComputerLogs",
    "AsyncComputerNetworkPolicy",
    "AsyncComputerOsa",
    "AsyncComputerPorts",
    "AsyncComputerTerminal",
    "AsyncComputerVolumes",
    "AsyncComputers",
    "AsyncScopedFs",
]
