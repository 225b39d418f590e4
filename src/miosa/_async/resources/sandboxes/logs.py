"""Logs of a sandbox: ``/sandboxes/{id}/logs``."""

from __future__ import annotations

from ...._converter import structure
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query
from ...._groups.sandbox import parse_log_line, sandbox_logs_fields
from ....types.sandboxes import SandboxLogLine, SandboxLogOutput
from ..._resource import AsyncScopedResource
from ...streams import AsyncEventStream


class AsyncSandboxLogs(AsyncScopedResource):
    """``sandbox.logs``: recent lines, or a live stream."""

    async def get(
        self, *, lines: int | None = None, **options: Unpack[RequestOptions]
    ) -> SandboxLogOutput:
        """The last ``lines`` log lines. ``GET /sandboxes/{sandbox_id}/logs``.

        A reply that is one string is split into lines.
        """
        payload, response = await self._json(
            "GET", self._prefix + "/logs", params=query(lines=lines), options=options
        )
        return structure(
            sandbox_logs_fields(payload), SandboxLogOutput, status_code=response.status_code
        )

    def stream(self) -> AsyncEventStream[SandboxLogLine]:
        """Log lines as they are written. ``GET /sandboxes/{sandbox_id}/logs/stream``.

        Connects when entered; resumes after a dropped connection.
        """
        return self._events(self._prefix + "/logs/stream", parse_log_line)
