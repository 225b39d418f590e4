"""The agents family: saved agents (``client.agents``), runs and run groups."""

from .definitions import AsyncAgents
from .run_groups import AsyncRunGroups
from .runs import AsyncRuns
from .triggers import AsyncAgentTriggers

__all__ = ["AsyncAgentTriggers", "AsyncAgents", "AsyncRunGroups", "AsyncRuns"]
