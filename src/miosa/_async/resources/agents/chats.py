"""``client.agent_chats``: a chat's context use, and compacting its harness session."""

from __future__ import annotations

from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.agent_chats import ChatContext
from ....types.runs import Run
from ..._resource import AsyncAPIResource


def _run_of(payload: Any) -> Any:
    # The reply names the run it started, at the top or under ``run``.
    if isinstance(payload, dict) and isinstance(payload.get("run"), dict):
        return payload["run"]
    return payload


class AsyncAgentChats(AsyncAPIResource):
    """``client.agent_chats``: a chat is the runs sharing a ``chat_id``; it keeps one
    harness session for as long as it lives."""

    async def context(self, chat_id: str, **options: Unpack[RequestOptions]) -> ChatContext:
        """Context-window use and compactions. ``GET /agents/chats/{chat_id}/context``."""
        path = route("/agents/chats/{chat_id}/context", chat_id=chat_id)
        return await self._object("GET", path, ChatContext, options=options)

    async def compact(
        self,
        chat_id: str,
        *,
        focus: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Run:
        """Ask the harness to compact the chat's session. ``POST /agents/chats/{chat_id}/compact``.

        This starts a run in the same chat, on the same machine and session; the returned
        run is it (follow it with ``client.runs.wait_for_completion``). `focus` tells the
        harness what to keep. The compaction shows in ``context`` once the run finishes.
        """
        path = route("/agents/chats/{chat_id}/compact", chat_id=chat_id)
        return await self._object(
            "POST",
            path,
            Run,
            json=body(focus=focus),
            idempotency_key=idempotency_key,
            prepare=_run_of,
            options=options,
        )
