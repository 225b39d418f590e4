"""API keys, workspace members and invites, organisation invites."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now, parse_iso
from .fields import optional, require
from .http import (
    ApiError,
    bad_request,
    created,
    int_param,
    json_response,
    no_content,
    not_found,
    ok,
    page_response,
)
from .routing import Call, Endpoint
from .state import ApiKey

KEY_STATUSES = ("active", "disabled")
MAX_KEY_EVENTS = 500
BUILT_IN_PRESETS: dict[str, JSON] = {
    "full-access": {"description": "Every scope", "scopes": ["*"]},
    "read-only": {
        "description": "Read sandboxes, templates and usage",
        "scopes": ["sandboxes:read", "templates:read", "usage:read"],
    },
    "sandboxes": {
        "description": "Create and drive sandboxes",
        "scopes": ["sandboxes:read", "sandboxes:write"],
    },
}
WORKSPACE_ROLES = ("owner", "admin", "member", "viewer")
ORG_ROLES = ("owner", "admin", "member")
INVITE_TTL = 7 * 86400


# -- API keys ---------------------------------------------------------------------------


def key_json(call: Call, key: ApiKey) -> JSON:
    """A key record without its plaintext."""
    return {
        "id": key.id,
        "tenant_id": call.store.settings.tenant_id,
        "name": key.name,
        "prefix": key.token[:14],
        "scopes": key.scopes,
        "external_user_id": key.external_user_id,
        "status": key.status,
        "expires_at": key.expires_at,
        "last_used_at": iso(key.last_used_at),
        "created_at": iso(key.created_at),
    }


def _scopes(value: Any, required: bool) -> list[str]:
    if value is None and not required:
        return ["*"]
    if (
        not isinstance(value, list)
        or not all(isinstance(s, str) for s in value)
        or (required and not value)
    ):
        raise bad_request("scopes must be a non-empty array of strings", field="scopes")
    return value


def _expires(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or parse_iso(value) is None:
        raise bad_request("expires_at must be an ISO-8601 timestamp", field="expires_at")
    return value


def _issue(
    call: Call, name: str, scopes: list[str], expires_at: str | None, external_user_id: str | None
) -> Response:
    token = "msk_u_" + secrets.token_hex(20)
    key = ApiKey(
        id=new_id("key"),
        token=token,
        name=name,
        scopes=scopes,
        expires_at=expires_at,
        created_at=now(),
        external_user_id=external_user_id,
    )
    call.store.api_keys[key.id] = key
    call.resource_id = key.id
    _key_event(call, key, "created", {"scopes": scopes})
    return created(key_json(call, key) | {"key": token, "token": token})


def _key_event(call: Call, key: ApiKey, kind: str, metadata: JSON) -> None:
    client = call.request.client
    key.events.append(
        {
            "id": new_id("kev", 10),
            "key_id": key.id,
            "type": kind,
            "ip_address": client.host if client else None,
            "user_agent": call.request.headers.get("user-agent"),
            "metadata": metadata,
            "created_at": iso(now()),
        }
    )
    del key.events[:-MAX_KEY_EVENTS]


def _key(call: Call) -> ApiKey:
    key = call.store.api_keys.get(call.params["key_id"])
    if key is None:
        raise not_found("api key", call.params["key_id"])
    return key


async def get_key(call: Call) -> Response:
    """``GET /api-keys/{key_id}``: ``end_user`` summarises a key scoped to an end user."""
    key = _key(call)
    end_user = None
    if key.external_user_id is not None:
        end_user = {
            "external_user_id": key.external_user_id,
            "scopes": key.scopes,
            "quota": call.store.quotas.get(key.external_user_id),
        }
    return ok(key_json(call, key) | {"end_user": end_user})


async def update_key(call: Call) -> Response:
    """``PATCH /api-keys/{key_id}``: ``name``, ``scopes``, ``status`` (active/disabled)."""
    key = _key(call)
    body = await call.json()
    changed: JSON = {}
    if "name" in body:
        key.name = changed["name"] = require(body, "name", str)
    if "scopes" in body:
        key.scopes = changed["scopes"] = _scopes(body["scopes"], True)
    if "status" in body:
        key.status = changed["status"] = require(body, "status", str, choices=KEY_STATUSES)
    _key_event(call, key, "updated", changed)
    return ok(key_json(call, key))


async def rotate_key(call: Call) -> Response:
    """``POST /api-keys/{key_id}/rotate``: a new plaintext, this once; the old one stops."""
    key = _key(call)
    key.token = "msk_u_" + secrets.token_hex(20)
    _key_event(call, key, "rotated", {})
    return ok(key_json(call, key) | {"key": key.token, "token": key.token})


async def key_events(call: Call) -> Response:
    """``GET /api-keys/{key_id}/events?type=&limit=``: newest first."""
    key = _key(call)
    kind = call.query.get("type")
    items = [e for e in reversed(key.events) if not kind or e["type"] == kind]
    limit = int_param(call.query, "limit", 100, 1, MAX_KEY_EVENTS)
    return json_response({"data": items[:limit]})


def _preset_json(name: str, preset: JSON, built_in: bool) -> JSON:
    return {
        "name": name,
        "description": preset.get("description"),
        "scopes": preset["scopes"],
        "built_in": built_in,
        "created_at": preset.get("created_at"),
    }


async def list_presets(call: Call) -> Response:
    """``GET /api-keys/presets``: the built-in presets, then the organisation's own."""
    items = [_preset_json(n, p, True) for n, p in BUILT_IN_PRESETS.items()]
    items += [_preset_json(n, p, False) for n, p in call.store.api_key_presets.items()]
    return json_response({"data": items})


