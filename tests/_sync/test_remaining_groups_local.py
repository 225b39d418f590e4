# This file was generated from
#   tests/_async/test_remaining_groups_local.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Channels, the command center, the community catalog, embeddings, project integrations
and the provider defaults end to end on the local server (`miosa.local`)."""

from __future__ import annotations

import math

import pytest

from miosa import Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> Miosa:
    return Miosa(api_key=server.api_key, base_url=server.base_url)


def test_channels_are_created_switched_listed_and_deleted() -> None:
    with LocalServer() as server, client_for(server) as client:
        slack = client.channels.create(
            type="slack", name="ops", config={"webhook_url": "https://hooks.example/1"}
        )
        email = client.channels.create(type="email", name="oncall")
        off = client.channels.disable(slack.id or "")
        renamed = client.channels.update(email.id or "", name="pager")
        enabled = [c.id for c in client.channels.list(enabled=True)]
        slacks = [c.id for c in client.channels.list(type="slack")]
        on = client.channels.enable(slack.id or "")
        fetched = client.channels.get(slack.id or "")
        prefs = client.channels.update_notifications({"deployment.failed": ["slack"]})
        read_back = client.channels.list_notifications()
        client.channels.delete(email.id or "")
        with pytest.raises(NotFoundError):
            client.channels.get(email.id or "")
        with pytest.raises(ValidationError):
            client.channels.create(type="slack", config="not an object")  # type: ignore[arg-type]

    assert slack.enabled is True and slack.config == {"webhook_url": "https://hooks.example/1"}
    assert off.enabled is False and on.enabled is True and fetched.enabled is True
    assert renamed.name == "pager" and renamed.type == "email"
    assert enabled == [email.id] and slacks == [slack.id]
    assert prefs == read_back == {"deployment.failed": ["slack"]}


def test_the_command_center_shows_agents_runs_and_live_events() -> None:
    with LocalServer() as server, client_for(server) as client:
        agent = client.agents.create(name="triager")
        box = client.sandboxes.create()
        run = client.runs.create(
            command="sleep 30", sandbox_id=box.id, extra={"agent_definition_id": agent.id}
        )
        fleet = client.command_center.agents()
        running = client.command_center.running_agents()
        metrics = client.command_center.metrics()
        overview = client.command_center.overview()
        presets = client.command_center.presets()
        tiers = client.command_center.tiers()
        with client.command_center.events() as events:
            client.runs.cancel(run.id or "")  # a run's events are its own
            second = client.sandboxes.create()
            first = events.__next__()
        idle = client.command_center.running_agents()

    assert [a.id for a in fleet] == [agent.id]
    assert [a.id for a in running] == [agent.id] and running[0].status == "running"
    assert metrics.raw["agents_total"] == 1 and metrics.raw["runs_total"] == 1
    assert isinstance(overview.agents, list) and overview.metrics["agents_running"] == 1
    assert presets and all(p.id and p.tier for p in presets)
    assert isinstance(tiers.tiers, dict) and "standard" in tiers.tiers
    assert first.type.startswith("sandbox.") and first.raw.get("sandbox_id") == second.id
    assert idle == []


def test_the_community_catalog_lists_and_fetches() -> None:
    with LocalServer() as server, client_for(server) as client:
        agents = client.community.list_agents()
        templates = client.community.list_templates()
        found = client.community.list_templates(extra={"q": "fastapi"})
        one = client.community.get_template(templates[0].id or "")
        agent = client.community.get_agent(agents[0].id or "")
        with pytest.raises(NotFoundError):
            client.community.get_agent("cagt_missing")

    assert len(agents) >= 1 and len(templates) >= 2
    assert [t.name for t in found] == ["FastAPI service"]
    assert one == templates[0] and agent == agents[0]
    assert one.rating and one.install_count


def test_embeddings_are_deterministic_unit_vectors() -> None:
    with LocalServer() as server, client_for(server) as client:
        many = client.embeddings.create(input=["a cat", "a dog", "a cat"], model="embed")
        short = client.embeddings.create(
            input="a cat", model="embed", dimensions=8, encoding_format="base64"
        )
        floats = client.embeddings.create(input="a cat", model="embed", dimensions=8)
        with pytest.raises(ValidationError):
            client.embeddings.create(input=[], model="embed")

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


def test_project_integrations_keep_credentials_out_of_replies() -> None:
    with LocalServer() as server, client_for(server) as client:
        catalog = client.project_integrations.catalog()
        stripe = client.project_integrations.create(
            project_id="prj_1", provider="stripe", credentials={"secret_key": "sk_test_1"}
        )
        client.project_integrations.create(project_id="prj_2", provider="resend")
        mine = client.project_integrations.list(project_id="prj_1")
        changed = client.project_integrations.update(
            stripe.id or "", credentials={"secret_key": "sk_test_2"}
        )
        fetched = client.project_integrations.get(stripe.id or "")
        client.project_integrations.delete(stripe.id or "")
        left = [i.provider for i in client.project_integrations.list()]
        with pytest.raises(ValidationError):
            client.project_integrations.create(project_id="prj_1", provider="nope")

    assert {"stripe", "resend", "twilio"} <= {p.provider for p in catalog}
    assert all(p.schema for p in catalog)
    assert stripe.status == "active" and [i.id for i in mine] == [stripe.id]
    assert "sk_test" not in str(fetched.raw) and fetched.raw["credential_keys"] == ["secret_key"]
    assert changed.id == stripe.id and left == ["resend"]


def test_provider_defaults_for_the_fleet_and_one_tenant() -> None:
    with LocalServer() as server, client_for(server) as client:
        seeded = client.provider_defaults.list()
        fleet = client.provider_defaults.update(
            {"providers": {"openai": {"model": "gpt-4o-mini"}, "groq": {"model": "llama"}}}
        )
        groq = client.provider_defaults.get("groq")
        empty = client.provider_defaults.get_tenant("tnt_1")
        tenant = client.provider_defaults.set_tenant(
            "tnt_1", {"providers": {"openai": {"model": "gpt-4o"}}}
        )
        read = client.provider_defaults.get_tenant("tnt_1")
        client.provider_defaults.reset_tenant("tnt_1")
        reset = client.provider_defaults.get_tenant("tnt_1")
        with pytest.raises(ValidationError):
            client.provider_defaults.update({"providers": "openai"})

    assert {p.provider for p in seeded} >= {"openai"}
    assert fleet.for_provider("groq") == {"model": "llama"} and groq == {"model": "llama"}
    assert empty.providers == {} and reset.providers == {}
    assert tenant.tenant_id == "tnt_1" and read.providers == {"openai": {"model": "gpt-4o"}}
