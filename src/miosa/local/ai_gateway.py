"""The AI gateway's plain CRUD: routing policies, per-scope limits, Intelligence keys and
evaluation policies.

Policies and evaluation policies are records. Keys are records too, answered in the
``{"key": ...}`` / ``{"keys": [...]}`` envelope production uses, with the secret returned
once, on creation. Limits are keyed by scope (``key``/``environment``) and value, and
listed grouped by scope as ``GET /ai-gateway/limits`` answers.
"""

from __future__ import annotations

import secrets

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional
from .http import bad_request, json_response, no_content, not_found, ok
from .records import Collection, crud_endpoints, records
from .routing import Call, Endpoint
from .state import INTELLIGENCE_SECRETS, secret_digest

POLICIES = Collection(
    "/ai-gateway/policies",
    "policy_id",
    "pol",
    "policy",
    update=("PATCH",),
    required=("name",),
    defaults={"enabled": True, "fallback_models": [], "priority": 0},
)
EVALUATIONS = Collection(
    "/intelligence/evaluations",
    "evaluation_id",
    "eval",
    "evaluation",
    update=("PATCH",),
    required=("name", "model"),
    defaults={"enabled": True, "dataset": [], "thresholds": {}},
)
KEYS = Collection(
    "/intelligence/keys",
    "key_id",
    "ikey",
    "key",
    verbs=frozenset({"list", "get", "delete"}),
    envelope="key",
    list_key="keys",
)
ENVIRONMENTS = ("production", "staging", "development")
SCOPES = ("key", "environment")
_LIMITS = "/ai-gateway/limits"
_LIMIT_FIELDS = {
    "requests_per_minute": int,
    "tokens_per_day": int,
    "monthly_credit_limit": float,
    "hard_limit": bool,
}


def new_key_secret(call: Call, key_id: str) -> str:
    """A fresh key secret, kept (as its digest) so it authenticates the Intelligence routes."""
    secret = f"msk_i_{secrets.token_hex(16)}"
    table = call.store.records.setdefault(INTELLIGENCE_SECRETS, {})
    table[secret_digest(secret)] = {"key_id": key_id}
    return secret


async def create_key(call: Call) -> Response:
    """``POST /intelligence/keys``: the key with its secret, this once."""
    body = await call.json()
    environment = optional(body, "environment", str, choices=ENVIRONMENTS)
    ident = new_id("ikey")
    secret = new_key_secret(call, ident)
    record: JSON = {
        "id": ident,
        "name": optional(body, "name", str),
        "key_prefix": secret[:12],
        "scopes": optional(body, "scopes", list, [], items=str),
        "status": "active",
        "environment": environment or "production",
        "rate_limit_rpm": optional(body, "rate_limit_rpm", int, low=0),
        "last_used_at": None,
        "created_at": iso(now()),
    }
    records(call, KEYS)[record["id"]] = record
    call.resource_id = record["id"]
    return json_response({"key": {**record, "key": secret}}, 201)


def _limits(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(_LIMITS, {})


def _organization_limit(call: Call) -> JSON | None:
    """The budget (``PUT /ai-gateway/budget``, ai_gateway_control.py) as the organization's
    limit, None until one is set."""
    budget = call.store.records.get("/ai-gateway/budget", {}).get("")
    if budget is None:
        return None
    limit = {k: budget.get(k) for k in ("id", *_LIMIT_FIELDS, "updated_at")}
    return {**limit, "id": "organization", "scope_type": "organization", "scope_value": None}


async def list_limits(call: Call) -> Response:
    """``GET /ai-gateway/limits``: the limits grouped by scope (no organization limit
    until a budget is set)."""
    found = list(_limits(call).values())
    return ok(
        {
            "organization": _organization_limit(call),
            "keys": [limit for limit in found if limit["scope_type"] == "key"],
            "environments": [limit for limit in found if limit["scope_type"] == "environment"],
        }
    )


def _scope(call: Call) -> tuple[str, str]:
    scope_type, scope_value = call.params["scope_type"], call.params["scope_value"]
    if scope_type not in SCOPES:
        raise bad_request("scope_type must be key or environment", field="scope_type")
    return scope_type, scope_value


async def set_limit(call: Call) -> Response:
    """``PUT /ai-gateway/limits/{scope_type}/{scope_value}``: replaces the scope's limits."""
    scope_type, scope_value = _scope(call)
    body = await call.json()
    limit: JSON = {"id": f"{scope_type}:{scope_value}"}
    limit.update(scope_type=scope_type, scope_value=scope_value)
    for name, kind in _LIMIT_FIELDS.items():
        limit[name] = optional(body, name, kind, low=None if kind is bool else 0)
    limit["updated_at"] = iso(now())
    _limits(call)[limit["id"]] = limit
    return ok(limit)


async def delete_limit(call: Call) -> Response:
    """``DELETE /ai-gateway/limits/{scope_type}/{scope_value}``."""
    scope_type, scope_value = _scope(call)
    if _limits(call).pop(f"{scope_type}:{scope_value}", None) is None:
        raise not_found("limit", f"{scope_type}/{scope_value}")
    return no_content()


def endpoints() -> list[Endpoint]:
    limit_path = _LIMITS + "/{scope_type}/{scope_value}"
    return [
        *crud_endpoints([POLICIES, EVALUATIONS, KEYS]),
        Endpoint("POST", "/intelligence/keys", create_key, "key.create"),
        Endpoint("GET", _LIMITS, list_limits),
        Endpoint("PUT", limit_path, set_limit, "limit.update"),
        Endpoint("DELETE", limit_path, delete_limit, "limit.delete"),
    ]