async def create_preset(call: Call) -> Response:
    """``POST /api-keys/presets``: 409 ``PRESET_RESERVED`` for a built-in name."""
    body = await call.json()
    name = require(body, "name", str)
    if name in BUILT_IN_PRESETS:
        raise ApiError(409, "PRESET_RESERVED", f"{name!r} is a built-in preset name")
    description = optional(body, "description", str)
    preset: JSON = {
        "description": description,
        "scopes": _scopes(body.get("scopes"), True),
        "created_at": iso(now()),
    }
    call.store.api_key_presets[name] = preset
    call.resource_id = name
    return created(_preset_json(name, preset, False))


async def delete_preset(call: Call) -> Response:
    """``DELETE /api-keys/presets/{name}``: built-in presets cannot be removed."""
    name = call.params["name"]
    if name in BUILT_IN_PRESETS:
        raise ApiError(409, "PRESET_RESERVED", f"{name!r} is a built-in preset")
    if call.store.api_key_presets.pop(name, None) is None:
        raise not_found("api key preset", name)
    return no_content()


async def list_keys(call: Call) -> Response:
    """``GET /api-keys``."""
    return page_response([key_json(call, k) for k in call.store.api_keys.values()], call.query)


async def create_key(call: Call) -> Response:
    """``POST /api-keys``: the plaintext is in ``key`` and ``token``, this once."""
    body = await call.json()
    name = require(body, "name", str)
    return _issue(
        call, name, _scopes(body.get("scopes"), False), _expires(body.get("expires_at")), None
    )


async def create_scoped_key(call: Call) -> Response:
    """``POST /api-keys/scoped``: a key that sees only one external user's sandboxes."""
    body = await call.json()
    user = require(body, "external_user_id", str)
    name = optional(body, "name", str) or f"scoped:{user}"
    return _issue(
        call, name, _scopes(body.get("scopes"), True), _expires(body.get("expires_at")), user
    )


async def delete_key(call: Call) -> Response:
    """``DELETE /api-keys/{key_id}``: the key stops working at once."""
    if call.store.api_keys.pop(call.params["key_id"], None) is None:
        raise not_found("api key", call.params["key_id"])
    return no_content()


# -- workspace members -----------------------------------------------------------------


def _members(call: Call) -> dict[str, JSON]:
    """Members of a workspace; a workspace first seen starts with the tenant owner."""
    workspace_id = call.params["workspace_id"]
    members = call.store.members.get(workspace_id)
    if members is None:
        owner = call.store.settings.owner_id
        members = {
            owner: {
                "user_id": owner,
                "workspace_id": workspace_id,
                "role": "owner",
                "joined_at": iso(call.store.started_at),
                "added_by": None,
            }
        }
        call.store.members[workspace_id] = members
    return members


def _member_json(call: Call, member: JSON) -> JSON:
    person = call.store.org_members.get(member["user_id"], {})
    return {**member, "email": person.get("email"), "name": person.get("name"), "avatar_url": None}


