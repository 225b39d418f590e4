"""Terminal sessions of a sandbox: ``/sandboxes/{id}/terminal``."""

from __future__ import annotations

from collections.abc import Mapping

from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.sandbox_sharing import TerminalSession
from ..._resource import AsyncScopedResource


class AsyncSandboxTerminal(AsyncScopedResource):
    """``sandbox.terminal``: open and close terminal (PTY) sessions."""

    async def create(
        self,
        *,
        cols: int | NotGiven = NOT_GIVEN,
        rows: int | NotGiven = NOT_GIVEN,
        shell: str | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> TerminalSession:
        """Open a terminal session. ``POST /sandboxes/{sandbox_id}/terminal``."""
        return await self._object(
            "POST",
            self._prefix + "/terminal",
            TerminalSession,
            json=body(cols=cols, rows=rows, shell=shell, cwd=cwd, env=env),
        )

    async def delete(self, session_id: str) -> None:
        """Close a terminal session. ``DELETE /sandboxes/{sandbox_id}/terminal/{session_id}``."""
        await self._none(
            "DELETE", self._prefix + route("/terminal/{session_id}", session_id=session_id)
        )
