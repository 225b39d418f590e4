# This file was generated from
#   src/miosa/_async/resources/agents/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The agents family: saved agents (``client.agents``), runs and run groups."""

from .definitions import Agents
from .run_groups import RunGroups
from .runs import Runs
from .triggers import AgentTriggers

__all__ = ["AgentTriggers", "Agents", "RunGroups", "Runs"]
