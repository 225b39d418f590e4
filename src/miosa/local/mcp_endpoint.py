"""The MCP endpoint (``/mcp``): streamable-HTTP JSON-RPC with a few tools over this server.

``POST /mcp`` answers JSON-RPC 2.0 as MCP servers do: the JSON-RPC response itself (no
``data`` envelope), protocol errors in its ``error`` member with HTTP 200, and 202 with no
body for a notification (a message without ``id``). ``initialize`` opens a session and
names it in the ``Mcp-Session-Id`` response header; a request naming an unknown session
gets 404, which tells a client to start again. The tools read this server's state: its
sandboxes and its registered tool servers.

``GET /mcp`` is the listen channel. This server starts no requests of its own, so there
is one ``notifications/message`` to read: as JSON, or as the first event of a stream
that then stays open (``Accept: text/event-stream``), as MCP's listen stream does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import anyio
from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from . import mcp_servers
from .common import JSON, iso, new_id, now
from .events import Event
from .http import ApiError, json_response
from .records import records
from .routing import Call, Endpoint
from .sse import SSEResponse

SESSION_HEADER = "Mcp-Session-Id"
PROTOCOL_VERSION = "2025-03-26"
_SESSIONS = "mcp:sessions"
# JSON-RPC error codes.
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602

ToolFunction = Callable[[Call, JSON], Any]


class RpcError(Exception):
    """A JSON-RPC error, answered in the response's ``error`` member."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _sandboxes(call: Call, arguments: JSON) -> Any:
    state = arguments.get("state")
    return [
        {"id": s.id, "name": s.name, "state": s.state, "template_id": s.template_id}
        for s in call.store.sandboxes.values()
        if s.alive and (not isinstance(state, str) or s.state == state)
    ]


def _tool_servers(call: Call, arguments: JSON) -> Any:
    return [
        {"id": s["id"], "name": s["name"], "transport": s.get("transport"), "status": s["status"]}
        for s in records(call, mcp_servers.SERVERS).values()
    ]


TOOLS: dict[str, tuple[str, JSON, ToolFunction]] = {
    "list_sandboxes": (
        "The sandboxes of this server (optionally only those in one state).",
        {"type": "object", "properties": {"state": {"type": "string"}}},
        _sandboxes,
    ),
    "list_tool_servers": (
        "The tool servers registered with /mcp-servers.",
        {"type": "object", "properties": {}},
        _tool_servers,
    ),
}


def _sessions(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(_SESSIONS, {})


def _session(call: Call) -> str | None:
    """The session the request names; 404 when the server does not know it."""
    session = call.request.headers.get(SESSION_HEADER)
    if session and session not in _sessions(call):
        raise ApiError(404, "NOT_FOUND", f"MCP session {session!r} not found", {"id": session})
    return session


def _initialize(call: Call, params: JSON) -> tuple[JSON, str]:
    session = new_id("mcps", 12)
    _sessions(call)[session] = {"created_at": iso(now()), "client": params.get("clientInfo")}
    result = {
        "protocolVersion": PROTOCOL_VERSION,
        "capabilities": {"tools": {"listChanged": False}},
        "serverInfo": {"name": "miosa-local", "version": "1"},
    }
    return result, session


def _list_tools() -> JSON:
    return {
        "tools": [
            {"name": name, "description": description, "inputSchema": schema}
            for name, (description, schema, _) in TOOLS.items()
        ]
    }


def _call_tool(call: Call, params: JSON) -> JSON:
    name = params.get("name")
    arguments = params.get("arguments") or {}
    if not isinstance(name, str) or name not in TOOLS:
        raise RpcError(INVALID_PARAMS, f"unknown tool {name!r}")
    if not isinstance(arguments, dict):
        raise RpcError(INVALID_PARAMS, "arguments must be an object")
    value = TOOLS[name][2](call, arguments)
    text = json.dumps(value, ensure_ascii=False)
    return {"content": [{"type": "text", "text": text}], "isError": False}


def _answer(call: Call, method: str, params: JSON) -> tuple[JSON, str | None]:
    """The result of one request, and the session it opened (``initialize`` only)."""
    if method == "initialize":
        return _initialize(call, params)
    if method == "ping":
        return {}, None
    if method == "tools/list":
        return _list_tools(), None
    if method == "tools/call":
        return _call_tool(call, params), None
    raise RpcError(METHOD_NOT_FOUND, f"method not found: {method}")


def _reply(request_id: Any, member: str, value: Any, headers: dict[str, str]) -> Response:
    return json_response({"jsonrpc": "2.0", "id": request_id, member: value}, headers=headers)


async def dispatch(call: Call) -> Response:
    """``POST /mcp``: one JSON-RPC request or notification."""
    session = _session(call)
    message = await call.json()
    request_id = message.get("id")
    if "id" in message and (isinstance(request_id, bool) or not isinstance(request_id, (str, int))):
        return _reply(None, "error", {"code": INVALID_REQUEST, "message": "bad id"}, {})
    method, params = message.get("method"), message.get("params") or {}
    try:
        if not isinstance(method, str) or not method:
            raise RpcError(INVALID_REQUEST, "method must be a non-empty string")
        if not isinstance(params, dict):
            raise RpcError(INVALID_PARAMS, "params must be an object")
        if "id" not in message:
            return Response(status_code=202)  # a notification: nothing to answer
        result, opened = _answer(call, method, params)
    except RpcError as err:
        return _reply(request_id, "error", {"code": err.code, "message": err.message}, {})
    session = opened or session
    return _reply(request_id, "result", result, {SESSION_HEADER: session} if session else {})


def _listen_message() -> JSON:
    return {
        "jsonrpc": "2.0",
        "method": "notifications/message",
        "params": {
            "level": "info",
            "logger": "miosa.local",
            "data": "listening: this server sends no requests of its own",
        },
    }


async def listen(call: Call) -> Response:
    """``GET /mcp``: the listen channel, as JSON or (``text/event-stream``) as a stream."""
    session = _session(call)
    headers = {SESSION_HEADER: session} if session else {}
    if "text/event-stream" not in call.request.headers.get("accept", ""):
        return json_response(_listen_message(), headers=headers)

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            await out.send(Event(1, "message", _listen_message()))
            # Open until the client leaves or the server stops (SSEResponse cancels it).
            await anyio.sleep_forever()

    response = SSEResponse(produce, call.store)
    response.headers.update(headers)
    return response


def endpoints() -> list[Endpoint]:
    return [Endpoint("POST", "/mcp", dispatch), Endpoint("GET", "/mcp", listen)]


__all__ = ["PROTOCOL_VERSION", "SESSION_HEADER", "TOOLS", "endpoints"]
