"""``computer.terminal``: PTY sessions under ``/computers/{id}``."""

from __future__ import annotations

from collections.abc import Mapping

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types._base import JSONObject
from ..._resource import AsyncScopedResource


class AsyncComputerTerminal(AsyncScopedResource):
    """``computer.terminal``: open and resize PTY sessions."""

    async def create(
        self,
        *,
        cols: int | NotGiven = NOT_GIVEN,
        rows: int | NotGiven = NOT_GIVEN,
        shell: str | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> JSONObject:
        """Open a PTY session (the reply has its id). ``POST /computers/{computer_id}/terminal``."""
        payload = body(cols=cols, rows=rows, shell=shell, cwd=cwd, env=env)
        return await self._object(
            "POST", self._prefix + "/terminal", JSONObject, json=payload, options=options
        )

    async def resize(
        self, session_id: str, *, cols: int, rows: int, **options: Unpack[RequestOptions]
    ) -> JSONObject:
        """Resize a PTY session. ``POST /computers/{computer_id}/pty/{session_id}/resize``."""
        path = self._prefix + route("/pty/{session_id}/resize", session_id=session_id)
        return await self._object(
            "POST", path, JSONObject, json={"cols": cols, "rows": rows}, options=options
        )
