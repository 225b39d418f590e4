"""Developer tools a host runs: GitHub Actions runners and browser IDE sessions."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge
from ...._groups.open_computers import event_parser
from ....types.open_computers_fleet import (
    OpenComputerGhaRunner,
    OpenComputerGhaRunnerEvent,
    OpenComputerIdeSession,
    OpenComputerIdeSessionLaunch,
    OpenComputerIdeSessionPassword,
)
from ..._resource import AsyncAPIResource
from ...streams import AsyncEventStream
from ._base import host_path


def _runner(host_id: str, runner_id: str) -> str:
    return host_path("/gha-runners/{runner_id}", host_id, runner_id=runner_id)


def _session(host_id: str, session_id: str) -> str:
    return host_path("/ide-sessions/{session_id}", host_id, session_id=session_id)


class AsyncOpenComputerGhaRunners(AsyncAPIResource):
    """``client.open_computers.gha_runners``: self-hosted GitHub Actions runners on a host."""

    async def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerGhaRunner]:
        """A host's runners. ``GET /opencomputers/hosts/{host_id}/gha-runners``."""
        return await self._list(
            "GET",
            host_path("/gha-runners", host_id),
            OpenComputerGhaRunner,
            keys=("runners", "data"),
            options=options,
        )

    async def get(
        self, host_id: str, runner_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerGhaRunner:
        """One runner. ``GET /opencomputers/hosts/{host_id}/gha-runners/{runner_id}``."""
        return await self._object(
            "GET",
            _runner(host_id, runner_id),
            OpenComputerGhaRunner,
            unwrap=("runner", "data"),
            options=options,
        )

    async def refresh(
        self,
        host_id: str,
        runner_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Ask GitHub for the runner's current status; read it back with `get`.

        ``POST /opencomputers/hosts/{host_id}/gha-runners/{runner_id}/refresh``; ``extra``
        is the body, sent as given.
        """
        await self._none(
            "POST",
            _runner(host_id, runner_id) + "/refresh",
            json=merge({}, extra),
            options=options,
        )

    def events(self, host_id: str, runner_id: str) -> AsyncEventStream[OpenComputerGhaRunnerEvent]:
        """A runner's install progress, then ``ready`` (SSE), as a context manager.

        ``GET /opencomputers/hosts/{host_id}/gha-runners/{runner_id}/events``:
        ``async with ... as events: async for event in events``; a dropped connection is
        resumed. A frame that is not JSON arrives with its text in ``raw["line"]``.
        """
        return self._events(
            _runner(host_id, runner_id) + "/events", event_parser(OpenComputerGhaRunnerEvent)
        )


class AsyncOpenComputerIdeSessions(AsyncAPIResource):
    """``client.open_computers.ide_sessions``: code-server and JupyterLab on a host, in the
    browser through a password-protected tunnel."""

    async def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerIdeSession]:
        """A host's IDE sessions. ``GET /opencomputers/hosts/{host_id}/ide-sessions``."""
        return await self._list(
            "GET",
            host_path("/ide-sessions", host_id),
            OpenComputerIdeSession,
            keys=("sessions", "data"),
            options=options,
        )

    async def create(
        self,
        host_id: str,
        *,
        kind: Literal["code-server", "jupyter"] | NotGiven = NOT_GIVEN,
        working_dir: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerIdeSessionLaunch:
        """Launch an IDE. ``POST /opencomputers/hosts/{host_id}/ide-sessions``.

        The reply carries the session's password: keep it (`reveal_password` is
        rate-limited).
        """
        return await self._object(
            "POST",
            host_path("/ide-sessions", host_id),
            OpenComputerIdeSessionLaunch,
            json=body(kind=kind, working_dir=working_dir),
            options=options,
        )

    async def get(
        self, host_id: str, session_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerIdeSession:
        """One IDE session. ``GET /opencomputers/hosts/{host_id}/ide-sessions/{session_id}``."""
        return await self._object(
            "GET",
            _session(host_id, session_id),
            OpenComputerIdeSession,
            unwrap=("session", "data"),
            options=options,
        )

    async def delete(
        self, host_id: str, session_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Stop an IDE session; its tunnel and password go with it.

        ``DELETE /opencomputers/hosts/{host_id}/ide-sessions/{session_id}``.
        """
        await self._none("DELETE", _session(host_id, session_id), options=options)

    async def reveal_password(
        self, host_id: str, session_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerIdeSessionPassword:
        """A running session's password again (the server allows five an hour).

        ``POST /opencomputers/hosts/{host_id}/ide-sessions/{session_id}/reveal-password``.
        """
        return await self._object(
            "POST",
            _session(host_id, session_id) + "/reveal-password",
            OpenComputerIdeSessionPassword,
            options=options,
        )
