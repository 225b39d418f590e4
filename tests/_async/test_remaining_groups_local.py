"""Channels, the command center, the community catalog, embeddings, project integrations
and the provider defaults end to end on the local server (`miosa.local`)."""

from __future__ import annotations

import math

import pytest

from miosa import AsyncMiosa, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_channels_are_created_switched_listed_and_deleted() -> None:
    async with LocalServer() as server, client_for(server) as client:
        slack = await client.channels.create(
            type="slack", name="ops", config={"webhook_url": "https://hooks.example/1"}
        )
        email = await client.channels.create(type="email", name="oncall")
        off = await client.channels.disable(slack.id or "")
        renamed = await client.channels.update(email.id or "", name="pager")
        enabled = [c.id for c in await client.channels.list(enabled=True)]
        slacks = [c.id for c in await client.channels.list(type="slack")]
        on = await client.channels.enable(slack.id or "")
        fetched = await client.channels.get(slack.id or "")
        prefs = await client.channels.update_notifications({"deployment.failed": ["slack"]})
        read_back = await client.channels.list_notifications()
        await client.channels.delete(email.id or "")
        with pytest.raises(NotFoundError):
            await client.channels.get(email.id or "")
        with pytest.raises(ValidationError):
            await client.channels.create(type="slack", config="not an object")  # type: ignore[arg-type]

    assert slack.enabled is True and slack.config == {"webhook_url": "https://hooks.example/1"}
    assert off.enabled is False and on.enabled is True and fetched.enabled is True
    assert renamed.name == "pager" and renamed.type == "email"
    assert enabled == [email.id] and slacks == [slack.id]
    assert prefs == read_back == {"deployment.failed": ["slack"]}


async def test_the_command_center_shows_agents_runs_and_live_events() -> None:
    async with LocalServer() as server, client_for(server) as client:
        agent = await client.agents.create(name="triager")
        box = await client.sandboxes.create()
        run = await client.runs.create(
            command="sleep 30", sandbox_id=box.id, extra={"agent_definition_id": agent.id}
        )
        fleet = await client.command_center.agents()
        running = await client.command_center.running_agents()
        metrics = await client.command_center.metrics()
        overview = await client.command_center.overview()
        presets = await client.command_center.presets()
        tiers = await client.command_center.tiers()
        async with client.command_center.events() as events:
            await client.runs.cancel(run.id or "")  # a run's events are its own
            second = await client.sandboxes.create()
            first = await events.__anext__()
        idle = await client.command_center.running_agents()

    assert [a.id for a in fleet] == [agent.id]
    assert [a.id for a in running] == [agent.id] and running[0].status == "running"
    assert metrics.raw["agents_total"] == 1 and metrics.raw["runs_total"] == 1
    assert isinstance(overview.agents, list) and overview.metrics["agents_running"] == 1
    assert presets and all(p.id and p.tier for p in presets)
    assert isinstance(tiers.tiers, dict) and "standard" in tiers.tiers
    assert first.type.startswith("sandbox.") and first.raw.get("sandbox_id") == second.id
    assert idle == []


async def test_the_community_catalog_lists_and_fetches() -> None:
    async with LocalServer() as server, client_for(server) as client:
        agents = await client.community.list_agents()
        templates = await client.community.list_templates()
        found = await client.community.list_templates(extra={"q": "fastapi"})
        one = await client.community.get_template(templates[0].id or "")
        agent = await client.community.get_agent(agents[0].id or "")
        with pytest.raises(NotFoundError):
            await client.community.get_agent("cagt_missing")

    assert len(agents) >= 1 and len(templates) >= 2
    assert [t.name for t in found] == ["FastAPI service"]
    assert one == templates[0] and agent == agents[0]
    assert one.rating and one.install_count


async def test_embeddings_are_deterministic_unit_vectors() -> None:
    async with LocalServer() as server, client_for(server) as client:
        many = await client.embeddings.create(input=["a cat", "a dog", "a cat"], model="embed")
        short = await client.embeddings.create(
            input="a cat", model="embed", dimensions=8, encoding_format="base64"
        )
        floats = await client.embeddings.create(input="a cat", model="embed", dimensions=8)
        with pytest.raises(ValidationError):
            await client.embeddings.create(input=[], model="embed")

    vectors = [d.embedding or () for d in many.data or ()]
    assert [d.index for d in many.data or ()] == [0, 1, 2]
    assert len(vectors[0]) == 64 and vectors[0] == vectors[2] != vectors[1]
    assert math.isclose(sum(v * v for v in vectors[0]), 1.0, rel_tol=1e-4)
    assert many.model == "embed" and many.usage and many.usage.prompt_tokens == 6
    short_vector = (short.data or ())[0].embedding or ()
    float_vector = (floats.data or ())[0].embedding or ()
    assert len(short_vector) == 8
    assert all(
        math.isclose(a, b, abs_tol=1e-6) for a, b in zip(short_vector, float_vector, strict=True)
    )


async def test_project_integrations_keep_credentials_out_of_replies() -> None:
    async with LocalServer() as server, client_for(server) as client:
        catalog = await client.project_integrations.catalog()
        stripe = await client.project_integrations.create(
            project_id="prj_1", provider="stripe", credentials={"secret_key": "sk_test_1"}
        )
        await client.project_integrations.create(project_id="prj_2", provider="resend")
        mine = await client.project_integrations.list(project_id="prj_1")
        changed = await client.project_integrations.update(
            stripe.id or "", credentials={"secret_key": "sk_test_2"}
        )
        fetched = await client.project_integrations.get(stripe.id or "")
        await client.project_integrations.delete(stripe.id or "")
        left = [i.provider for i in await client.project_integrations.list()]
        with pytest.raises(ValidationError):
            await client.project_integrations.create(project_id="prj_1", provider="nope")

    assert {"stripe", "resend", "twilio"} <= {p.provider for p in catalog}
    assert all(p.schema for p in catalog)
    assert stripe.status == "active" and [i.id for i in mine] == [stripe.id]
    assert "sk_test" not in str(fetched.raw) and fetched.raw["credential_keys"] == ["secret_key"]
    assert changed.id == stripe.id and left == ["resend"]


async def test_provider_defaults_for_the_fleet_and_one_tenant() -> None:
    async with LocalServer() as server, client_for(server) as client:
        seeded = await client.provider_defaults.list()
        fleet = await client.provider_defaults.update(
            {"providers": {"openai": {"model": "gpt-4o-mini"}, "groq": {"model": "llama"}}}
        )
        groq = await client.provider_defaults.get("groq")
        empty = await client.provider_defaults.get_tenant("tnt_1")
        tenant = await client.provider_defaults.set_tenant(
            "tnt_1", {"providers": {"openai": {"model": "gpt-4o"}}}
        )
        read = await client.provider_defaults.get_tenant("tnt_1")
        await client.provider_defaults.reset_tenant("tnt_1")
        reset = await client.provider_defaults.get_tenant("tnt_1")
        with pytest.raises(ValidationError):
            await client.provider_defaults.update({"providers": "openai"})

    assert {p.provider for p in seeded} >= {"openai"}
    assert fleet.for_provider("groq") == {"model": "llama"} and groq == {"model": "llama"}
    assert empty.providers == {} and reset.providers == {}
    assert tenant.tenant_id == "tnt_1" and read.providers == {"openai": {"model": "gpt-4o"}}
