# This file was generated from
#   tests/_async/test_mcp_servers.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.mcp_servers``, ``client.mcp_catalog`` and ``client.cli_tools``."""

from __future__ import annotations

import pytest

from miosa import ConflictError, NotFoundError
from miosa.types.mcp import CliTool, McpCatalogEntry, McpCatalogInstall, McpServer
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

SERVER = {
    "id": "mcs_1",
    "name": "github",
    "transport": "http",
    "url": "https://mcp.example.com",
    "secret_headers": ["Authorization"],
    "created_at": "2026-02-01T00:00:00Z",
}


def test_servers_list_sends_filters_and_reads_data() -> None:
    api = MockAPI().on("GET /mcp-servers", json_response(200, {"data": [SERVER]}))
    with make_client(api) as client:
        servers = client.mcp_servers.list(workspace_id="ws_1", status="active")
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/mcp-servers"
    assert dict(api.last.url.params) == {"workspace_id": "ws_1", "status": "active"}
    assert [type(s) for s in servers] == [McpServer]
    assert (servers[0].id, servers[0].transport) == ("mcs_1", "http")
    assert servers[0].created_at is not None


def test_servers_create_sends_only_given_fields() -> None:
    api = MockAPI().on("POST /mcp-servers", json_response(201, {"data": SERVER}))
    with make_client(api) as client:
        server = client.mcp_servers.create(
            name="github",
            transport="stdio",
            command="npx",
            args=("-y", "@mcp/github"),
            secrets={"GITHUB_TOKEN": "ghp_x"},
            secret_env=["GITHUB_TOKEN"],
        )
    assert api.last.url.path == "/api/v1/mcp-servers"
    assert api.body() == {
        "name": "github",
        "transport": "stdio",
        "command": "npx",
        "args": ["-y", "@mcp/github"],
        "secrets": {"GITHUB_TOKEN": "ghp_x"},
        "secret_env": ["GITHUB_TOKEN"],
    }
    assert server.name == "github"


def test_servers_refuse_a_str_for_args_before_any_request() -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(TypeError, match=r"args takes a list of strings"):
            client.mcp_servers.create(name="gh", command="npx", args="-y")
        with pytest.raises(TypeError, match=r"pass \['-y'\]"):
            client.mcp_servers.update("mcs_1", args="-y")
    assert api.requests == []


def test_servers_get_update_delete_test() -> None:
    api = (
        MockAPI()
        .on("GET /mcp-servers/mcs%201", json_response(200, {"data": SERVER}))
        .on("PATCH /mcp-servers/mcs_1", json_response(200, {"data": {**SERVER, "name": "gh"}}))
        .on("DELETE /mcp-servers/mcs_1", json_response(204, None))
        .on("POST /mcp-servers/mcs_1/test", json_response(200, {"data": {"ok": True, "tools": []}}))
    )
    with make_client(api) as client:
        got = client.mcp_servers.get("mcs 1")
        updated = client.mcp_servers.update("mcs_1", name="gh")
        client.mcp_servers.delete("mcs_1")
        outcome = client.mcp_servers.test("mcs_1")
    assert [(r.method, r.url.raw_path) for r in api.requests] == [
        ("GET", b"/api/v1/mcp-servers/mcs%201"),
        ("PATCH", b"/api/v1/mcp-servers/mcs_1"),
        ("DELETE", b"/api/v1/mcp-servers/mcs_1"),
        ("POST", b"/api/v1/mcp-servers/mcs_1/test"),
    ]
    assert api.body(1) == {"name": "gh"}
    assert api.requests[3].content == b""
    assert got.id == "mcs_1" and updated.name == "gh"
    assert outcome == {"ok": True, "tools": []}


def test_servers_get_unknown_raises_not_found() -> None:
    api = MockAPI().on(
        "GET /mcp-servers/nope",
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "no such server"}}),
    )
    with make_client(api) as client:
        with pytest.raises(NotFoundError, match="no such server"):
            client.mcp_servers.get("nope")


def test_catalog_list_is_the_entries() -> None:
    reply = {
        "data": [{"slug": "github", "name": "GitHub", "added": [{"id": "mcs_1"}]}],
        "total": 1,
        "categories": ["dev"],
        "excluded": [],
    }
    api = MockAPI().on("GET /mcp-catalog", json_response(200, reply))
    with make_client(api) as client:
        catalog = client.mcp_catalog.list(workspace_id="ws_1")
    assert dict(api.last.url.params) == {"workspace_id": "ws_1"}
    assert isinstance(catalog, list) and all(isinstance(e, McpCatalogEntry) for e in catalog)
    assert [e.slug for e in catalog] == ["github"]
    assert catalog[0].added == ({"id": "mcs_1"},)


def test_catalog_test_and_install() -> None:
    api = (
        MockAPI()
        .on("POST /mcp-catalog/github/test", json_response(200, {"data": {"ok": True}}))
        .on(
            "POST /mcp-catalog/github/install",
            json_response(201, {"data": SERVER, "secrets": ["GITHUB_TOKEN"]}),
        )
    )
    with make_client(api) as client:
        tried = client.mcp_catalog.test("github", method="token", values={"token": "t"})
        installed = client.mcp_catalog.install(
            "github", method="token", values={"token": "t"}, name="gh", workspace_id="ws_1"
        )
    assert api.body(0) == {"method": "token", "values": {"token": "t"}}
    assert api.body(1) == {
        "method": "token",
        "values": {"token": "t"},
        "name": "gh",
        "workspace_id": "ws_1",
    }
    assert tried == {"ok": True}
    assert isinstance(installed, McpCatalogInstall)
    assert installed.data is not None and installed.data.id == "mcs_1"
    assert installed.secrets == ("GITHUB_TOKEN",)


def test_catalog_install_twice_raises_conflict() -> None:
    api = MockAPI().on(
        "POST /mcp-catalog/github/install",
        json_response(409, {"error": {"code": "CONFLICT", "message": "already installed"}}),
    )
    with make_client(api) as client:
        with pytest.raises(ConflictError):
            client.mcp_catalog.install("github")
    assert api.body() == {}


def test_cli_tools_list() -> None:
    api = MockAPI().on(
        "GET /cli-tools", json_response(200, {"data": [{"name": "gh", "version": "2"}]})
    )
    with make_client(api) as client:
        tools = client.cli_tools.list()
    assert api.last.method == "GET" and api.last.url.path == "/api/v1/cli-tools"
    assert tools == [CliTool(name="gh", version="2")]


def test_catalog_list_reads_a_payload_inside_one_more_data_envelope() -> None:
    reply = {"data": {"data": [{"slug": "linear"}], "total": 1}}
    api = MockAPI().on("GET /mcp-catalog", json_response(200, reply))
    with make_client(api) as client:
        catalog = client.mcp_catalog.list()
    assert dict(api.last.url.params) == {}
    assert [e.slug for e in catalog] == ["linear"]
