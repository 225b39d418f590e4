"""OpenComputers hosts and the jobs (commands) run on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..._open_computers import JOB_DONE, JOB_STREAM_END, env_list, event_parser, type_in
from ..._request import NOT_GIVEN, NotGiven, body, query, route
from ...types.open_computers import (
    OpenComputerHost,
    OpenComputerHostEvent,
    OpenComputerJob,
    OpenComputerJobEvent,
)
from ..pagination import AsyncPage
from ..streams import AsyncEventStream
from .open_computers import DEFAULT_WAIT_TIMEOUT, AsyncOpenComputersResource, host_path

_HOSTS = "/opencomputers/hosts"


def _host(host_id: str) -> str:
    return route(_HOSTS + "/{host_id}", host_id=host_id)


def _job(host_id: str, job_id: str) -> str:
    return host_path("/exec/{job_id}", host_id, job_id=job_id)


class AsyncOpenComputerHosts(AsyncOpenComputersResource):
    """``client.open_computers.hosts``: register, inspect and revoke your machines."""

    async def list(
        self, *, page: int | None = None, per_page: int | None = None
    ) -> AsyncPage[OpenComputerHost]:
        """List the tenant's hosts, a page at a time. ``GET /opencomputers/hosts``.

        ``async for host in page`` walks every page (the reply's ``meta`` drives paging).
        """
        return await self._page(
            _HOSTS, OpenComputerHost, params=query(page=page, per_page=per_page)
        )

    async def create(
        self,
        *,
        name: str,
        region: str | NotGiven = NOT_GIVEN,
        labels: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> OpenComputerHost:
        """Register a host. ``POST /opencomputers/hosts``.

        The reply's ``host_key`` is shown this once: store it and install it on the machine.
        """
        return await self._object(
            "POST", _HOSTS, OpenComputerHost, json=body(name=name, region=region, labels=labels)
        )

    async def get(self, host_id: str) -> OpenComputerHost:
        """Fetch a host. ``GET /opencomputers/hosts/{host_id}``."""
        return await self._object("GET", _host(host_id), OpenComputerHost)

    async def update(
        self,
        host_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        labels: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> OpenComputerHost:
        """Rename a host or replace its labels. ``PATCH /opencomputers/hosts/{host_id}``."""
        return await self._object(
            "PATCH", _host(host_id), OpenComputerHost, json=body(name=name, labels=labels)
        )

    async def revoke(self, host_id: str) -> None:
        """Revoke a host: its key stops working and it disconnects.

        ``DELETE /opencomputers/hosts/{host_id}``.
        """
        await self._none("DELETE", _host(host_id))

    def events(self) -> AsyncEventStream[OpenComputerHostEvent]:
        """Stream host state changes across the tenant. ``GET /opencomputers/hosts/events``.

        ``async with client.open_computers.hosts.events() as events: async for e in events``.
        """
        return self._events(_HOSTS + "/events", event_parser(OpenComputerHostEvent))


class AsyncOpenComputerJobs(AsyncOpenComputersResource):
    """``client.open_computers.jobs``: run commands on a host and follow them."""

    async def run(
        self,
        host_id: str,
        *,
        command: str,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | Sequence[str] | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
    ) -> OpenComputerJob:
        """Start a command on a host; it runs in the background.

        ``POST /opencomputers/hosts/{host_id}/exec``. ``env`` is a mapping or a list of
        ``KEY=VALUE`` strings (sent as the list); ``timeout`` is the command's limit in
        seconds. Follow it with `stream` or `wait_for_completion`.
        """
        payload = body(
            command=command,
            args=args,
            env=NOT_GIVEN if isinstance(env, NotGiven) else env_list(env),
            cwd=cwd,
            timeout=timeout,
        )
        return await self._object(
            "POST", host_path("/exec", host_id), OpenComputerJob, json=payload
        )

    async def list(
        self, host_id: str, *, page: int | None = None, per_page: int | None = None
    ) -> AsyncPage[OpenComputerJob]:
        """List a host's jobs, a page at a time. ``GET /opencomputers/hosts/{host_id}/exec``."""
        return await self._page(
            host_path("/exec", host_id), OpenComputerJob, params=query(page=page, per_page=per_page)
        )

    async def get(self, host_id: str, job_id: str) -> OpenComputerJob:
        """Fetch a job. ``GET /opencomputers/hosts/{host_id}/exec/{job_id}``."""
        return await self._object("GET", _job(host_id, job_id), OpenComputerJob)

    def stream(self, host_id: str, job_id: str) -> AsyncEventStream[OpenComputerJobEvent]:
        """Stream a job's output. ``GET /opencomputers/hosts/{host_id}/exec/{job_id}/stream``.

        Events are ``started``, ``stdout``, ``stderr``, ``exit`` (``data`` is the exit
        code), ``error`` and ``done``; the iteration ends after ``exit`` or ``done``.
        """
        return self._events(
            _job(host_id, job_id) + "/stream",
            event_parser(OpenComputerJobEvent),
            is_final=type_in(JOB_STREAM_END),
        )

    async def cancel(self, host_id: str, job_id: str) -> None:
        """Cancel a queued or running job.

        ``DELETE /opencomputers/hosts/{host_id}/exec/{job_id}``.
        """
        await self._none("DELETE", _job(host_id, job_id))

    async def wait_for_completion(
        self,
        host_id: str,
        job_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = 1.0,
    ) -> OpenComputerJob:
        """Poll `get` until the job is completed, failed or cancelled, and return it.

        ``GET /opencomputers/hosts/{host_id}/exec/{job_id}`` at once, then after
        `poll_interval` seconds, each wait 1.5x longer (at most 10 s). A failed job is returned,
        not raised: check ``status`` and ``exit_code``. Raises `miosa.APITimeoutError`
        after `timeout` seconds (None waits forever).
        """
        return await self._wait_for(
            _job(host_id, job_id),
            OpenComputerJob,
            JOB_DONE,
            timeout=timeout,
            poll_interval=poll_interval,
            noun="OpenComputers job",
            resource_id=job_id,
        )
