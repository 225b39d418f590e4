"""Wire tests for deployments and their versions, releases, runtime instances and domains."""

from __future__ import annotations

import httpx
import pytest

from miosa import APITimeoutError, ConflictError, MiosaError, NotFoundError, ServerError
from miosa._converter import structure
from miosa.types.deployments import (
    ConnectorBinding,
    ConnectorPreflight,
    ConnectorSyncResult,
    Deployment,
    DeploymentBuild,
    DeploymentDatabaseAttachment,
    DeploymentEnvVar,
    DeploymentLogs,
    DeploymentObservability,
    DeploymentProduct,
    DeploymentProof,
    DeploymentRelease,
    DeploymentRequestLogs,
    DeploymentRoutes,
    DeploymentSourceType,
    DeploymentState,
    DeploymentVersion,
    DeploymentVersionState,
    MigrationBackupResult,
    PublishResult,
    RuntimeInstance,
    RuntimeInstanceLogs,
    RuntimeInstanceState,
)
from miosa.types.domains import DeploymentDomain, RedirectPolicy
from miosa.types.sandboxes import SandboxDeployResult
from tests._async._helpers import make_client, run_case
from tests.helpers import MockAPI, assert_request, json_response
from tests.platform_cases import Case, case_id

TWO = ("x_1", "x_2")


def items(key: str = "data") -> dict[str, object]:
    return {key: [{"id": "x_1"}, {"id": "x_2"}]}


D = "/deployments/dep_1"

