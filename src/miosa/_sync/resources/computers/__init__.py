# This file was generated from
#   src/miosa/_async/resources/computers/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The computers family: ``client.computers``, the `Computer` handle and its sub-resources."""

from .auto_stop import ComputerAutoStop
from .checkpoints import ComputerCheckpoints
from .desktop import ComputerDesktop
from .domains import ComputerDomains
from .env import ComputerEnv
from .events import ComputerEvents
from .exec import ComputerExec
from .files import ComputerFiles, ScopedFs
from .handle import Computer
from .inbox import ComputerInbox
from .logs import ComputerLogs
from .network_policy import ComputerNetworkPolicy
from .osa import ComputerOsa
from .ports import ComputerPorts
from .resource import Computers
from .terminal import ComputerTerminal
from .volumes import ComputerVolumes

__all__ = [
    "Computer",
    "ComputerAutoStop",
    "ComputerCheckpoints",
    "ComputerDesktop",
    "ComputerDomains",
    "ComputerEnv",
    "ComputerEvents",
    "ComputerExec",
    "ComputerFiles",
    "ComputerInbox",
    "ComputerLogs",
    "ComputerNetworkPolicy",
    "ComputerOsa",
    "ComputerPorts",
    "ComputerTerminal",
    "ComputerVolumes",
    "Computers",
    "ScopedFs",
]
