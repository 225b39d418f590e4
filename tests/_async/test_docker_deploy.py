"""App Engine hosts and templates: the wire, a server error, and a round trip locally."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, NotFoundError
from miosa.local import LocalServer
from miosa.types import (
    DockerDeployApplianceStatus,
    DockerDeployHost,
    DockerDeployHostStatus,
    DockerDeployTemplate,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

TWO = ("x_1", "x_2")

CASES = [
    Case(call="docker_deploy.list_hosts", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/docker-deploy/hosts", query={"workspace_id": "ws_1"},
         reply={"hosts": [{"id": "x_1"}, {"id": "x_2"}]}, result=DockerDeployHost, many=True,
         result_ids=TWO),
    Case(call="docker_deploy.ensure_host", kwargs={"external_workspace_id": "cust-9"},
         method="POST", path="/docker-deploy/hosts/ensure",
         body={"external_workspace_id": "cust-9"}, header_names=("idempotency-key",),
         reply={"host": {"id": "x_1", "status": "provisioning", "appliance_status": "installing"}},
         check=lambda r: isinstance(r, DockerDeployHost)
         and r.status is DockerDeployHostStatus.PROVISIONING
         and r.appliance_status is DockerDeployApplianceStatus.INSTALLING),
    Case(call="docker_deploy.get_host", args=("ddh_1",), method="GET",
         path="/docker-deploy/hosts/ddh_1", result=DockerDeployHost),
    Case(call="docker_deploy.list_templates", method="GET", path="/docker-deploy/templates",
         reply={"templates": [{"id": "x_1"}, {"id": "x_2"}]}, result=DockerDeployTemplate,
         many=True, result_ids=TWO),
    Case(call="docker_deploy.get_template", args=("node-express",), method="GET",
         path="/docker-deploy/templates/node-express",
         reply={"template": {"id": "x_1", "tags": ["node"]}},
         check=lambda r: isinstance(r, DockerDeployTemplate) and r.tags == ("node",)),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_an_unknown_host_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "no such host"}}
    api = MockAPI().on("GET /docker-deploy/hosts/ddh_9", json_response(404, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="no such host"):
            await client.docker_deploy.get_host("ddh_9")


async def test_hosts_and_templates_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            host = await client.docker_deploy.ensure_host(workspace_id="ws_1")
            again = await client.docker_deploy.ensure_host(workspace_id="ws_1")
            assert host.id is not None
            fetched = await client.docker_deploy.get_host(host.id)
            mine = await client.docker_deploy.list_hosts(workspace_id="ws_1")
            others = await client.docker_deploy.list_hosts(workspace_id="ws_2")
            templates = await client.docker_deploy.list_templates()
            assert templates[0].id is not None
            template = await client.docker_deploy.get_template(templates[0].id)
            with pytest.raises(NotFoundError):
                await client.docker_deploy.get_template("no-such-template")
    assert again.id == host.id == fetched.id and [h.id for h in mine] == [host.id]
    assert others == [] and host.appliance_status is DockerDeployApplianceStatus.HEALTHY
    assert template.name == templates[0].name