CASES = [
    Case(
        call="deployments.list",
        kwargs={"project_id": "p1", "state": "running", "limit": 20, "cursor": "c1",
                "external_user_id": "u1"},
        method="GET",
        path="/deployments",
        query={"project_id": "p1", "state": "running", "limit": "20", "cursor": "c1",
               "external_user_id": "u1"},
        reply=items("deployments"),
        result=Deployment,
        many=True,
        result_ids=TWO,
    ),
    Case(call="deployments.get", args=("dep_1",), method="GET", path=D, result=Deployment),
    Case(
        call="deployments.create",
        kwargs={"name": "web", "repo_url": "https://github.com/a/b", "branch": "main",
                "build_command": "npm run build", "run_command": "npm start",
                "auto_deploy": True, "database": {"engine": "postgresql", "size": "small"},
                "metadata": {"team": "a"}, "external_workspace_id": "w1",
                "idempotency_key": "idem-create"},
        method="POST",
        path="/deployments",
        body={"name": "web", "repo_url": "https://github.com/a/b", "branch": "main",
              "build_command": "npm run build", "run_command": "npm start",
              "auto_deploy": True, "database": {"engine": "postgresql", "size": "small"},
              "metadata": {"team": "a"}, "external_workspace_id": "w1"},
        headers={"idempotency-key": "idem-create"},
        status=201,
        result=Deployment,
    ),
    Case(
        call="deployments.update",
        args=("dep_1",),
        kwargs={"branch": "dev", "auto_deploy": False},
        method="PATCH",
        path=D,
        body={"branch": "dev", "auto_deploy": False},
        result=Deployment,
    ),
    Case(call="deployments.delete", args=("dep_1",), method="DELETE", path=D, reply=None,
         status=204),
    Case(
        call="deployments.create",
        kwargs={"name": "web",
                "compute_placement_request": {"provider": "aws", "regionId": "r1",
                                              "pool_id": "p1", "fallback": "miosa"}},
        method="POST",
        path="/deployments",
        body={"name": "web",
              "compute_placement_request": {"provider": "aws", "region_id": "r1",
                                            "pool_id": "p1", "fallback": "miosa"}},
        result=Deployment,
    ),
    Case(call="deployments.create", kwargs={"name": "web", "compute_placement_request": {}},
         method="POST", path="/deployments", body={"name": "web"}, result=Deployment),
    Case(
        call="deployments.create_docker_deploy",
        kwargs={"name": "api", "run_command": "uvicorn app:app", "metadata": {"team": "a"},
                "idempotency_key": "idem-dd"},
        method="POST",
        path="/deployments",
        body={"name": "api", "run_command": "uvicorn app:app",
              "metadata": {"team": "a", "deployment_product": "docker_deploy"}},
        headers={"idempotency-key": "idem-dd"},
        result=Deployment,
    ),
    Case(call="deployments.create_docker_deploy", kwargs={"name": "api"}, method="POST",
         path="/deployments", body={"name": "api",
                                    "metadata": {"deployment_product": "docker_deploy"}},
         result=Deployment),
    Case(call="deployments.stop", args=("dep_1",), method="POST", path=D + "/stop",
         result=Deployment),
    Case(call="deployments.redeploy", args=("dep_1",), kwargs={"idempotency_key": "idem-rd"},
         method="POST", path=D + "/redeploy", body={},
         headers={"idempotency-key": "idem-rd"}, result=Deployment),
    Case(call="deployments.move", args=("dep_1",),
         kwargs={"target_workspace_id": "ws_2", "extra": {"keep_domains": True}},
         method="POST", path=D + "/move",
         body={"target_workspace_id": "ws_2", "keep_domains": True}, result=Deployment),
    Case(call="deployments.logs", args=("dep_1",), method="GET", path=D + "/logs",
         query={"lines": "100"}, result=DeploymentLogs),
    Case(call="deployments.logs", args=("dep 1",), kwargs={"lines": 20}, method="GET",
         path="/deployments/dep%201/logs", query={"lines": "20"}, result=DeploymentLogs),
    Case(call="deployments.proof", args=("dep_1",), method="GET", path=D + "/proof",
         result=DeploymentProof),
    Case(call="deployments.observability", args=("dep_1",),
         kwargs={"extra": {"window": "24h"}}, method="GET", path=D + "/observability",
         query={"window": "24h"}, result=DeploymentObservability),
    Case(call="deployments.request_logs", args=("dep_1",),
         kwargs={"extra": {"status": 500, "limit": 50}}, method="GET",
         path=D + "/request-logs", query={"status": "500", "limit": "50"},
         result=DeploymentRequestLogs),
    Case(call="deployments.routes", args=("dep_1",), method="GET", path=D + "/routes",
         result=DeploymentRoutes),
    Case(call="deployments.attach_database", args=("dep_1",),
         kwargs={"database_id": "db_1", "env": {"DATABASE_URL": "url"}}, method="POST",
         path=D + "/database", body={"database_id": "db_1", "env": {"DATABASE_URL": "url"}},
         result=DeploymentDatabaseAttachment),
    Case(
        call="deployments.publish",
        args=("dep_1",),
        kwargs={"source_sandbox_id": "sbx_1", "output_path": "dist", "promote": True,
                "idempotency_key": "idem-pub"},
        method="POST",
        path=D + "/publish",
        body={"source_sandbox_id": "sbx_1", "output_path": "dist", "promote": True},
        headers={"idempotency-key": "idem-pub"},
        reply={"data": {"id": "x_1", "deployment": {"id": "dep_1"}, "promoted": True}},
        result=PublishResult,
    ),
    Case(
        call="deployments.publish_from_sandbox",
        args=("sbx_1",),
        kwargs={"name": "site", "deployment_id": "dep_1", "custom_domain": "a.example.com",
                "idempotency_key": "idem-sbx"},
        method="POST",
        path="/sandboxes/sbx_1/deploy",
        body={"name": "site", "deployment_id": "dep_1", "custom_domain": "a.example.com"},
        headers={"idempotency-key": "idem-sbx"},
        result=SandboxDeployResult,
    ),
    Case(
        call="deployments.rollback",
        args=("dep_1",),
        kwargs={"version_id": "ver_1", "idempotency_key": "idem-rb"},
        method="POST",
        path=D + "/rollback",
        body={"version_id": "ver_1"},
        headers={"idempotency-key": "idem-rb"},
        result=Deployment,
    ),
    Case(call="deployments.rollback", args=("dep_1",), method="POST", path=D + "/rollback",
         body={}, result=Deployment),
    Case(call="deployments.list_builds", args=("dep_1",), method="GET", path=D + "/builds",
         reply=items("builds"), result=DeploymentBuild, many=True, result_ids=TWO),
    Case(call="deployments.get_build", args=("dep_1", "b 1"), method="GET",
         path=D + "/builds/b%201", result=DeploymentBuild),
    Case(call="deployments.list_env", args=("dep_1",), method="GET", path=D + "/env",
         reply=items(), result=DeploymentEnvVar, many=True, result_ids=TWO),
    Case(
        call="deployments.set_env",
        args=("dep_1",),
        kwargs={"env": {"A": "1", "B": "2"}, "environment": "production"},
        method="POST",
        path=D + "/env",
        body={"env": {"A": "1", "B": "2"}, "environment": "production"},
        reply=items("env"),
        result=DeploymentEnvVar,
        many=True,
        result_ids=TWO,
    ),
    # versions
    Case(
        call="deployments.versions.list",
        args=("dep_1",),
        kwargs={"state": "ready", "limit": 5, "external_project_id": "p9"},
        method="GET",
        path=D + "/versions",
        query={"state": "ready", "limit": "5", "external_project_id": "p9"},
        reply=items("versions"),
        result=DeploymentVersion,
        many=True,
        result_ids=TWO,
    ),
    Case(call="deployments.versions.get", args=("dep_1", "ver_1"), method="GET",
         path=D + "/versions/ver_1", result=DeploymentVersion),
    Case(
        call="deployments.versions.promote",
        args=("dep_1", "ver_1"),
        kwargs={"environment": "staging", "idempotency_key": "idem-vp"},
        method="POST",
        path=D + "/versions/ver_1/promote",
        body={"environment": "staging"},
        headers={"idempotency-key": "idem-vp"},
        result=Deployment,
    ),
    Case(
        call="deployments.versions.prepare_migration_backup",
        args=("dep_1", "ver_1"),
        method="POST",
        path=D + "/versions/ver_1/migration-backup",
        body={},
        reply={"data": {"id": "x_1", "backup": {"id": "bk_1", "state": "completed"},
                        "version": {"id": "ver_1"}}},
        result=MigrationBackupResult,
    ),
    Case(call="deployments.versions.prepare_migration_backup", args=("dep_1", "ver_1"),
         kwargs={"extra": {"reason": "pre-promote"}}, method="POST",
         path=D + "/versions/ver_1/migration-backup", body={"reason": "pre-promote"},
         result=MigrationBackupResult),
    # releases
    Case(call="deployments.releases.list", args=("dep_1",), method="GET",
         path=D + "/releases", reply=items("releases"), result=DeploymentRelease, many=True,
         result_ids=TWO),
    Case(call="deployments.releases.get", args=("dep_1", "rel_1"), method="GET",
         path=D + "/releases/rel_1", result=DeploymentRelease),
    Case(
        call="deployments.releases.promote",
        args=("dep_1", "rel_1"),
        method="POST",
        path=D + "/releases/rel_1/promote",
        body={},
        headers={"idempotency-key": "promote:dep_1:rel_1"},
        result=Deployment,
    ),
    Case(
        call="deployments.releases.promote",
        args=("dep_1", "rel_1"),
        kwargs={"idempotency_key": "mine"},
        method="POST",
        path=D + "/releases/rel_1/promote",
        body={},
        headers={"idempotency-key": "mine"},
        result=Deployment,
    ),
    # runtime instances
    Case(call="deployments.runtime_instances.list", args=("dep_1",), method="GET",
         path=D + "/runtime-instances", reply=items("runtime_instances"),
         result=RuntimeInstance, many=True, result_ids=TWO),
    Case(call="deployments.runtime_instances.get", args=("dep_1", "ri_1"), method="GET",
         path=D + "/runtime-instances/ri_1", result=RuntimeInstance),
    Case(call="deployments.runtime_instances.logs", args=("dep_1", "ri_1"), method="GET",
         path=D + "/runtime-instances/ri_1/logs", query={"lines": "100"},
         result=RuntimeInstanceLogs),
    Case(call="deployments.runtime_instances.logs", args=("dep_1", "ri_1"),
         kwargs={"lines": 10}, method="GET", path=D + "/runtime-instances/ri_1/logs",
         query={"lines": "10"}, result=RuntimeInstanceLogs),
    # domains
    Case(
        call="deployments.domains.add",
        args=("dep_1",),
        kwargs={"domain": "app.example.com", "redirect_policy": "www_to_apex",
                "external_user_id": "u1", "idempotency_key": "idem-dom"},
        method="POST",
        path=D + "/domains",
        body={"domain": "app.example.com", "redirect_policy": "www_to_apex",
              "external_user_id": "u1"},
        headers={"idempotency-key": "idem-dom"},
        result=DeploymentDomain,
    ),
    Case(call="deployments.domains.list", args=("dep_1",),
         kwargs={"external_workspace_id": "w1"}, method="GET", path=D + "/domains",
         query={"external_workspace_id": "w1"}, reply=items("domains"),
         result=DeploymentDomain, many=True, result_ids=TWO),
    Case(call="deployments.domains.list", args=("dep_1",),
         kwargs={"extra": {"state": "verified"}}, method="GET", path=D + "/domains",
         query={"state": "verified"}, reply=items("domains"), result=DeploymentDomain,
         many=True, result_ids=TWO),
    Case(call="deployments.domains.verify", args=("dep_1", "dom_1"), method="POST",
         path=D + "/domains/dom_1/verify", result=DeploymentDomain),
    Case(call="deployments.domains.delete", args=("dep_1", "dom_1"), method="DELETE",
         path=D + "/domains/dom_1", reply=None, status=204),
    # connectors
    Case(call="deployments.connectors.list", args=("dep_1",), method="GET",
         path=D + "/connectors", reply=items("connectors"), result=ConnectorBinding,
         many=True, result_ids=TWO),
    Case(call="deployments.connectors.attach", args=("dep_1", "github"),
         kwargs={"env": "GITHUB_TOKEN"}, method="POST", path=D + "/connectors",
         body={"connector": "github", "env_name": "GITHUB_TOKEN", "mode": "brokered_env"},
         reply={"binding": {"id": "x_1", "connector": "github"}}, result=ConnectorBinding),
    Case(call="deployments.connectors.attach", args=("dep_1", "stripe"),
         kwargs={"env": "STRIPE_KEY", "mode": "direct-env", "installation_id": "inst_1",
                 "project_id": "p1", "environment": "production", "external_user_id": "u1"},
         method="POST", path=D + "/connectors",
         body={"connector": "stripe", "env_name": "STRIPE_KEY", "mode": "direct_env",
               "installation_id": "inst_1", "project_id": "p1",
               "environment": "production", "external_user_id": "u1"},
         result=ConnectorBinding),
    Case(call="deployments.connectors.detach", args=("dep_1", "acme/crm"), method="DELETE",
         path=D + "/connectors/acme%2Fcrm", reply=None, status=204),
    Case(call="deployments.connectors.sync", args=("dep_1",), method="POST",
         path=D + "/connectors/sync", body={}, result=ConnectorSyncResult),
    Case(call="deployments.connectors.preflight", args=("dep_1",),
         kwargs={"extra": {"connectors": ["github"]}}, method="POST",
         path=D + "/connectors/preflight", body={"connectors": ["github"]},
         result=ConnectorPreflight),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_mutating_calls_send_a_generated_key_when_none_is_given() -> None:
    api = MockAPI().on("POST /deployments", json_response(201, {"data": {"id": "dep_1"}}))
    async with make_client(api) as client:
        await client.deployments.create(name="web")
        await client.deployments.create(name="web")
    first, second = (r.headers["idempotency-key"] for r in api.requests)
    assert len(first) == 36 and first != second


async def test_sub_groups_are_created_once() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        deployments = client.deployments
        assert deployments.versions is deployments.versions
        assert deployments.releases is deployments.releases
        assert deployments.runtime_instances is deployments.runtime_instances
        assert deployments.domains is deployments.domains
        assert deployments.connectors is deployments.connectors


async def test_list_pages_follow_the_next_cursor() -> None:
    api = MockAPI().on(
        "GET /deployments",
        json_response(200, {"data": [{"id": "a"}, {"id": "b"}], "next_cursor": "c2"}),
        json_response(200, {"data": [{"id": "c"}], "next_cursor": None}),
    )
    async with make_client(api) as client:
        page = await client.deployments.list(limit=2)
        assert [d.id for d in page.items] == ["a", "b"]
        assert page.next_cursor == "c2"
        every = [d.id async for d in page]
    assert every == ["a", "b", "c"]
    assert dict(api.requests[1].url.params) == {"limit": "2", "cursor": "c2"}


def _deployment(state: str, **fields: object) -> dict[str, object]:
    return {"data": {"id": "dep_1", "state": state, **fields}}


async def test_wait_until_ready_polls_until_running() -> None:
    api = MockAPI().on(
        "GET /deployments/dep_1",
        json_response(200, _deployment("pending")),
        json_response(200, _deployment("building")),
        json_response(200, _deployment("running", public_url="https://web.miosa.app")),
    )
    async with make_client(api) as client:
        deployment = await client.deployments.wait_until_ready(
            "dep_1", timeout=5, poll_interval=0.001
        )
    assert deployment.state is DeploymentState.RUNNING
    assert deployment.public_url == "https://web.miosa.app"
    assert [r.method for r in api.requests] == ["GET", "GET", "GET"]


async def test_wait_until_ready_raises_when_the_deployment_fails() -> None:
    api = MockAPI().on(
        "GET /deployments/dep_1",
        json_response(200, _deployment("building")),
        json_response(200, _deployment("failed")),
    )
    async with make_client(api) as client:
        with pytest.raises(MiosaError, match="dep_1 is in state 'failed'") as info:
            await client.deployments.wait_until_ready("dep_1", poll_interval=0.001)
        assert not isinstance(info.value, APITimeoutError)
    assert len(api.requests) == 2


async def test_wait_until_ready_times_out() -> None:
    api = MockAPI().on("GET /deployments/dep_1", json_response(200, _deployment("building")))
    async with make_client(api) as client:
        with pytest.raises(APITimeoutError, match=r"did not finish within 0\.2 s") as info:
            await client.deployments.wait_until_ready("dep_1", timeout=0.2, poll_interval=0.01)
        assert "last state: building" in str(info.value)
    assert 1 <= len(api.requests) <= 30


async def test_version_wait_until_ready_polls_the_version() -> None:
    api = MockAPI().on(
        "GET /deployments/dep_1/versions/ver_1",
        json_response(200, {"data": {"id": "ver_1", "state": "building"}}),
        json_response(200, {"data": {"id": "ver_1", "state": "ready"}}),
    )
    async with make_client(api) as client:
        version = await client.deployments.versions.wait_until_ready(
            "dep_1", "ver_1", poll_interval=0.001
        )
        assert version.state is DeploymentVersionState.READY
        api.on(
            "GET /deployments/dep_1/versions/ver_2",
            json_response(200, {"data": {"id": "ver_2", "state": "archived"}}),
        )
        with pytest.raises(MiosaError, match="archived"):
            await client.deployments.versions.wait_until_ready("dep_1", "ver_2")


def test_deployment_model_round_trip() -> None:
    payload = {
        "id": "dep_1",
        "tenant_id": "t_1",
        "name": "web",
        "slug": "web",
        "state": "hibernating",
        "source_type": "sandbox",
        "deployment_product": "docker_deploy",
        "docker_deploy_app": {"status": "running", "runtime_port": "8080", "new": 1},
        "public_url": "https://web.miosa.app",
        "metadata": {"team": "a"},
        "created_at": "2026-11-28T10:00:00Z",
        "brand_new": [1, 2],
    }
    deployment = structure(payload, Deployment)
    assert deployment.state == "hibernating" and not deployment.state.is_known
    assert deployment.source_type is DeploymentSourceType.SANDBOX
    assert deployment.deployment_product is DeploymentProduct.DOCKER_DEPLOY
    assert deployment.docker_deploy_app is not None
    assert deployment.docker_deploy_app.runtime_port == "8080"
    assert deployment.docker_deploy_app.raw["new"] == 1
    assert deployment.created_at is not None and deployment.created_at.tzinfo is not None
    assert deployment.raw["brand_new"] == [1, 2]
    assert deployment.repo_url is None


def test_publish_result_and_runtime_models_round_trip() -> None:
    result = structure(
        {
            "deployment": {"id": "dep_1", "state": "running"},
            "version": {"id": "ver_1", "version_number": 3, "kind": "static", "state": "ready"},
            "release": {"id": "rel_1", "kind": "oci", "size_bytes": 1024, "port": 3000},
            "services": [{"id": "svc_1", "type": "web", "state": "running"}],
            "promoted": True,
        },
        PublishResult,
    )
    assert result.deployment is not None and result.deployment.state is DeploymentState.RUNNING
    assert result.version is not None and result.version.version_number == 3
    assert result.release is not None and result.release.port == 3000
    assert result.services is not None and result.services[0].type == "web"
    assert result.promoted is True
    instance = structure(
        {"id": "ri_1", "state": "healthy", "restart_count": 2, "last_heartbeat_at": 1764324000},
        RuntimeInstance,
    )
    assert instance.state is RuntimeInstanceState.HEALTHY
    assert instance.last_heartbeat_at is not None and instance.last_heartbeat_at.year == 2025
    domain = structure({"id": "d", "redirect_policy": "apex_to_www", "extra": 1}, DeploymentDomain)
    assert domain.redirect_policy is RedirectPolicy.APEX_TO_WWW
    assert domain.raw["extra"] == 1


async def test_deployment_logs_parse_a_string_or_a_list_of_lines() -> None:
    api = MockAPI().on(
        "GET /deployments/dep_1/logs",
        json_response(200, {"data": {"deployment_id": "dep_1", "logs": "boot\nready"}}),
        json_response(200, {"logs": ["boot", "ready"], "log_path": "/var/log/app"}),
    )
    async with make_client(api) as client:
        as_text = await client.deployments.logs("dep_1")
        as_lines = await client.deployments.logs("dep_1", lines=2)
    assert (as_text.deployment_id, as_text.text) == ("dep_1", "boot\nready")
    assert as_lines.logs == ["boot", "ready"] and as_lines.text == "boot\nready"
    assert as_lines.log_path == "/var/log/app"
    assert DeploymentLogs().text == ""


async def test_deployment_logs_surface_server_errors() -> None:
    api = MockAPI().on(
        "GET /deployments/dep_9/logs",
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "no such deployment"}}),
    )
    api.on(
        "GET /deployments/dep_1/logs",
        json_response(500, {"error": {"code": "INTERNAL", "message": "log store down"}}),
    )
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="no such deployment"):
            await client.deployments.logs("dep_9")
        with pytest.raises(ServerError, match="log store down"):
            await client.deployments.logs("dep_1")


