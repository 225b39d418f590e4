"""OpenComputers hosts and the jobs (commands) run on them."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ...._core.call_options import RequestExtras, RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._groups.computers import stretched_timeout
from ...._groups.open_computers import (
    HOST_UPDATE_UNSUPPORTED,
    JOB_DONE,
    JOB_STREAM_END,
    JobEnv,
    event_parser,
    job_env,
    job_record,
    job_status,
    type_in,
)
from ....errors import UnsupportedRouteError
from ....types.open_computers import (
    OpenComputerHost,
    OpenComputerHostEvent,
    OpenComputerJob,
    OpenComputerJobActivity,
    OpenComputerJobEvent,
    OpenComputerJobResult,
    OpenComputerSshKey,
)
from ...streams import AsyncEventStream
from ._base import DEFAULT_WAIT_TIMEOUT, AsyncOpenComputersResource, host_path

if TYPE_CHECKING:
    from ...._pager import AsyncPager

_HOSTS = "/opencomputers/hosts"
# A job record comes under "job" (or "data"); its activity list under "jobs".
_JOB_KEYS = ("job", "data")
_ACTIVITY_KEYS = ("jobs", "data", "items")
_SSH_KEY_KEYS = ("data", "ssh_keys", "keys", "items")


def _host(host_id: str) -> str:
    return route(_HOSTS + "/{host_id}", host_id=host_id)


def _job(host_id: str, job_id: str) -> str:
    return host_path("/exec/{job_id}", host_id, job_id=job_id)


class AsyncOpenComputerHosts(AsyncOpenComputersResource):
    """``client.open_computers.hosts``: register, inspect and revoke your machines."""

    def list(
        self,
        *,
        page: int | None = None,
        per_page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[OpenComputerHost]:
        """List the tenant's hosts, a page at a time. ``GET /opencomputers/hosts``.

        ``async for host in page`` walks every page (the reply's ``meta`` drives paging).
        """
        return self._page(
            _HOSTS,
            OpenComputerHost,
            params=query(page=page, per_page=per_page),
            keys=("data", "hosts", "items"),
            options=options,
        )

    async def create(
        self,
        *,
        name: str,
        region: str | NotGiven = NOT_GIVEN,
        labels: Mapping[str, str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerHost:
        """Register a host. ``POST /opencomputers/hosts``.

        The reply's ``host_key`` is shown this once: store it and install it on the machine.
        """
        return await self._object(
            "POST",
            _HOSTS,
            OpenComputerHost,
            json=body(name=name, region=region, labels=labels),
            options=options,
        )

    async def get(self, host_id: str, **options: Unpack[RequestOptions]) -> OpenComputerHost:
        """Fetch a host. ``GET /opencomputers/hosts/{host_id}``."""
        return await self._object("GET", _host(host_id), OpenComputerHost, options=options)

    async def update(
        self,
        host_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        labels: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> OpenComputerHost:
        """Not available to tenants: raises `miosa.UnsupportedRouteError`, sends nothing.

        ``PATCH /opencomputers/hosts/{host_id}`` exists only on the admin API, so a tenant
        key gets a 404. A host's name cannot be changed through the public API; its labels
        are its tags (``/opencomputers/hosts/{host_id}/tags``).
        """
        raise UnsupportedRouteError(
            HOST_UPDATE_UNSUPPORTED,
            call="open_computers.hosts.update",
            route="PATCH /opencomputers/hosts/{host_id}",
        )

    async def revoke(self, host_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revoke a host: its key stops working and it disconnects.

        ``DELETE /opencomputers/hosts/{host_id}``.
        """
        await self._none("DELETE", _host(host_id), options=options)

    async def ssh_keys(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerSshKey]:
        """The SSH public keys authorized on a host.

        ``GET /opencomputers/hosts/{host_id}/ssh-keys``.
        """
        return await self._list(
            "GET",
            host_path("/ssh-keys", host_id),
            OpenComputerSshKey,
            keys=_SSH_KEY_KEYS,
            options=options,
        )

    async def add_ssh_key(
        self, host_id: str, public_key: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerSshKey:
        """Authorize an SSH public key on a host.

        ``POST /opencomputers/hosts/{host_id}/ssh-keys`` with ``{"public_key": ...}``.
        """
        return await self._object(
            "POST",
            host_path("/ssh-keys", host_id),
            OpenComputerSshKey,
            json={"public_key": public_key},
            unwrap=("data", "ssh_key", "key"),
            options=options,
        )

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
        env: JobEnv | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestExtras],
    ) -> OpenComputerJobResult:
        """Run a command on a host and wait for its whole output.

        ``POST /opencomputers/hosts/{host_id}/exec`` with ``stream: false``: the server
        answers when the command ends. On the wire the command is ``cmd``, ``env`` a list
        of ``{name, value}`` maps (give a mapping, ``KEY=VALUE`` strings or such maps) and
        `timeout` (seconds here; the server's default is 30) goes as ``timeout_ms``; the
        HTTP read timeout stretches to it. For output as it comes, use `run_stream`; for
        a job that outlives the request, `start`.
        """
        payload = {**self._command(command, args, env, cwd, timeout), "stream": False}
        http_timeout = None
        if not isinstance(timeout, NotGiven):
            http_timeout = stretched_timeout(self._http.options.timeout, timeout)
        return await self._object(
            "POST",
            host_path("/exec", host_id),
            OpenComputerJobResult,
            json=payload,
            timeout=http_timeout,
            options=options,
        )

    def run_stream(
        self,
        host_id: str,
        *,
        command: str,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        env: JobEnv | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven = NOT_GIVEN,
    ) -> AsyncEventStream[OpenComputerJobEvent]:
        """Run a command and stream its output; connects (and starts it) when entered.

        ``POST /opencomputers/hosts/{host_id}/exec`` with ``stream: true`` (SSE):
        ``exec_chunk`` events, then one ``exec_result`` or ``exec_error``, which ends the
        iteration. Arguments as for `run`. A dropped stream is not resumed (that would
        run the command again): re-attach with `stream` if you know the job id.
        """
        payload = {**self._command(command, args, env, cwd, timeout), "stream": True}
        return self._events(
            host_path("/exec", host_id),
            event_parser(OpenComputerJobEvent),
            method="POST",
            json=payload,
            resumable=False,
            is_final=type_in(JOB_STREAM_END),
        )

    @staticmethod
    def _command(
        command: str,
        args: Sequence[str] | NotGiven,
        env: JobEnv | NotGiven,
        cwd: str | NotGiven,
        timeout: float | NotGiven,
    ) -> dict[str, object]:
        return body(
            cmd=command,
            args=args if isinstance(args, NotGiven) else list(args),
            env=env if isinstance(env, NotGiven) else job_env(env),
            cwd=cwd,
            timeout_ms=timeout if isinstance(timeout, NotGiven) else round(timeout * 1000),
        )

    async def start(
        self,
        host_id: str,
        *,
        command: str,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        env: JobEnv | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestExtras],
    ) -> OpenComputerJob:
        """Create a durable job and dispatch it, without waiting for it.

        ``POST /opencomputers/hosts/{host_id}/jobs`` (202): body ``command``, ``args``,
        ``env`` (``{name, value}`` maps), ``cwd`` and ``timeout`` in seconds (server
        default 30). The reply is the job record, with `links` to its result and stream;
        follow it with `stream`, `get` or `wait_for_completion`.
        """
        payload = body(
            command=command,
            args=args if isinstance(args, NotGiven) else list(args),
            env=env if isinstance(env, NotGiven) else job_env(env),
            cwd=cwd,
            timeout=timeout,
        )
        return await self._object(
            "POST",
            host_path("/jobs", host_id),
            OpenComputerJob,
            json=payload,
            unwrap=(),
            prepare=job_record,
            options=options,
        )

    async def list(
        self, host_id: str, *, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerJobActivity]:
        """Recent job activity on a host, newest first (audit events, not job records).

        ``GET /opencomputers/hosts/{host_id}/jobs``; `limit` defaults to 20 on the server
        (at most 100). There is no ``GET .../exec`` listing.
        """
        return await self._list(
            "GET",
            host_path("/jobs", host_id),
            OpenComputerJobActivity,
            params=query(limit=limit),
            keys=_ACTIVITY_KEYS,
            options=options,
        )

    async def get(
        self, host_id: str, job_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerJob:
        """Fetch a job (the reply's ``job`` envelope is unwrapped).

        ``GET /opencomputers/hosts/{host_id}/exec/{job_id}``.
        """
        return await self._object(
            "GET", _job(host_id, job_id), OpenComputerJob, unwrap=_JOB_KEYS, options=options
        )

    def stream(self, host_id: str, job_id: str) -> AsyncEventStream[OpenComputerJobEvent]:
        """Re-attach to a running job's output. ``GET .../exec/{job_id}/stream`` (SSE).

        ``GET /opencomputers/hosts/{host_id}/exec/{job_id}/stream``. Events are
        ``exec_chunk`` (``data`` from ``stream`` stdout/stderr), then ``exec_result``
        (``exit_code``) or ``exec_error`` (``reason``), which end the iteration. Output
        already sent is not replayed; a job already finished gives an empty stream (204).
        """
        return self._events(
            _job(host_id, job_id) + "/stream",
            event_parser(OpenComputerJobEvent),
            is_final=type_in(JOB_STREAM_END),
        )

    async def cancel(self, host_id: str, job_id: str, **options: Unpack[RequestOptions]) -> None:
        """Cancel a queued or running job (`miosa.ConflictError` if it already ended).

        ``DELETE /opencomputers/hosts/{host_id}/exec/{job_id}``.
        """
        await self._none("DELETE", _job(host_id, job_id), options=options)

    async def wait_for_completion(
        self,
        host_id: str,
        job_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = 1.0,
    ) -> OpenComputerJob:
        """Poll `get` until the job has ended, and return it.

        ``GET /opencomputers/hosts/{host_id}/exec/{job_id}`` at once, then after
        `poll_interval` seconds, each wait 1.5x longer (at most 10 s), until its ``state``
        is ``succeeded``, ``failed``, ``timeout`` or ``canceled`` (the older ``status``
        names ``completed``/``cancelled`` count too). A failed job is returned, not raised:
        check ``state`` and ``exit_code``. Raises `miosa.APITimeoutError` after `timeout`
        seconds (None waits forever).
        """
        return await self._wait_for(
            _job(host_id, job_id),
            OpenComputerJob,
            JOB_DONE,
            timeout=timeout,
            poll_interval=poll_interval,
            noun="OpenComputers job",
            resource_id=job_id,
            unwrap=_JOB_KEYS,
            status_of=job_status,
        )
