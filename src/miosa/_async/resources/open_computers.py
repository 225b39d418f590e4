"""OpenComputers (bring your own computer): ``client.open_computers`` and its sub-groups.

Every call lives under ``/opencomputers``. Sub-groups are created on first use:
``hosts``, ``jobs``, ``files``, ``terminal``, ``desktop``, ``tunnels``, ``agents``,
``clusters``, ``apps``, ``workspaces``, ``secrets``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from ..._concurrency import asleep
from ..._request import route
from ..._waiters import Poller, WaitTarget
from ...types._base import Model
from ...types.open_computers import OpenComputerTicket
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from .open_computers_agents import AsyncOpenComputerAgents, AsyncOpenComputerClusters
    from .open_computers_apps import AsyncOpenComputerApps, AsyncOpenComputerWorkspaces
    from .open_computers_files import AsyncOpenComputerFiles
    from .open_computers_hosts import AsyncOpenComputerHosts, AsyncOpenComputerJobs
    from .open_computers_secrets import AsyncOpenComputerSecrets
    from .open_computers_tunnels import AsyncOpenComputerTunnels

M = TypeVar("M", bound=Model)

DEFAULT_WAIT_TIMEOUT = 900.0
"""How long the ``wait_*`` helpers wait by default, in seconds (15 minutes)."""


def host_path(template: str, host_id: str, **params: str) -> str:
    """A path below ``/opencomputers/hosts/{host_id}``, every parameter encoded."""
    return route("/opencomputers/hosts/{host_id}" + template, host_id=host_id, **params)


class AsyncOpenComputersResource(AsyncAPIResource):
    """Shared machinery of the OpenComputers sub-groups: polling until a state is reached."""

    async def _wait_for(
        self,
        path: str,
        cast_to: type[M],
        done: frozenset[str],
        *,
        timeout: float | None,
        poll_interval: float,
        noun: str,
        resource_id: str,
        unwrap: tuple[str, ...] = ("data",),
        status_of: Callable[[M], object] | None = None,
    ) -> M:
        """GET `path` until its ``status`` is one of `done`, backing off between polls.

        A finished object is returned whatever its outcome (a failed job is finished);
        raises `miosa.WaitTimeoutError` when `timeout` seconds pass first (None waits
        forever). `status_of` reads the status (default: the ``status`` field).
        """
        poller = Poller(
            WaitTarget.of(noun, ready=done, failed=()),
            resource_id,
            timeout=timeout,
            first_delay=poll_interval,
        )
        while True:
            item = await self._object("GET", path, cast_to, unwrap=unwrap)
            status = status_of(item) if status_of else getattr(item, "status", None)
            delay = poller.next_delay(status)
            if delay is None:
                return item
            await asleep(delay)


class AsyncOpenComputerTerminal(AsyncAPIResource):
    """``client.open_computers.terminal``: tickets for a host's PTY WebSocket."""

    async def ticket(self, host_id: str) -> OpenComputerTicket:
        """Get a short-lived terminal ticket and its ``ws_url``.

        ``POST /opencomputers/hosts/{host_id}/terminal/ticket``. Open the URL at once;
        the PTY protocol over the WebSocket is not wrapped by the SDK.
        """
        return await self._object(
            "POST", host_path("/terminal/ticket", host_id), OpenComputerTicket
        )


class AsyncOpenComputerDesktop(AsyncAPIResource):
    """``client.open_computers.desktop``: tickets for a host's desktop (KasmVNC) stream."""

    async def ticket(self, host_id: str) -> OpenComputerTicket:
        """Get a short-lived desktop stream ticket and its ``ws_url``.

        ``POST /opencomputers/hosts/{host_id}/desktop/ticket``.
        """
        return await self._object("POST", host_path("/desktop/ticket", host_id), OpenComputerTicket)


class AsyncOpenComputers(AsyncAPIResource):
    """``client.open_computers``: machines you bring, and what runs on them."""

    @cached_property
    def hosts(self) -> AsyncOpenComputerHosts:
        """Registered hosts: ``/opencomputers/hosts``."""
        from .open_computers_hosts import AsyncOpenComputerHosts

        return AsyncOpenComputerHosts(self._client)

    @cached_property
    def jobs(self) -> AsyncOpenComputerJobs:
        """Commands run on a host: ``/opencomputers/hosts/{host_id}/exec``."""
        from .open_computers_hosts import AsyncOpenComputerJobs

        return AsyncOpenComputerJobs(self._client)

    @cached_property
    def files(self) -> AsyncOpenComputerFiles:
        """A host's file system: ``/opencomputers/hosts/{host_id}/fs``."""
        from .open_computers_files import AsyncOpenComputerFiles

        return AsyncOpenComputerFiles(self._client)

    @cached_property
    def terminal(self) -> AsyncOpenComputerTerminal:
        """Terminal WebSocket tickets."""
        return AsyncOpenComputerTerminal(self._client)

    @cached_property
    def desktop(self) -> AsyncOpenComputerDesktop:
        """Desktop stream WebSocket tickets."""
        return AsyncOpenComputerDesktop(self._client)

    @cached_property
    def tunnels(self) -> AsyncOpenComputerTunnels:
        """Public URLs to a host's ports: ``/opencomputers/hosts/{host_id}/tunnels``."""
        from .open_computers_tunnels import AsyncOpenComputerTunnels

        return AsyncOpenComputerTunnels(self._client)

    @cached_property
    def agents(self) -> AsyncOpenComputerAgents:
        """Agent sessions on a host: ``/opencomputers/hosts/{host_id}/agent``."""
        from .open_computers_agents import AsyncOpenComputerAgents

        return AsyncOpenComputerAgents(self._client)

    @cached_property
    def clusters(self) -> AsyncOpenComputerClusters:
        """Inference clusters: ``/opencomputers/clusters``."""
        from .open_computers_agents import AsyncOpenComputerClusters

        return AsyncOpenComputerClusters(self._client)

    @cached_property
    def apps(self) -> AsyncOpenComputerApps:
        """The app catalog and installs: ``/opencomputers/apps``, ``.../hosts/{id}/apps``."""
        from .open_computers_apps import AsyncOpenComputerApps

        return AsyncOpenComputerApps(self._client)

    @cached_property
    def workspaces(self) -> AsyncOpenComputerWorkspaces:
        """Repositories checked out on hosts: ``/opencomputers/.../workspaces``."""
        from .open_computers_apps import AsyncOpenComputerWorkspaces

        return AsyncOpenComputerWorkspaces(self._client)

    @cached_property
    def secrets(self) -> AsyncOpenComputerSecrets:
        """Tenant-wide and per-host secrets: ``/opencomputers/.../secrets``."""
        from .open_computers_secrets import AsyncOpenComputerSecrets

        return AsyncOpenComputerSecrets(self._client)
