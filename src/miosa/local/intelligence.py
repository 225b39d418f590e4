"""Intelligence management: agent model assignments, evaluation runs, provider
credentials, and the tenant's BYOK provider keys (``/settings/provider-keys``).

Assignments are keyed by agent id and credentials by provider (``PUT`` creates or
replaces). Evaluation runs keep the executor protocol production has: a run is queued,
claimed once (``running``), then reported ``completed`` or ``failed``, or cancelled; a
verb out of order is a 409. Secrets (credential ``api_key``, provider ``key``) are kept
out of every reply; testing a credential does not call the provider, it answers a
canned success once a secret is stored.
"""

from __future__ import annotations

from starlette.responses import Response

from .ai_gateway import EVALUATIONS
from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import ApiError, json_response, no_content, not_found, ok
from .records import find
from .routing import Call, Endpoint

ASSIGNMENTS = "/intelligence/agent-model-assignments"
RUNS = "/intelligence/evaluations/runs"
CREDENTIALS = "/intelligence/provider-credentials"
PROVIDER_KEYS = "/settings/provider-keys"
# Providers production lists as supported beside the stored credentials.
SUPPORTED_PROVIDERS = ("anthropic", "openai", "google", "groq", "mistral", "deepseek", "moonshot")
REPORTED = ("completed", "failed")


def _table(call: Call, path: str) -> dict[str, JSON]:
    return call.store.records.setdefault(path, {})


def _conflict(what: str, ident: str, state: str, wanted: str) -> ApiError:
    return ApiError(
        409,
        "CONFLICT",
        f"{what} {ident} is {state}, not {wanted}",
        {"id": ident, "status": state},
    )


# -- agent model assignments -----------------------------------------------------------


async def list_assignments(call: Call) -> Response:
    """``GET /intelligence/agent-model-assignments``."""
    return ok(list(_table(call, ASSIGNMENTS).values()))


def _assignment(call: Call) -> JSON:
    agent_id = call.params["agent_id"]
    found = _table(call, ASSIGNMENTS).get(agent_id)
    if found is None:
        raise not_found("agent model assignment", agent_id)
    return found


async def get_assignment(call: Call) -> Response:
    """``GET /intelligence/agent-model-assignments/{agent_id}``."""
    return ok(_assignment(call))


async def set_assignment(call: Call) -> Response:
    """``PUT /intelligence/agent-model-assignments/{agent_id}``: creates or replaces."""
    body = await call.json()
    agent_id = call.params["agent_id"]
    assignment: JSON = {
        "agent_id": agent_id,
        "model": require(body, "model", str),
        "fallback_models": optional(body, "fallback_models", list, [], items=str),
        "parameters": optional(body, "parameters", dict, {}),
        "enabled": optional(body, "enabled", bool, True),
        "updated_at": iso(now()),
    }
    _table(call, ASSIGNMENTS)[agent_id] = assignment
    return ok(assignment)


async def delete_assignment(call: Call) -> Response:
    """``DELETE /intelligence/agent-model-assignments/{agent_id}``."""
    del _table(call, ASSIGNMENTS)[_assignment(call)["agent_id"]]
    return no_content()


# -- evaluation runs -------------------------------------------------------------------


