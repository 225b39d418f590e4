"""App Engine hosts and starter templates (``/docker-deploy``).

``ensure`` is idempotent per workspace: the first call provisions a host (the local server
has it active with a healthy appliance at once), later calls return the same host.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import bad_request, not_found, ok
from .routing import Call, Endpoint

HOSTS = "docker-deploy-hosts"  # id -> host
TEMPLATES: tuple[JSON, ...] = (
    {
        "id": "node-express",
        "name": "Node.js (Express)",
        "description": "An Express server on Node 22.",
        "category": "web",
        "runtime": "node",
        "tags": ["node", "api"],
        "metadata": {},
    },
    {
        "id": "python-fastapi",
        "name": "Python (FastAPI)",
        "description": "A FastAPI app served by uvicorn.",
        "category": "web",
        "runtime": "python",
        "tags": ["python", "api"],
        "metadata": {},
    },
)


def _hosts(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(HOSTS, {})


async def list_hosts(call: Call) -> Response:
    """``GET /docker-deploy/hosts``."""
    wanted = call.query.get("workspace_id")
    return ok([h for h in _hosts(call).values() if not wanted or h["workspace_id"] == wanted])


async def ensure_host(call: Call) -> Response:
    """``POST /docker-deploy/hosts/ensure``: the workspace's host, made on first call."""
    body = await call.json()
    workspace = body.get("workspace_id") or body.get("external_workspace_id")
    if not isinstance(workspace, str) or not workspace:
        raise bad_request("workspace_id or external_workspace_id is required")
    for known in _hosts(call).values():
        if workspace in (known["workspace_id"], known["external_workspace_id"]):
            return ok(known)
    stamp = iso(now())
    ident = new_id("ddh")
    host: JSON = {
        "id": ident,
        "tenant_id": "tenant_local",
        "workspace_id": body.get("workspace_id") or workspace,
        "external_workspace_id": body.get("external_workspace_id"),
        "computer_id": None,
        "fleet_node_id": None,
        "status": "active",
        "size": "standard",
        "region": "local",
        "portal_domain": f"{ident}.apps.local.miosa.app",
        "runtime_base_url": f"https://{ident}.apps.local.miosa.app",
        "agent_base_url": None,
        "appliance_image": "miosa/app-engine:local",
        "appliance_version": "local",
        "appliance_status": "healthy",
        "agent_last_seen_at": stamp,
        "metadata": {},
        "created_at": stamp,
        "updated_at": stamp,
    }
    _hosts(call)[ident] = host
    call.resource_id = ident
    return ok(host)


async def get_host(call: Call) -> Response:
    """``GET /docker-deploy/hosts/{host_id}``."""
    host = _hosts(call).get(call.params["host_id"])
    if host is None:
        raise not_found("App Engine host", call.params["host_id"])
    return ok(host)


async def list_templates(call: Call) -> Response:
    """``GET /docker-deploy/templates``."""
    return ok(list(TEMPLATES))


async def get_template(call: Call) -> Response:
    """``GET /docker-deploy/templates/{template_id}``."""
    ident = call.params["template_id"]
    found = next((t for t in TEMPLATES if t["id"] == ident), None)
    if found is None:
        raise not_found("App Engine template", ident)
    return ok(found)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/docker-deploy/hosts", list_hosts),
        Endpoint("POST", "/docker-deploy/hosts/ensure", ensure_host, "docker_deploy.ensure_host"),
        Endpoint("GET", "/docker-deploy/hosts/{host_id}", get_host),
        Endpoint("GET", "/docker-deploy/templates", list_templates),
        Endpoint("GET", "/docker-deploy/templates/{template_id}", get_template),
    ]
