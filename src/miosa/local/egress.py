"""The egress layer: the credential vault, network policies and rules, and the audit log.

Secrets keep their value server-side and answer a masked form only. An OAuth connect
flow completes when its ``authorize_url`` is opened: the URL points at this server's
callback, which stores the credential as a connected secret (there is no provider to
consent at). Policies and rules are stored records only: the local sandboxes run without
an egress proxy, so nothing here filters traffic, and the audit log stays empty.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional
from .http import ApiError, bad_request, json_response, no_content, ok, page_response
from .records import Collection, crud_endpoints, find, records
from .routing import Call, Endpoint

SECRETS = Collection("/egress/secrets", "secret_id", "esec", "secret", verbs=frozenset())
BINDINGS = Collection(
    "/egress/bindings",
    "binding_id",
    "ebind",
    "binding",
    verbs=frozenset({"list", "delete"}),
    filters=("resource_id", "resource_type", "secret_id"),
)
POLICIES = Collection(
    "/egress/policies",
    "policy_id",
    "epol",
    "egress policy",
    verbs=frozenset({"list"}),
    filters=("resource_id", "resource_type"),
)
RULES = Collection(
    "/egress/allowlist",
    "rule_id",
    "erule",
    "egress rule",
    verbs=frozenset({"list", "delete"}),
    filters=("policy_id", "resource_id", "resource_type", "effect"),
)
AUDIT = Collection(
    "/egress/audit",
    "event_id",
    "eaud",
    "egress audit event",
    verbs=frozenset({"get"}),
)
PROVIDERS = ("github", "google", "slack", "notion", "linear")
SECRET_FILTERS = (
    "scope",
    "type",
    "provider",
    "workspace_id",
    "owner_user_id",
    "external_user_id",
    "external_workspace_id",
    "resource_id",
    "resource_type",
)
MODES = ("enforce", "audit_only")
EFFECTS = ("allow", "deny")
# Pending OAuth flows by state token, kept in the record store like everything else.
FLOWS = "/egress/oauth/flows"


def _masked(value: str) -> str:
    return "****" + value[-4:] if len(value) > 8 else "****"


def _public(secret: JSON) -> JSON:
    return {k: v for k, v in secret.items() if k != "value"}


def _require(body: JSON, *names: str) -> None:
    for name in names:
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)


def _one_of(body: JSON, name: str, allowed: tuple[str, ...]) -> None:
    if name in body and body[name] not in allowed:
        raise bad_request(f"{name} must be one of {', '.join(allowed)}", field=name)


def _store_secret(call: Call, fields: JSON) -> JSON:
    stamp = iso(now())
    value = str(fields.pop("value", ""))
    secret: JSON = {
        "type": "api_key",
        "scope": "user",
        "metadata": {},
        **fields,
        "id": new_id(SECRETS.prefix),
        "value": value,
        "masked_value": _masked(value),
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, SECRETS)[secret["id"]] = secret
    return secret


def _bind(call: Call, secret_id: str, body: JSON) -> JSON:
    binding: JSON = {
        "id": new_id(BINDINGS.prefix),
        "secret_id": secret_id,
        "resource_id": body["resource_id"],
        "resource_type": body.get("resource_type") or "sandbox",
        "expose_as_env": body["expose_as_env"],
        "created_at": iso(now()),
    }
    records(call, BINDINGS)[binding["id"]] = binding
    return binding


async def create_secret(call: Call) -> Response:
    """``POST /egress/secrets``: stored, bound too when ``expose_as_env`` + ``resource_id``."""
    body = await call.json()
    _require(body, "name", "value")
    secret = _store_secret(call, dict(body))
    if body.get("expose_as_env") and body.get("resource_id"):
        _bind(call, secret["id"], body)
    call.resource_id = secret["id"]
    return ok(_public(secret), 201)


async def list_secrets(call: Call) -> Response:
    """``GET /egress/secrets``: newest last, values masked, filtered by equality."""
    wanted = {n: call.query[n] for n in SECRET_FILTERS if call.query.get(n)}
    found = [
        _public(s)
        for s in records(call, SECRETS).values()
        if all(str(s.get(k)) == v for k, v in wanted.items())
    ]
    return ok(found)


async def get_secret(call: Call) -> Response:
    return ok(_public(find(call, SECRETS)))


async def rotate_secret(call: Call) -> Response:
    """``PATCH /egress/secrets/{secret_id}``: a new value (and token fields)."""
    secret = find(call, SECRETS)
    body = await call.json()
    if "value" in body:
        _require(body, "value")
        secret["masked_value"] = _masked(body["value"])
    secret.update({k: v for k, v in body.items() if k not in ("id", "created_at")})
    secret["updated_at"] = iso(now())
    return ok(_public(secret))


async def delete_secret(call: Call) -> Response:
    """``DELETE /egress/secrets/{secret_id}``: the secret and every binding of it."""
    secret = find(call, SECRETS)
    bindings = records(call, BINDINGS)
    for binding_id in [k for k, b in bindings.items() if b["secret_id"] == secret["id"]]:
        del bindings[binding_id]
    del records(call, SECRETS)[secret["id"]]
    return no_content()


async def create_binding(call: Call) -> Response:
    """``POST /egress/bindings``: 404 for an unknown secret."""
    body = await call.json()
    _require(body, "secret_id", "resource_id", "resource_type", "expose_as_env")
    if body["secret_id"] not in records(call, SECRETS):
        raise ApiError(404, "NOT_FOUND", f"secret {body['secret_id']} not found")
    binding = _bind(call, body["secret_id"], body)
    call.resource_id = binding["id"]
    return ok(binding, 201)


async def list_providers(call: Call) -> Response:
    return ok([{"id": name, "name": name} for name in PROVIDERS])


async def start_oauth(call: Call) -> Response:
    """``POST /egress/oauth/start``: the authorize URL is this server's own callback."""
    body = await call.json()
    _require(body, "provider")
    if body["provider"] not in PROVIDERS:
        raise bad_request(f"unknown OAuth provider {body['provider']!r}", field="provider")
    state = secrets.token_urlsafe(16)
    call.store.records.setdefault(FLOWS, {})[state] = dict(body)
    query = urlencode({"state": state, "code": "local"})
    url = f"{str(call.request.base_url).rstrip('/')}/api/v1/egress/oauth/callback?{query}"
    expires = iso(now() + 600)
    return ok(
        {"authorize_url": url, "state": state, "provider": body["provider"], "expires_at": expires}
    )


