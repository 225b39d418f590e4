"""The tenant: plan, preview domain, branding (two surfaces), policy, members and the
tenant-wide event streams."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import Response

from .common import JSON, glob_match, iso, new_id, now, split_csv
from .events import Event
from .http import ApiError, bad_request, json_response, no_content, not_found, ok
from .routing import Call, Endpoint
from .sse import SSEResponse, follow, last_event_id

BRANDING_KEYS = (
    "product_name",
    "logo_url",
    "support_url",
    "support_email",
    "primary_color",
    "background_color",
)
SETTINGS_BRANDING_KEYS = ("logo_url", "primary_color", "wordmark")
DEFAULT_BRANDING: JSON = {
    "product_name": "MIOSA",
    "logo_url": None,
    "support_url": None,
    "support_email": None,
    "primary_color": "#111827",
    "background_color": "#ffffff",
    "wordmark": "MIOSA",
}
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
CNAME_TARGET = "previews.miosa.local"


async def plan(call: Call) -> Response:
    """``GET /tenant/plan``."""
    store = call.store
    alive = [s for s in store.sandboxes.values() if s.alive]
    return ok(
        {
            "id": store.settings.tenant_id,
            "name": "Local tenant",
            "slug": "local",
            "plan": "local",
            "plan_name": "Local development",
            "status": "active",
            "limits": {
                "max_sandboxes": None,
                "max_concurrent": None,
                "exec_timeout_sec": store.settings.exec_max_timeout,
            },
            "usage": {
                "sandboxes": len(alive),
                "running": sum(1 for s in alive if s.state == "running"),
            },
            "metadata": {"isolation": store.settings.isolation},
            "created_at": iso(store.started_at),
            "updated_at": iso(store.started_at),
        }
    )


def _domain_json(call: Call) -> JSON:
    record = call.store.preview_domain
    domain = record.get("domain")
    return {
        "preview_domain": domain,
        "domain": domain,
        "verified": bool(record.get("verified_at")),
        "verified_at": record.get("verified_at"),
        "cname_target": CNAME_TARGET if domain else None,
        "created_at": record.get("created_at"),
    }


async def get_preview_domain(call: Call) -> Response:
    """``GET /tenant/preview-domain`` (nulls when none is set)."""
    return ok(_domain_json(call))


async def set_preview_domain(call: Call) -> Response:
    """``PUT /tenant/preview-domain`` with ``preview_domain`` or ``domain``."""
    body = await call.json()
    domain = body.get("preview_domain", body.get("domain"))
    if not isinstance(domain, str) or not _DOMAIN_RE.match(domain.lower().rstrip(".")):
        raise bad_request(
            "preview_domain must be a DNS name such as previews.example.com", field="preview_domain"
        )
    call.store.preview_domain = {
        "domain": domain.lower().rstrip("."),
        "verified_at": None,
        "created_at": iso(now()),
    }
    return ok(_domain_json(call))


async def verify_preview_domain(call: Call) -> Response:
    """``POST /tenant/preview-domain/verify``: a set domain verifies at once locally."""
    record = call.store.preview_domain
    domain = record.get("domain")
    if domain and not record.get("verified_at"):
        record["verified_at"] = iso(now())
    records = (
        [{"type": "CNAME", "name": f"*.sandbox.{domain}", "value": CNAME_TARGET}] if domain else []
    )
    return ok(
        {
            "verified": bool(domain),
            "target": CNAME_TARGET if domain else None,
            "records": records,
            "verified_at": record.get("verified_at"),
            "preview_domain": domain,
            "domain": domain,
        }
    )


async def delete_preview_domain(call: Call) -> Response:
    """``DELETE /tenant/preview-domain``."""
    call.store.preview_domain = {}
    return no_content()


def _branding(call: Call, keys: tuple[str, ...]) -> JSON:
    merged = {**DEFAULT_BRANDING, **call.store.branding}
    return {k: merged.get(k) for k in keys}


def _apply_branding(call: Call, values: Any, keys: tuple[str, ...]) -> None:
    if not isinstance(values, dict):
        raise bad_request("branding must be an object", field="branding")
    for key in keys:
        if key in values:
            value = values[key]
            if value is not None and not isinstance(value, str):
                raise bad_request(f"{key} must be a string", field=key)
            call.store.branding[key] = value


async def get_branding(call: Call) -> Response:
    """``GET /tenant/branding``."""
    return ok(_branding(call, BRANDING_KEYS))


async def set_branding(call: Call) -> Response:
    """``PUT /tenant/branding``: ``{branding: {...}}`` or the same keys flat."""
    body = await call.json()
    values = body["branding"] if isinstance(body.get("branding"), dict) else body
    _apply_branding(call, values, BRANDING_KEYS)
    return ok(_branding(call, BRANDING_KEYS))


async def delete_branding(call: Call) -> Response:
    """``DELETE /tenant/branding``: back to the platform defaults."""
    call.store.branding = {}
    return no_content()


async def get_settings_branding(call: Call) -> Response:
    """``GET /settings/branding`` (shares storage with the tenant branding)."""
    return ok(_branding(call, SETTINGS_BRANDING_KEYS))


async def set_settings_branding(call: Call) -> Response:
    """``PUT /settings/branding``."""
    body = await call.json()
    values = body["branding"] if isinstance(body.get("branding"), dict) else body
    _apply_branding(call, values, SETTINGS_BRANDING_KEYS)
    return ok(_branding(call, SETTINGS_BRANDING_KEYS))


async def events_stream(call: Call) -> Response:
    """``GET /events/stream?types=sandbox.*,webhook.delivered``: tenant-wide SSE.

    New events only, unless ``Last-Event-ID`` (or ``?replay=true`` for the retained history).
    """
    patterns = split_csv(call.query.get("types") or call.query.get("type"))
    log = call.store.tenant_events
    resume = last_event_id(call.request)
    if resume is None:
        resume = 0 if call.query.get("replay", "").lower() in ("1", "true") else log.last_id

    def keep(event: Event) -> bool:
        return glob_match(event.type, patterns)

    return SSEResponse(follow(log, resume, keep), call.store)


def _scope_filter(raw: str | None) -> tuple[str, str] | None:
    """``all`` (or nothing), ``workspace:<id>`` or ``external_user:<id>``; 400 otherwise."""
    if not raw or raw == "all":
        return None
    kind, _, ident = raw.partition(":")
    fields = {"workspace": "workspace_id", "external_user": "external_user_id"}
    if kind not in fields or not ident:
        raise bad_request("scope must be all, workspace:<id> or external_user:<id>", field="scope")
    return fields[kind], ident


async def admin_events_stream(call: Call) -> Response:
    """``GET /tenant/events/stream?types=&scope=``: the tenant log, narrowed by scope."""
    patterns = split_csv(call.query.get("types") or call.query.get("type"))
    scope = _scope_filter(call.query.get("scope"))
    log = call.store.tenant_events
    resume = last_event_id(call.request)
    if resume is None:
        resume = log.last_id

    def keep(event: Event) -> bool:
        if not glob_match(event.type, patterns):
            return False
        if scope is None:
            return True
        data = event.data.get("data")
        return isinstance(data, dict) and data.get(scope[0]) == scope[1]

    return SSEResponse(follow(log, resume, keep), call.store)


async def get_policy(call: Call) -> Response:
    """``GET /tenant/policy`` (``{}`` until one is set)."""
    return ok(call.store.tenant.get("policy") or {})


async def set_policy(call: Call) -> Response:
    """``PUT /tenant/policy``: the body replaces the policy."""
    call.store.tenant["policy"] = await call.json()
    return ok(call.store.tenant["policy"])


async def delete_policy(call: Call) -> Response:
    """``DELETE /tenant/policy``."""
    call.store.tenant.pop("policy", None)
    return no_content()


ORG_ROLES = ("owner", "admin", "member")


def _org_member_json(call: Call, person: JSON) -> JSON:
    return {
        "id": person["user_id"],
        "tenant_id": call.store.settings.tenant_id,
        "status": person.get("status", "active"),
        "invited_at": person.get("invited_at"),
        **{k: person.get(k) for k in ("user_id", "email", "name", "role", "joined_at")},
    }


def _org_role(value: Any) -> str:
    if value not in ORG_ROLES:
        raise bad_request(f"role must be one of {', '.join(ORG_ROLES)}", field="role")
    return str(value)


def _org_member(call: Call) -> JSON:
    person = call.store.org_members.get(call.params["member_id"])
    if person is None:
        raise not_found("member", call.params["member_id"])
    return person


def _guard_owner(call: Call, person: JSON) -> None:
    owners = [p for p in call.store.org_members.values() if p.get("role") == "owner"]
    if person.get("role") == "owner" and len(owners) == 1:
        raise ApiError(409, "LAST_OWNER", "the organisation needs an owner")


async def list_members(call: Call) -> Response:
    """``GET /tenant/members``."""
    items = [_org_member_json(call, p) for p in call.store.org_members.values()]
    return json_response({"data": items})


async def invite_member(call: Call) -> Response:
    """``POST /tenant/members``: a pending member until the person signs in."""
    body = await call.json()
    email = body.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise bad_request("email must be an email address", field="email")
    email = email.strip().lower()
    if any(p.get("email") == email for p in call.store.org_members.values()):
        raise ApiError(409, "ALREADY_MEMBER", f"{email} is already a member")
    user_id = new_id("usr")
    person: JSON = {
        "user_id": user_id,
        "email": email,
        "name": email.split("@")[0],
        "role": _org_role(body.get("role")),
        "joined_at": None,
        "invited_at": iso(now()),
        "status": "invited",
    }
    call.store.org_members[user_id] = person
    call.resource_id = user_id
    return ok(_org_member_json(call, person), 201)


async def update_member_role(call: Call) -> Response:
    """``PATCH /tenant/members/{member_id}/role``."""
    person = _org_member(call)
    role = _org_role((await call.json()).get("role"))
    if role != "owner":
        _guard_owner(call, person)
    person["role"] = role
    return ok(_org_member_json(call, person))


async def remove_member(call: Call) -> Response:
    """``DELETE /tenant/members/{member_id}``: never the last owner."""
    person = _org_member(call)
    _guard_owner(call, person)
    del call.store.org_members[person["user_id"]]
    return no_content()


async def transfer_ownership(call: Call) -> Response:
    """``POST /tenant/transfer-ownership``: the new owner must be a member; owners become admins."""
    target = (await call.json()).get("new_owner_user_id")
    person = call.store.org_members.get(target) if isinstance(target, str) else None
    if person is None:
        raise bad_request("new_owner_user_id must name a member", field="new_owner_user_id")
    for other in call.store.org_members.values():
        if other.get("role") == "owner":
            other["role"] = "admin"
    person["role"] = "owner"
    return ok({"owner_user_id": person["user_id"], "tenant_id": call.store.settings.tenant_id})


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", "/tenant/plan", plan),
        Endpoint("GET", "/tenant/preview-domain", get_preview_domain),
        Endpoint(
            "PUT", "/tenant/preview-domain", set_preview_domain, "tenant.preview_domain.update"
        ),
        Endpoint(
            "POST",
            "/tenant/preview-domain/verify",
            verify_preview_domain,
            "tenant.preview_domain.verify",
        ),
        Endpoint(
            "DELETE",
            "/tenant/preview-domain",
            delete_preview_domain,
            "tenant.preview_domain.delete",
        ),
        Endpoint("GET", "/tenant/branding", get_branding),
        Endpoint("PUT", "/tenant/branding", set_branding, "tenant.branding.update"),
        Endpoint("DELETE", "/tenant/branding", delete_branding, "tenant.branding.delete"),
        Endpoint("GET", "/settings/branding", get_settings_branding),
        Endpoint("PUT", "/settings/branding", set_settings_branding, "settings.branding.update"),
        Endpoint("GET", "/events/stream", events_stream),
        Endpoint("GET", "/tenant/events/stream", admin_events_stream),
        Endpoint("GET", "/tenant/policy", get_policy),
        Endpoint("PUT", "/tenant/policy", set_policy, "tenant.policy.update"),
        Endpoint("DELETE", "/tenant/policy", delete_policy, "tenant.policy.delete"),
        Endpoint("GET", "/tenant/members", list_members),
        Endpoint("POST", "/tenant/members", invite_member, "tenant.member.invite"),
        Endpoint(
            "PATCH", "/tenant/members/{member_id}/role", update_member_role, "tenant.member.update"
        ),
        Endpoint("DELETE", "/tenant/members/{member_id}", remove_member, "tenant.member.remove"),
        Endpoint(
            "POST", "/tenant/transfer-ownership", transfer_ownership, "tenant.ownership.transfer"
        ),
    ]
