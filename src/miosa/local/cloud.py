"""Bring-your-own-cloud control-plane state: accounts, regions, pools, nodes, certifications
and preflight reports. Nothing is launched: provisioning records nodes, certification
records a queued run, and a passed preflight marks its region ready.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import bad_request, not_found, ok
from .records import Collection, crud_endpoints, records
from .routing import Call, Endpoint

ACCOUNTS = Collection(
    "/cloud/accounts",
    "account_id",
    "cacct",
    "cloud account",
    verbs=frozenset({"list", "create"}),
    required=("provider", "mode"),
    defaults={"status": "pending", "role_arn": None, "metadata": {}},
)
# Regions and pools are served by the handlers below (their rules are not plain CRUD).
REGIONS = Collection("/cloud/regions", "region_id", "creg", "cloud region", verbs=frozenset())
POOLS = Collection("/cloud/pools", "pool_id", "cpool", "cloud pool", verbs=frozenset())
NODES = Collection(
    "/cloud/nodes",
    "node_id",
    "cnode",
    "cloud node",
    verbs=frozenset({"list"}),
    filters=("cloud_pool_id",),
)
PREFLIGHTS = "cloud-preflights"  # id -> report
WORKLOADS = ("sandbox", "computer", "deployment")
REGION_SERVER_FIELDS = (
    "tenant_id",
    "cloud_account_id",
    "provider",
    "status",
    "last_preflight_run_id",
)
POOL_FIXED_FIELDS = ("cloud_region_id", "pool_kind", "node_type", "instance_type", "status")


def _get(call: Call, collection: Collection, ident: object) -> JSON:
    if ident is not None and not isinstance(ident, str):
        raise bad_request(f"{collection.name} id must be a string")
    record = records(call, collection).get(ident or "")
    if record is None:
        raise not_found(collection.name, ident or "")
    return record


def _filtered(call: Call, collection: Collection, field: str) -> list[JSON]:
    wanted = call.query.get(field)
    return [r for r in records(call, collection).values() if not wanted or r.get(field) == wanted]


def _stamp() -> dict[str, str | None]:
    stamp = iso(now())
    return {"created_at": stamp, "updated_at": stamp}


async def attach_aws_role(call: Call) -> Response:
    """``POST /cloud/accounts/{account_id}/aws-role``: the account is connected."""
    account = _get(call, ACCOUNTS, call.params["account_id"])
    body = await call.json()
    arn = body.get("role_arn")
    if not isinstance(arn, str) or not arn.startswith("arn:aws:iam::"):
        raise bad_request("role_arn must be an IAM role ARN", field="role_arn")
    account.update(role_arn=arn, status="connected", credential_type="aws_role")
    if body.get("default_region"):
        account["default_region"] = body["default_region"]
    return ok(account)


async def attach_gcp(call: Call) -> Response:
    """``POST /cloud/accounts/{account_id}/gcp-workload-identity``."""
    account = _get(call, ACCOUNTS, call.params["account_id"])
    body = await call.json()
    for name in ("project_id", "actuator_service_account_email", "worker_service_account_email"):
        if not body.get(name):
            raise bad_request(f"{name} is required", field=name)
    if body["actuator_service_account_email"] == body["worker_service_account_email"]:
        raise bad_request("the actuator and worker service accounts must differ")
    account.update(status="connected", credential_type="gcp_workload_identity")
    account["metadata"] = {**account["metadata"], "gcp_project_id": body["project_id"]}
    return ok(account)


async def capabilities(call: Call) -> Response:
    """``GET /cloud/capabilities``: both providers supported; ready once a region is."""
    ready = any(r["status"] == "ready" for r in records(call, REGIONS).values())
    providers = [
        {"provider": "aws", "byoc": True, "workloads": list(WORKLOADS)},
        {"provider": "gcp", "byoc": True, "workloads": list(WORKLOADS)},
    ]
    checks = [{"id": "region_ready", "ok": ready}]
    return ok({"providers": providers, "ready": ready, "checks": checks})


async def list_regions(call: Call) -> Response:
    """``GET /cloud/regions``."""
    return ok(_filtered(call, REGIONS, "cloud_account_id"))


async def create_region(call: Call) -> Response:
    """``POST /cloud/regions``: in a known account, ``pending`` until a preflight passes."""
    body = await call.json()
    account = _get(call, ACCOUNTS, body.get("cloud_account_id"))
    if not body.get("provider_region"):
        raise bad_request("provider_region is required", field="provider_region")
    region: JSON = {
        "security_group_refs": [],
        "metadata": {},
        **{k: v for k, v in body.items() if k not in REGION_SERVER_FIELDS},
        "id": new_id("creg"),
        "cloud_account_id": account["id"],
        "provider": account["provider"],
        "status": "pending",
        "last_preflight_run_id": None,
        **_stamp(),
    }
    records(call, REGIONS)[region["id"]] = region
    return ok(region, 201)


def _refuse(body: JSON, fields: tuple[str, ...]) -> None:
    fixed = sorted(set(body) & set(fields))
    if fixed:
        raise bad_request(f"{', '.join(fixed)} cannot be changed", field=fixed[0])


async def update_region(call: Call) -> Response:
    """``PATCH /cloud/regions/{region_id}``: the server's fields are refused."""
    region = _get(call, REGIONS, call.params["region_id"])
    body = await call.json()
    _refuse(body, REGION_SERVER_FIELDS)
    region.update(body)
    region["updated_at"] = iso(now())
    return ok(region)


async def list_pools(call: Call) -> Response:
    """``GET /cloud/pools``."""
    return ok(_filtered(call, POOLS, "cloud_region_id"))


