"""The AI gateway (``client.ai_gateway``): the wire of every call, the host-root inference
proxy, errors, and a round trip against the local server."""

from __future__ import annotations

import json

import pytest

from miosa import AsyncMiosa, NotFoundError, RateLimitError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    AgentModelAssignment,
    ChatCompletion,
    Completion,
    EvaluationPolicy,
    EvaluationRun,
    GatewayBudget,
    GatewayEnvironment,
    GatewayHealth,
    GatewayLimit,
    GatewayLimits,
    GatewayPolicy,
    GatewayRequest,
    GatewaySettings,
    IntelligenceKey,
    KeyEnvironment,
    LLMModel,
    ProviderCredential,
    ProviderCredentialCheck,
    ProviderHealth,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

G = "/ai-gateway"
P = G + "/policies/pol_1"
K = "/intelligence/keys/key_1"
E = "/intelligence/evaluations/ev_1"
R = "/intelligence/evaluations/runs/run_1"
A = "/intelligence/agent-model-assignments/agent_1"
C = "/intelligence/provider-credentials/openai"
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
KEY = {"key": {"id": "x_1", "key": "msk_i_secret", "key_prefix": "msk_i_se"}}


CASES = [
    # -- policies
    Case(call="ai_gateway.policies.list", kwargs={"workspace_id": "ws_1", "extra": {"q": "x"}},
         method="GET", path=G + "/policies", query={"q": "x", "workspace_id": "ws_1"},
         reply=LIST, result=GatewayPolicy, many=True, result_ids=TWO),
    Case(call="ai_gateway.policies.create",
         kwargs={"name": "chat", "primary_model": "gpt-4o", "fallback_models": ["claude"],
                 "strategy": "weighted", "weights": {"gpt-4o": 0.7}, "priority": 1},
         method="POST", path=G + "/policies",
         body={"name": "chat", "primary_model": "gpt-4o", "fallback_models": ["claude"],
               "strategy": "weighted", "weights": {"gpt-4o": 0.7}, "priority": 1},
         reply={"data": {"id": "x_1", "strategy": "weighted", "fallback_models": ["claude"]}},
         check=lambda r: isinstance(r, GatewayPolicy) and r.strategy == "weighted"
         and r.fallback_models == ("claude",)),
    Case(call="ai_gateway.policies.get", args=("pol_1",), method="GET", path=P,
         result=GatewayPolicy),
    Case(call="ai_gateway.policies.get", args=("a/b",), method="GET",
         path=G + "/policies/a%2Fb", result=GatewayPolicy, name="policies.get-encoded"),
    Case(call="ai_gateway.policies.update", args=("pol_1",), kwargs={"enabled": False},
         method="PATCH", path=P, body={"enabled": False}, result=GatewayPolicy),
    Case(call="ai_gateway.policies.delete", args=("pol_1",), method="DELETE", path=P,
         reply=None, status=204),
    # -- budget, health, provider health
    Case(call="ai_gateway.budget.get", method="GET", path=G + "/budget",
         reply={"data": {"monthly_credit_limit": 500, "hard_limit": True}},
         check=lambda r: isinstance(r, GatewayBudget) and r.monthly_credit_limit == 500),
    Case(call="ai_gateway.budget.get", method="GET", path=G + "/budget", reply={"data": None},
         check=lambda r: r is None, name="budget.get-unconfigured"),
    Case(call="ai_gateway.budget.set",
         kwargs={"monthly_credit_limit": 500, "tokens_per_day": None, "hard_limit": True},
         method="PUT", path=G + "/budget",
         body={"monthly_credit_limit": 500, "tokens_per_day": None, "hard_limit": True},
         result=GatewayBudget),
    Case(call="ai_gateway.health", method="GET", path=G + "/health",
         reply={"data": {"status": "ok", "configured_policies": 2, "budget": {"hard_limit": False},
                         "providers": [{"name": "openai"}]}},
         check=lambda r: isinstance(r, GatewayHealth) and r.configured_policies == 2
         and isinstance(r.budget, GatewayBudget) and r.providers == ({"name": "openai"},)),
    Case(call="ai_gateway.provider_health", kwargs={"window": "7d"}, method="GET",
         path=G + "/provider-health", query={"window": "7d"}, result=ProviderHealth),
    # -- limits
    Case(call="ai_gateway.limits.list", method="GET", path=G + "/limits",
         reply={"data": {"organization": {"requests_per_minute": 60},
                         "keys": [{"scope_value": "key_1"}], "environments": []}},
         check=lambda r: isinstance(r, GatewayLimits) and r.organization is not None
         and r.organization.requests_per_minute == 60 and r.keys[0].scope_value == "key_1"),
    Case(call="ai_gateway.limits.set", args=("environment", "staging"),
         kwargs={"requests_per_minute": 10}, method="PUT", path=G + "/limits/environment/staging",
         body={"requests_per_minute": 10}, result=GatewayLimit),
    Case(call="ai_gateway.limits.delete", args=("key", "key_1"), method="DELETE",
         path=G + "/limits/key/key_1", reply=None, status=204),
    # -- environments, settings, request traces
    Case(call="ai_gateway.environments.list", method="GET", path=G + "/environments",
         reply=LIST, result=GatewayEnvironment, many=True, result_ids=TWO),
    Case(call="ai_gateway.settings.get", method="GET", path=G + "/settings",
         result=GatewaySettings),
    Case(call="ai_gateway.settings.update",
         kwargs={"logging_mode": "off", "retention_days": 7, "transcription_enabled": None},
         method="PUT", path=G + "/settings",
         body={"logging_mode": "off", "retention_days": 7, "transcription_enabled": None},
         reply={"data": {"id": "x_1", "logging_mode": "off"}},
         check=lambda r: isinstance(r, GatewaySettings) and r.logging_mode == "off"),
    Case(call="ai_gateway.requests.list",
         kwargs={"status": "error", "from_": "2026-12-01T00:00:00Z", "limit": 50},
         method="GET", path=G + "/requests",
         query={"status": "error", "from": "2026-12-01T00:00:00Z", "limit": "50"},
         reply={**LIST, "next_cursor": None, "summary": {"total": 2}, "retention_days": 7},
         result=GatewayRequest, many=True, result_ids=TWO),
    Case(call="ai_gateway.requests.get", args=("req_1",), method="GET",
         path=G + "/requests/req_1", result=GatewayRequest),
    # -- Intelligence keys
    Case(call="ai_gateway.keys.list", method="GET", path="/intelligence/keys",
         reply={"keys": [{"id": "x_1"}, {"id": "x_2"}]}, result=IntelligenceKey, many=True,
         result_ids=TWO),
    Case(call="ai_gateway.keys.create",
         kwargs={"name": "ci", "scopes": ["intelligence:chat"], "environment": "staging"},
         method="POST", path="/intelligence/keys",
         body={"name": "ci", "scopes": ["intelligence:chat"], "environment": "staging"},
         reply=KEY, check=lambda r: isinstance(r, IntelligenceKey) and r.key == "msk_i_secret"
         and "msk_i_secret" not in repr(r)),
    Case(call="ai_gateway.keys.get", args=("key_1",), method="GET", path=K, reply=KEY,
         result=IntelligenceKey),
    Case(call="ai_gateway.keys.delete", args=("key_1",), method="DELETE", path=K, reply=None,
         status=204),
    Case(call="ai_gateway.keys.rotate", args=("key_1",), kwargs={"name": "ci-2"},
         method="POST", path=K + "/rotate", body={"name": "ci-2"},
         reply={"key": {"id": "x_1", "replaces_key_id": "key_1"}},
         check=lambda r: isinstance(r, IntelligenceKey) and r.replaces_key_id == "key_1"),
    Case(call="ai_gateway.keys.set_environment", args=("key_1", "production"), method="PUT",
         path=G + "/keys/key_1/environment", body={"environment": "production"},
         result=KeyEnvironment),
    # -- evaluations and runs
    Case(call="ai_gateway.evaluations.list", method="GET", path="/intelligence/evaluations",
         reply=LIST, result=EvaluationPolicy, many=True, result_ids=TWO),
    Case(call="ai_gateway.evaluations.create",
         kwargs={"name": "qa", "model": "gpt-4o", "metrics": ["exact_match"],
                 "dataset": [{"input": "2+2", "expected": "4"}]},
         method="POST", path="/intelligence/evaluations",
         body={"name": "qa", "model": "gpt-4o", "metrics": ["exact_match"],
               "dataset": [{"input": "2+2", "expected": "4"}]},
         result=EvaluationPolicy),
    Case(call="ai_gateway.evaluations.get", args=("ev_1",), method="GET", path=E,
         result=EvaluationPolicy),
    Case(call="ai_gateway.evaluations.update", args=("ev_1",), kwargs={"thresholds": {"a": 1}},
         method="PATCH", path=E, body={"thresholds": {"a": 1}}, result=EvaluationPolicy),
    Case(call="ai_gateway.evaluations.delete", args=("ev_1",), method="DELETE", path=E,
         reply=None, status=204),
    Case(call="ai_gateway.evaluations.run", args=("ev_1",), kwargs={"idempotency_key": "k1"},
         method="POST", path=E + "/runs", body={"idempotency_key": "k1"}, status=202,
         reply={"data": {"id": "x_1", "status": "queued"}},
         check=lambda r: isinstance(r, EvaluationRun) and r.status == "queued"),
    Case(call="ai_gateway.evaluations.runs.list", kwargs={"policy_id": "ev_1"}, method="GET",
         path="/intelligence/evaluations/runs", query={"policy_id": "ev_1"}, reply=LIST,
         result=EvaluationRun, many=True, result_ids=TWO),
    Case(call="ai_gateway.evaluations.runs.get", args=("run_1",), method="GET", path=R,
         result=EvaluationRun),
    Case(call="ai_gateway.evaluations.runs.claim", args=("run_1",), method="POST",
         path=R + "/claim", result=EvaluationRun),
    Case(call="ai_gateway.evaluations.runs.report", args=("run_1",),
         kwargs={"status": "failed", "error": "timeout"}, method="POST", path=R + "/result",
         body={"status": "failed", "error": "timeout"}, result=EvaluationRun),
    Case(call="ai_gateway.evaluations.runs.cancel", args=("run_1",), method="POST",
         path=R + "/cancel", result=EvaluationRun),
    # -- agent model assignments
    Case(call="ai_gateway.agent_models.list", method="GET",
         path="/intelligence/agent-model-assignments", reply=LIST, result=AgentModelAssignment,
         many=True, result_ids=TWO),
    Case(call="ai_gateway.agent_models.get", args=("agent_1",), method="GET", path=A,
         result=AgentModelAssignment),
    Case(call="ai_gateway.agent_models.set", args=("agent_1",),
         kwargs={"model": "gpt-4o", "parameters": {"temperature": 0.2}}, method="PUT", path=A,
         body={"model": "gpt-4o", "parameters": {"temperature": 0.2}},
         result=AgentModelAssignment),
    Case(call="ai_gateway.agent_models.delete", args=("agent_1",), method="DELETE", path=A,
         reply=None, status=204),
    # -- provider credentials
    Case(call="ai_gateway.credentials.list", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/intelligence/provider-credentials", query={"workspace_id": "ws_1"},
         reply={**LIST, "providers_supported": ["openai"]}, result=ProviderCredential,
         many=True, result_ids=TWO),
    Case(call="ai_gateway.credentials.get", args=("openai",), method="GET", path=C,
         result=ProviderCredential),
    Case(call="ai_gateway.credentials.set", args=("openai",),
         kwargs={"api_key": "sk-1", "name": "main"}, method="PUT", path=C,
         body={"api_key": "sk-1", "name": "main"}, result=ProviderCredential),
    Case(call="ai_gateway.credentials.update", args=("openai",),
         kwargs={"metadata": {"team": "a"}}, method="PATCH", path=C,
         body={"metadata": {"team": "a"}}, result=ProviderCredential),
    Case(call="ai_gateway.credentials.delete", args=("deepseek",),
         kwargs={"workspace_id": "ws_1"}, method="DELETE",
         path="/intelligence/provider-credentials/deepseek", query={"workspace_id": "ws_1"},
         reply=None, status=204),
    Case(call="ai_gateway.credentials.validate_storage", args=("openai",), method="POST",
         path=C + "/validate-storage", reply={"data": {"id": "x_1", "ok": True}},
         check=lambda r: isinstance(r, ProviderCredentialCheck) and r.ok is True),
    Case(call="ai_gateway.credentials.test", args=("openai",), method="POST", path=C + "/test",
         result=ProviderCredentialCheck),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_inference_goes_to_the_host_root_with_the_client_credentials() -> None:
    message = {"role": "assistant", "content": "4"}
    chat = {"id": "cmpl_1", "object": "chat.completion", "choices": [{"message": message}]}
    api = (
        MockAPI()
        .on("GET /inference/c%2F1/v1/models", json_response(200, {"data": [{"id": "llama"}]}))
        .on("POST /inference/c%2F1/v1/chat/completions", json_response(200, chat))
        .on("POST /inference/c%2F1/v1/completions", json_response(200, {"id": "t_1"}))
    )
    async with make_client(api) as client:
        models = await client.ai_gateway.inference.models("c/1")
        answer = await client.ai_gateway.inference.chat(
            "c/1", model="llama", messages=[{"role": "user", "content": "2+2"}], extra={"n": 1}
        )
        text = await client.ai_gateway.inference.create("c/1", model="llama", prompt="2+2")
    paths = [(r.method, r.url.host, r.url.raw_path.decode()) for r in api.requests]
    assert paths == [
        ("GET", "api.test.miosa", "/inference/c%2F1/v1/models"),
        ("POST", "api.test.miosa", "/inference/c%2F1/v1/chat/completions"),
        ("POST", "api.test.miosa", "/inference/c%2F1/v1/completions"),
    ]
    assert all(r.headers["authorization"].startswith("Bearer msk_") for r in api.requests)
    assert json.loads(api.requests[1].content) == {
        "model": "llama",
        "messages": [{"role": "user", "content": "2+2"}],
        "n": 1,
    }
    assert json.loads(api.requests[2].content) == {"model": "llama", "prompt": "2+2"}
    assert [type(m) for m in models] == [LLMModel] and models[0].id == "llama"
    assert isinstance(answer, ChatCompletion) and answer.choices
    assert answer.choices[0].message and answer.choices[0].message.content == "4"
    assert isinstance(text, Completion) and text.id == "t_1"


async def test_inference_is_retried_like_any_call() -> None:
    busy = json_response(429, {"error": {"message": "busy"}}, headers={"retry-after": "0"})
    api = MockAPI().on("GET /inference/c1/v1/models", busy, busy)
    async with make_client(api, max_retries=1) as client:
        with pytest.raises(RateLimitError, match="busy"):
            await client.ai_gateway.inference.models("c1")
    assert len(api.requests) == 2


async def test_a_server_error_is_raised_typed() -> None:
    error = {"error": {"code": "VALIDATION_ERROR", "message": "retention_days must be 1..30"}}
    api = MockAPI().on(f"PUT {G}/settings", json_response(422, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="retention_days"):
            await client.ai_gateway.settings.update(retention_days=90)


async def test_policies_limits_keys_and_evaluations_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            gateway = client.ai_gateway
            policy = await gateway.policies.create(name="chat", primary_model="gpt-4o")
            changed = await gateway.policies.update(policy.id or "", enabled=False)
            policies = await gateway.policies.list()
            await gateway.policies.delete(policy.id or "")
            with pytest.raises(NotFoundError):
                await gateway.policies.get(policy.id or "")

            limit = await gateway.limits.set("environment", "staging", requests_per_minute=5)
            limits = await gateway.limits.list()
            await gateway.limits.delete("environment", "staging")
            after_limits = await gateway.limits.list()

            key = await gateway.keys.create(name="ci", environment="staging")
            listed_keys = await gateway.keys.list()
            fetched_key = await gateway.keys.get(key.id or "")
            await gateway.keys.delete(key.id or "")
            keys_after = await gateway.keys.list()

            evaluation = await gateway.evaluations.create(
                name="qa", model="gpt-4o", metrics=["exact_match"]
            )
            renamed = await gateway.evaluations.update(evaluation.id or "", name="qa-2")
            evaluations = await gateway.evaluations.list()
            await gateway.evaluations.delete(evaluation.id or "")
            with pytest.raises(NotFoundError):
                await gateway.evaluations.get(evaluation.id or "")
    assert (changed.name, changed.primary_model, changed.enabled) == ("chat", "gpt-4o", False)
    assert [p.id for p in policies] == [policy.id]
    assert (limit.scope_type, limit.scope_value, limit.requests_per_minute) == (
        "environment",
        "staging",
        5,
    )
    assert [e.scope_value for e in limits.environments] == ["staging"]
    assert after_limits.environments == () and after_limits.keys == ()
    assert key.key and key.key_prefix and key.key.startswith(key.key_prefix)
    assert [k.id for k in listed_keys] == [key.id] and listed_keys[0].key is None
    assert fetched_key.key is None and fetched_key.environment == "staging"
    assert keys_after == []
    assert (renamed.name, renamed.metrics) == ("qa-2", ("exact_match",))
    assert [e.id for e in evaluations] == [evaluation.id]