def _role(value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise bad_request(f"role must be one of {', '.join(allowed)}", field="role")
    return str(value)


async def list_members(call: Call) -> Response:
    """``GET /workspaces/{workspace_id}/members``."""
    return page_response(
        [_member_json(call, m) for m in _members(call).values()], call.query, key="user_id"
    )


async def add_member(call: Call) -> Response:
    """``POST /workspaces/{workspace_id}/members``: the user must belong to the organisation."""
    body = await call.json()
    user_id = body.get("user_id")
    if not isinstance(user_id, str) or not user_id:
        raise bad_request("user_id is required", field="user_id")
    if user_id not in call.store.org_members:
        raise ApiError(
            422, "NOT_TENANT_MEMBER", f"user {user_id} is not a member of the organisation"
        )
    members = _members(call)
    member = {
        "user_id": user_id,
        "workspace_id": call.params["workspace_id"],
        "role": _role(body.get("role", "member"), WORKSPACE_ROLES),
        "joined_at": iso(now()),
        "added_by": call.principal.key_id,
    }
    members[user_id] = member
    call.resource_id = user_id
    return created(_member_json(call, member))


def _member(call: Call) -> JSON:
    member = _members(call).get(call.params["user_id"])
    if member is None:
        raise not_found("workspace member", call.params["user_id"])
    return member


def _guard_last_owner(call: Call, member: JSON) -> None:
    owners = [m for m in _members(call).values() if m["role"] == "owner"]
    if member["role"] == "owner" and len(owners) == 1:
        raise ApiError(409, "LAST_OWNER", "a workspace needs at least one owner")


async def update_member(call: Call) -> Response:
    """``PATCH /workspaces/{workspace_id}/members/{user_id}``."""
    member = _member(call)
    role = _role((await call.json()).get("role"), WORKSPACE_ROLES)
    if role != "owner":
        _guard_last_owner(call, member)
    member["role"] = role
    return ok(_member_json(call, member))


async def remove_member(call: Call) -> Response:
    """``DELETE /workspaces/{workspace_id}/members/{user_id}``: bare ``{deleted}``."""
    member = _member(call)
    _guard_last_owner(call, member)
    del _members(call)[member["user_id"]]
    return json_response({"deleted": True})


# -- invites ---------------------------------------------------------------------------


def _email(value: Any) -> str:
    if not isinstance(value, str) or "@" not in value:
        raise bad_request("email must be an email address", field="email")
    return value.strip().lower()


def _invite_url(call: Call, kind: str, token: str) -> str:
    url = call.request.url
    return f"{url.scheme}://{url.netloc}/api/v1/{kind}/{token}"


def _org_member_by_email(call: Call, email: str) -> JSON | None:
    return next((m for m in call.store.org_members.values() if m.get("email") == email), None)


def _join_org(call: Call, email: str, role: str) -> JSON:
    existing = _org_member_by_email(call, email)
    if existing is not None:
        return existing
    user_id = new_id("usr")
    person = {
        "user_id": user_id,
        "email": email,
        "name": email.split("@")[0],
        "role": role,
        "joined_at": iso(now()),
    }
    call.store.org_members[user_id] = person
    return person


def _status_check(invite: JSON) -> None:
    if invite.get("revoked_at"):
        raise ApiError(409, "REVOKED", "this invite was revoked")
    if invite.get("accepted_at"):
        raise ApiError(409, "ALREADY_ACCEPTED", "this invite was already accepted")
    if (parse_iso(invite["expires_at"]) or 0) < now():
        raise ApiError(410, "EXPIRED", "this invite has expired")


def _by_token(invites: dict[str, JSON], token: str) -> JSON:
    invite = next((i for i in invites.values() if i["token"] == token), None)
    if invite is None:
        raise ApiError(404, "INVALID_TOKEN", "no invite has this token")
    return invite


async def create_workspace_invite(call: Call) -> Response:
    """``POST /workspaces/{workspace_id}/invites``: ``type`` says invited or added at once."""
    body = await call.json()
    email, role = _email(body.get("email")), _role(body.get("role", "member"), WORKSPACE_ROLES)
    workspace_id = call.params["workspace_id"]
    person = _org_member_by_email(call, email)
    if person is not None:
        members = _members(call)
        member = {
            "user_id": person["user_id"],
            "workspace_id": workspace_id,
            "role": role,
            "joined_at": iso(now()),
            "added_by": call.principal.key_id,
        }
        members[person["user_id"]] = member
        return json_response({"data": _member_json(call, member), "type": "added"}, 201)
    token = "inv_" + secrets.token_urlsafe(24)
    invite: JSON = {
        "id": new_id("winv"),
        "workspace_id": workspace_id,
        "tenant_id": call.store.settings.tenant_id,
        "email": email,
        "role": role,
        "invited_by": call.principal.key_id,
        "expires_at": iso(now() + INVITE_TTL),
        "accepted_at": None,
        "revoked_at": None,
        "inserted_at": iso(now()),
        "token": token,
        "invite_url": _invite_url(call, "workspace-invites", token),
    }
    call.store.workspace_invites[invite["id"]] = invite
    call.resource_id = invite["id"]
    return json_response({"data": invite, "type": "invited"}, 201)


async def list_workspace_invites(call: Call) -> Response:
    """``GET /workspaces/{workspace_id}/invites``: pending ones, with ``total``."""
    items = [
        i
        for i in call.store.workspace_invites.values()
        if i["workspace_id"] == call.params["workspace_id"] and not i["revoked_at"]
    ]
    return json_response({"data": items, "total": len(items), "next_cursor": None})


def _revoke(invites: dict[str, JSON], invite_id: str) -> Response:
    invite = invites.get(invite_id)
    if invite is None:
        raise not_found("invite", invite_id)
    if invite.get("accepted_at"):
        raise ApiError(409, "ALREADY_ACCEPTED", "an accepted invite cannot be revoked")
    invite["revoked_at"] = invite.get("revoked_at") or iso(now())
    return json_response({"invite_id": invite_id, "revoked": True})


async def revoke_workspace_invite(call: Call) -> Response:
    """``DELETE /workspaces/{workspace_id}/invites/{invite_id}`` (idempotent)."""
    return _revoke(call.store.workspace_invites, call.params["invite_id"])


async def preview_workspace_invite(call: Call) -> Response:
    """``GET /workspace-invites/{token}`` (no auth)."""
    invite = _by_token(call.store.workspace_invites, call.params["token"])
    return ok(
        {
            "workspace_id": invite["workspace_id"],
            "workspace_name": invite["workspace_id"],
            "tenant_name": "Local tenant",
            "role": invite["role"],
            "email": invite["email"],
            "expires_at": invite["expires_at"],
            "expired": (parse_iso(invite["expires_at"]) or 0) < now(),
            "revoked": bool(invite["revoked_at"]),
            "accepted": bool(invite["accepted_at"]),
        }
    )


async def accept_workspace_invite(call: Call) -> Response:
    """``POST /workspace-invites/{token}/accept``: bare ``{accepted, workspace_id, ...}``."""
    invite = _by_token(call.store.workspace_invites, call.params["token"])
    _status_check(invite)
    person = _join_org(call, invite["email"], "member")
    invite["accepted_at"] = iso(now())
    members = call.store.members.setdefault(invite["workspace_id"], {})
    members[person["user_id"]] = {
        "user_id": person["user_id"],
        "workspace_id": invite["workspace_id"],
        "role": invite["role"],
        "joined_at": iso(now()),
        "added_by": invite["invited_by"],
    }
    call.resource_id = invite["id"]
    return json_response(
        {
            "accepted": True,
            "workspace_id": invite["workspace_id"],
            "tenant_id": call.store.settings.tenant_id,
            "role": invite["role"],
            "user_id": person["user_id"],
        }
    )


def _tenant(call: Call) -> None:
    if call.params["tenant_id"] not in (call.store.settings.tenant_id, "local"):
        raise not_found("tenant", call.params["tenant_id"])


def _tenant_json(call: Call) -> JSON:
    stamp = iso(call.store.started_at)
    return {
        "id": call.store.settings.tenant_id,
        "name": "Local tenant",
        "slug": "local",
        "owner_user_id": call.store.settings.owner_id,
        "plan_id": "local",
        "plan_name": "Local development",
        "settings": {},
        "inserted_at": stamp,
        "updated_at": stamp,
    }


async def create_org_invite(call: Call) -> Response:
    """``POST /tenants/{tenant_id}/invites``."""
    _tenant(call)
    body = await call.json()
    email, role = _email(body.get("email")), _role(body.get("role", "member"), ORG_ROLES)
    token = "inv_" + secrets.token_urlsafe(24)
    invite: JSON = {
        "id": new_id("oinv"),
        "tenant_id": call.store.settings.tenant_id,
        "email": email,
        "role": role,
        "invited_by": call.principal.key_id,
        "expires_at": iso(now() + INVITE_TTL),
        "accepted_at": None,
        "revoked_at": None,
        "created_at": iso(now()),
        "token": token,
        "invite_url": _invite_url(call, "invites", token),
    }
    call.store.org_invites[invite["id"]] = invite
    call.resource_id = invite["id"]
    return created(invite | {"invite_id": invite["id"]})


async def list_org_invites(call: Call) -> Response:
    """``GET /tenants/{tenant_id}/invites``."""
    _tenant(call)
    items = [i for i in call.store.org_invites.values() if not i["revoked_at"]]
    return json_response({"data": items, "total": len(items), "next_cursor": None})


async def revoke_org_invite(call: Call) -> Response:
    """``DELETE /tenants/{tenant_id}/invites/{invite_id}``."""
    _tenant(call)
    return _revoke(call.store.org_invites, call.params["invite_id"])


async def preview_org_invite(call: Call) -> Response:
    """``GET /invites/{token}`` (no auth)."""
    invite = _by_token(call.store.org_invites, call.params["token"])
    return ok(
        {
            "email": invite["email"],
            "tenant_name": "Local tenant",
            "role": invite["role"],
            "expires_at": invite["expires_at"],
            "expired": (parse_iso(invite["expires_at"]) or 0) < now(),
            "accepted": bool(invite["accepted_at"]),
            "revoked": bool(invite["revoked_at"]),
        }
    )


async def accept_org_invite(call: Call) -> Response:
    """``POST /invites/{token}/accept``: 400 for an unknown, used or expired token."""
    try:
        invite = _by_token(call.store.org_invites, call.params["token"])
        _status_check(invite)
    except ApiError as err:
        raise ApiError(400, err.code, err.message) from None
    person = _join_org(call, invite["email"], invite["role"])
    invite["accepted_at"] = iso(now())
    call.resource_id = invite["id"]
    return json_response(
        {
            "accepted": True,
            "tenant_id": call.store.settings.tenant_id,
            "user_id": person["user_id"],
            "tenant": _tenant_json(call),
        }
    )


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    ws = "/workspaces/{workspace_id}"
    return [
        Endpoint("GET", "/api-keys", list_keys),
        Endpoint("POST", "/api-keys", create_key, "api_key.create"),
        Endpoint("POST", "/api-keys/scoped", create_scoped_key, "api_key.create_scoped"),
        # The presets routes come first: "presets" would otherwise match {key_id}.
        Endpoint("GET", "/api-keys/presets", list_presets),
        Endpoint("POST", "/api-keys/presets", create_preset, "api_key.preset.create"),
        Endpoint("DELETE", "/api-keys/presets/{name}", delete_preset, "api_key.preset.delete"),
        Endpoint("GET", "/api-keys/{key_id}", get_key),
        Endpoint("PATCH", "/api-keys/{key_id}", update_key, "api_key.update"),
        Endpoint("POST", "/api-keys/{key_id}/rotate", rotate_key, "api_key.rotate"),
        Endpoint("GET", "/api-keys/{key_id}/events", key_events),
        Endpoint("DELETE", "/api-keys/{key_id}", delete_key, "api_key.delete"),
        Endpoint("GET", ws + "/members", list_members),
        Endpoint("POST", ws + "/members", add_member, "workspace.member.add"),
        Endpoint("PATCH", ws + "/members/{user_id}", update_member, "workspace.member.update"),
        Endpoint("DELETE", ws + "/members/{user_id}", remove_member, "workspace.member.remove"),
        Endpoint("POST", ws + "/invites", create_workspace_invite, "workspace.invite.create"),
        Endpoint("GET", ws + "/invites", list_workspace_invites),
        Endpoint(
            "DELETE",
            ws + "/invites/{invite_id}",
            revoke_workspace_invite,
            "workspace.invite.revoke",
        ),
        Endpoint("GET", "/workspace-invites/{token}", preview_workspace_invite, public=True),
        Endpoint(
            "POST",
            "/workspace-invites/{token}/accept",
            accept_workspace_invite,
            "workspace.invite.accept",
        ),
        Endpoint("POST", "/tenants/{tenant_id}/invites", create_org_invite, "org.invite.create"),
        Endpoint("GET", "/tenants/{tenant_id}/invites", list_org_invites),
        Endpoint(
            "DELETE",
            "/tenants/{tenant_id}/invites/{invite_id}",
            revoke_org_invite,
            "org.invite.revoke",
        ),
        Endpoint("GET", "/invites/{token}", preview_org_invite, public=True),
        Endpoint("POST", "/invites/{token}/accept", accept_org_invite, "org.invite.accept"),
    ]
