"""Who a credential is (``/whoami``) and scoped delegation tokens (``/tokens/scoped``).

A delegation token is an unsigned JWT-shaped string here (the local server verifies no
tokens); what the server checks is what production refuses: an empty user or workspace,
a lifetime over a day, and scopes the caller does not hold.
"""

from __future__ import annotations

import base64
import json
import secrets

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import bad_request, no_content, not_found, ok
from .routing import Call, Endpoint

TOKENS = "/tokens/scoped"
MAX_SECONDS = 86_400


async def whoami(call: Call) -> Response:
    """``GET /whoami``: the caller's key, organization and scopes; never the key itself."""
    principal = call.principal
    settings = call.store.settings
    owner = call.store.org_members.get(settings.owner_id, {})
    return ok(
        {
            "credential_type": "api_key",
            "key_id": principal.key_id,
            "user": {"id": settings.owner_id, "email": owner.get("email"),
                     "name": owner.get("name")} if principal.is_root else None,
            "organization": {"id": settings.tenant_id, "name": "Local tenant", "slug": "local"},
            "workspace": None,
            "plan": {"id": "local", "name": "Local development"},
            "scopes": list(principal.scopes),
        }
    )  # fmt: skip


def _b64(value: JSON) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def _held(held: tuple[str, ...], wanted: str) -> bool:
    return "*" in held or wanted in held or f"{wanted.split(':')[0]}:*" in held


async def create_token(call: Call) -> Response:
    body = await call.json()
    for name in ("user_id", "workspace_id"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)
    seconds = body.get("expires_in_seconds", 3600)
    if not isinstance(seconds, int) or not 0 < seconds <= MAX_SECONDS:
        raise bad_request(
            f"expires_in_seconds must be 1..{MAX_SECONDS}", field="expires_in_seconds"
        )
    held = call.principal.scopes
    scopes = body.get("scopes", list(held))
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise bad_request("scopes must be a list of scope names", field="scopes")
    beyond = [s for s in scopes if not _held(held, s)]
    if beyond:
        raise bad_request(f"scopes beyond the caller's own: {', '.join(beyond)}", field="scopes")
    expires = now() + seconds
    token_id = new_id("stk")
    claims = {"jti": token_id, "sub": body["user_id"], "workspace_id": body["workspace_id"],
              "scopes": scopes, "exp": int(expires)}  # fmt: skip
    record: JSON = {
        "id": token_id,
        "user_id": body["user_id"],
        "workspace_id": body["workspace_id"],
        "scopes": scopes,
        "expires_at": iso(expires),
        "created_at": iso(now()),
        "revoked_at": None,
    }
    call.store.records.setdefault(TOKENS, {})[token_id] = record
    call.resource_id = token_id
    jwt = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.{secrets.token_urlsafe(8)}"
    return ok({**record, "token": jwt}, 201)


async def list_tokens(call: Call) -> Response:
    wanted = {n: call.query[n] for n in ("user_id", "workspace_id") if call.query.get(n)}
    items = [
        t
        for t in call.store.records.get(TOKENS, {}).values()
        if t["revoked_at"] is None and all(t.get(k) == v for k, v in wanted.items())
    ]
    return ok(items)


async def delete_token(call: Call) -> Response:
    token = call.store.records.get(TOKENS, {}).get(call.params["token_id"])
    if token is None or token["revoked_at"] is not None:
        raise not_found("scoped token", call.params["token_id"])
    token["revoked_at"] = iso(now())
    return no_content()


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/whoami", whoami),
        Endpoint("POST", TOKENS, create_token, "token.scoped.create"),
        Endpoint("GET", TOKENS, list_tokens),
        Endpoint("DELETE", TOKENS + "/{token_id}", delete_token, "token.scoped.delete"),
    ]