async def start_run(call: Call) -> Response:
    """``POST /intelligence/evaluations/{evaluation_id}/runs``: queues a run (202); a
    replay with the same body ``idempotency_key`` answers the run it first queued."""
    policy = find(call, EVALUATIONS)
    body = await call.json()
    model = optional(body, "model", str) or policy.get("model")
    key = optional(body, "idempotency_key", str)
    runs = _table(call, RUNS)
    if key:
        for earlier in runs.values():
            if earlier["policy_id"] == policy["id"] and earlier.get("idempotency_key") == key:
                return ok(earlier, 202)
    stamp = iso(now())
    run: JSON = {
        "id": new_id("evrun"),
        "policy_id": policy["id"],
        "status": "queued",
        "model": model,
        "idempotency_key": key,
        "results": [],
        "summary": None,
        "error": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    runs[run["id"]] = run
    call.resource_id = run["id"]
    return ok(run, 202)


async def list_runs(call: Call) -> Response:
    """``GET /intelligence/evaluations/runs``: newest first, by ``policy_id``."""
    policy_id = call.query.get("policy_id")
    found = [
        r
        for r in reversed(list(_table(call, RUNS).values()))
        if not policy_id or r["policy_id"] == policy_id
    ]
    return ok(found)


def _run(call: Call) -> JSON:
    run_id = call.params["run_id"]
    run = _table(call, RUNS).get(run_id)
    if run is None:
        raise not_found("evaluation run", run_id)
    return run


def _move(run: JSON, status: str) -> JSON:
    run["status"] = status
    run["updated_at"] = iso(now())
    return run


async def get_run(call: Call) -> Response:
    """``GET /intelligence/evaluations/runs/{run_id}``."""
    return ok(_run(call))


async def claim_run(call: Call) -> Response:
    """``POST .../runs/{run_id}/claim``: queued -> running, exactly once."""
    run = _run(call)
    if run["status"] != "queued":
        raise _conflict("evaluation run", run["id"], run["status"], "queued")
    return ok(_move(run, "running"))


async def report_run(call: Call) -> Response:
    """``POST .../runs/{run_id}/result``: a running run ends completed (with its results)
    or failed (with an error)."""
    run = _run(call)
    body = await call.json()
    status = require(body, "status", str, choices=REPORTED)
    results = optional(body, "results", list, [], items=dict)
    summary = optional(body, "summary", dict)
    error = optional(body, "error", str)
    if status == "failed" and not error:
        require(body, "error", str)  # the 400 naming the missing field
    if run["status"] != "running":
        raise _conflict("evaluation run", run["id"], run["status"], "running")
    run.update(results=results, summary=summary, error=error)
    return ok(_move(run, status))


async def cancel_run(call: Call) -> Response:
    """``POST .../runs/{run_id}/cancel``: a queued or running run is cancelled."""
    run = _run(call)
    if run["status"] not in ("queued", "running"):
        raise _conflict("evaluation run", run["id"], run["status"], "queued or running")
    return ok(_move(run, "cancelled"))


# -- provider credentials --------------------------------------------------------------


def _public(record: JSON) -> JSON:
    """The record without its secret (kept under ``_secret``)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _credential(call: Call) -> JSON:
    provider = call.params["provider"]
    found = _table(call, CREDENTIALS).get(provider)
    if found is None:
        raise not_found("provider credential", provider)
    return found


async def list_credentials(call: Call) -> Response:
    """``GET /intelligence/provider-credentials``: the stored ones and the supported
    providers."""
    found = [_public(c) for c in _table(call, CREDENTIALS).values()]
    return json_response({"data": found, "providers_supported": list(SUPPORTED_PROVIDERS)})


async def get_credential(call: Call) -> Response:
    """``GET /intelligence/provider-credentials/{provider}``."""
    return ok(_public(_credential(call)))


async def set_credential(call: Call) -> Response:
    """``PUT /intelligence/provider-credentials/{provider}``: stores (or replaces) it."""
    body = await call.json()
    provider = call.params["provider"]
    secret = require(body, "api_key", str)
    previous = _table(call, CREDENTIALS).get(provider, {})
    stamp = iso(now())
    record: JSON = {
        "id": previous.get("id") or new_id("pcred"),
        "provider": provider,
        "name": optional(body, "name", str),
        "metadata": optional(body, "metadata", dict, {}),
        "workspace_id": None,
        "created_at": previous.get("created_at") or stamp,
        "updated_at": stamp,
        "_secret": secret,
    }
    _table(call, CREDENTIALS)[provider] = record
    return ok(_public(record))


async def update_credential(call: Call) -> Response:
    """``PATCH /intelligence/provider-credentials/{provider}``: the fields given."""
    record = _credential(call)
    body = await call.json()
    changes: JSON = {
        "name": optional(body, "name", str),
        "metadata": optional(body, "metadata", dict),
        "_secret": optional(body, "api_key", str),
    }
    record.update({k: v for k, v in changes.items() if v})
    record["updated_at"] = iso(now())
    return ok(_public(record))


async def delete_credential(call: Call) -> Response:
    """``DELETE /intelligence/provider-credentials/{provider}``."""
    del _table(call, CREDENTIALS)[_credential(call)["provider"]]
    return no_content()


def _check(record: JSON, status: str, message: str) -> JSON:
    return {
        "provider": record["provider"],
        "ok": True,
        "valid": True,
        "status": status,
        "message": message,
        "error": None,
    }


async def test_credential(call: Call) -> Response:
    """``POST .../{provider}/test``: canned success (no provider is called locally)."""
    record = _credential(call)
    return ok(_check(record, "ok", "stored key present; the local server calls no provider"))


async def validate_storage(call: Call) -> Response:
    """``POST .../{provider}/validate-storage``: the stored secret reads back intact."""
    record = _credential(call)
    return ok(_check(record, "intact", "the stored secret decrypts"))


# -- BYOK provider keys ----------------------------------------------------------------


def _masked(secret: str) -> str:
    return f"{secret[:4]}...{secret[-4:]}" if len(secret) > 8 else "****"


async def list_provider_keys(call: Call) -> Response:
    """``GET /settings/provider-keys``."""
    return ok([_public(k) for k in _table(call, PROVIDER_KEYS).values()])


async def upsert_provider_key(call: Call) -> Response:
    """``PUT /settings/provider-keys/{provider}``: stores (or replaces) the key; the
    reply shows it masked."""
    secret = require(await call.json(), "key", str)
    provider = call.params["provider"]
    previous = _table(call, PROVIDER_KEYS).get(provider, {})
    stamp = iso(now())
    record: JSON = {
        "id": previous.get("id") or new_id("pkey"),
        "provider": provider,
        "masked_key": _masked(secret),
        "created_at": previous.get("created_at") or stamp,
        "updated_at": stamp,
        "_secret": secret,
    }
    _table(call, PROVIDER_KEYS)[provider] = record
    return ok(_public(record))


async def delete_provider_key(call: Call) -> Response:
    """``DELETE /settings/provider-keys/{provider}``."""
    provider = call.params["provider"]
    if _table(call, PROVIDER_KEYS).pop(provider, None) is None:
        raise not_found("provider key", provider)
    return no_content()


def endpoints() -> list[Endpoint]:
    assignment = ASSIGNMENTS + "/{agent_id}"
    run = RUNS + "/{run_id}"
    credential = CREDENTIALS + "/{provider}"
    provider_key = PROVIDER_KEYS + "/{provider}"
    return [
        Endpoint("GET", ASSIGNMENTS, list_assignments),
        Endpoint("GET", assignment, get_assignment),
        Endpoint("PUT", assignment, set_assignment, "agent_model.update"),
        Endpoint("DELETE", assignment, delete_assignment, "agent_model.delete"),
        Endpoint(
            "POST", "/intelligence/evaluations/{evaluation_id}/runs", start_run, "evaluation.run"
        ),
        Endpoint("GET", RUNS, list_runs),
        Endpoint("GET", run, get_run),
        Endpoint("POST", run + "/claim", claim_run, "evaluation_run.claim"),
        Endpoint("POST", run + "/result", report_run, "evaluation_run.report"),
        Endpoint("POST", run + "/cancel", cancel_run, "evaluation_run.cancel"),
        Endpoint("GET", CREDENTIALS, list_credentials),
        Endpoint("GET", credential, get_credential),
        Endpoint("PUT", credential, set_credential, "provider_credential.update"),
        Endpoint("PATCH", credential, update_credential, "provider_credential.update"),
        Endpoint("DELETE", credential, delete_credential, "provider_credential.delete"),
        Endpoint("POST", credential + "/test", test_credential),
        Endpoint("POST", credential + "/validate-storage", validate_storage),
        Endpoint("GET", PROVIDER_KEYS, list_provider_keys),
        Endpoint("PUT", provider_key, upsert_provider_key, "provider_key.update"),
        Endpoint("DELETE", provider_key, delete_provider_key, "provider_key.delete"),
    ]
