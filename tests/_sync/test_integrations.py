# This file was generated from
#   tests/_async/test_integrations.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of account integrations, project integrations and external (BYOK) keys."""

from __future__ import annotations

import httpx
import pytest

from miosa import ValidationError
from miosa._converter import structure
from miosa.types.integrations import (
    ExternalKey,
    GithubRepo,
    GithubSshKey,
    Integration,
    IntegrationAuthorization,
    IntegrationProvider,
    IntegrationTestResult,
    LinearIssue,
    ProjectIntegration,
    ProjectIntegrationProvider,
)
from tests._sync._helpers import WireCase, make_client, run_wire_case
from tests.helpers import MockAPI, json_response

INTEGRATION = {
    "id": "int_1",
    "provider": "github",
    "status": "connected",
    "connected_at": "2026-10-01T12:00:00Z",
    "scopes": ["repo"],
}
PROJECT_INTEGRATION = {
    "id": "pi_1",
    "project_id": "prj_1",
    "provider": "stripe",
    "status": "active",
    "created_at": "2026-10-01T12:00:00Z",
}
EXTERNAL_KEY = {
    "provider": "openai",
    "masked_key": "sk-...9f2c",
    "created_at": "2026-09-30T08:00:00Z",
}

INTEGRATION_CASES = [
    WireCase(
        lambda c: c.integrations.list(),
        "GET",
        "/integrations",
        lambda r: [type(x) for x in r] == [Integration] and r[0].provider == "github",
        reply={"integrations": [INTEGRATION]},
    ),
    WireCase(
        lambda c: c.integrations.catalog(),
        "GET",
        "/integrations/catalog",
        lambda r: isinstance(r[0], IntegrationProvider) and r[0].name == "Slack",
        reply={"catalog": [{"provider": "slack", "name": "Slack", "description": "Chat"}]},
    ),
    WireCase(
        lambda c: c.integrations.start("github"),
        "GET",
        "/integrations/github/start",
        lambda r: (
            isinstance(r, IntegrationAuthorization)
            and r.redirect_url == "https://github.com/login/oauth/authorize?x=1"
        ),
        reply={"data": {"url": "https://github.com/login/oauth/authorize?x=1"}},
    ),
    WireCase(
        lambda c: c.integrations.refresh("github"),
        "POST",
        "/integrations/github/refresh",
        lambda r: isinstance(r, Integration) and r.status == "connected",
        reply={"data": INTEGRATION},
    ),
    WireCase(
        lambda c: c.integrations.disconnect("github"),
        "DELETE",
        "/integrations/github",
        lambda r: r is None,
        reply=httpx.Response(204),
    ),
    WireCase(
        lambda c: c.integrations.github_repos(),
        "GET",
        "/integrations/github/repos",
        lambda r: isinstance(r[0], GithubRepo) and (r[0].id, r[0].private) == (101, True),
        reply={"repos": [{"id": 101, "name": "app", "full_name": "acme/app", "private": True}]},
    ),
    WireCase(
        lambda c: c.integrations.github_ssh_keys(),
        "GET",
        "/integrations/github/ssh-keys",
        lambda r: isinstance(r[0], GithubSshKey) and r[0].title == "deploy",
        reply=[{"id": 7, "title": "deploy", "key": "ssh-ed25519 AAAA"}],
    ),
    WireCase(
        lambda c: c.integrations.slack_send_test(message="hi", channel="#ops"),
        "POST",
        "/integrations/slack/send-test",
        lambda r: isinstance(r, IntegrationTestResult) and r.ok is True,
        reply={"ok": True},
        body={"message": "hi", "channel": "#ops"},
    ),
    WireCase(
        lambda c: c.integrations.discord_send_test(
            message="hi", channel_id="123", extra={"embed": True}
        ),
        "POST",
        "/integrations/discord/send-test",
        lambda r: isinstance(r, IntegrationTestResult) and r.success is True,
        reply={"data": {"success": True}},
        body={"message": "hi", "channel_id": "123", "embed": True},
    ),
    WireCase(
        lambda c: c.integrations.linear_start(),
        "GET",
        "/integrations/linear/start",
        lambda r: r.redirect_url == "https://linear.app/oauth/authorize",
        reply={"authorize_url": "https://linear.app/oauth/authorize", "state": "s1"},
    ),
    WireCase(
        lambda c: c.integrations.linear_create_issue(
            title="Bug", description="Boom", team_id="team_1"
        ),
        "POST",
        "/integrations/linear/create-issue",
        lambda r: isinstance(r, LinearIssue) and r.identifier == "ENG-12",
        reply={"data": {"id": "iss_1", "identifier": "ENG-12", "url": "https://linear.app/i/12"}},
        body={"title": "Bug", "description": "Boom", "team_id": "team_1"},
    ),
]

