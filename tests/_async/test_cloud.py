"""Bring-your-own-cloud: the wire of every call, validation before the network, a server
error, and onboarding end to end on the local server."""

from __future__ import annotations

import json

import pytest

from miosa import AsyncMiosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    CloudAccount,
    CloudCapabilities,
    CloudNode,
    CloudPool,
    CloudPreflight,
    CloudRegion,
    NodeCertification,
    PoolProvisioning,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
IDEM = ("idempotency-key",)

CASES = [
    Case(call="cloud.list_accounts", method="GET", path="/cloud/accounts", reply=LIST,
         result=CloudAccount, many=True, result_ids=TWO),
    Case(call="cloud.create_account",
         kwargs={"provider": "aws", "mode": "byoc", "default_region": "us-east-1"},
         method="POST", path="/cloud/accounts",
         body={"provider": "aws", "mode": "byoc", "default_region": "us-east-1"},
         header_names=IDEM, status=201, result=CloudAccount),
    Case(call="cloud.attach_aws_role", args=("cacct_1",),
         kwargs={"role_arn": "arn:aws:iam::1:role/miosa"}, method="POST",
         path="/cloud/accounts/cacct_1/aws-role", body={"role_arn": "arn:aws:iam::1:role/miosa"},
         result=CloudAccount),
    Case(call="cloud.attach_gcp_workload_identity", args=("cacct_1",),
         kwargs={"project_id": "p", "actuator_service_account_email": "a@p",
                 "worker_service_account_email": "w@p"},
         method="POST", path="/cloud/accounts/cacct_1/gcp-workload-identity",
         body={"project_id": "p", "actuator_service_account_email": "a@p",
               "worker_service_account_email": "w@p"}, result=CloudAccount),
    Case(call="cloud.capabilities", kwargs={"cloud_pool_id": "cpool_1"}, method="GET",
         path="/cloud/capabilities", query={"cloud_pool_id": "cpool_1"},
         reply={"data": {"ready": False, "providers": [{"provider": "aws"}]}},
         check=lambda r: isinstance(r, CloudCapabilities) and r.ready is False
         and r.providers[0]["provider"] == "aws"),
    Case(call="cloud.list_regions", kwargs={"cloud_account_id": "cacct_1"}, method="GET",
         path="/cloud/regions", query={"cloud_account_id": "cacct_1"}, reply=LIST,
         result=CloudRegion, many=True, result_ids=TWO),
    Case(call="cloud.create_region",
         kwargs={"cloud_account_id": "cacct_1", "provider_region": "us-east-1",
                 "security_group_refs": ("sg-1",)},
         method="POST", path="/cloud/regions",
         body={"cloud_account_id": "cacct_1", "provider_region": "us-east-1",
               "security_group_refs": ["sg-1"]},
         header_names=IDEM, status=201, result=CloudRegion),
    Case(call="cloud.update_region", args=("creg_1",), kwargs={"display_name": "East"},
         method="PATCH", path="/cloud/regions/creg_1", body={"display_name": "East"},
         result=CloudRegion),
    Case(call="cloud.list_pools", kwargs={"cloud_region_id": "creg_1"}, method="GET",
         path="/cloud/pools", query={"cloud_region_id": "creg_1"}, reply=LIST, result=CloudPool,
         many=True, result_ids=TWO),
    Case(call="cloud.create_pool", kwargs={"cloud_region_id": "creg_1", "target_nodes": 0},
         method="POST", path="/cloud/pools", body={"cloud_region_id": "creg_1", "target_nodes": 0},
         header_names=IDEM, status=201, result=CloudPool),
    Case(call="cloud.update_pool", args=("cpool_1",), kwargs={"max_hourly_cents": 500},
         method="PATCH", path="/cloud/pools/cpool_1", body={"max_hourly_cents": 500},
         result=CloudPool),
    Case(call="cloud.provision_pool", args=("cpool_1",), kwargs={"count": 2}, method="POST",
         path="/cloud/pools/cpool_1/provision", body={"count": 2}, header_names=IDEM,
         result=PoolProvisioning),
    Case(call="cloud.list_nodes", kwargs={"cloud_pool_id": "cpool_1"}, method="GET",
         path="/cloud/nodes", query={"cloud_pool_id": "cpool_1"}, reply=LIST, result=CloudNode,
         many=True, result_ids=TWO),
    Case(call="cloud.certify_node", args=("cnode_1",),
         kwargs={"workload": "computer", "idempotency_key": "cert-1"}, method="POST",
         path="/cloud/nodes/cnode_1/certify",
         body={"workload": "computer", "idempotency_key": "cert-1"},
         headers={"idempotency-key": "cert-1"}, result=NodeCertification),
    Case(call="cloud.list_preflights", kwargs={"cloud_region_id": "creg_1", "limit": 5},
         method="GET", path="/cloud/preflights", query={"cloud_region_id": "creg_1", "limit": "5"},
         reply=LIST, result=CloudPreflight, many=True, result_ids=TWO),
    Case(call="cloud.record_preflight",
         kwargs={"provider": "aws", "status": "passed", "cloud_region_id": "creg_1",
                 "checks": [{"id": "vpc", "ok": True}]},
         method="POST", path="/cloud/preflights",
         body={"provider": "aws", "status": "passed", "cloud_region_id": "creg_1",
               "checks": [{"id": "vpc", "ok": True}]},
         header_names=IDEM, status=201, result=CloudPreflight),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_certify_makes_one_key_for_the_body_and_the_header() -> None:
    api = MockAPI().on("POST /cloud/nodes/cnode_1/certify", json_response(200, {"data": {}}))
    async with make_client(api) as client:
        await client.cloud.certify_node("cnode_1")
    sent = json.loads(api.last.content)
    assert sent["workload"] == "sandbox" and sent["idempotency_key"]
    assert api.last.headers["idempotency-key"] == sent["idempotency_key"]


async def test_bad_arguments_are_refused_before_any_request() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(ValueError, match="workload must be one of"):
            await client.cloud.certify_node("cnode_1", workload="gpu")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="between 1 and 50"):
            await client.cloud.provision_pool("cpool_1", count=51)
    assert api.requests == []


