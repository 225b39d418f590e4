"""Agent settings: the wire, a server error, and harnesses and credentials locally."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    AgentBuildTemplate,
    AgentCredential,
    AgentDefaults,
    CredentialScope,
    EffectiveAgentSettings,
    HarnessCatalog,
    HarnessModel,
    HarnessState,
    HarnessUpdate,
    HarnessVersion,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
SETTINGS = {
    "data": {
        "default_harness": "codex",
        "scope": {"level": "workspace", "workspace_id": "ws_1"},
        "harnesses": [{"id": "codex", "is_default": True, "status": {"state": "ready"}}],
        "credentials": [{"id": "openai", "connected": True, "scope": "organization"}],
    }
}


def _settings(s: EffectiveAgentSettings) -> bool:
    codex = s.harness("codex")
    return (
        isinstance(s, EffectiveAgentSettings)
        and s.default_harness == "codex"
        and s.scope is not None
        and s.scope.level == CredentialScope.WORKSPACE
        and codex is not None
        and codex.ready
        and s.credentials[0].scope == "organization"
    )


CASES = [
    Case(call="agent_settings.harnesses", method="GET", path="/agents/harnesses",
         reply={"data": [{"value": "claude-code", "supported_auth": ["anthropic"]}],
                "capabilities": {"chats": True}, "runtime_capabilities": {"sandbox": True}},
         check=lambda c: isinstance(c, HarnessCatalog)
         and [h.id for h in c.harnesses] == ["claude-code"]
         and c.harnesses[0].supported_auth == ("anthropic",)
         and c.capabilities == {"chats": True} and c.runtime_capabilities == {"sandbox": True}),
    Case(call="agent_settings.harness_versions", kwargs={"include_models": True}, method="GET",
         path="/agents/harness-versions", query={"include": "models"}, reply=LIST,
         result=HarnessVersion, many=True, result_ids=TWO),
    Case(call="agent_settings.harness_versions", method="GET", path="/agents/harness-versions",
         reply=LIST, result=HarnessVersion, many=True, result_ids=TWO,
         name="agent_settings.harness_versions-without-models"),
    Case(call="agent_settings.templates", method="GET", path="/agents/templates", reply=LIST,
         result=AgentBuildTemplate, many=True, result_ids=TWO),
    Case(call="agent_settings.defaults", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/agents/defaults", query={"workspace_id": "ws_1"}, result=AgentDefaults),
    Case(call="agent_settings.put_defaults",
         kwargs={"harness": "codex", "effort": "high", "extra": {"sandbox_size": "large"}},
         method="PUT", path="/agents/defaults",
         body={"harness": "codex", "effort": "high", "sandbox_size": "large"},
         result=AgentDefaults),
    Case(call="agent_settings.settings", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/agents/settings", query={"workspace_id": "ws_1"}, reply=SETTINGS,
         check=_settings),
    Case(call="agent_settings.update_settings", kwargs={"default_harness": "codex"},
         method="PATCH", path="/agents/settings", body={"default_harness": "codex"},
         reply=SETTINGS, check=_settings),
    Case(call="agent_settings.update_harness", args=("open code",),
         kwargs={"primary_provider": "anthropic", "backup_provider": "openai",
                 "workspace_id": "ws_1"},
         method="PATCH", path="/agents/settings/harnesses/open%20code",
         body={"primary_provider": "anthropic", "backup_provider": "openai",
               "workspace_id": "ws_1"},
         reply={"data": {"id": "opencode", "kind": "multi",
                         "providers": [{"id": "anthropic", "connected": True}]},
                "default_harness": "claude-code"},
         check=lambda u: isinstance(u, HarnessUpdate) and u.default_harness == "claude-code"
         and u.harness is not None and u.harness.providers[0].connected is True),
    Case(call="agent_settings.models", kwargs={"harness": "codex", "external_user_id": "cus_1"},
         method="GET", path="/agents/models",
         query={"harness": "codex", "external_user_id": "cus_1"},
         reply={"data": [{"id": "x_1", "available": True},
                         {"id": "x_2", "available": False, "unavailable_reason": "plan"}]},
         check=lambda ms: all(isinstance(m, HarnessModel) for m in ms)
         and [(m.available, m.unavailable_reason) for m in ms] == [(True, None), (False, "plan")]),
    Case(call="agent_settings.credentials", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/agents/credentials", query={"workspace_id": "ws_1"}, reply=LIST,
         result=AgentCredential, many=True, result_ids=TWO),
    Case(call="agent_settings.put_credential", args=("bedrock",),
         kwargs={"usable_by": ("claude-code",), "workspace_id": "ws_1",
                 "extra": {"aws_access_key_id": "AK", "aws_region": "eu-west-1"}},
         method="PUT", path="/agents/credentials/bedrock",
         body={"aws_access_key_id": "AK", "aws_region": "eu-west-1", "workspace_id": "ws_1",
               "usable_by": ["claude-code"]},
         result=AgentCredential),
    Case(call="agent_settings.put_credential", args=("anthropic",),
         kwargs={"api_key": "sk-ant-1", "external_user_id": "cus_1"},
         method="PUT", path="/agents/credentials/anthropic",
         body={"api_key": "sk-ant-1", "external_user_id": "cus_1"}, result=AgentCredential,
         name="agent_settings.put_credential-api-key"),
    Case(call="agent_settings.delete_credential", args=("anthropic",),
         kwargs={"workspace_id": "ws_1"}, method="DELETE", path="/agents/credentials/anthropic",
         query={"workspace_id": "ws_1"}, result=AgentCredential),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_an_unknown_credential_is_not_found() -> None:
    error = {"error": {"code": "UNKNOWN_CREDENTIAL", "message": "no credential 'nope'"}}
    api = MockAPI().on("PUT /agents/credentials/nope", json_response(404, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="no credential") as caught:
            await client.agent_settings.put_credential("nope", api_key="k")
    assert caught.value.code == "UNKNOWN_CREDENTIAL"


async def test_settings_and_credentials_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            settings = client.agent_settings
            before = await settings.settings()
            catalog = await settings.harnesses()
            org_key = await settings.put_credential("anthropic", api_key="sk-ant-0123456789")
            ws_view = await settings.settings(workspace_id="ws_1")
            ws_key = await settings.put_credential(
                "openai", api_key="sk-openai-abcdefghij", workspace_id="ws_1"
            )
            org_creds = await settings.credentials()
            starred = await settings.update_settings(default_harness="codex", workspace_id="ws_1")
            org_after = await settings.settings()
            update = await settings.update_harness(
                "opencode", primary_provider="anthropic", default_effort="high"
            )
            with pytest.raises(ValidationError):
                await settings.update_harness("codex", auth_method="anthropic")
            codex_models = await settings.models(harness="codex", workspace_id="ws_1")
            versions = await settings.harness_versions(include_models=True)
            defaults = await settings.put_defaults(
                harness="codex", effort="low", workspace_id="ws_1"
            )
            read_defaults = await settings.defaults(workspace_id="ws_1")
            templates = await settings.templates()
            removed = await settings.delete_credential("openai", workspace_id="ws_1")
            with pytest.raises(NotFoundError):
                await settings.delete_credential("openai", workspace_id="ws_1")
    claude = before.harness("claude-code")
    assert claude is not None and claude.status is not None
    assert claude.status.state == HarnessState.NEEDS_CREDENTIAL
    assert "claude-code" in [h.id for h in catalog.harnesses]
    assert org_key.connected and org_key.preview == "sk-ant...6789"
    assert "sk-ant-0123456789" not in str(org_key.raw)
    # The workspace inherits the organization's key; its own key stays its own.
    ws_claude = ws_view.harness("claude-code")
    assert ws_claude is not None and ws_claude.ready
    assert ws_key.scope == CredentialScope.WORKSPACE
    assert [c.connected for c in org_creds if c.id == "openai"] == [False]
    assert starred.default_harness == "codex" and org_after.default_harness == "claude-code"
    assert update.harness is not None and update.harness.primary_provider == "anthropic"
    assert update.harness.default_effort == "high" and update.harness.ready
    assert codex_models and all(m.available for m in codex_models)
    assert all(v.models for v in versions)
    assert (defaults.harness, read_defaults.effort) == ("codex", "low")
    assert templates and templates[0].configuration
    assert removed.connected is False