PROJECT_CASES = [
    WireCase(
        lambda c: c.project_integrations.list(project_id="prj_1", provider="stripe"),
        "GET",
        "/project-integrations",
        lambda r: isinstance(r[0], ProjectIntegration) and r[0].project_id == "prj_1",
        reply={"project_integrations": [PROJECT_INTEGRATION]},
        query={"project_id": "prj_1", "provider": "stripe"},
    ),
    WireCase(
        lambda c: c.project_integrations.catalog(),
        "GET",
        "/project-integrations/catalog",
        lambda r: (
            isinstance(r[0], ProjectIntegrationProvider)
            and r[0].schema == {"secret_key": {"type": "string"}}
        ),
        reply={"data": [{"provider": "stripe", "schema": {"secret_key": {"type": "string"}}}]},
    ),
    WireCase(
        lambda c: c.project_integrations.get("pi_1"),
        "GET",
        "/project-integrations/pi_1",
        lambda r: isinstance(r, ProjectIntegration) and r.provider == "stripe",
        reply={"data": PROJECT_INTEGRATION},
    ),
    WireCase(
        lambda c: c.project_integrations.create(
            project_id="prj_1", provider="stripe", credentials={"secret_key": "sk_test_1"}
        ),
        "POST",
        "/project-integrations",
        lambda r: isinstance(r, ProjectIntegration) and r.id == "pi_1",
        reply={"data": PROJECT_INTEGRATION},
        body={
            "project_id": "prj_1",
            "provider": "stripe",
            "credentials": {"secret_key": "sk_test_1"},
        },
    ),
    WireCase(
        lambda c: c.project_integrations.update(
            "pi_1", credentials={"secret_key": "sk_test_2"}, extra={"label": "live"}
        ),
        "PATCH",
        "/project-integrations/pi_1",
        lambda r: isinstance(r, ProjectIntegration),
        reply={"data": PROJECT_INTEGRATION},
        body={"credentials": {"secret_key": "sk_test_2"}, "label": "live"},
    ),
    WireCase(
        lambda c: c.project_integrations.delete("pi_1"),
        "DELETE",
        "/project-integrations/pi_1",
        lambda r: r is None,
        reply=httpx.Response(204),
    ),
]

EXTERNAL_KEY_CASES = [
    WireCase(
        lambda c: c.external_keys.list(),
        "GET",
        "/external-keys",
        lambda r: isinstance(r[0], ExternalKey) and r[0].masked_key == "sk-...9f2c",
        reply={"external_keys": [EXTERNAL_KEY]},
    ),
    WireCase(
        lambda c: c.external_keys.create(provider="openai", key="sk-secret"),
        "POST",
        "/external-keys",
        lambda r: isinstance(r, ExternalKey) and r.provider == "openai",
        reply={"data": EXTERNAL_KEY},
        body={"provider": "openai", "value": "sk-secret", "key": "sk-secret"},
    ),
    WireCase(
        lambda c: c.external_keys.resolve("open ai"),
        "GET",
        "/external-keys/open%20ai/resolve",
        lambda r: isinstance(r, ExternalKey),
        reply=EXTERNAL_KEY,
    ),
    WireCase(
        lambda c: c.external_keys.delete("openai"),
        "DELETE",
        "/external-keys/openai",
        lambda r: r is None,
        reply=httpx.Response(204),
    ),
]

CASES = INTEGRATION_CASES + PROJECT_CASES + EXTERNAL_KEY_CASES


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_integrations_wire(case: WireCase) -> None:
    run_wire_case(case)


def test_integration_models_round_trip() -> None:
    integration = structure(INTEGRATION, Integration)
    assert integration.connected_at is not None and integration.connected_at.year == 2026
    assert integration.raw["scopes"] == ["repo"]
    project = structure({**PROJECT_INTEGRATION, "last_used_at": None}, ProjectIntegration)
    assert (project.id, project.status) == ("pi_1", "active")
    assert "last_used_at" in project.raw
    key = structure({**EXTERNAL_KEY, "label": "prod"}, ExternalKey)
    assert key.created_at is not None and key.created_at.tzinfo is not None
    assert key.raw["label"] == "prod"
    start = structure({"authorize_url": "https://a", "url": "https://b"}, IntegrationAuthorization)
    assert start.redirect_url == "https://a"


def test_external_key_create_surfaces_a_server_error() -> None:
    api = MockAPI().on(
        "POST /external-keys",
        json_response(422, {"error": {"code": "VALIDATION", "message": "value is required"}}),
    )
    with make_client(api) as client:
        with pytest.raises(ValidationError, match="value is required"):
            client.external_keys.create(provider="openai", key="sk-secret")
    assert api.body() == {"provider": "openai", "value": "sk-secret", "key": "sk-secret"}
