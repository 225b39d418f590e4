# This file was generated from
#   src/miosa/_async/resources/open_computers.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""OpenComputers: hosts, jobs, agents, clusters, apps, files ..."""

from __future__ import annotations

from .._resource import APIResource


class OpenComputers(APIResource):
    """OpenComputers: hosts, jobs, agents, clusters, apps, files ..."""
