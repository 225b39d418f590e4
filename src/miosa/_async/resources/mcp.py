"""The Model Context Protocol endpoint (streamable-HTTP JSON-RPC at ``/mcp``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import httpx

from ..._ai import parse_mcp_message
from ..._request import NOT_GIVEN, NotGiven, body, merge
from ...errors import NotFoundError
from ...types.ai import McpMessage
from .._resource import AsyncAPIResource
from ..streams import AsyncEventStream

if TYPE_CHECKING:
    from ..client import AsyncMiosa

_UNWRAP = ("data", "mcp")
SESSION_HEADER = "Mcp-Session-Id"


class AsyncMcp(AsyncAPIResource):
    """``client.mcp``: JSON-RPC messages to MIOSA's MCP tool-belt.

    Streamable-HTTP MCP servers name a session in an ``Mcp-Session-Id`` response header
    (on the reply to ``initialize``); this object keeps the latest one (`session_id`) and
    sends it with every later call. A 404 on a call that carried it means the server ended
    the session: it is forgotten, so the next ``initialize`` starts a new one. `close`
    ends it. Each client (and each `with_options` copy) has its own session.
    """

    def __init__(self, client: AsyncMiosa) -> None:
        super().__init__(client)
        self.session_id: str | None = None

    def _session_headers(self) -> dict[str, str] | None:
        return {SESSION_HEADER: self.session_id} if self.session_id else None

    def _remember_session(self, response: httpx.Response) -> None:
        session = response.headers.get(SESSION_HEADER)
        if session:
            self.session_id = session

    @contextmanager
    def _forget_ended_session(self) -> Iterator[None]:
        try:
            yield
        except NotFoundError:
            self.session_id = None
            raise

    async def dispatch(
        self,
        method: str,
        *,
        params: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        id: str | int | NotGiven = NOT_GIVEN,  # noqa: A002 - the JSON-RPC wire name
        jsonrpc: str = "2.0",
        extra: Mapping[str, Any] | None = None,
    ) -> McpMessage:
        """Send a JSON-RPC request and return the response. ``POST /mcp``.

        ``(await client.mcp.dispatch("tools/list")).result``. ``id`` defaults to a fresh
        one; ``extra`` adds other JSON-RPC members. For notifications use `notify`.
        """
        request_id = str(uuid.uuid4()) if isinstance(id, NotGiven) else id
        payload = merge(body(jsonrpc=jsonrpc, method=method, params=params, id=request_id), extra)
        with self._forget_ended_session():
            return await self._object(
                "POST",
                "/mcp",
                McpMessage,
                json=payload,
                headers=self._session_headers(),
                unwrap=_UNWRAP,
                on_response=self._remember_session,
            )

    async def notify(
        self,
        method: str,
        *,
        params: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        jsonrpc: str = "2.0",
    ) -> None:
        """Send a JSON-RPC notification (no ``id``, no response). ``POST /mcp``."""
        payload = body(jsonrpc=jsonrpc, method=method, params=params)
        with self._forget_ended_session():
            await self._none("POST", "/mcp", json=payload, headers=self._session_headers())

    async def listen(self) -> McpMessage:
        """Read the MCP listen channel once, as JSON. ``GET /mcp``."""
        with self._forget_ended_session():
            return await self._object(
                "GET",
                "/mcp",
                McpMessage,
                headers=self._session_headers(),
                unwrap=_UNWRAP,
                on_response=self._remember_session,
            )

    def listen_stream(self) -> AsyncEventStream[McpMessage]:
        """The MCP listen channel as server-sent events. ``GET /mcp`` (``text/event-stream``).

        Each event is a server-to-client JSON-RPC message; connects when entered.
        """
        return self._events("/mcp", parse_mcp_message, headers=self._session_headers())

    async def close(self) -> None:
        """End the MCP session. ``DELETE /mcp``."""
        headers = self._session_headers()
        self.session_id = None
        await self._none("DELETE", "/mcp", headers=headers)
