"""The admin email surface (``/admin/email-*``): campaigns, templates and the inbox.

A campaign's audience is the organization's members (``role`` narrows it); sending one
writes a delivered copy per recipient and moves it to ``sent``; only a draft or scheduled
campaign can be canceled (409 otherwise, as for a second send). Templates start as the
built-in set; an update marks one ``customized`` and ``reset`` restores the built-in
content. The inbox starts with one unread welcome message; a sent message is outbound.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, not_found, ok
from .records import Collection, records
from .routing import Call, Endpoint, Handler

CAMPAIGNS = Collection("/admin/email-campaigns", "campaign_id", "ecmp", "email campaign")
MESSAGES = Collection("/admin/email-inbox", "message_id", "emsg", "message")
_TEMPLATES = "/admin/email-templates"
BUILT_IN: Mapping[str, JSON] = {
    "welcome": {"subject": "Welcome to {{product}}", "text": "Hi {{name}}, welcome aboard."},
    "password_reset": {"subject": "Reset your password", "text": "Reset it here: {{url}}"},
    "invite": {"subject": "You are invited", "text": "{{inviter}} invited you: {{url}}"},
}
_CANCELABLE = ("draft", "scheduled")


def _audience(call: Call, filters: Mapping[str, Any]) -> list[JSON]:
    role = filters.get("role")
    return [m for m in call.store.org_members.values() if not role or m.get("role") == role]


async def list_campaigns(call: Call) -> Response:
    """``GET /admin/email-campaigns?status=``, newest first."""
    status = call.query.get("status")
    found = [c for c in records(call, CAMPAIGNS).values() if not status or c["status"] == status]
    return ok(list(reversed(found)))


async def create_campaign(call: Call) -> Response:
    """``POST /admin/email-campaigns``: a draft (``scheduled`` with ``scheduled_at``)."""
    body = await call.json()
    if not body.get("subject") and not body.get("template_key"):
        raise bad_request("subject or template_key is required", field="subject")
    audience = body.get("audience") or {}
    if not isinstance(audience, dict):
        raise bad_request("audience must be an object", field="audience")
    stamp = iso(now())
    record: JSON = {
        **body,
        "id": new_id("ecmp"),
        "audience": audience,
        "status": "scheduled" if body.get("scheduled_at") else "draft",
        "recipient_count": len(_audience(call, audience)),
        "sent_count": 0,
        "deliveries": [],
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, CAMPAIGNS)[record["id"]] = record
    call.resource_id = record["id"]
    return ok(_public(record), 201)


def _public(campaign: JSON) -> JSON:
    return {k: v for k, v in campaign.items() if k != "deliveries"}


def _campaign(call: Call) -> JSON:
    ident = call.params["campaign_id"]
    found = records(call, CAMPAIGNS).get(ident)
    if found is None:
        raise not_found("email campaign", ident)
    return found


async def recipient_count(call: Call) -> Response:
    """``GET /admin/email-campaigns/recipient-count?role=``."""
    return ok({"count": len(_audience(call, call.query))})


async def send_campaign(call: Call) -> Response:
    """``POST /admin/email-campaigns/{campaign_id}/send``: one delivered copy per member,
    or only to ``test_recipients`` (the campaign stays as it was)."""
    campaign = _campaign(call)
    body = await call.json()
    tests = body.get("test_recipients")
    if campaign["status"] not in _CANCELABLE:
        raise ApiError(409, "INVALID_STATE", f"the campaign is {campaign['status']}")
    if tests:
        return ok(_public(campaign))
    stamp = iso(now())
    campaign["deliveries"] = [
        {
            "id": new_id("edlv"),
            "campaign_id": campaign["id"],
            "email": member.get("email"),
            "user_id": member.get("user_id"),
            "status": "delivered",
            "sent_at": stamp,
        }
        for member in _audience(call, campaign["audience"])
    ]
    campaign.update(status="sent", sent_count=len(campaign["deliveries"]), sent_at=stamp)
    campaign["updated_at"] = stamp
    return ok(_public(campaign))


async def cancel_campaign(call: Call) -> Response:
    """``POST /admin/email-campaigns/{campaign_id}/cancel``: drafts and scheduled only."""
    campaign = _campaign(call)
    if campaign["status"] not in _CANCELABLE:
        raise ApiError(409, "INVALID_STATE", f"cannot cancel a {campaign['status']} campaign")
    campaign.update(status="canceled", updated_at=iso(now()))
    return ok(_public(campaign))


async def deliveries(call: Call) -> Response:
    """``GET /admin/email-campaigns/{campaign_id}/deliveries?status=``."""
    status = call.query.get("status")
    return ok([d for d in _campaign(call)["deliveries"] if not status or d["status"] == status])


def _templates(call: Call) -> dict[str, JSON]:
    table = call.store.records.get(_TEMPLATES)
    if table is None:
        table = {
            key: {"key": key, "name": key, "html": None, **content, "customized": False}
            for key, content in BUILT_IN.items()
        }
        call.store.records[_TEMPLATES] = table
    return table


def _template(call: Call) -> JSON:
    key = call.params["key"]
    found = _templates(call).get(key)
    if found is None:
        raise not_found("email template", key)
    return found


async def list_templates(call: Call) -> Response:
    """``GET /admin/email-templates``: the built-in set plus custom ones, by key."""
    return ok(sorted(_templates(call).values(), key=lambda t: str(t["key"])))


async def create_template(call: Call) -> Response:
    """``POST /admin/email-templates``: 409 when the key exists."""
    body = await call.json()
    key = body.get("key")
    if not isinstance(key, str) or not key:
        raise bad_request("key is required", field="key")
    if key in _templates(call):
        raise ApiError(409, "CONFLICT", f"a template {key!r} already exists", {"key": key})
    record = {"name": key, "subject": None, "html": None, "text": None, **body}
    record.update(customized=True, updated_at=iso(now()))
    _templates(call)[key] = record
    return ok(record, 201)


async def update_template(call: Call) -> Response:
    """``PUT /admin/email-templates/{key}``: merge the content, mark it customized."""
    template = _template(call)
    body = {k: v for k, v in (await call.json()).items() if k != "key"}
    template.update(body, customized=True, updated_at=iso(now()))
    return ok(template)


async def reset_template(call: Call) -> Response:
    """``POST /admin/email-templates/{key}/reset``: built-in content back; 409 for a custom
    template, which has none."""
    template = _template(call)
    default = BUILT_IN.get(str(template["key"]))
    if default is None:
        raise ApiError(409, "NOT_BUILT_IN", f"{template['key']!r} has no built-in content")
    template.update(html=None, **default, customized=False, updated_at=iso(now()))
    return ok(template)


def _messages(call: Call) -> dict[str, JSON]:
    table = records(call, MESSAGES)
    if not table:
        welcome: JSON = {
            "id": "emsg_welcome",
            "direction": "inbound",
            "from": "hello@miosa.ai",
            "to": ["owner@localhost"],
            "subject": "Welcome to the local inbox",
            "text": "Messages sent to your organization arrive here.",
            "read": False,
            "archived": False,
            "created_at": iso(call.store.started_at),
        }
        table[welcome["id"]] = welcome
    return table


def _flag(value: str | None) -> bool | None:
    return None if value is None else value.lower() == "true"


async def list_messages(call: Call) -> Response:
    """``GET /admin/email-inbox?unread=&archived=``: archived ones only when asked."""
    unread, archived = _flag(call.query.get("unread")), _flag(call.query.get("archived"))
    found = [
        m
        for m in _messages(call).values()
        if m["archived"] == bool(archived) and (unread is None or m["read"] is not unread)
    ]
    return ok(list(reversed(found)))


async def send_message(call: Call) -> Response:
    """``POST /admin/email-inbox/send``: an outbound message, already read."""
    body = await call.json()
    to = body.get("to")
    recipients = [to] if isinstance(to, str) else to
    if (
        not isinstance(recipients, list)
        or not recipients
        or not all(isinstance(r, str) and "@" in r for r in recipients)
    ):
        raise bad_request("to must be one or more email addresses", field="to")
    if not body.get("subject"):
        raise bad_request("subject is required", field="subject")
    record: JSON = {
        **body,
        "id": new_id("emsg"),
        "direction": "outbound",
        "from": "owner@localhost",
        "to": recipients,
        "read": True,
        "archived": False,
        "created_at": iso(now()),
    }
    _messages(call)[record["id"]] = record
    return ok(record, 201)


def _message_verb(**sets: Any) -> Handler:
    async def handler(call: Call) -> Response:
        ident = call.params["message_id"]
        message = _messages(call).get(ident)
        if message is None:
            raise not_found("message", ident)
        message.update(sets)
        return ok(message)

    return handler


def endpoints() -> list[Endpoint]:
    campaign = CAMPAIGNS.item_path
    template = _TEMPLATES + "/{key}"
    message = MESSAGES.item_path
    return [
        Endpoint("GET", CAMPAIGNS.path, list_campaigns),
        Endpoint("POST", CAMPAIGNS.path, create_campaign, "email_campaign.create"),
        Endpoint("GET", f"{CAMPAIGNS.path}/recipient-count", recipient_count),
        Endpoint("POST", f"{campaign}/send", send_campaign, "email_campaign.send"),
        Endpoint("POST", f"{campaign}/cancel", cancel_campaign, "email_campaign.cancel"),
        Endpoint("GET", f"{campaign}/deliveries", deliveries),
        Endpoint("GET", _TEMPLATES, list_templates),
        Endpoint("POST", _TEMPLATES, create_template, "email_template.create"),
        Endpoint("PUT", template, update_template, "email_template.update"),
        Endpoint("POST", f"{template}/reset", reset_template, "email_template.reset"),
        Endpoint("GET", MESSAGES.path, list_messages),
        Endpoint("POST", f"{MESSAGES.path}/send", send_message, "email.send"),
        Endpoint("POST", f"{message}/read", _message_verb(read=True), "email.read"),
        Endpoint("POST", f"{message}/archive", _message_verb(archived=True), "email.archive"),
    ]
