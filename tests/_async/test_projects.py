"""Projects: the wire of every call, a server error, and a round trip on the local server."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError
from miosa.local import LocalServer
from miosa.types import (
    EnvironmentSync,
    Project,
    ProjectCapabilities,
    ProjectEnvironment,
    ProjectSummary,
    ProjectTemplate,
    ProjectTemplateApplication,
    Service,
    SharedVariable,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

P = "/projects/prj_1"
E = P + "/environments/env_1"
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}

CASES = [
    Case(call="projects.list", kwargs={"workspace_id": "ws_1"}, method="GET", path="/projects",
         query={"workspace_id": "ws_1"}, reply=LIST, result=Project, many=True, result_ids=TWO),
    Case(call="projects.list", method="GET", path="/projects",
         reply={"projects": [{"id": "x_1"}, {"id": "x_2"}]}, result=Project, many=True,
         result_ids=TWO, name="projects under their own key"),
    Case(call="projects.get", args=("prj_1",), method="GET", path=P, result=Project),
    Case(call="projects.create", args=("Clinic IQ",),
         kwargs={"workspace_id": "ws_1", "metadata": {"team": "a"}, "idempotency_key": "idem-p"},
         method="POST", path="/projects",
         body={"name": "Clinic IQ", "workspace_id": "ws_1", "metadata": {"team": "a"}},
         headers={"idempotency-key": "idem-p"}, status=201, result=Project),
    Case(call="projects.update", args=("prj_1",), kwargs={"description": "d", "slug": "s"},
         method="PATCH", path=P, body={"description": "d", "slug": "s"}, result=Project),
    Case(call="projects.delete", args=("prj_1",), method="DELETE", path=P, reply=None,
         status=204),
    Case(call="projects.move", args=("prj_1", "ws_2"), method="POST", path=P + "/move",
         body={"target_workspace_id": "ws_2"}, result=Project),
    Case(call="projects.summary", args=("prj_1",), method="GET", path=P + "/summary",
         reply={"data": {"id": "x_1", "services": [{"id": "svc_1", "kind": "worker"}],
                         "environments": [{"id": "env_1", "kind": "production"}]}},
         check=lambda r: isinstance(r, ProjectSummary) and isinstance(r.services[0], Service)
         and r.services[0].kind == "worker" and r.environments[0].kind == "production"),
    Case(call="projects.environments", args=("prj_1",), method="GET", path=P + "/environments",
         reply={"data": {"environments": [{"id": "x_1"}, {"id": "x_2"}]}},
         result=ProjectEnvironment, many=True, result_ids=TWO),
    Case(call="projects.create_environment", args=("prj_1", "staging"),
         kwargs={"kind": "staging"}, method="POST", path=P + "/environments",
         body={"name": "staging", "kind": "staging"}, header_names=("idempotency-key",),
         status=201, result=ProjectEnvironment),
    Case(call="projects.update_environment", args=("prj_1", "env_1"), kwargs={"name": "qa"},
         method="PATCH", path=E, body={"name": "qa"}, result=ProjectEnvironment),
    Case(call="projects.duplicate_environment", args=("prj_1", "env_1", "copy"), method="POST",
         path=E + "/duplicate", body={"name": "copy"}, result=ProjectEnvironment),
    Case(call="projects.sync_environment", args=("prj_1", "env_1", "env_2"),
         kwargs={"apply": True}, method="POST", path=E + "/sync",
         body={"from_environment_id": "env_2", "apply": True},
         reply={"data": {"applied": True, "changes": [{"name": "A"}]}},
         check=lambda r: isinstance(r, EnvironmentSync) and r.applied is True
         and len(r.changes) == 1),
    Case(call="projects.delete_environment", args=("prj_1", "env_1"), method="DELETE", path=E,
         reply=None, status=204),
    Case(call="projects.shared_variables", args=("prj_1",), kwargs={"environment": "staging"},
         method="GET", path=P + "/shared-variables", query={"env": "staging"}, reply=LIST,
         result=SharedVariable, many=True, result_ids=TWO),
    Case(call="projects.set_shared_variables", args=("prj_1", {"API_BASE": "https://a"}),
         kwargs={"environment": "env_1"}, method="PUT", path=P + "/shared-variables",
         body={"variables": {"API_BASE": "https://a"}, "env": "env_1"}, reply=LIST,
         result=SharedVariable, many=True, result_ids=TWO),
    Case(call="projects.set_shared_variables",
         args=("prj_1", ({"name": "A", "value": "1"},)), method="PUT",
         path=P + "/shared-variables", body={"variables": [{"name": "A", "value": "1"}]},
         reply=LIST, result=SharedVariable, many=True, result_ids=TWO,
         name="variables as a list"),
    Case(call="projects.delete_shared_variable", args=("prj_1", "A B"),
         kwargs={"environment": "qa"}, method="DELETE", path=P + "/shared-variables/A%20B",
         query={"env": "qa"}, reply=None, status=204),
    Case(call="projects.capabilities", method="GET", path="/project-capabilities",
         reply={"data": {"services_api": True, "image_source": False}},
         check=lambda r: isinstance(r, ProjectCapabilities) and r.services_api is True
         and r.image_source is False and r.template_apply is None),
    Case(call="projects.templates", method="GET", path="/project-templates", reply=LIST,
         result=ProjectTemplate, many=True, result_ids=TWO),
    Case(call="projects.template", args=("redis",), method="GET",
         path="/project-templates/redis", result=ProjectTemplate),
    Case(call="projects.apply_template", args=("prj_1", "redis"),
         kwargs={"environment": "staging", "deploy": False}, method="POST",
         path=P + "/templates/redis/apply", query={"env": "staging", "deploy": "false"},
         body={}, result=ProjectTemplateApplication),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_deleting_the_default_project_is_a_conflict() -> None:
    error = {"error": {"code": "DEFAULT_PROJECT", "message": "the default project is protected"}}
    api = MockAPI().on(f"DELETE {P}", json_response(409, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="default project is protected") as caught:
            await client.projects.delete("prj_1")
    assert caught.value.code == "DEFAULT_PROJECT"


async def test_projects_round_trip_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            project = await client.projects.create("Clinic IQ", workspace_id="ws_1")
            assert project.id is not None
            renamed = await client.projects.update(project.id, name="Clinic")
            listed = await client.projects.list(workspace_id="ws_1")
            envs = await client.projects.environments(project.id)
            staging = await client.projects.create_environment(project.id, "staging")
            assert staging.id is not None and envs[0].id is not None
            await client.projects.set_shared_variables(project.id, {"API_BASE": "https://a.dev"})
            shared = await client.projects.shared_variables(project.id)
            preview = await client.projects.sync_environment(project.id, staging.id, envs[0].id)
            synced = await client.projects.sync_environment(
                project.id, staging.id, envs[0].id, apply=True
            )
            again = await client.projects.sync_environment(project.id, staging.id, envs[0].id)
            await client.projects.delete_shared_variable(project.id, "API_BASE")
            left = await client.projects.shared_variables(project.id)
            with pytest.raises(ConflictError):
                await client.projects.delete_environment(project.id, envs[0].id)
            await client.projects.delete_environment(project.id, staging.id)
            templates = await client.projects.templates()
            applied = await client.projects.apply_template(project.id, "nextjs-postgres")
            summary = await client.projects.summary(project.id)
            moved = await client.projects.move(project.id, "ws_2")
            capabilities = await client.projects.capabilities()
            await client.projects.delete(project.id)
            with pytest.raises(NotFoundError):
                await client.projects.get(project.id)
            with pytest.raises(NotFoundError):
                await client.projects.template("no-such-template")
    assert renamed.name == "Clinic" and [p.id for p in listed] == [project.id]
    assert [(e.name, e.kind, e.is_default) for e in envs] == [("production", "production", True)]
    assert [(v.name, v.preview) for v in shared] == [("API_BASE", "ht***")]
    assert (preview.applied, [c["name"] for c in preview.changes]) == (False, ["API_BASE"])
    assert synced.applied is True and again.changes == () and left == []
    assert "nextjs-postgres" in [t.slug for t in templates]
    assert [s.name for s in applied.services] == ["web", "Postgres"]
    assert [r.state for r in applied.releases] == ["queued", "queued"]
    assert {s.name for s in summary.services} == {"web", "Postgres"}
    assert [e.name for e in summary.environments] == ["production"]
    assert moved.workspace_id == "ws_2" and capabilities.template_apply is True
