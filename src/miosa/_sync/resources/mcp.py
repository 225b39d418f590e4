# This file was generated from
#   src/miosa/_async/resources/mcp.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The Model Context Protocol endpoint (streamable-HTTP JSON-RPC at ``/mcp``)."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import httpx

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, query, route, string_list
from ..._groups.admin import json_object, list_in_object
from ..._groups.ai import parse_mcp_message
from ...errors import NotFoundError
from ...types.ai import McpMessage
from ...types.mcp import CliTool, McpCatalogEntry, McpCatalogInstall, McpServer
from .._resource import APIResource
from ..streams import EventStream

if TYPE_CHECKING:
    from ..client import Miosa

_UNWRAP = ("data", "mcp")
SESSION_HEADER = "Mcp-Session-Id"


class Mcp(APIResource):
    """``client.mcp``: JSON-RPC messages to MIOSA's MCP tool-belt.

    Streamable-HTTP MCP servers name a session in an ``Mcp-Session-Id`` response header
    (on the reply to ``initialize``); this object keeps the latest one (`session_id`) and
    sends it with every later call. A 404 on a call that carried it means the server ended
    the session: it is forgotten, so the next ``initialize`` starts a new one. `close`
    ends it. Each client (and each `with_options` copy) has its own session.
    """

    def __init__(self, client: Miosa) -> None:
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

    def dispatch(
        self,
        method: str,
        *,
        params: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        id: str | int | NotGiven = NOT_GIVEN,  # noqa: A002 - the JSON-RPC wire name
        jsonrpc: str = "2.0",
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> McpMessage:
        """Send a JSON-RPC request and return the response. ``POST /mcp``.

        ``(client.mcp.dispatch("tools/list")).result``. ``id`` defaults to a fresh
        one; ``extra`` adds other JSON-RPC members. For notifications use `notify`.
        """
        request_id = str(uuid.uuid4()) if isinstance(id, NotGiven) else id
        payload = merge(body(jsonrpc=jsonrpc, method=method, params=params, id=request_id), extra)
        with self._forget_ended_session():
            return self._object(
                "POST",
                "/mcp",
                McpMessage,
                json=payload,
                headers=self._session_headers(),
                unwrap=_UNWRAP,
                on_response=self._remember_session,
                options=options,
            )

    def notify(
        self,
        method: str,
        *,
        params: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        jsonrpc: str = "2.0",
        **options: Unpack[RequestOptions],
    ) -> None:
        """Send a JSON-RPC notification (no ``id``, no response). ``POST /mcp``."""
        payload = body(jsonrpc=jsonrpc, method=method, params=params)
        with self._forget_ended_session():
            self._none(
                "POST", "/mcp", json=payload, headers=self._session_headers(), options=options
            )

    def listen(self, **options: Unpack[RequestOptions]) -> McpMessage:
        """Read the MCP listen channel once, as JSON. ``GET /mcp``."""
        with self._forget_ended_session():
            return self._object(
                "GET",
                "/mcp",
                McpMessage,
                headers=self._session_headers(),
                unwrap=_UNWRAP,
                on_response=self._remember_session,
                options=options,
            )

    def listen_stream(self) -> EventStream[McpMessage]:
        """The MCP listen channel as server-sent events. ``GET /mcp`` (``text/event-stream``).

        Each event is a server-to-client JSON-RPC message; connects when entered.
        """
        return self._events("/mcp", parse_mcp_message, headers=self._session_headers())

    def close(self, **options: Unpack[RequestOptions]) -> None:
        """End the MCP session. ``DELETE /mcp``."""
        headers = self._session_headers()
        self.session_id = None
        self._none("DELETE", "/mcp", headers=headers, options=options)


def _server_path(server_id: str, action: str = "") -> str:
    return route("/mcp-servers/{server_id}", server_id=server_id) + action


class McpServers(APIResource):
    """``client.mcp_servers``: tool servers your agents can call (``/mcp-servers``).

    API keys need the ``connections:read`` / ``connections:write`` scopes.
    """

    def list(
        self,
        *,
        workspace_id: str | None = None,
        status: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[McpServer]:
        """The tool servers. ``GET /mcp-servers``."""
        params = query(workspace_id=workspace_id, status=status)
        return self._list(
            "GET", "/mcp-servers", McpServer, params=params, keys=("data", "items"), options=options
        )

    def create(
        self,
        *,
        name: str,
        transport: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        command: str | NotGiven = NOT_GIVEN,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        headers_template: Mapping[str, str] | NotGiven = NOT_GIVEN,
        auth: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Any | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        secrets: Mapping[str, str] | NotGiven = NOT_GIVEN,
        secret_headers: Any | NotGiven = NOT_GIVEN,
        secret_env: Any | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> McpServer:
        """Register a tool server. ``POST /mcp-servers``.

        ``transport`` says how it is reached (a ``url``, or a ``command`` with ``args``);
        ``secrets`` are stored encrypted and never returned; ``secret_headers`` /
        ``secret_env`` say where they go.
        """
        payload = body(
            name=name,
            transport=transport,
            workspace_id=workspace_id,
            url=url,
            command=command,
            args=string_list(args, "args"),
            headers_template=headers_template,
            auth=auth,
            tools=tools,
            metadata=metadata,
            secrets=secrets,
            secret_headers=secret_headers,
            secret_env=secret_env,
        )
        return self._object("POST", "/mcp-servers", McpServer, json=payload, options=options)

    def get(self, server_id: str, **options: Unpack[RequestOptions]) -> McpServer:
        """One tool server. ``GET /mcp-servers/{server_id}``."""
        return self._object("GET", _server_path(server_id), McpServer, options=options)

    def update(
        self,
        server_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        transport: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        command: str | NotGiven = NOT_GIVEN,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        headers_template: Mapping[str, str] | NotGiven = NOT_GIVEN,
        auth: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Any | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        secrets: Mapping[str, str] | NotGiven = NOT_GIVEN,
        secret_headers: Any | NotGiven = NOT_GIVEN,
        secret_env: Any | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> McpServer:
        """Change a tool server (only the fields given are sent).

        ``PATCH /mcp-servers/{server_id}``.
        """
        payload = body(
            name=name,
            transport=transport,
            url=url,
            command=command,
            args=string_list(args, "args"),
            headers_template=headers_template,
            auth=auth,
            tools=tools,
            metadata=metadata,
            secrets=secrets,
            secret_headers=secret_headers,
            secret_env=secret_env,
        )
        return self._object(
            "PATCH", _server_path(server_id), McpServer, json=payload, options=options
        )

    def delete(self, server_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a tool server. ``DELETE /mcp-servers/{server_id}``."""
        self._none("DELETE", _server_path(server_id), options=options)

    def test(self, server_id: str, **options: Unpack[RequestOptions]) -> dict[str, Any]:
        """Reach the server and list its tools. ``POST /mcp-servers/{server_id}/test``.

        The outcome is returned as a JSON object (its shape depends on the server).
        """
        payload, _ = self._json("POST", _server_path(server_id, "/test"), options=options)
        return json_object(payload)


class McpCatalogResource(APIResource):
    """``client.mcp_catalog``: pre-built tool servers to install (``/mcp-catalog``)."""

    def list(
        self, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[McpCatalogEntry]:
        """The catalogue entries, with what is already installed (``entry.added``).
        ``GET /mcp-catalog`` (the whole catalogue in one reply)."""
        return self._list(
            "GET",
            "/mcp-catalog",
            McpCatalogEntry,
            params=query(workspace_id=workspace_id),
            keys=(),
            prepare=lambda payload: list_in_object(payload, "data"),
            options=options,
        )

    def test(
        self,
        slug: str,
        *,
        method: str | NotGiven = NOT_GIVEN,
        values: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]:
        """Try credentials for an entry before installing it.

        ``POST /mcp-catalog/{slug}/test``; the outcome is returned as a JSON object.
        """
        path = route("/mcp-catalog/{slug}/test", slug=slug)
        payload, _ = self._json(
            "POST", path, json=body(method=method, values=values), options=options
        )
        return json_object(payload)

    def install(
        self,
        slug: str,
        *,
        method: str | NotGiven = NOT_GIVEN,
        values: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> McpCatalogInstall:
        """Install an entry as a tool server. ``POST /mcp-catalog/{slug}/install``.

        The result holds the server (``.data``) and the names of the stored secrets.
        """
        path = route("/mcp-catalog/{slug}/install", slug=slug)
        payload = body(method=method, values=values, name=name, workspace_id=workspace_id)
        return self._object(
            "POST", path, McpCatalogInstall, json=payload, unwrap=(), options=options
        )


class CliTools(APIResource):
    """``client.cli_tools``: the CLI tools pinned in the platform image (read-only).

    Needs the ``agent_runtime_profiles:read`` scope.
    """

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[CliTool]:
        """The pinned tools. ``GET /cli-tools``."""
        return self._list("GET", "/cli-tools", CliTool, keys=("data", "items"), options=options)