async def test_version_logs_are_text_whether_plain_or_json() -> None:
    path = "/deployments/dep_1/versions/ver_1/logs"
    api = MockAPI().on(
        f"GET {path}",
        httpx.Response(200, text="step 1\nstep 2\n", headers={"content-type": "text/plain"}),
        json_response(200, {"data": {"logs": ["a", "b"]}}),
        json_response(200, {"data": "one string"}),
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "no such version"}}),
    )
    async with make_client(api) as client:
        plain = await client.deployments.versions.logs("dep_1", "ver_1", stage="build")
        listed = await client.deployments.versions.logs("dep_1", "ver_1")
        wrapped = await client.deployments.versions.logs("dep_1", "ver_1")
        with pytest.raises(NotFoundError, match="no such version"):
            await client.deployments.versions.logs("dep_1", "ver_1")
    assert (plain, listed, wrapped) == ("step 1\nstep 2\n", "a\nb", "one string")
    assert_request(api.requests[0], method="GET", path=path, query={"stage": "build"})
    assert_request(api.requests[1], method="GET", path=path)


async def test_compute_placement_without_a_provider_is_refused_before_sending() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(ValueError, match="needs 'provider'"):
            await client.deployments.create(
                name="web", compute_placement_request={"region_id": "r1"}
            )
    assert api.requests == []


