"""LLM provider routing defaults (admin): the fleet-wide map
(``/admin/provider-defaults``) and each tenant's overrides
(``/admin/tenants/{tenant_id}/provider-config``).

Both are ``{"providers": {name: settings}}`` maps kept as given and replaced whole by
``PUT``; a tenant without overrides answers an empty map, and ``DELETE`` drops its
overrides. Nothing routes by them locally (completions are canned). Every route needs the
server key or an ``admin``-scoped key, as the other ``/admin`` routes.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, now
from .fields import require
from .http import no_content, ok
from .platform_admin import require_admin
from .routing import Call, Endpoint

FLEET = "/admin/provider-defaults"
TENANTS = "/admin/tenants/{tenant_id}/provider-config"
# The fleet defaults a fresh server starts with: one plausible settings map per provider.
SEED: JSON = {
    "anthropic": {"model": "claude-sonnet-4", "max_tokens": 4096},
    "openai": {"model": "gpt-4o", "max_tokens": 4096},
}


async def _providers(call: Call) -> JSON:
    """The body's ``providers`` map: an object of settings objects, or a 400."""
    return require(await call.json(), "providers", dict, items=dict)


def _fleet(call: Call) -> JSON:
    table = call.store.records.setdefault(FLEET, {})
    return table.setdefault("", {"providers": {k: dict(v) for k, v in SEED.items()}})


async def get_fleet(call: Call) -> Response:
    """``GET /admin/provider-defaults``."""
    require_admin(call)
    return ok(_fleet(call))


async def put_fleet(call: Call) -> Response:
    """``PUT /admin/provider-defaults``: replaces the fleet-wide map."""
    require_admin(call)
    fleet = _fleet(call)
    fleet.update(providers=await _providers(call), updated_at=iso(now()))
    return ok(fleet)


def _tenants(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(TENANTS, {})


async def get_tenant(call: Call) -> Response:
    """``GET /admin/tenants/{tenant_id}/provider-config``: empty until set."""
    require_admin(call)
    tenant_id = call.params["tenant_id"]
    found = _tenants(call).get(tenant_id)
    return ok(found or {"tenant_id": tenant_id, "providers": {}, "updated_at": None})


async def put_tenant(call: Call) -> Response:
    """``PUT /admin/tenants/{tenant_id}/provider-config``: replaces the overrides."""
    require_admin(call)
    tenant_id = call.params["tenant_id"]
    config: JSON = {
        "tenant_id": tenant_id,
        "providers": await _providers(call),
        "updated_at": iso(now()),
    }
    _tenants(call)[tenant_id] = config
    call.resource_id = tenant_id
    return ok(config)


async def reset_tenant(call: Call) -> Response:
    """``DELETE /admin/tenants/{tenant_id}/provider-config``: back to the fleet defaults
    (idempotent: a tenant without overrides is a 204 too)."""
    require_admin(call)
    _tenants(call).pop(call.params["tenant_id"], None)
    return no_content()


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", FLEET, get_fleet),
        Endpoint("PUT", FLEET, put_fleet, "provider_defaults.update"),
        Endpoint("GET", TENANTS, get_tenant),
        Endpoint("PUT", TENANTS, put_tenant, "provider_defaults.set_tenant"),
        Endpoint("DELETE", TENANTS, reset_tenant, "provider_defaults.reset_tenant"),
    ]