async def oauth_callback(call: Call) -> Response:
    """``GET /egress/oauth/callback``: the provider's redirect; stores a connected secret."""
    flow = call.store.records.get(FLOWS, {}).pop(call.query.get("state", ""), None)
    if flow is None:
        raise bad_request("unknown or used OAuth state", code="INVALID_STATE")
    provider = flow["provider"]
    fields = {k: v for k, v in flow.items() if k not in ("redirect_uri", "provider")}
    secret = _store_secret(
        call,
        {
            **fields,
            "name": flow.get("expose_as_env") or f"{provider}_oauth",
            "value": f"oauth-{secrets.token_hex(12)}",
            "type": "oauth_token",
            "provider": provider,
            "status": "connected",
        },
    )
    if flow.get("expose_as_env") and flow.get("resource_id"):
        _bind(call, secret["id"], flow)
    return json_response({"connected": True, "secret_id": secret["id"]})


async def create_policy(call: Call) -> Response:
    body = await call.json()
    _require(body, "name")
    _one_of(body, "mode", MODES)
    _one_of(body, "default_effect", EFFECTS)
    stamp = iso(now())
    policy: JSON = {
        "mode": "enforce",
        "default_effect": "deny",
        "description": None,
        "resource_id": None,
        "resource_type": None,
        **body,
        "id": new_id(POLICIES.prefix),
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, POLICIES)[policy["id"]] = policy
    call.resource_id = policy["id"]
    return ok({**policy, "rules": []}, 201)