async def create_pool(call: Call) -> Response:
    """``POST /cloud/pools``: in a known region."""
    body = await call.json()
    region = _get(call, REGIONS, body.get("cloud_region_id"))
    pool: JSON = {
        "pool_kind": "byoc",
        "node_type": "baremetal",
        "instance_type": None,
        "target_nodes": 0,
        "max_nodes": None,
        "ttl_seconds": None,
        "max_hourly_cents": None,
        "placement_scope": "tenant",
        "metadata": {},
        **body,
        "id": new_id("cpool"),
        "cloud_region_id": region["id"],
        "status": "active",
        **_stamp(),
    }
    records(call, POOLS)[pool["id"]] = pool
    return ok(pool, 201)


async def update_pool(call: Call) -> Response:
    """``PATCH /cloud/pools/{pool_id}``: kind, node and instance type are fixed."""
    pool = _get(call, POOLS, call.params["pool_id"])
    body = await call.json()
    _refuse(body, POOL_FIXED_FIELDS)
    pool.update(body)
    pool["updated_at"] = iso(now())
    return ok(pool)


async def provision_pool(call: Call) -> Response:
    """``POST /cloud/pools/{pool_id}/provision``: records ``count`` provisioning nodes."""
    pool = _get(call, POOLS, call.params["pool_id"])
    count = (await call.json()).get("count", 1)
    if not isinstance(count, int) or not 1 <= count <= 50:
        raise bad_request("count must be between 1 and 50", field="count")
    made = []
    for _ in range(count):
        node: JSON = {
            "id": new_id("cnode"),
            "cloud_pool_id": pool["id"],
            "instance_id": new_id("i", 6),
            "status": "provisioning",
            "certified_workloads": [],
            **_stamp(),
        }
        records(call, NODES)[node["id"]] = node
        made.append(node["id"])
    return ok({"pool_id": pool["id"], "count": count, "node_ids": made, "status": "provisioning"})


async def certify_node(call: Call) -> Response:
    """``POST /cloud/nodes/{node_id}/certify``: needs a workload and a body idempotency key."""
    node = _get(call, NODES, call.params["node_id"])
    body = await call.json()
    if body.get("workload") not in WORKLOADS:
        raise bad_request(f"workload must be one of {', '.join(WORKLOADS)}", field="workload")
    if not body.get("idempotency_key"):
        raise bad_request("idempotency_key is required", field="idempotency_key")
    certifications: dict[str, Any] = call.store.records.setdefault("cloud-certifications", {})
    key = f"{node['id']}/{body['idempotency_key']}"
    if key not in certifications:
        certifications[key] = {
            "id": new_id("ccert"),
            "node_id": node["id"],
            "workload": body["workload"],
            "status": "queued",
            "created_at": iso(now()),
        }
    return ok(certifications[key])


async def list_preflights(call: Call) -> Response:
    """``GET /cloud/preflights``: newest first, ``limit`` of them."""
    reports = list(reversed(call.store.records.setdefault(PREFLIGHTS, {}).values()))
    for field in ("cloud_account_id", "cloud_region_id"):
        if call.query.get(field):
            reports = [r for r in reports if r.get(field) == call.query[field]]
    limit = call.query.get("limit", "")
    return ok(reports[: int(limit)] if limit.isdigit() else reports)


async def record_preflight(call: Call) -> Response:
    """``POST /cloud/preflights``: a ``passed`` report of a region marks it ready, a
    ``failed`` one failed."""
    body = await call.json()
    for name in ("provider", "status"):
        if not body.get(name):
            raise bad_request(f"{name} is required", field=name)
    region = None
    if body.get("cloud_region_id"):
        region = _get(call, REGIONS, body["cloud_region_id"])
    if body.get("cloud_account_id"):
        _get(call, ACCOUNTS, body["cloud_account_id"])
    report: JSON = {
        "cloud_account_id": None,
        "cloud_region_id": None,
        "checks": [],
        "raw_report": None,
        "metadata": {},
        **body,
        "id": new_id("cpre"),
        "created_at": iso(now()),
    }
    call.store.records.setdefault(PREFLIGHTS, {})[report["id"]] = report
    if region is not None:
        region["last_preflight_run_id"] = report["id"]
        region["status"] = {"passed": "ready", "failed": "failed"}.get(
            body["status"], region["status"]
        )
    return ok(report, 201)


def endpoints() -> list[Endpoint]:
    return [
        *crud_endpoints([ACCOUNTS, NODES]),
        Endpoint(
            "POST", ACCOUNTS.item_path + "/aws-role", attach_aws_role, "cloud_account.aws_role"
        ),
        Endpoint(
            "POST", ACCOUNTS.item_path + "/gcp-workload-identity", attach_gcp, "cloud_account.gcp"
        ),
        Endpoint("GET", "/cloud/capabilities", capabilities),
        Endpoint("GET", REGIONS.path, list_regions),
        Endpoint("POST", REGIONS.path, create_region, "cloud_region.create"),
        Endpoint("PATCH", REGIONS.item_path, update_region, "cloud_region.update"),
        Endpoint("GET", POOLS.path, list_pools),
        Endpoint("POST", POOLS.path, create_pool, "cloud_pool.create"),
        Endpoint("PATCH", POOLS.item_path, update_pool, "cloud_pool.update"),
        Endpoint("POST", POOLS.item_path + "/provision", provision_pool, "cloud_pool.provision"),
        Endpoint("POST", NODES.item_path + "/certify", certify_node, "cloud_node.certify"),
        Endpoint("GET", "/cloud/preflights", list_preflights),
        Endpoint("POST", "/cloud/preflights", record_preflight, "cloud_preflight.create"),
    ]
