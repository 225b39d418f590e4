"""Wire tests for deployments and their versions, releases, runtime instances and domains."""

from __future__ import annotations

import pytest

from miosa import APITimeoutError, MiosaError
from miosa._converter import structure
from miosa.types.deployments import (
    Deployment,
    DeploymentBuild,
    DeploymentEnvVar,
    DeploymentProduct,
    DeploymentRelease,
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
from tests.helpers import MockAPI, json_response
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
    Case(call="deployments.domains.verify", args=("dep_1", "dom_1"), method="POST",
         path=D + "/domains/dom_1/verify", result=DeploymentDomain),
    Case(call="deployments.domains.delete", args=("dep_1", "dom_1"), method="DELETE",
         path=D + "/domains/dom_1", reply=None, status=204),
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