async def test_an_unknown_account_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "no such cloud account"}}
    api = MockAPI().on("POST /cloud/accounts/cacct_9/aws-role", json_response(404, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="no such cloud account"):
            await client.cloud.attach_aws_role("cacct_9", role_arn="arn:aws:iam::1:role/x")


async def test_byoc_onboarding_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            account = await client.cloud.create_account(provider="aws", mode="byoc")
            assert account.id is not None
            connected = await client.cloud.attach_aws_role(
                account.id, role_arn="arn:aws:iam::123456789012:role/miosa"
            )
            with pytest.raises(ValidationError):
                await client.cloud.attach_gcp_workload_identity(
                    account.id, project_id="p", actuator_service_account_email="same@p",
                    worker_service_account_email="same@p",
                )  # fmt: skip
            region = await client.cloud.create_region(
                cloud_account_id=account.id, provider_region="us-east-1"
            )
            assert region.id is not None
            before = await client.cloud.capabilities()
            await client.cloud.record_preflight(
                provider="aws", status="passed", cloud_region_id=region.id
            )
            after = await client.cloud.capabilities()
            ready = await client.cloud.list_regions(cloud_account_id=account.id)
            renamed = await client.cloud.update_region(region.id, display_name="US East")
            pool = await client.cloud.create_pool(cloud_region_id=region.id, target_nodes=0)
            assert pool.id is not None
            with pytest.raises(NotFoundError):
                await client.cloud.update_pool("cpool_missing", max_nodes=3)
            resized = await client.cloud.update_pool(pool.id, max_nodes=3)
            launched = await client.cloud.provision_pool(pool.id, count=2)
            nodes = await client.cloud.list_nodes(cloud_pool_id=pool.id)
            first = await client.cloud.certify_node(nodes[0].id or "", idempotency_key="k1")
            again = await client.cloud.certify_node(nodes[0].id or "", idempotency_key="k1")
            preflights = await client.cloud.list_preflights(limit=1)
    assert connected.status == "connected" and connected.role_arn is not None
    assert before.ready is False and after.ready is True
    assert [r.status for r in ready] == ["ready"] and ready[0].last_preflight_run_id
    assert renamed.display_name == "US East" and renamed.status == "ready"
    assert pool.target_nodes == 0 and resized.max_nodes == 3
    assert sorted(launched.node_ids) == sorted(n.id for n in nodes if n.id)
    assert first.id == again.id and first.status == "queued"
    assert len(preflights) == 1 and preflights[0].status == "passed"
