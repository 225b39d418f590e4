"""The Model Context Protocol endpoint (streamable-HTTP JSON-RPC at ``/mcp``)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from ..._ai import parse_mcp_message
from ..._request import NOT_GIVEN, NotGiven, body, merge
from ...types.ai import McpMessage
from .._resource import AsyncAPIResource
from ..streams import AsyncEventStream

_UNWRAP = ("data", "mcp")


class AsyncMcp(AsyncAPIResource):
    """``client.mcp``: JSON-RPC messages to MIOSA's MCP tool-belt."""

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
        return await self._object("POST", "/mcp", McpMessage, json=payload, unwrap=_UNWRAP)

    async def notify(
        self,
        method: str,
        *,
        params: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        jsonrpc: str = "2.0",
    ) -> None:
        """Send a JSON-RPC notification (no ``id``, no response). ``POST /mcp``."""
        await self._none("POST", "/mcp", json=body(jsonrpc=jsonrpc, method=method, params=params))

    async def listen(self) -> McpMessage:
        """Read the MCP listen channel once, as JSON. ``GET /mcp``."""
        return await self._object("GET", "/mcp", McpMessage, unwrap=_UNWRAP)

    def listen_stream(self) -> AsyncEventStream[McpMessage]:
        """The MCP listen channel as server-sent events. ``GET /mcp`` (``text/event-stream``).

        Each event is a server-to-client JSON-RPC message; connects when entered.
        """
        return self._events("/mcp", parse_mcp_message)

    async def close(self) -> None:
        """End the MCP session. ``DELETE /mcp``."""
        await self._none("DELETE", "/mcp")
