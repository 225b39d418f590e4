# This file was generated from
#   tests/_async/test_connections.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Connections, tool keys and harness readiness: the wire, the end-user guard, errors, and
keys and plans for an end user on the local server."""

from __future__ import annotations

import pytest

from miosa import (
    EndUserScopeUnsupportedError,
    Miosa,
    NotFoundError,
    ValidationError,
)
from miosa.local import LocalServer
from miosa.types import (
    AgentCredential,
    AgentSignin,
    Connection,
    ConnectionList,
    CredentialCheck,
    HarnessReadiness,
    ToolKey,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

EU = {"data": {"scope": {"level": "external_user"}, "harnesses": []}}
CREDS = {"data": [{"id": "anthropic", "connected": True}, {"id": "claude_subscription"}]}
SETTINGS = {
    "data": {
        "harnesses": [
            {"id": "claude-code", "label": "Claude Code", "is_default": True,
             "status": {"state": "ready"},
             "auth_methods": [{"id": "anthropic", "kind": "api_key", "connected": True}]},
            {"id": "opencode", "status": {"state": "needs_credential"},
             "providers": [{"id": "openai", "connected": True, "enabled": False}]},
        ]
    }
}  # fmt: skip
CATALOG = {
    "data": [
        {"value": "claude-code",
         "supported_auth": ["anthropic", {"id": "bedrock", "note": "us-east-1 only"}],
         "unsupported_auth": [{"id": "openai", "reason": "not an Anthropic model"}]}
    ]
}  # fmt: skip


def _harnesses(rows: list[HarnessReadiness]) -> bool:
    claude, opencode = rows
    return (
        all(isinstance(r, HarnessReadiness) for r in rows)
        and (claude.id, claude.ready, claude.is_default) == ("claude-code", True, True)
        and claude.supported_auth == ("anthropic", "bedrock")
        and claude.auth_notes == {"bedrock": "us-east-1 only"}
        and claude.unsupported_auth == ({"id": "openai", "reason": "not an Anthropic model"},)
        and [(c.credential, c.usable) for c in claude.connections] == [("anthropic", True)]
        and not opencode.ready
        and [(c.credential, c.connected, c.usable) for c in opencode.connections]
        == [("openai", True, False)]
        and opencode.supported_auth == ("openai",)
    )


CASES = [
    Case(call="connections.list", kwargs={"family": "models", "external_user_id": "cus_1"},
         method="GET", path="/connections", query={"family": "models", "external_user_id": "cus_1"},
         reply={"data": [{"ref": "credential:anthropic", "id": "x_1"}], "total": 1,
                "counts": {"models": 1, "apps": 0, "tools": 0}},
         check=lambda c: isinstance(c, ConnectionList) and c.total == 1 and len(c) == 1
         and [x.ref for x in c] == ["credential:anthropic"] and c.counts is not None
         and c.counts["models"] == 1),
    Case(call="connections.share_app", args=("app 1",), kwargs={"shared": False},
         method="PATCH", path="/connections/apps/app%201", body={"shared": False},
         result=Connection),
    Case(call="connections.set_key", args=("anthropic",),
         kwargs={"key": "sk-ant-1", "usable_by": ["claude-code"], "workspace_id": "ws_1"},
         method="PUT", path="/agents/credentials/anthropic",
         body={"api_key": "sk-ant-1", "usable_by": ["claude-code"], "workspace_id": "ws_1"},
         result=AgentCredential),
    Case(call="connections.set_key", args=("bedrock",),
         kwargs={"fields": {"aws_access_key_id": "AK", "aws_region": "us-east-1"},
                 "scope": "organization"},
         method="PUT", path="/agents/credentials/bedrock",
         body={"aws_access_key_id": "AK", "aws_region": "us-east-1", "scope": "organization"},
         result=AgentCredential, name="connections.set_key-fields"),
    Case(call=lambda c: c.connections.connect_subscription("claude", workspace_id="ws_1"),
         method="POST", path="/agent-signins",
         body={"provider": "claude_code", "workspace_id": "ws_1"},
         reply={"data": {"id": "si_1", "mode": "paste_code", "verification_url": "https://v"}},
         check=lambda h: (h.id, h.plan, h.needs_code, h.verification_url)
         == ("si_1", "claude", True, "https://v") and isinstance(h.signin, AgentSignin),
         name="connections.connect_subscription"),
    Case(call="connections.credentials", kwargs={"scope": "workspace", "workspace_id": "ws_1"},
         method="GET", path="/agents/credentials",
         query={"scope": "workspace", "workspace_id": "ws_1"}, reply=CREDS,
         check=lambda cs: [c.id for c in cs] == ["anthropic", "claude_subscription"]),
    Case(call="connections.get", args=("claude",), method="GET", path="/agents/credentials",
         reply=CREDS,
         check=lambda c: isinstance(c, AgentCredential) and c.id == "claude_subscription"),
    Case(call="connections.delete", args=("chatgpt",), kwargs={"workspace_id": "ws_1"},
         method="DELETE", path="/agents/credentials/chatgpt_subscription",
         query={"workspace_id": "ws_1"}, result=AgentCredential),
    Case(call="connections.test", args=("openai",), kwargs={"workspace_id": "ws_1"},
         method="POST", path="/agents/credentials/openai/test", body={"workspace_id": "ws_1"},
         reply={"data": {"credential": "openai", "ok": None, "http_status": 503}},
         check=lambda t: isinstance(t, CredentialCheck) and t.ok is None
         and t.http_status == 503),
    Case(call="connections.tool_keys.list", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/agents/tool-keys", query={"workspace_id": "ws_1"},
         reply={"data": [{"name": "APIFY_TOKEN", "connected": False}]},
         check=lambda ks: [(k.name, k.connected) for k in ks] == [("APIFY_TOKEN", False)]),
    Case(call="connections.tool_keys.set", args=("APIFY_TOKEN", "tok"), method="PUT",
         path="/agents/tool-keys/APIFY_TOKEN", body={"value": "tok"}, result=ToolKey),
    Case(call="connections.tool_keys.delete", args=("APIFY_TOKEN",), kwargs={"scope": "workspace",
         "workspace_id": "ws_1"}, method="DELETE", path="/agents/tool-keys/APIFY_TOKEN",
         query={"scope": "workspace", "workspace_id": "ws_1"}, result=ToolKey),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_harnesses_join_settings_and_the_catalog() -> None:
    api = (
        MockAPI()
        .on("GET /agents/harnesses", json_response(200, CATALOG))
        .on("GET /agents/settings", json_response(200, SETTINGS))
    )
    with make_client(api) as client:
        rows = client.harnesses.list(workspace_id="ws_1")
    assert _harnesses(rows)
    settings_call = [r for r in api.requests if r.url.path.endswith("/settings")]
    assert dict(settings_call[0].url.params) == {"workspace_id": "ws_1"}


def test_harnesses_do_without_the_catalog() -> None:
    error = {"error": {"code": "SERVER_ERROR", "message": "down"}}
    api = (
        MockAPI()
        .on("GET /agents/harnesses", json_response(500, error))
        .on("GET /agents/settings", json_response(200, SETTINGS))
    )
    with make_client(api, max_retries=0) as client:
        rows = client.harnesses.list()
    assert [r.supported_auth for r in rows] == [("anthropic",), ("openai",)]


def test_an_end_user_write_is_refused_when_the_server_ignores_end_users() -> None:
    org_level = {"data": {"scope": {"level": "organization"}}}
    api = MockAPI().on("GET /agents/settings", json_response(200, org_level))
    with make_client(api) as client:
        with pytest.raises(EndUserScopeUnsupportedError):
            client.connections.set_key("anthropic", key="k", external_user_id="cus_1")
    assert [r.method for r in api.requests] == ["GET"]


def test_the_end_user_check_runs_once_per_client() -> None:
    api = (
        MockAPI()
        .on("GET /agents/settings", json_response(200, EU))
        .on("PUT /agents/credentials/anthropic", json_response(200, {"data": {"id": "x"}}))
        .on("PUT /agents/tool-keys/K", json_response(200, {"data": {"name": "K"}}))
    )
    with make_client(api) as client:
        client.connections.set_key("anthropic", key="k", external_user_id="cus_1")
        client.connections.tool_keys.set("K", "v", external_user_id="cus_1")
    assert [r.method for r in api.requests] == ["GET", "PUT", "PUT"]


def test_a_bad_scope_is_refused_before_any_request() -> None:
    with make_client(MockAPI()) as client:
        with pytest.raises(ValueError, match="scope must be one of"):
            client.connections.credentials(scope="team")  # type: ignore[arg-type]


def test_an_unknown_tool_key_is_not_found() -> None:
    error = {"error": {"code": "UNKNOWN_TOOL_KEY", "message": "no tool server uses NOPE"}}
    api = MockAPI().on("PUT /agents/tool-keys/NOPE", json_response(404, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="no tool server"):
            client.connections.tool_keys.set("NOPE", "v")


def test_keys_and_plans_for_an_end_user_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            conns = client.connections
            key = conns.set_key("anthropic", key="sk-ant-customer-0001", external_user_id="cus_1")
            with pytest.raises(ValidationError):
                conns.set_key("openai")
            plan = conns.connect_subscription("chatgpt", external_user_id="cus_1")
            connected = plan.wait(poll_interval=0.05)
            paste = conns.connect_subscription("claude", external_user_id="cus_1")
            resumed = conns.resume_subscription(paste.id, "claude", external_user_id="cus_1")
            pasted = resumed.submit_code("code-from-page")
            mine = conns.list(external_user_id="cus_1")
            org = conns.list()
            check = conns.test("anthropic", external_user_id="cus_1")
            org_check = conns.test("anthropic")
            one = conns.get("chatgpt", external_user_id="cus_1")
            rows = client.harnesses.list(external_user_id="cus_1")
            removed = conns.delete("anthropic", external_user_id="cus_1")
            with pytest.raises(NotFoundError):
                conns.get("nope")
    assert key.scope == "external_user" and key.preview == "sk-ant...0001"
    assert connected.connected and pasted.connected and paste.needs_code
    assert {c.id for c in mine} == {"anthropic", "chatgpt_subscription", "claude_subscription"}
    assert mine.total == 3 and len(org) == 0
    assert check.ok is True and org_check.ok is False
    assert one.connected and one.scope == "external_user"
    ready = {r.id: r.ready for r in rows}
    assert ready == {"claude-code": True, "codex": True, "opencode": True}
    assert removed.connected is False
