"""The AI gateway's control plane beyond plain CRUD: budget, settings, environments,
health, provider health, request traces, and the key verbs (rotate, tag an environment).

Request traces are real: every completion this server answers (``/intelligence/...``
and the inference proxy, see inference.py) leaves one, so ``GET /ai-gateway/requests``
lists what the caller actually sent. Health and provider health are computed from the
stored policies, budget, provider credentials and traces; no provider is ever called.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.responses import Response

from .ai_gateway import ENVIRONMENTS, KEYS, POLICIES, new_key_secret
from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import bad_request, json_response, not_found, ok, paginate
from .records import find, records
from .routing import Call, Endpoint

BUDGET = "/ai-gateway/budget"
SETTINGS = "/ai-gateway/settings"
TRACES = "/ai-gateway/requests"
CREDENTIALS = "/intelligence/provider-credentials"
LOGGING_MODES = ("metadata", "off")
WINDOWS = ("1h", "24h", "7d")
_WINDOW_SECONDS = {"1h": 3600, "24h": 86400, "7d": 7 * 86400}
RETENTION_DAYS = 7
_SETTINGS_DEFAULTS: JSON = {
    "default_model": "miosa/auto",
    "logging_mode": "metadata",
    "retention_days": RETENTION_DAYS,
    "default_classification": "internal",
    "transcription_enabled": False,
}
# Trace fields a ``GET /ai-gateway/requests`` query filters on by equality.
_TRACE_FILTERS = ("status", "provider", "model", "api_key_id", "request_id")


def _table(call: Call, path: str) -> dict[str, JSON]:
    return call.store.records.setdefault(path, {})


# -- budget ----------------------------------------------------------------------------


def current_budget(call: Call) -> JSON | None:
    """The configured budget, None until ``PUT /ai-gateway/budget`` sets one."""
    return _table(call, BUDGET).get("")


async def get_budget(call: Call) -> Response:
    """``GET /ai-gateway/budget``: ``{"data": null}`` when none is configured."""
    return ok(current_budget(call))


async def set_budget(call: Call) -> Response:
    """``PUT /ai-gateway/budget``: replaces the limits (an absent one means no limit)."""
    body = await call.json()
    budget: JSON = {
        "monthly_credit_limit": optional(body, "monthly_credit_limit", float, low=0),
        "per_request_credit_limit": optional(body, "per_request_credit_limit", float, low=0),
        "requests_per_minute": optional(body, "requests_per_minute", int, low=0),
        "tokens_per_day": optional(body, "tokens_per_day", int, low=0),
        "hard_limit": optional(body, "hard_limit", bool, False),
        "updated_at": iso(now()),
    }
    _table(call, BUDGET)[""] = budget
    return ok(budget)


# -- settings --------------------------------------------------------------------------


def _settings(call: Call) -> JSON:
    return _table(call, SETTINGS).setdefault("", dict(_SETTINGS_DEFAULTS))


async def get_settings(call: Call) -> Response:
    """``GET /ai-gateway/settings``."""
    return ok(_settings(call))


async def update_settings(call: Call) -> Response:
    """``PUT /ai-gateway/settings``: changes the fields given; ``transcription_enabled:
    null`` resets it to the default (off)."""
    body = await call.json()
    changes: JSON = {
        "default_model": optional(body, "default_model", str),
        "logging_mode": optional(body, "logging_mode", str, choices=LOGGING_MODES),
        "retention_days": optional(body, "retention_days", int, low=1, high=30),
        "default_classification": optional(body, "default_classification", str),
    }
    optional(body, "acknowledge_no_baa", bool)  # accepted; no healthcare rules here
    settings = _settings(call)
    settings.update({k: v for k, v in changes.items() if v is not None})
    if "transcription_enabled" in body:
        settings["transcription_enabled"] = optional(
            body, "transcription_enabled", bool, _SETTINGS_DEFAULTS["transcription_enabled"]
        )
    settings["updated_at"] = iso(now())
    return ok(settings)


# -- environments and keys -------------------------------------------------------------


def _usage(traces: Iterable[JSON]) -> JSON:
    found = list(traces)
    return {
        "requests": len(found),
        "errors": sum(1 for t in found if t.get("status") == "error"),
        "total_tokens": sum(int(t.get("total_tokens") or 0) for t in found),
    }


async def list_environments(call: Call) -> Response:
    """``GET /ai-gateway/environments``: each environment with its keys, the policies
    whose selector names it, and the usage of its keys' requests."""
    keys = list(records(call, KEYS).values())
    policies = list(records(call, POLICIES).values())
    traces = list(_table(call, TRACES).values())
    out: list[JSON] = []
    for name in ENVIRONMENTS:
        mine = [k for k in keys if k.get("environment") == name]
        ids = {k["id"] for k in mine}
        out.append(
            {
                "name": name,
                "environment": name,
                "keys": [{"id": k["id"], "name": k.get("name")} for k in mine],
                "policies": [
                    {"id": p["id"], "name": p.get("name")}
                    for p in policies
                    if isinstance(p.get("selector"), dict)
                    and p["selector"].get("environment") == name
                ],
                "usage": _usage(t for t in traces if t.get("api_key_id") in ids),
            }
        )
    return ok(out)


async def set_key_environment(call: Call) -> Response:
    """``PUT /ai-gateway/keys/{key_id}/environment``: tags the key."""
    key = find(call, KEYS)
    key["environment"] = require(await call.json(), "environment", str, choices=ENVIRONMENTS)
    return ok({"id": key["id"], "name": key.get("name"), "environment": key["environment"]})


