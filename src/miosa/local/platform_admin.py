"""Platform administration (``/admin/*``): issuing keys, changing users, starting
benchmark runs. Every route needs the server key or a key with the ``admin`` scope.

``POST /admin/api-keys`` issues a real key of this server (it authenticates at once; an
``admin`` or ``platform`` key also gets the ``admin`` scope), its plaintext in this reply
only. ``PUT /admin/users/{user_id}`` changes a member of the local organization (name,
email, role, status; other attributes are kept beside it) and never leaves it without an
owner. ``POST /admin/benchmarks`` records a queued run: no benchmark runs here.
"""

from __future__ import annotations

import secrets

from starlette.responses import Response

from . import fields
from .common import JSON, iso, new_id, now, parse_iso
from .http import ApiError, bad_request, created, not_found, ok
from .records import Collection, records
from .routing import Call, Endpoint
from .state import ApiKey

ADMIN_KEYS = Collection("/admin/api-keys", "key_id", "key", "api key", verbs=frozenset())
BENCHMARKS = Collection(
    "/admin/benchmarks", "benchmark_id", "bench", "benchmark", verbs=frozenset()
)
KEY_TYPES = ("user", "admin", "platform")
PURPOSES = ("api", "optimal")
BENCHMARK_KINDS = ("cold_boot", "fleet_routing", "concurrent_create", "full_e2e")
# The roles and statuses a member of the local organization can have.
ROLES = ("owner", "admin", "member")
STATUSES = ("active", "suspended")


def require_admin(call: Call) -> None:
    """403 unless the caller holds the server key or an ``admin``-scoped key."""
    principal = call.principal
    if not (principal.is_root or "admin" in principal.scopes or "*" in principal.scopes):
        raise ApiError(403, "FORBIDDEN", "admin routes need the server key or an admin key")


def _expiry(body: JSON) -> str | None:
    value = fields.optional(body, "expires_at", str)
    if value is not None and parse_iso(value) is None:
        raise bad_request("expires_at must be an ISO-8601 timestamp", field="expires_at")
    return value


async def create_api_key(call: Call) -> Response:
    """``POST /admin/api-keys``: a working key; the plaintext is in ``key`` this once."""
    require_admin(call)
    body = await call.json()
    key_type = fields.optional(body, "key_type", str, "user", choices=KEY_TYPES)
    admin_fields: JSON = {
        "name": fields.require(body, "name", str),
        "tenant_id": fields.optional(body, "tenant_id", str),
        "user_id": fields.optional(body, "user_id", str),
        "key_type": key_type,
        "purpose": fields.optional(body, "purpose", str, "api", choices=PURPOSES),
        "rate_limit_rpm": fields.optional(body, "rate_limit_rpm", int, low=1),
        "allowed_ips": fields.optional(body, "allowed_ips", list, items=str),
        "expires_at": _expiry(body),
    }
    scopes = ["*"] if key_type == "user" else ["*", "admin"]
    key = ApiKey(
        id=new_id(ADMIN_KEYS.prefix),
        token="msk_" + secrets.token_hex(20),
        name=admin_fields["name"],
        scopes=scopes,
        expires_at=admin_fields["expires_at"],
        created_at=now(),
    )
    call.store.api_keys[key.id] = key
    record = {"id": key.id, **admin_fields, "status": "active", "created_at": iso(key.created_at)}
    records(call, ADMIN_KEYS)[key.id] = record
    call.resource_id = key.id
    return created({**record, "key": key.token})


_ATTRIBUTES = "admin:user-attributes"  # user id -> attributes beyond the typed ones


def _typed_changes(body: JSON) -> JSON:
    """The attributes a member has (400 naming a mistyped one), those given only."""
    typed: JSON = {
        "name": fields.optional(body, "name", str),
        "email": fields.optional(body, "email", str),
        "role": fields.optional(body, "role", str, choices=ROLES),
        "status": fields.optional(body, "status", str, choices=STATUSES),
    }
    return {k: v for k, v in typed.items() if v is not None}


async def update_user(call: Call) -> Response:
    """``PUT /admin/users/{user_id}``: a member of the local organization, changed.

    Attributes other than the typed ones are kept beside the member (other routes read
    the member record and must not meet a field of an unexpected type) and replied with.
    """
    require_admin(call)
    user_id = call.params["user_id"]
    person = call.store.org_members.get(user_id)
    if person is None:
        raise not_found("user", user_id)
    body = await call.json()
    changes = _typed_changes(body)
    owners = [p for p in call.store.org_members.values() if p.get("role") == "owner"]
    demoted = changes.get("role", "owner") != "owner" or changes.get("status") == "suspended"
    if person.get("role") == "owner" and len(owners) == 1 and demoted:
        raise ApiError(409, "LAST_OWNER", "the organization needs an active owner")
    extra = call.store.records.setdefault(_ATTRIBUTES, {}).setdefault(user_id, {})
    reserved = {"id", "user_id", "tenant_id", "name", "email", "role", "status"}
    extra.update({k: v for k, v in body.items() if k not in reserved})
    person.update(changes)
    person["updated_at"] = iso(now())
    return ok(
        {
            **extra,
            **person,
            "id": user_id,
            "status": person.get("status", "active"),
            "tenant_id": call.store.settings.tenant_id,
        }
    )


async def create_benchmark(call: Call) -> Response:
    """``POST /admin/benchmarks``: a queued run with the other body keys as its options."""
    require_admin(call)
    body = await call.json()
    kind = fields.require(body, "kind", str, choices=BENCHMARK_KINDS)
    run: JSON = {
        "id": new_id(BENCHMARKS.prefix),
        "kind": kind,
        "status": "queued",
        "options": {k: v for k, v in body.items() if k != "kind"},
        "summary": None,
        "created_at": iso(now()),
        "started_at": None,
        "completed_at": None,
    }
    records(call, BENCHMARKS)[run["id"]] = run
    call.resource_id = run["id"]
    return ok(run)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("POST", "/admin/api-keys", create_api_key, "admin.api_key.create"),
        Endpoint("PUT", "/admin/users/{user_id}", update_user, "admin.user.update"),
        Endpoint("POST", "/admin/benchmarks", create_benchmark, "admin.benchmark.create"),
    ]


__all__ = ["ADMIN_KEYS", "BENCHMARKS", "endpoints", "require_admin"]
