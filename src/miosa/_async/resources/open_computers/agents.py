"""Agent sessions on OpenComputers hosts, and inference clusters across hosts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ...._groups.open_computers import (
    AGENT_DONE,
    AGENT_STREAM_END,
    CLUSTER_SETTLED,
    event_parser,
    type_in,
)
from ....types.open_computers import (
    OpenComputerAgentEvent,
    OpenComputerAgentSession,
    OpenComputerCluster,
    OpenComputerClusterEvent,
)
from ...streams import AsyncEventStream
from ._base import DEFAULT_WAIT_TIMEOUT, AsyncOpenComputersResource, host_path

# Agent replies come bare, under "session", or under "data".
_SESSION_KEYS = ("session", "data")
_CLUSTERS = "/opencomputers/clusters"


def _session(host_id: str, session_id: str) -> str:
    return host_path("/agent/sessions/{session_id}", host_id, session_id=session_id)


def _cluster(cluster_id: str) -> str:
    return route(_CLUSTERS + "/{cluster_id}", cluster_id=cluster_id)


class AsyncOpenComputerAgents(AsyncOpenComputersResource):
    """``client.open_computers.agents``: dispatch agent tasks to a host (path ``/agent``)."""

    async def dispatch(
        self,
        host_id: str,
        *,
        task: str,
        model: str | NotGiven = NOT_GIVEN,
        model_id: str | NotGiven = NOT_GIVEN,
        max_turns: int | NotGiven = NOT_GIVEN,
        tools: Sequence[str] | NotGiven = NOT_GIVEN,
        budget: Mapping[str, int] | NotGiven = NOT_GIVEN,
        agent_runtime_profile_id: str | NotGiven = NOT_GIVEN,
        agent_profile_id: str | NotGiven = NOT_GIVEN,
        skip_agent_runtime_profile: bool | NotGiven = NOT_GIVEN,
        context: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerAgentSession:
        """Start an agent session on a host. ``POST /opencomputers/hosts/{host_id}/agent/dispatch``.

        ``budget`` takes ``max_steps``, ``max_tokens`` and ``timeout_ms``. Follow the
        session with `events` or `wait_for_completion`.
        """
        payload = body(
            task=task,
            model=model,
            model_id=model_id,
            max_turns=max_turns,
            tools=tools,
            budget=budget,
            agent_runtime_profile_id=agent_runtime_profile_id,
            agent_profile_id=agent_profile_id,
            skip_agent_runtime_profile=skip_agent_runtime_profile,
            context=context,
        )
        return await self._object(
            "POST",
            host_path("/agent/dispatch", host_id),
            OpenComputerAgentSession,
            json=payload,
            unwrap=_SESSION_KEYS,
            options=options,
        )

    async def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> list[OpenComputerAgentSession]:
        """List a host's agent sessions. ``GET /opencomputers/hosts/{host_id}/agent/sessions``."""
        return await self._list(
            "GET",
            host_path("/agent/sessions", host_id),
            OpenComputerAgentSession,
            keys=("data", "sessions", "items"),
            options=options,
        )

    async def get(
        self, host_id: str, session_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerAgentSession:
        """Fetch a session. ``GET /opencomputers/hosts/{host_id}/agent/sessions/{session_id}``."""
        return await self._object(
            "GET",
            _session(host_id, session_id),
            OpenComputerAgentSession,
            unwrap=_SESSION_KEYS,
            options=options,
        )

    def events(self, host_id: str, session_id: str) -> AsyncEventStream[OpenComputerAgentEvent]:
        """Stream a session's events.

        ``GET /opencomputers/hosts/{host_id}/agent/sessions/{session_id}/events``; the
        iteration ends after ``done`` or ``session_completed``.
        """
        return self._events(
            _session(host_id, session_id) + "/events",
            event_parser(OpenComputerAgentEvent),
            is_final=type_in(AGENT_STREAM_END),
        )

    async def cancel(
        self, host_id: str, session_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Cancel a session.

        ``DELETE /opencomputers/hosts/{host_id}/agent/sessions/{session_id}``.
        """
        await self._none("DELETE", _session(host_id, session_id), options=options)

    async def wait_for_completion(
        self,
        host_id: str,
        session_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = 1.0,
    ) -> OpenComputerAgentSession:
        """Poll `get` until the session succeeded, failed or was cancelled, and return it.

        ``GET /opencomputers/hosts/{host_id}/agent/sessions/{session_id}`` with backoff
        (`poll_interval`, then 1.5x longer each time, at most 10 s). Raises
        `miosa.APITimeoutError` after `timeout` seconds (None waits forever).
        """
        return await self._wait_for(
            _session(host_id, session_id),
            OpenComputerAgentSession,
            AGENT_DONE,
            timeout=timeout,
            poll_interval=poll_interval,
            noun="OpenComputers agent session",
            resource_id=session_id,
            unwrap=_SESSION_KEYS,
        )


class AsyncOpenComputerClusters(AsyncOpenComputersResource):
    """``client.open_computers.clusters``: inference clusters over several hosts."""

    async def list(self, **options: Unpack[RequestOptions]) -> list[OpenComputerCluster]:
        """List clusters. ``GET /opencomputers/clusters``."""
        return await self._list(
            "GET",
            _CLUSTERS,
            OpenComputerCluster,
            keys=("data", "clusters", "items"),
            options=options,
        )

    async def create(
        self, *, name: str, model: str, host_ids: Sequence[str], **options: Unpack[RequestOptions]
    ) -> OpenComputerCluster:
        """Create a cluster serving `model` (e.g. ``"llama3:70b"``) on `host_ids`.

        ``POST /opencomputers/clusters``. It starts ``provisioning``; see `wait_until_active`.
        """
        return await self._object(
            "POST",
            _CLUSTERS,
            OpenComputerCluster,
            json=body(name=name, model=model, host_ids=host_ids),
            options=options,
        )

    async def get(self, cluster_id: str, **options: Unpack[RequestOptions]) -> OpenComputerCluster:
        """Fetch a cluster. ``GET /opencomputers/clusters/{cluster_id}``."""
        return await self._object("GET", _cluster(cluster_id), OpenComputerCluster, options=options)

    async def start(
        self, cluster_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerCluster:
        """Start a stopped cluster. ``POST /opencomputers/clusters/{cluster_id}/start``."""
        return await self._object(
            "POST", _cluster(cluster_id) + "/start", OpenComputerCluster, options=options
        )

    async def stop(self, cluster_id: str, **options: Unpack[RequestOptions]) -> OpenComputerCluster:
        """Stop a cluster. ``POST /opencomputers/clusters/{cluster_id}/stop``."""
        return await self._object(
            "POST", _cluster(cluster_id) + "/stop", OpenComputerCluster, options=options
        )

    async def delete(self, cluster_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a cluster. ``DELETE /opencomputers/clusters/{cluster_id}``."""
        await self._none("DELETE", _cluster(cluster_id), options=options)

    def events(self, cluster_id: str) -> AsyncEventStream[OpenComputerClusterEvent]:
        """Stream a cluster's events. ``GET /opencomputers/clusters/{cluster_id}/events``."""
        return self._events(
            _cluster(cluster_id) + "/events", event_parser(OpenComputerClusterEvent)
        )

    async def wait_until_active(
        self,
        cluster_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = 2.0,
    ) -> OpenComputerCluster:
        """Poll `get` until the cluster is ``active`` (or ``error``/``destroyed``), and return it.

        ``GET /opencomputers/clusters/{cluster_id}`` with backoff (`poll_interval`, then
        1.5x longer each time, at most 10 s). Check ``status`` on the result: a cluster in
        ``error`` is returned, not raised. Raises `miosa.APITimeoutError` after `timeout`
        seconds (None waits forever).
        """
        return await self._wait_for(
            _cluster(cluster_id),
            OpenComputerCluster,
            CLUSTER_SETTLED,
            timeout=timeout,
            poll_interval=poll_interval,
            noun="OpenComputers cluster",
            resource_id=cluster_id,
        )
