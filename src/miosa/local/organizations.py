"""Organizations, billing, the bill-to organization and per-member caps.

The local server is one organization (the settings' tenant, slug ``local``): the caller
belongs to it alone, so switching, bill-to and limits resolve to it or answer 404
``ORG_NOT_FOUND``. Members are the organization's members (the same people as
``/tenant/members``). Billing has one saved test card and no invoices; automatic top-ups
keep their settings and refuse nonsense amounts as production does (422).
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, now
from .http import ApiError, bad_request, no_content, not_found, ok, page_response
from .routing import Call, Endpoint

ORG_ROLES = ("owner", "admin", "member")
CARD: JSON = {
    "id": "pm_local_visa",
    "type": "card",
    "brand": "visa",
    "last4": "4242",
    "exp_month": 12,
    "exp_year": 2030,
}
BILLING = "/billing/settings"
BILL_TO = "/bill-to"
CAPS = "/tenants/member-caps"


def _organization(call: Call) -> JSON:
    settings = call.store.settings
    return {
        "id": settings.tenant_id,
        "name": "Local tenant",
        "slug": "local",
        "role": "owner",
        "plan_id": "local",
        "plan_name": "Local development",
        "owner_user_id": settings.owner_id,
        "current": True,
        "created_at": iso(call.store.started_at),
    }


def _resolve(call: Call, ref: str) -> JSON:
    """The organization named by id, slug or name (case-insensitive), else 404."""
    org = _organization(call)
    if ref.lower() in (org["id"].lower(), org["slug"], org["name"].lower()):
        return org
    raise ApiError(404, "ORG_NOT_FOUND", f"you do not belong to an organization {ref!r}")


def _tenant_param(call: Call, name: str) -> None:
    if call.params[name] not in (call.store.settings.tenant_id, "local"):
        raise not_found("tenant", call.params[name])


async def list_organizations(call: Call) -> Response:
    return ok([_organization(call)])


async def current_organization(call: Call) -> Response:
    return ok(_organization(call))


async def switch_organization(call: Call) -> Response:
    """``POST /platform/tenants/{id_or_slug}/switch``: only to an organization one belongs to."""
    return ok(_resolve(call, call.params["id_or_slug"]))


async def list_members(call: Call) -> Response:
    _tenant_param(call, "organization_id")
    return ok(list(call.store.org_members.values()))


async def add_member(call: Call) -> Response:
    """``POST /tenants/{organization_id}/members``: 409 for someone already in."""
    _tenant_param(call, "organization_id")
    body = await call.json()
    user_id, role = body.get("user_id"), body.get("role", "member")
    if not isinstance(user_id, str) or not user_id:
        raise bad_request("user_id is required", field="user_id")
    if role not in ORG_ROLES:
        raise bad_request(f"role must be one of {', '.join(ORG_ROLES)}", field="role")
    if user_id in call.store.org_members:
        raise ApiError(409, "ALREADY_MEMBER", f"{user_id} is already a member")
    person: JSON = {"user_id": user_id, "email": None, "name": None, "role": role,
                    "joined_at": iso(now())}  # fmt: skip
    call.store.org_members[user_id] = person
    call.resource_id = user_id
    return ok(person, 201)


async def remove_member(call: Call) -> Response:
    """``DELETE /tenants/{organization_id}/members/{user_id}``: never the last owner."""
    _tenant_param(call, "organization_id")
    person = call.store.org_members.get(call.params["user_id"])
    if person is None:
        raise not_found("member", call.params["user_id"])
    owners = [p for p in call.store.org_members.values() if p.get("role") == "owner"]
    if person.get("role") == "owner" and len(owners) == 1:
        raise ApiError(409, "LAST_OWNER", "the organization needs an owner")
    del call.store.org_members[person["user_id"]]
    return ok({"deleted": True})


def _cards(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(
        "/billing/payment-methods", {CARD["id"]: {**CARD, "is_default": True}}
    )


async def payment_methods(call: Call) -> Response:
    return ok(list(_cards(call).values()))


async def set_default_card(call: Call) -> Response:
    cards = _cards(call)
    if call.params["method_id"] not in cards:
        raise not_found("payment method", call.params["method_id"])
    for card_id, card in cards.items():
        card["is_default"] = card_id == call.params["method_id"]
    return ok(list(cards.values()))


async def upcoming(call: Call) -> Response:
    start = call.store.started_at
    return ok(
        {
            "id": None,
            "status": "draft",
            "currency": "usd",
            "amount_due": 0,
            "total": 0,
            "period_start": iso(start),
            "period_end": iso(start + 30 * 86400),
        }
    )


async def list_invoices(call: Call) -> Response:
    return page_response([], call.query)


async def get_invoice(call: Call) -> Response:
    raise not_found("invoice", call.params["invoice_id"])


def _reload(call: Call) -> JSON:
    settings = call.store.records.setdefault(BILLING, {}).setdefault(
        "",
        {
            "tenant_id": call.store.settings.tenant_id,
            "auto_recharge_requested": False,
            "auto_recharge_enabled": False,
            "auto_recharge_threshold_credits": None,
            "auto_recharge_amount_credits": None,
            "auto_recharge_monthly_cap_credits": None,
            "auto_recharge_monthly_spent_credits": 0,
        },
    )
    cap = settings["auto_recharge_monthly_cap_credits"]
    spent = settings["auto_recharge_monthly_spent_credits"]
    settings["auto_recharge_monthly_remaining_credits"] = None if cap is None else cap - spent
    settings["auto_recharge_payment_ready"] = bool(_cards(call))
    return settings


async def get_auto_reload(call: Call) -> Response:
    return ok(_reload(call))


async def set_auto_reload(call: Call) -> Response:
    """``PUT /billing/settings``: only the keys given change; amounts must be positive."""
    body = await call.json()
    settings = _reload(call)
    for key in ("threshold", "amount", "monthly_cap"):
        name = f"auto_recharge_{key}_credits"
        if name in body:
            value = body[name]
            if value is not None and (not isinstance(value, int) or value <= 0):
                raise ApiError(422, "VALIDATION_ERROR", f"{name} must be a positive integer")
            settings[name] = value
    if "auto_recharge_enabled" in body:
        wanted = bool(body["auto_recharge_enabled"])
        settings["auto_recharge_requested"] = wanted
        amounts = (
            settings["auto_recharge_threshold_credits"] and settings["auto_recharge_amount_credits"]
        )
        if wanted and not amounts:
            raise ApiError(
                422, "VALIDATION_ERROR", "set threshold_credits and amount_credits to turn it on"
            )
        settings["auto_recharge_enabled"] = wanted and bool(_cards(call))
    return ok(_reload(call))


def _bill_to(call: Call) -> JSON:
    """``GET``/``PUT /bill-to``'s answer: the override, else the setting, else the key's."""
    setting = call.store.records.get(BILL_TO, {}).get("", {}).get("org")
    override = call.request.headers.get("x-miosa-bill-to")
    if override:
        org, source = _resolve(call, override), "override"
    elif setting:
        org, source = _resolve(call, setting), "setting"
    else:
        org, source = _organization(call), "credential"
    return {"org": org, "source": source, "setting": setting, "choices": [_organization(call)]}


async def show_bill_to(call: Call) -> Response:
    return ok(_bill_to(call))


async def update_bill_to(call: Call) -> Response:
    body = await call.json()
    ref = body.get("org")
    if not isinstance(ref, str) or not ref:
        raise bad_request("org is required", field="org")
    org = _resolve(call, ref)
    call.store.records.setdefault(BILL_TO, {})[""] = {"org": org["id"]}
    return ok(_bill_to(call))


async def clear_bill_to(call: Call) -> Response:
    call.store.records.pop(BILL_TO, None)
    return no_content()


async def limits(call: Call) -> Response:
    org = _bill_to(call)["org"]
    running = sum(1 for s in call.store.sandboxes.values() if s.alive)
    return ok(
        {
            "org": org,
            "limits": {"max_concurrent_sandboxes": None, "usage_cap_cents": None},
            "usage": {"running_sandboxes": running},
        }
    )


def _caps(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(CAPS, {})


def _cap_json(call: Call, person: JSON) -> JSON:
    caps = _caps(call).get(person["user_id"], {})
    return {
        "user_id": person["user_id"],
        "email": person.get("email"),
        "name": person.get("name"),
        "role": person.get("role"),
        "usage_cap_cents": caps.get("usage_cap_cents"),
        "max_concurrent_sandboxes": caps.get("max_concurrent_sandboxes"),
        "usage_cents": 0,
        "running_sandboxes": 0,
    }


def _capped_member(call: Call) -> JSON:
    _tenant_param(call, "tenant_id")
    person = call.store.org_members.get(call.params["user_id"])
    if person is None:
        raise not_found("member", call.params["user_id"])
    return person


async def list_caps(call: Call) -> Response:
    _tenant_param(call, "tenant_id")
    return ok({"members": [_cap_json(call, p) for p in call.store.org_members.values()]})


async def update_caps(call: Call) -> Response:
    """``PUT .../member-caps/{user_id}``: a positive integer sets, null clears."""
    person = _capped_member(call)
    body = await call.json()
    caps = _caps(call).setdefault(person["user_id"], {})
    for name in ("usage_cap_cents", "max_concurrent_sandboxes"):
        if name in body:
            value = body[name]
            if value is not None and (not isinstance(value, int) or value <= 0):
                raise bad_request(f"{name} must be a positive integer or null", field=name)
            caps[name] = value
    return ok(_cap_json(call, person))


async def delete_caps(call: Call) -> Response:
    person = _capped_member(call)
    _caps(call).pop(person["user_id"], None)
    return no_content()


def endpoints() -> list[Endpoint]:
    members = "/tenants/{organization_id}/members"
    caps = "/tenants/{tenant_id}/member-caps"
    return [
        Endpoint("GET", "/platform/tenants", list_organizations),
        Endpoint("GET", "/platform/tenants/current", current_organization),
        Endpoint("POST", "/platform/tenants/{id_or_slug}/switch", switch_organization),
        Endpoint("GET", members, list_members),
        Endpoint("POST", members, add_member, "organization.member.add"),
        Endpoint("DELETE", members + "/{user_id}", remove_member, "organization.member.remove"),
        Endpoint("GET", "/billing/payment-methods", payment_methods),
        Endpoint("PUT", "/billing/payment-methods/{method_id}/default", set_default_card),
        Endpoint("GET", "/billing/upcoming", upcoming),
        Endpoint("GET", "/billing/invoices", list_invoices),
        Endpoint("GET", "/billing/invoices/{invoice_id}", get_invoice),
        Endpoint("GET", BILLING, get_auto_reload),
        Endpoint("PUT", BILLING, set_auto_reload, "billing.settings.update"),
        Endpoint("GET", BILL_TO, show_bill_to),
        Endpoint("PUT", BILL_TO, update_bill_to, "bill_to.update"),
        Endpoint("DELETE", BILL_TO, clear_bill_to, "bill_to.clear"),
        Endpoint("GET", "/limits", limits),
        Endpoint("GET", caps, list_caps),
        Endpoint("PUT", caps + "/{user_id}", update_caps, "member_caps.update"),
        Endpoint("DELETE", caps + "/{user_id}", delete_caps, "member_caps.delete"),
    ]