async def test_new_deployment_calls_surface_server_errors() -> None:
    api = MockAPI().on(
        "POST /deployments/dep_1/stop",
        json_response(409, {"error": {"code": "CONFLICT", "message": "already stopped"}}),
    )
    api.on(
        "GET /deployments/dep_1/proof",
        json_response(503, {"error": {"code": "UNAVAILABLE", "message": "proof offline"}}),
    )
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="already stopped"):
            await client.deployments.stop("dep_1")
        with pytest.raises(ServerError, match="proof offline"):
            await client.deployments.proof("dep_1")


def test_proof_and_release_models_round_trip() -> None:
    proof = structure(
        {
            "ok": False,
            "deployment": {"id": "dep_1", "state": "running"},
            "deployment_product": "docker_deploy",
            "public_url": "https://web.miosa.app",
            "checks": [
                {"id": "deployment_running", "ok": True, "message": "running"},
                {
                    "id": "docker_deploy_host_link",
                    "ok": False,
                    "message": "no host",
                    "details": {"docker_deploy_host_id": None},
                    "recovery": ["Ensure the workspace App Engine appliance."],
                },
            ],
            "next_actions": ["Ensure the workspace App Engine appliance."],
        },
        DeploymentProof,
    )
    assert proof.ok is False and proof.deployment_product is DeploymentProduct.DOCKER_DEPLOY
    assert proof.checks is not None and [c.ok for c in proof.checks] == [True, False]
    assert proof.checks[1].recovery == ("Ensure the workspace App Engine appliance.",)
    assert proof.next_actions == ("Ensure the workspace App Engine appliance.",)
    release = structure(
        {
            "id": "rel_1",
            "workspace_id": "ws_1",
            "project_id": "p_1",
            "external_workspace_id": "w1",
            "external_user_id": "u1",
            "external_project_id": "x1",
        },
        DeploymentRelease,
    )
    assert (release.workspace_id, release.project_id) == ("ws_1", "p_1")
    assert (
        release.external_workspace_id,
        release.external_user_id,
        release.external_project_id,
    ) == ("w1", "u1", "x1")
    instance = structure({"id": "ri_1", "external_user_id": "u1"}, RuntimeInstance)
    assert instance.external_user_id == "u1"


async def test_connector_attach_surfaces_a_server_error() -> None:
    api = MockAPI().on(
        "POST /deployments/dep_1/connectors",
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "unknown connector"}}),
    )
    async with make_client(api) as client:
        with pytest.raises(NotFoundError, match="unknown connector"):
            await client.deployments.connectors.attach("dep_1", "nope", env="X")
    assert api.body() == {"connector": "nope", "env_name": "X", "mode": "brokered_env"}
