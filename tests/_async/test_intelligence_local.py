"""The AI gateway, Intelligence, completions, the inference proxy, the dashboard and the
analytics end to end on the local server (`miosa.local`), through the public SDK.

Completions are canned (an echo of the last user message) but every one leaves a real
request trace; the control plane (budget, settings, environments, keys, evaluation runs,
credentials) is kept state with production's verbs and conflicts.
"""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, AuthenticationError, ConflictError, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types.ai_gateway import EvaluationRunStatus, KeyEnvironmentName, LoggingMode

pytestmark = pytest.mark.usefixtures("fast_retries")

HELLO = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hello there"}]


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_gateway_budget_settings_environments_and_keys() -> None:
    async with LocalServer() as server, client_for(server) as client:
        gateway = client.ai_gateway
        unset = await gateway.budget.get()
        budget = await gateway.budget.set(monthly_credit_limit=250.0, requests_per_minute=60)
        read_budget = await gateway.budget.get()
        limits = await gateway.limits.list()
        with pytest.raises(ValidationError):
            await gateway.budget.set(tokens_per_day=-1)

        defaults = await gateway.settings.get()
        changed = await gateway.settings.update(logging_mode="off", retention_days=14)
        reset = await gateway.settings.update(transcription_enabled=None)
        with pytest.raises(ValidationError):
            await gateway.settings.update(retention_days=31)

        key = await gateway.keys.create(name="ci", scopes=["chat"])
        tagged = await gateway.keys.set_environment(key.id or "", "staging")
        environments = {e.name: e for e in await gateway.environments.list()}
        rotated = await gateway.keys.rotate(key.id or "", name="ci-2")
        old = await gateway.keys.get(key.id or "")
        with pytest.raises(ValidationError):
            await gateway.keys.set_environment(key.id or "", "moon")
        with pytest.raises(NotFoundError):
            await gateway.keys.rotate("ikey_missing")

        health = await gateway.health()
        await gateway.credentials.set("openai", api_key="sk-test-123456789")
        ready = await gateway.health()

    assert unset is None
    assert (budget.monthly_credit_limit, budget.requests_per_minute) == (250.0, 60)
    assert read_budget is not None and read_budget.hard_limit is False
    assert limits.organization is not None and limits.organization.requests_per_minute == 60
    assert (defaults.logging_mode, defaults.retention_days) == (LoggingMode.METADATA, 7)
    assert (changed.logging_mode, changed.retention_days) == (LoggingMode.OFF, 14)
    assert reset.transcription_enabled is False and reset.retention_days == 14
    assert tagged.environment == KeyEnvironmentName.STAGING and tagged.id == key.id
    assert [k["id"] for k in environments["staging"].keys or ()] == [key.id]
    assert environments["production"].keys == ()
    assert rotated.key and rotated.key.startswith("msk_i_") and rotated.key != key.key
    assert (rotated.replaces_key_id, rotated.name, rotated.environment) == (
        key.id,
        "ci-2",
        KeyEnvironmentName.STAGING,
    )
    assert old.status == "revoked" and old.key is None
    assert health.status == "ok" and health.execution_readiness == "no_provider_credentials"
    assert health.budget is not None and health.budget.monthly_credit_limit == 250.0
    assert ready.execution_readiness == "ready"
    assert ready.providers == ({"provider": "openai", "status": "configured"},)


