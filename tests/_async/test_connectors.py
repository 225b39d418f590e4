"""MIOSA Connect (``client.connectors``): the wire, server errors, and a round trip locally."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, PermissionDeniedError
from miosa.local import LocalServer
from miosa.types import (
    Connector,
    ConnectorDefault,
    ConnectorInstallation,
    ConnectorLinkMode,
    ConnectorMaterialization,
    ConnectorOAuthProvider,
    ConnectorOAuthStart,
    ConnectorProjectLink,
    ConnectorToken,
    ConnectorTrigger,
    ConnectorTriggerDelivery,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

TWO = ("x_1", "x_2")
LISTED = {"data": [{"id": "x_1"}, {"id": "x_2"}]}

CASES = [
    Case(call="connectors.list", kwargs={"scope": "workspace", "external_user_id": "u_9"},
         method="GET", path="/connect/connectors",
         query={"scope": "workspace", "external_user_id": "u_9"},
         reply={"connectors": [{"id": "x_1"}, {"id": "x_2"}]}, result=Connector, many=True,
         result_ids=TWO),
    Case(call="connectors.get", args=("github/default",), method="GET",
         path="/connect/connectors/github%2Fdefault", result=Connector),
    Case(call="connectors.create", args=("openai",),
         kwargs={"value": "sk-live-1", "name": "prod", "idempotency_key": "idem-c"},
         method="POST", path="/connect/connectors",
         body={"provider": "openai", "type": "api_key", "name": "prod", "uid": "openai/prod",
               "credential": {"field": "api_key", "value": "sk-live-1"}},
         headers={"idempotency-key": "idem-c"}, status=201, result=Connector),
    Case(call="connectors.create", args=("github",),
         kwargs={"type": "oauth-app", "uid": "gh/main", "credential": {"client_id": "c1"},
                 "credential_field": "client_secret", "value": "s3"},
         method="POST", path="/connect/connectors",
         body={"provider": "github", "type": "oauth_app", "uid": "gh/main",
               "credential": {"client_id": "c1", "field": "client_secret", "value": "s3"}},
         header_names=("idempotency-key",), status=201, result=Connector,
         name="connectors.create-credential-object"),
    Case(call="connectors.create", args=("slack",), method="POST", path="/connect/connectors",
         body={"provider": "slack", "type": "api_key", "uid": "slack/default"},
         status=201, result=Connector, name="connectors.create-without-secret"),
    Case(call="connectors.get_token", args=("github/default",),
         kwargs={"resource_type": "sandbox", "resource_id": "sbx_1", "scopes": ("repo",)},
         method="POST", path="/connect/token/github%2Fdefault",
         body={"subject": {"type": "app"}, "resource_type": "sandbox", "resource_id": "sbx_1",
               "scopes": ["repo"]},
         reply={"data": {"token": "ghs_1", "connector": {"id": "conn_1", "uid": "github/default"},
                         "scopes": ["repo"]}},
         check=lambda r: isinstance(r, ConnectorToken) and r.token == "ghs_1"
         and r.connector is not None and r.connector.uid == "github/default"
         and r.scopes == ("repo",)),
    Case(call="connectors.get_token", args=("c_1",),
         kwargs={"subject": {"type": "user", "id": "u_1"}, "validity_buffer_ms": 5000},
         method="POST", path="/connect/token/c_1",
         body={"subject": {"type": "user", "id": "u_1"}, "validity_buffer_ms": 5000},
         reply={"data": {"token": "t"}},
         check=lambda r: isinstance(r, ConnectorToken) and r.token == "t",
         name="connectors.get_token-user"),
    Case(call="connectors.oauth_providers", method="GET", path="/connect/oauth/providers",
         reply=LISTED, result=ConnectorOAuthProvider, many=True, result_ids=TWO),
    Case(call="connectors.start_oauth", args=("github",), kwargs={"expose_as_env": False},
         method="POST", path="/connect/oauth/start",
         body={"provider": "github", "expose_as_env": False},
         reply={"data": {"authorize_url": "https://gh/authorize", "state": "s1"}},
         check=lambda r: isinstance(r, ConnectorOAuthStart) and r.state == "s1"),
    Case(call="connectors.installations", kwargs={"connector_id": "conn_1", "status": "active"},
         method="GET", path="/connect/installations",
         query={"connector_id": "conn_1", "status": "active"}, reply=[{"id": "x_1"}],
         result=ConnectorInstallation, many=True),
    Case(call="connectors.project_links", kwargs={"project_id": "prj_1"}, method="GET",
         path="/connect/project-links", query={"project_id": "prj_1"}, reply=LISTED,
         result=ConnectorProjectLink, many=True, result_ids=TWO),
    Case(call="connectors.create_project_link",
         kwargs={"connector": "github/default", "resource_type": "sandbox",
                 "resource_id": "sbx_1", "mode": "brokered-env", "effect": "deny",
                 "allowed_scopes": ["repo"]},
         method="POST", path="/connect/project-links",
         body={"connector": "github/default", "resource_type": "sandbox",
               "resource_id": "sbx_1", "allowed_scopes": ["repo"], "mode": "brokered_env",
               "effect": "deny"},
         header_names=("idempotency-key",), status=201,
         reply={"data": {"id": "x_1", "mode": "brokered_env"}},
         check=lambda r: isinstance(r, ConnectorProjectLink)
         and r.mode is ConnectorLinkMode.BROKERED_ENV),
    Case(call="connectors.delete_project_link", args=("cpl/1",), method="DELETE",
         path="/connect/project-links/cpl%2F1", reply=None, status=204),
    Case(call="connectors.defaults", kwargs={"target": "sandbox"}, method="GET",
         path="/connect/defaults", query={"target": "sandbox"}, reply=LISTED,
         result=ConnectorDefault, many=True, result_ids=TWO),
    Case(call="connectors.applicable_defaults",
         kwargs={"resource_type": "sandbox", "resource_id": "sbx_1"}, method="GET",
         path="/connect/defaults/applicable",
         query={"resource_type": "sandbox", "resource_id": "sbx_1"}, reply=LISTED,
         result=ConnectorDefault, many=True, result_ids=TWO),
    Case(call="connectors.materialize_defaults",
         kwargs={"resource_type": "sandbox", "resource_id": "sbx_1", "env_name": "GH_TOKEN"},
         method="POST", path="/connect/defaults/materialize",
         body={"resource_type": "sandbox", "resource_id": "sbx_1", "env_name": "GH_TOKEN"},
         reply={"data": {"applied": 2, "results": [{"default_id": "d1"}, {"default_id": "d2"}]}},
         check=lambda r: isinstance(r, ConnectorMaterialization) and r.applied == 2
         and len(r.results) == 2),
    Case(call="connectors.create_default",
         kwargs={"connector_id": "conn_1", "target": "sandbox", "default_scope": "workspace"},
         method="POST", path="/connect/defaults",
         body={"connector_id": "conn_1", "default_scope": "workspace", "target": "sandbox"},
         header_names=("idempotency-key",), status=201, result=ConnectorDefault),
    Case(call="connectors.delete_default", args=("cdef_1",), method="DELETE",
         path="/connect/defaults/cdef_1", reply=None, status=204),
    Case(call="connectors.triggers", kwargs={"environment": "prod"}, method="GET",
         path="/connect/triggers", query={"environment": "prod"}, reply=LISTED,
         result=ConnectorTrigger, many=True, result_ids=TWO),
    Case(call="connectors.create_trigger",
         kwargs={"connector": "github/default", "destination_path": "/hooks/gh",
                 "event_types": ["push"], "provider_adapter": "github"},
         method="POST", path="/connect/triggers",
         body={"connector": "github/default", "destination_path": "/hooks/gh",
               "event_types": ["push"], "provider_adapter": "github"},
         header_names=("idempotency-key",), status=201, result=ConnectorTrigger),
    Case(call="connectors.delete_trigger", args=("ctrg_1",), method="DELETE",
         path="/connect/triggers/ctrg_1", reply=None, status=204),
    Case(call="connectors.trigger_deliveries", args=("ctrg_1",), method="GET",
         path="/connect/triggers/ctrg_1/deliveries", reply=LISTED,
         result=ConnectorTriggerDelivery, many=True, result_ids=TWO),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_a_taken_uid_is_a_conflict() -> None:
    error = {"error": {"code": "CONFLICT", "message": "a connector 'openai/prod' exists"}}
    api = MockAPI().on("POST /connect/connectors", json_response(409, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="exists"):
            await client.connectors.create("openai", name="prod", value="sk")


async def test_connect_round_trip_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            created = await client.connectors.create("github", value="ghp_secret_1234")
            by_uid = await client.connectors.get("github/default")
            with pytest.raises(ConflictError):
                await client.connectors.create("github", value="again")
            token = await client.connectors.get_token(
                "github/default", resource_type="sandbox", resource_id="sbx_1"
            )
            default = await client.connectors.create_default(
                connector="github/default", target="sandbox", mode="brokered-env"
            )
            await client.connectors.create_default(connector=created.id or "", target="computer")
            applicable = await client.connectors.applicable_defaults(target="sandbox")
            applied = await client.connectors.materialize_defaults(
                resource_type="sandbox", resource_id="sbx_2"
            )
            links = await client.connectors.project_links()
            await client.connectors.create_project_link(
                connector_id=created.id or "",
                resource_type="sandbox",
                resource_id="sbx_9",
                effect="deny",
            )
            with pytest.raises(PermissionDeniedError):
                await client.connectors.get_token(
                    "github/default", resource_type="sandbox", resource_id="sbx_9"
                )
            trigger = await client.connectors.create_trigger(
                connector="github/default", destination_path="/hooks", provider_adapter="github"
            )
            triggers = await client.connectors.triggers()
            deliveries = await client.connectors.trigger_deliveries(trigger.id or "")
            oauth = await client.connectors.start_oauth("slack")
            providers = await client.connectors.oauth_providers()
            await client.connectors.delete_default(default.id or "")
            await client.connectors.delete_trigger(trigger.id or "")
            with pytest.raises(NotFoundError):
                await client.connectors.trigger_deliveries(trigger.id or "")
            listed = await client.connectors.list()
    assert (created.uid, created.status, created.masked_value) == (
        "github/default",
        "active",
        "****1234",
    )
    assert by_uid.id == created.id and "ghp_secret" not in str(by_uid.raw)
    assert token.token == "ghp_secret_1234" and token.connector and token.connector.id == created.id
    assert default.mode is ConnectorLinkMode.BROKERED_ENV and default.target == "sandbox"
    assert [d.id for d in applicable] == [default.id]
    assert applied.applied == 1
    assert [(link.resource_type, link.resource_id) for link in links] == [("sandbox", "sbx_2")]
    assert trigger.webhook_signing_secret and trigger.signing_secret_preview
    assert [t.webhook_signing_secret for t in triggers] == [None] and deliveries == []
    assert oauth.authorize_url and oauth.state and "slack" in {p.provider for p in providers}
    assert [c.id for c in listed] == [created.id]
