"""OpenComputers: hosts, jobs, agents, clusters, apps, files ..."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncOpenComputers(AsyncAPIResource):
    """OpenComputers: hosts, jobs, agents, clusters, apps, files ..."""