async def rotate_key(call: Call) -> Response:
    """``POST /intelligence/keys/{key_id}/rotate``: revokes the key and answers its
    replacement (same scopes and environment) with the new secret, this once."""
    old = find(call, KEYS)
    name = optional(await call.json(), "name", str) or old.get("name")
    old["status"] = "revoked"
    ident = new_id("ikey")
    secret = new_key_secret(call, ident)
    record: JSON = {
        **old,
        "id": ident,
        "name": name,
        "key_prefix": secret[:12],
        "status": "active",
        "replaces_key_id": old["id"],
        "last_used_at": None,
        "created_at": iso(now()),
    }
    records(call, KEYS)[record["id"]] = record
    call.resource_id = record["id"]
    return json_response({"key": {**record, "key": secret}})


# -- health ----------------------------------------------------------------------------


def _providers(call: Call) -> list[str]:
    """The providers a credential is stored for, in any workspace."""
    return sorted({str(c.get("provider")) for c in _table(call, CREDENTIALS).values()})


async def health(call: Call) -> Response:
    """``GET /ai-gateway/health``: ready once a provider credential is stored (the
    local completions answer either way)."""
    policies = list(records(call, POLICIES).values())
    providers = _providers(call)
    return ok(
        {
            "status": "ok",
            "execution_readiness": "ready" if providers else "no_provider_credentials",
            "configured_policies": len(policies),
            "enabled_policies": sum(1 for p in policies if p.get("enabled", True)),
            "budget": current_budget(call),
            "providers": [{"provider": p, "status": "configured"} for p in providers],
        }
    )


def _provider_row(name: str, traces: list[JSON]) -> JSON:
    usage = _usage(t for t in traces if t.get("provider") == name)
    errors, total = usage["errors"], usage["requests"]
    status = "healthy" if errors == 0 else "degraded"
    return {
        "provider": name,
        "status": status,
        **usage,
        "error_rate": errors / total if total else 0.0,
    }


async def provider_health(call: Call) -> Response:
    """``GET /ai-gateway/provider-health``: per provider, the window's traced requests."""
    window = call.query.get("window") or "24h"
    if window not in WINDOWS:
        raise bad_request("window must be one of 1h, 24h, 7d", field="window")
    since = now() - _WINDOW_SECONDS[window]
    recent = [t for t in _table(call, TRACES).values() if float(t.get("_at", 0)) >= since]
    names = sorted({str(t.get("provider")) for t in recent} | set(_providers(call)))
    return ok({"window": window, "providers": [_provider_row(n, recent) for n in names]})


# -- request traces --------------------------------------------------------------------


def record_trace(call: Call, *, provider: str, model: str, path: str, usage: JSON) -> JSON:
    """Keep the trace of one completion this server answered."""
    stamp = now()
    trace: JSON = {
        "id": new_id("greq"),
        "request_id": call.request_id,
        "status": "success",
        "provider": provider,
        "model": model,
        "api_key_id": call.principal.key_id,
        "path": path,
        "latency_ms": 0,
        **usage,
        "created_at": iso(stamp),
        "_at": stamp,
    }
    _table(call, TRACES)[trace["id"]] = trace
    return trace


def _public(trace: JSON) -> JSON:
    return {k: v for k, v in trace.items() if not k.startswith("_")}


def _in_range(trace: JSON, start: str | None, end: str | None) -> bool:
    # ISO timestamps of one format compare as strings; a malformed bound matches nothing.
    stamp = str(trace.get("created_at"))
    return (not start or stamp >= start) and (not end or stamp <= end)


async def list_requests(call: Call) -> Response:
    """``GET /ai-gateway/requests``: newest first, filtered, cursor-paged, with a summary."""
    wanted = {n: call.query[n] for n in _TRACE_FILTERS if call.query.get(n)}
    start, end = call.query.get("from"), call.query.get("to")
    found = [
        _public(t)
        for t in reversed(list(_table(call, TRACES).values()))
        if all(str(t.get(k)) == v for k, v in wanted.items()) and _in_range(t, start, end)
    ]
    page = paginate(found, call.query)
    retention = _settings(call).get("retention_days", RETENTION_DAYS)
    return json_response({**page, "summary": _usage(found), "retention_days": retention})


async def get_request(call: Call) -> Response:
    """``GET /ai-gateway/requests/{request_id}``: by trace id or the request's own id."""
    ident = call.params["request_id"]
    for trace in _table(call, TRACES).values():
        if ident in (trace["id"], trace.get("request_id")):
            return ok(_public(trace))
    raise not_found("request", ident)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", BUDGET, get_budget),
        Endpoint("PUT", BUDGET, set_budget, "ai_gateway.budget.update"),
        Endpoint("GET", SETTINGS, get_settings),
        Endpoint("PUT", SETTINGS, update_settings, "ai_gateway.settings.update"),
        Endpoint("GET", "/ai-gateway/environments", list_environments),
        Endpoint("PUT", "/ai-gateway/keys/{key_id}/environment", set_key_environment, "key.update"),
        Endpoint("POST", "/intelligence/keys/{key_id}/rotate", rotate_key, "key.rotate"),
        Endpoint("GET", "/ai-gateway/health", health),
        Endpoint("GET", "/ai-gateway/provider-health", provider_health),
        Endpoint("GET", TRACES, list_requests),
        Endpoint("GET", TRACES + "/{request_id}", get_request),
    ]