async def test_completions_whole_and_streamed_leave_request_traces() -> None:
    async with LocalServer() as server, client_for(server) as client:
        chat = await client.completions.chat(model="gpt-test", messages=HELLO)
        text = await client.completions.create(model="text-test", prompt="count to three")
        async with client.completions.chat_stream(
            model="gpt-test", messages=HELLO, stream_options={"include_usage": True}
        ) as stream:
            chunks = [chunk async for chunk in stream]
        async with client.completions.create_stream(model="text-test", prompt="a b") as stream:
            pieces = [c.text for p in [x async for x in stream] for c in p.choices or ()]
        with pytest.raises(ValidationError):
            await client.completions.chat(model="gpt-test", messages=["not an object"])  # type: ignore[list-item]

        gateway = client.ai_gateway
        traces = [t async for t in gateway.requests.list()]
        page = await gateway.requests.list(model="text-test", limit=1)
        one = await gateway.requests.get(chat_id := traces[-1].id or "")
        by_request_id = await gateway.requests.get(traces[-1].request_id or "")
        with pytest.raises(NotFoundError):
            await gateway.requests.get("greq_missing")
        provider_health = await gateway.provider_health(window="1h")

    assert chat.text == "[local echo] hello there"
    assert chat.usage is not None and chat.usage.total_tokens == 8
    assert text.choices and text.choices[0].text == "[local echo] count to three"
    assert "".join(c.text for c in chunks) == "[local echo] hello there"
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 4
    assert "".join(t or "" for t in pieces) == "[local echo] a b"
    assert len(traces) == 4 and {t.model for t in traces} == {"gpt-test", "text-test"}
    assert [t.model for t in page.items] == ["text-test"] and page.next_cursor is not None
    assert page.raw["summary"]["requests"] == 2 and page.raw["retention_days"] == 7
    assert one.id == chat_id and by_request_id.id == chat_id
    assert provider_health.window == "1h"
    assert provider_health.providers and provider_health.providers[0]["requests"] == 4


async def test_an_intelligence_key_authenticates_the_intelligence_routes_only() -> None:
    async with LocalServer() as server, client_for(server) as client:
        key = await client.ai_gateway.keys.create(name="app")
        app = AsyncMiosa(api_key="not-a-key", base_url=server.base_url, intelligence_key=key.key)
        async with app:
            answered = await app.completions.chat(model="gpt-test", messages=HELLO)
            with pytest.raises(AuthenticationError):
                await app.dashboard.summary()
            await client.ai_gateway.keys.delete(key.id or "")
            with pytest.raises(AuthenticationError):
                await app.completions.chat(model="gpt-test", messages=HELLO)
        traces = [t async for t in client.ai_gateway.requests.list()]
        used = await client.ai_gateway.keys.list()

    assert answered.text == "[local echo] hello there"
    assert [t.api_key_id for t in traces] == [key.id]
    assert used == []


async def test_inference_proxy_is_served_at_the_host_root() -> None:
    async with LocalServer() as server, client_for(server) as client:
        inference = client.ai_gateway.inference
        models = await inference.models("gpu-east")
        chat = await inference.chat("gpu-east", model="local-echo", messages=HELLO)
        text = await inference.create("gpu-east", model="local-echo", prompt=["one", "two"])
        with pytest.raises(ValidationError):
            await inference.chat("gpu-east", model="", messages=HELLO)
        traces = [t async for t in client.ai_gateway.requests.list(provider="inference:gpu-east")]
        recorded = [r.path for r in server.requests if "/inference/" in r.path]

    assert [m.id for m in models] == ["local-echo", "local-echo-mini"]
    assert models[0].owned_by == "gpu-east"
    assert chat.text == "[local echo] hello there" and chat.object == "chat.completion"
    assert text.choices and text.choices[0].text == "[local echo] one\ntwo"
    assert len(traces) == 2
    # Outside /api/v1, as production mounts the proxy.
    assert recorded and all(p.startswith("/inference/gpu-east/v1/") for p in recorded)


