"""Tool servers end to end on the local server (`miosa.local`): registering and testing
them, the keys they need at each scope, installing from the catalogue, the pinned CLI
tools, and the MCP endpoint's JSON-RPC session."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")

SECRET_HEADER = {"Authorization": "Bearer {{secret:DOCS_TOKEN}}"}


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_a_tool_server_is_registered_tested_changed_and_removed() -> None:
    async with LocalServer() as server, client_for(server) as client:
        made = await client.mcp_servers.create(
            name="docs",
            url="https://mcp.example.com/mcp",
            headers_template=SECRET_HEADER,
            tools=[{"name": "search"}],
            metadata={"team": "qa"},
            secrets={"DOCS_EXTRA": "extra-secret-value-1"},
        )
        server_id = made.id or ""
        fetched = await client.mcp_servers.get(server_id)
        listed = await client.mcp_servers.list(status="active")
        untested = await client.mcp_servers.test(server_id)
        changed = await client.mcp_servers.update(server_id, name="docs-2", args=["--fast"])
        stdio = await client.mcp_servers.create(name="local", command="no-such-tool-here")
        missing_command = await client.mcp_servers.test(stdio.id or "")
        with pytest.raises(ValidationError) as mistyped:
            await client.mcp_servers.update(server_id, headers_template={"X-Count": 3})  # type: ignore[dict-item]
        await client.mcp_servers.delete(server_id)
        with pytest.raises(NotFoundError):
            await client.mcp_servers.get(server_id)
        left = [s.id for s in await client.mcp_servers.list()]
    assert server_id.startswith("mcp_") and made.transport == "http"
    assert made.status == "active" and made.metadata == {"team": "qa"}
    assert "secrets" not in made.raw and "extra-secret-value-1" not in str(made.raw)
    assert fetched.headers_template == SECRET_HEADER and fetched.tools == [{"name": "search"}]
    assert [s.id for s in listed] == [server_id]
    assert untested["ok"] is False and untested["missing_keys"] == ["DOCS_TOKEN"]
    assert untested["tools"] == [{"name": "search"}]
    assert changed.name == "docs-2" and changed.args == ("--fast",)
    assert stdio.transport == "stdio" and missing_command["ok"] is False
    assert "not found" in missing_command["message"]
    assert mistyped.value.code == "VALIDATION_ERROR"
    assert left == [stdio.id]


async def test_tool_keys_hold_one_value_per_scope_and_never_show_it() -> None:
    async with LocalServer() as server, client_for(server) as client:
        made = await client.mcp_servers.create(
            name="docs", url="https://mcp.example.com/mcp", headers_template=SECRET_HEADER
        )
        before = await client.connections.tool_keys.list()
        organization = await client.connections.tool_keys.set("DOCS_TOKEN", "org-secret-0123456")
        tested = await client.mcp_servers.test(made.id or "")
        user = await client.connections.tool_keys.set(
            "DOCS_TOKEN", "user-secret-abcdefg", external_user_id="user-1"
        )
        as_user = await client.connections.tool_keys.list(external_user_id="user-1")
        as_workspace = await client.connections.tool_keys.list(workspace_id="ws_1")
        back = await client.connections.tool_keys.delete("DOCS_TOKEN", external_user_id="user-1")
        with pytest.raises(NotFoundError) as unknown:
            await client.connections.tool_keys.set("NOT_USED", "value-0123456789")
        gone = await client.connections.tool_keys.delete("DOCS_TOKEN")
    assert [(k.name, k.connected, k.servers) for k in before] == [("DOCS_TOKEN", False, ("docs",))]
    assert organization.connected and organization.scope == "organization"
    assert organization.preview == "org-se...3456"
    assert tested["ok"] is True and tested["missing_keys"] == []
    assert user.scope == "external_user" and user.preview == "user-s...defg"
    assert [k.scope for k in as_user] == ["external_user"]
    assert [k.scope for k in as_workspace] == ["organization"]
    assert back.connected and back.scope == "organization"
    assert unknown.value.code == "UNKNOWN_TOOL_KEY"
    assert not gone.connected and gone.preview is None
    for key in (organization, user, back):
        assert "secret-0123456" not in str(key.raw) and "secret-abcdefg" not in str(key.raw)


async def test_a_catalogue_entry_is_checked_installed_and_listed_as_added() -> None:
    async with LocalServer() as server, client_for(server) as client:
        entries = await client.mcp_catalog.list()
        incomplete = await client.mcp_catalog.test("linear", values={})
        complete = await client.mcp_catalog.test(
            "linear", method="api_key", values={"LINEAR_API_KEY": "lin_api_0123456789"}
        )
        with pytest.raises(ValidationError) as missing:
            await client.mcp_catalog.install("linear", values={})
        with pytest.raises(ValidationError) as bad_method:
            await client.mcp_catalog.install("linear", method="oauth")
        with pytest.raises(NotFoundError):
            await client.mcp_catalog.install("no-such-entry")
        installed = await client.mcp_catalog.install(
            "linear",
            values={"LINEAR_API_KEY": "lin_api_0123456789"},
            name="Team Linear",
            workspace_id="ws_1",
        )
        added = {e.slug: e.added for e in await client.mcp_catalog.list(workspace_id="ws_1")}
        elsewhere = {e.slug: e.added for e in await client.mcp_catalog.list(workspace_id="ws_2")}
        keys = await client.connections.tool_keys.list(workspace_id="ws_1")
        tested = await client.mcp_servers.test(
            (installed.data.id if installed.data else None) or ""
        )
        tools = await client.cli_tools.list()
    assert {e.slug for e in entries} == {"github", "linear", "slack", "filesystem"}
    assert all(e.added == () for e in entries)
    assert incomplete["ok"] is False and incomplete["missing"] == ["LINEAR_API_KEY"]
    assert complete["ok"] is True and complete["method"] == "api_key"
    assert missing.value.code == "VALIDATION_ERROR" and bad_method.value.code == "VALIDATION_ERROR"
    assert installed.secrets == ("LINEAR_API_KEY",)
    server_made = installed.data
    assert server_made is not None and server_made.name == "Team Linear"
    assert server_made.workspace_id == "ws_1" and server_made.url == "https://mcp.linear.app/mcp"
    assert [a["name"] for a in added["linear"] or ()] == ["Team Linear"]
    assert elsewhere["linear"] == ()
    assert [(k.name, k.connected, k.scope) for k in keys] == [("LINEAR_API_KEY", True, "workspace")]
    assert tested["ok"] is True
    assert {"git", "node", "python3"} <= {t.name for t in tools}
    assert all(t.version for t in tools)


async def test_the_mcp_endpoint_keeps_a_session_and_calls_its_tools() -> None:
    async with LocalServer() as server, client_for(server) as client:
        await client.mcp_servers.create(name="docs", url="https://mcp.example.com/mcp")
        opened = await client.mcp.dispatch(
            "initialize", params={"protocolVersion": "2025-03-26", "clientInfo": {"name": "t"}}
        )
        session = client.mcp.session_id
        await client.mcp.notify("notifications/initialized")
        tools = await client.mcp.dispatch("tools/list", id=7)
        called = await client.mcp.dispatch(
            "tools/call", params={"name": "list_tool_servers", "arguments": {}}
        )
        unknown_tool = await client.mcp.dispatch("tools/call", params={"name": "nope"})
        unknown_method = await client.mcp.dispatch("resources/list")
        heard = await client.mcp.listen()
        async with client.mcp.listen_stream() as stream:
            async for message in stream:
                streamed = message
                break
        client.mcp.session_id = "mcps_ended"
        with pytest.raises(NotFoundError):
            await client.mcp.dispatch("ping")
        forgotten = client.mcp.session_id
    assert opened.result is not None and opened.result["protocolVersion"] == "2025-03-26"
    assert session is not None and session.startswith("mcps_")
    assert tools.id == 7 and tools.result is not None
    assert [t["name"] for t in tools.result["tools"]] == ["list_sandboxes", "list_tool_servers"]
    assert called.result is not None and '"name": "docs"' in called.result["content"][0]["text"]
    assert unknown_tool.error is not None and unknown_tool.error.code == -32602
    assert unknown_method.error is not None and unknown_method.error.code == -32601
    assert heard.method == "notifications/message" and streamed.method == heard.method
    assert forgotten is None
