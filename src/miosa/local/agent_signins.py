"""Agent sign-ins (``/agent-signins``) and agent accounts (``/agent-accounts``).

A sign-in connects a subscription plan: ``claude_code`` is a ``paste_code`` flow (the user
hands back the code the provider's page shows: any code of 6 or more characters is taken
here, a shorter one answers 422 ``SIGNIN_CODE_REJECTED`` and the sign-in stays open), the
others are ``device_code`` flows, which nobody can approve locally: the server approves
them itself ``APPROVAL_DELAY`` seconds after they start. A connected plan becomes the
scope's subscription credential (see agent_settings.py) and an agent account. A session
expires after 15 minutes. A sign-in started for an end user is not visible to another.

API key accounts are stored with a redacted ``preview`` only.
"""

from __future__ import annotations

import secrets

from starlette.responses import Response

from .agent_settings import CREDENTIALS, Scope, preview, scope_of, store_credential
from .common import JSON, iso, new_id, now
from .fields import optional
from .http import ApiError, bad_request, no_content, not_found, ok
from .routing import Call, Endpoint

SESSION_SECONDS = 15 * 60
APPROVAL_DELAY = 0.2
MIN_CODE = 6
# Sign-in provider -> (flow, the credential a success connects).
PROVIDERS = {
    "claude_code": ("paste_code", "claude_subscription"),
    "codex": ("device_code", "chatgpt_subscription"),
    "kimi_code": ("device_code", "kimi_subscription"),
    "mistral_vibe": ("device_code", "mistral_subscription"),
}
FINAL = frozenset({"succeeded", "failed", "expired", "cancelled"})
API_KEY_PROVIDERS = frozenset(c for c, (_, kind, _f) in CREDENTIALS.items() if kind == "api_key")


def _sessions(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault("agent-signins", {})


def accounts(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault("agent-accounts", {})


def _public(session: JSON) -> JSON:
    return {k: v for k, v in session.items() if not k.startswith("_")}


def _connect(call: Call, session: JSON) -> None:
    """Mark the sign-in succeeded and store the plan at its scope."""
    stamp = iso(now())
    account = {"account_email": "user@plan.miosa.local", "account_plan": "pro"}
    session.update(status="succeeded", account=account, updated_at=stamp)
    scope = Scope(session["_level"], session["workspace_id"], session["external_user_id"])
    credential = PROVIDERS[session["provider"]][1]
    store_credential(call, scope, credential, {**account, "usable_by": [], "updated_at": stamp})
    ident = new_id("acct")
    accounts(call)[ident] = {
        "id": ident, "provider": session["provider"], "kind": "subscription",
        "name": CREDENTIALS[credential][0], "preview": None, **account,
        "workspace_id": scope.workspace_id, "external_user_id": scope.external_user_id,
        "created_at": stamp,
    }  # fmt: skip


def _advance(call: Call, session: JSON) -> JSON:
    """Apply what time did to the session: expiry, and a device flow's approval."""
    if session["status"] in FINAL:
        return session
    if now() >= session["_expires"]:
        session.update(status="expired", error="the sign-in expired", updated_at=iso(now()))
    elif session["mode"] == "device_code" and now() >= session["_approve_at"]:
        _connect(call, session)
    return session


def _session(call: Call) -> JSON:
    ident = call.params["signin_id"]
    session = _sessions(call).get(ident)
    asked = call.query.get("external_user_id") or None
    if session is None or (asked and asked != session["external_user_id"]):
        raise not_found("sign-in", ident)
    return _advance(call, session)


async def start(call: Call) -> Response:
    body = await call.json()
    provider = optional(body, "provider", str)
    if provider not in PROVIDERS:
        raise bad_request(f"provider must be one of {', '.join(PROVIDERS)}", field="provider")
    scope = scope_of(body)
    mode = PROVIDERS[provider][0]
    started = now()
    ident = new_id("signin")
    user_code = None if mode == "paste_code" else f"{secrets.token_hex(2)}-{secrets.token_hex(2)}"
    session: JSON = {
        "id": ident,
        "provider": provider,
        "mode": mode,
        "status": "awaiting_code",
        "verification_url": f"https://signin.miosa.local/{provider}/{ident}",
        "user_code": user_code.upper() if user_code else None,
        "expires_at": iso(started + SESSION_SECONDS),
        "error": None,
        "account": None,
        "workspace_id": scope.workspace_id,
        "external_user_id": scope.external_user_id,
        "created_at": iso(started),
        "updated_at": iso(started),
        "_level": scope.level,
        "_expires": started + SESSION_SECONDS,
        "_approve_at": started + APPROVAL_DELAY,
    }
    _sessions(call)[ident] = session
    call.resource_id = ident
    return ok(_public(session), 201)


async def get(call: Call) -> Response:
    return ok(_public(_session(call)))


async def submit_code(call: Call) -> Response:
    body = await call.json()
    session = _session(call)
    if body.get("external_user_id") and body["external_user_id"] != session["external_user_id"]:
        raise not_found("sign-in", session["id"])
    code = body.get("code")
    if not isinstance(code, str) or not code.strip():
        raise bad_request("code is required", field="code")
    if session["status"] in FINAL:
        raise ApiError(409, "SIGNIN_FINISHED", f"the sign-in already {session['status']}")
    if len(code.strip()) < MIN_CODE:
        raise ApiError(422, "SIGNIN_CODE_REJECTED", "the code was not accepted; try again")
    _connect(call, session)
    return ok(_public(session))


async def cancel(call: Call) -> Response:
    session = _session(call)
    if session["status"] not in FINAL:
        session.update(status="cancelled", updated_at=iso(now()))
    return no_content()


# -- accounts --------------------------------------------------------------------------


async def list_accounts(call: Call) -> Response:
    return ok(sorted(accounts(call).values(), key=lambda a: str(a["created_at"])))


async def create_api_key(call: Call) -> Response:
    body = await call.json()
    provider = optional(body, "provider", str)
    if provider not in API_KEY_PROVIDERS:
        raise bad_request(
            f"provider must be one of {', '.join(sorted(API_KEY_PROVIDERS))}", field="provider"
        )
    key = body.get("api_key")
    if not isinstance(key, str) or not key:
        raise bad_request("api_key is required", field="api_key")
    ident = new_id("acct")
    account = {
        "id": ident, "provider": provider, "kind": "api_key",
        "name": body.get("name") or CREDENTIALS[provider][0], "preview": preview(key),
        "account_email": None, "account_plan": None,
        "workspace_id": body.get("workspace_id"), "external_user_id": None,
        "created_at": iso(now()),
    }  # fmt: skip
    accounts(call)[ident] = account
    call.resource_id = ident
    return ok(account, 201)


async def delete_account(call: Call) -> Response:
    ident = call.params["account_id"]
    if accounts(call).pop(ident, None) is None:
        raise not_found("agent account", ident)
    return no_content()


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("POST", "/agent-signins", start, "agent_signin.create"),
        Endpoint("GET", "/agent-signins/{signin_id}", get),
        Endpoint("POST", "/agent-signins/{signin_id}/code", submit_code, "agent_signin.code"),
        Endpoint("DELETE", "/agent-signins/{signin_id}", cancel, "agent_signin.cancel"),
        Endpoint("GET", "/agent-accounts", list_accounts),
        Endpoint("POST", "/agent-accounts/api-keys", create_api_key, "agent_account.create"),
        Endpoint("DELETE", "/agent-accounts/{account_id}", delete_account, "agent_account.delete"),
    ]