def _with_rules(call: Call, policy: JSON) -> JSON:
    rules = [r for r in records(call, RULES).values() if r.get("policy_id") == policy["id"]]
    return {**policy, "rules": rules}


async def get_policy(call: Call) -> Response:
    return ok(_with_rules(call, find(call, POLICIES)))


async def update_policy(call: Call) -> Response:
    policy = find(call, POLICIES)
    body = await call.json()
    _one_of(body, "mode", MODES)
    _one_of(body, "default_effect", EFFECTS)
    policy.update({k: v for k, v in body.items() if k not in ("id", "created_at")})
    policy["updated_at"] = iso(now())
    return ok(_with_rules(call, policy))


async def create_rule(call: Call) -> Response:
    """``POST /egress/allowlist``: 404 when the named policy does not exist."""
    body = await call.json()
    _require(body, "host")
    _one_of(body, "effect", EFFECTS)
    # Kept as sent and read when a request is checked: a mistyped field is a 400 here.
    for name in ("policy_id", "resource_id", "resource_type", "note", "path_glob"):
        optional(body, name, str)
    optional(body, "methods", list, items=str)
    policy_id = body.get("policy_id")
    if policy_id and policy_id not in records(call, POLICIES):
        raise ApiError(404, "NOT_FOUND", f"egress policy {policy_id} not found")
    rule: JSON = {
        "effect": "allow",
        "methods": [],
        "path_glob": None,
        "policy_id": None,
        "resource_id": None,
        "resource_type": None,
        "note": None,
        **body,
        "id": new_id(RULES.prefix),
        "created_at": iso(now()),
    }
    records(call, RULES)[rule["id"]] = rule
    call.resource_id = rule["id"]
    return ok(rule, 201)


async def list_audit(call: Call) -> Response:
    """``GET /egress/audit``: filtered by equality, ``since`` on ``inserted_at``."""
    names = ("resource_id", "resource_type", "host", "action")
    wanted = {n: call.query[n] for n in names if call.query.get(n)}
    since = call.query.get("since") or ""
    found = [
        e
        for e in records(call, AUDIT).values()
        if all(str(e.get(k)) == v for k, v in wanted.items())
        and str(e.get("inserted_at") or "") >= since
    ]
    return page_response(found, call.query)


async def suggestions(call: Call) -> Response:
    """``GET /egress/audit/suggestions``: one allow rule per host denied in the log."""
    counts: dict[str, int] = {}
    for event in records(call, AUDIT).values():
        if event.get("action") == "deny" and event.get("host"):
            counts[event["host"]] = counts.get(event["host"], 0) + 1
    return ok(
        [
            {"host": host, "effect": "allow", "count": n, "reason": f"denied {n} time(s)"}
            for host, n in sorted(counts.items(), key=lambda item: -item[1])
        ]
    )


def endpoints() -> list[Endpoint]:
    return [
        *crud_endpoints([BINDINGS, POLICIES, RULES, AUDIT]),
        Endpoint("POST", SECRETS.path, create_secret, "secret.create"),
        Endpoint("GET", SECRETS.path, list_secrets),
        Endpoint("GET", SECRETS.item_path, get_secret),
        Endpoint("PATCH", SECRETS.item_path, rotate_secret, "secret.rotate"),
        Endpoint("DELETE", SECRETS.item_path, delete_secret, "secret.delete"),
        Endpoint("POST", BINDINGS.path, create_binding, "binding.create"),
        Endpoint("GET", "/egress/oauth/providers", list_providers),
        Endpoint("POST", "/egress/oauth/start", start_oauth, "oauth.start"),
        Endpoint("GET", "/egress/oauth/callback", oauth_callback, public=True),
        Endpoint("POST", POLICIES.path, create_policy, "egress_policy.create"),
        Endpoint("GET", POLICIES.item_path, get_policy),
        Endpoint("PATCH", POLICIES.item_path, update_policy, "egress_policy.update"),
        Endpoint("POST", RULES.path, create_rule, "egress_rule.create"),
        Endpoint("GET", AUDIT.path, list_audit),
        Endpoint("GET", "/egress/audit/suggestions", suggestions),
    ]