async def test_agent_models_evaluation_runs_and_credentials() -> None:
    async with LocalServer() as server, client_for(server) as client:
        gateway = client.ai_gateway
        assigned = await gateway.agent_models.set("agt_1", model="m1", fallback_models=["m2"])
        replaced = await gateway.agent_models.set("agt_1", model="m3", enabled=False)
        assignments = await gateway.agent_models.list()
        await gateway.agent_models.delete("agt_1")
        with pytest.raises(NotFoundError):
            await gateway.agent_models.get("agt_1")

        policy = await gateway.evaluations.create(name="qa", model="m1", metrics=["exact"])
        run = await gateway.evaluations.run(policy.id or "", idempotency_key="k1")
        replay = await gateway.evaluations.run(policy.id or "", idempotency_key="k1")
        other = await gateway.evaluations.run(policy.id or "", model="m9")
        runs = gateway.evaluations.runs
        claimed = await runs.claim(run.id or "")
        with pytest.raises(ConflictError):
            await runs.claim(run.id or "")
        with pytest.raises(ValidationError):
            await runs.report(run.id or "", status="failed")
        done = await runs.report(run.id or "", status="completed", results=[{"score": 1}])
        with pytest.raises(ConflictError):
            await runs.cancel(run.id or "")
        cancelled = await runs.cancel(other.id or "")
        listed = await runs.list(policy_id=policy.id)
        fetched = await runs.get(run.id or "")

        creds = gateway.credentials
        stored = await creds.set("anthropic", api_key="sk-ant-secret", name="main")
        renamed = await creds.update("anthropic", metadata={"team": "ml"})
        tested = await creds.test("anthropic")
        validated = await creds.validate_storage("anthropic")
        listed_creds = await creds.list()
        await creds.delete("anthropic")
        with pytest.raises(NotFoundError):
            await creds.get("anthropic")
        with pytest.raises(NotFoundError):
            await creds.test("anthropic")

    assert (assigned.agent_id, assigned.fallback_models) == ("agt_1", ("m2",))
    assert (replaced.model, replaced.enabled, replaced.fallback_models) == ("m3", False, ())
    assert [a.agent_id for a in assignments] == ["agt_1"]
    assert run.status == EvaluationRunStatus.QUEUED and run.model == "m1"
    assert replay.id == run.id and other.id != run.id and other.model == "m9"
    assert claimed.status == EvaluationRunStatus.RUNNING
    assert done.status == EvaluationRunStatus.COMPLETED and done.results == ({"score": 1},)
    assert cancelled.status == EvaluationRunStatus.CANCELLED
    assert [r.id for r in listed] == [other.id, run.id]
    assert fetched.status == EvaluationRunStatus.COMPLETED
    assert (stored.provider, stored.name) == ("anthropic", "main")
    assert "api_key" not in stored.raw and "sk-ant-secret" not in str(listed_creds[0].raw)
    assert renamed.metadata == {"team": "ml"} and renamed.name == "main"
    assert tested.ok is True and validated.status == "intact"
    assert [c.provider for c in listed_creds] == ["anthropic"]


async def test_dashboard_overview_analytics_and_provider_keys() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create(name="counted")
        await client.completions.chat(model="gpt-test", messages=HELLO)
        summary = await client.dashboard.summary()
        overview = await client.dashboard.overview()
        analytics = await client.analytics.overview()
        sandboxes = await client.analytics.timeseries(metric="sandboxes", period="1h")
        tokens = await client.analytics.timeseries(metric="tokens", period="24h")
        with pytest.raises(ValidationError):
            await client.analytics.timeseries(metric="nonsense")

        settings = client.settings
        stored = await settings.upsert_provider_key("openai", key="sk-live-abcdefgh1234")
        again = await settings.upsert_provider_key("openai", key="sk-live-zzzzzzzz9999")
        keys = await settings.list_provider_keys()
        await settings.delete_provider_key("openai")
        after = await settings.list_provider_keys()
        await sandbox.destroy()

    assert summary.sandboxes == {"total": 1, "running": 1, "stopped": 0}
    assert summary.computers["total"] == 0 and summary.credits["balance"] > 0
    assert overview.status == "operational"
    assert analytics.raw["ai_requests"] == 1 and analytics.raw["ai_tokens"] == 8
    assert (sandboxes.metric, sandboxes.period) == ("sandboxes", "1h")
    assert sum(p["value"] for p in sandboxes.series) == 1
    assert sum(p["value"] for p in tokens.series) == 8 and len(tokens.series) == 24
    assert stored.masked_key == "sk-l...1234" and again.id == stored.id
    assert [k.masked_key for k in keys] == ["sk-l...9999"]
    assert after == []
