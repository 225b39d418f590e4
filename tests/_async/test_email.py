"""Admin email (``client.email``): the wire, a server error, and the local server."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from miosa import AsyncMiosa, ConflictError, PermissionDeniedError
from miosa.local import LocalServer
from miosa.types import (
    EmailCampaign,
    EmailCampaignStatus,
    EmailDelivery,
    EmailMessage,
    EmailRecipientCount,
    EmailTemplate,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

C = "/admin/email-campaigns"
TWO = ("x_1", "x_2")
LISTED = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
WHEN = datetime(2026, 12, 24, 9, 0, tzinfo=timezone.utc)

CASES = [
    Case(call="email.campaigns.list", kwargs={"status": "sent", "filters": {"limit": 5}},
         method="GET", path=C, query={"status": "sent", "limit": "5"},
         reply={"campaigns": [{"id": "x_1"}, {"id": "x_2"}]}, result=EmailCampaign, many=True,
         result_ids=TWO),
    Case(call="email.campaigns.create",
         kwargs={"subject": "Launch", "audience": {"role": "admin"}, "scheduled_at": WHEN,
                 "extra": {"utm": "x"}, "idempotency_key": "idem-e"},
         method="POST", path=C,
         body={"subject": "Launch", "audience": {"role": "admin"},
               "scheduled_at": "2026-12-24T09:00:00+00:00", "utm": "x"},
         headers={"idempotency-key": "idem-e"}, status=201,
         reply={"data": {"id": "x_1", "status": "scheduled"}},
         check=lambda r: isinstance(r, EmailCampaign)
         and r.status is EmailCampaignStatus.SCHEDULED),
    Case(call="email.campaigns.recipient_count", kwargs={"filters": {"plan": "pro"}},
         method="GET", path=C + "/recipient-count", query={"plan": "pro"},
         reply={"data": {"count": 42}},
         check=lambda r: isinstance(r, EmailRecipientCount) and r.count == 42),
    Case(call="email.campaigns.send", args=("ecmp_1",),
         kwargs={"test_recipients": ["qa@example.com"]}, method="POST",
         path=C + "/ecmp_1/send", body={"test_recipients": ["qa@example.com"]},
         result=EmailCampaign),
    Case(call="email.campaigns.send", args=("ecmp_1",), method="POST", path=C + "/ecmp_1/send",
         body={}, result=EmailCampaign, name="email.campaigns.send-now"),
    Case(call="email.campaigns.cancel", args=("ecmp_1",), method="POST",
         path=C + "/ecmp_1/cancel", result=EmailCampaign),
    Case(call="email.campaigns.deliveries", args=("ecmp_1",), kwargs={"status": "bounced"},
         method="GET", path=C + "/ecmp_1/deliveries", query={"status": "bounced"},
         reply={"deliveries": [{"id": "x_1"}, {"id": "x_2"}]}, result=EmailDelivery,
         many=True, result_ids=TWO),
    Case(call="email.templates.list", method="GET", path="/admin/email-templates",
         reply={"templates": [{"id": "x_1", "key": "welcome"}]}, result=EmailTemplate,
         many=True),
    Case(call="email.templates.create", args=("digest",),
         kwargs={"subject": "Your week", "text": "..."}, method="POST",
         path="/admin/email-templates", body={"key": "digest", "subject": "Your week",
                                              "text": "..."},
         status=201, result=EmailTemplate),
    Case(call="email.templates.update", args=("password reset",), kwargs={"html": "<p>x</p>"},
         method="PUT", path="/admin/email-templates/password%20reset", body={"html": "<p>x</p>"},
         result=EmailTemplate),
    Case(call="email.templates.reset", args=("welcome",), method="POST",
         path="/admin/email-templates/welcome/reset", result=EmailTemplate),
    Case(call="email.inbox.list", kwargs={"unread": True}, method="GET",
         path="/admin/email-inbox", query={"unread": "true"},
         reply={"inbox": [{"id": "x_1", "from": "a@b.c"}]},
         check=lambda r: [m.from_ for m in r] == ["a@b.c"]
         and isinstance(r[0], EmailMessage)),
    Case(call="email.inbox.send", kwargs={"to": ["a@b.c", "d@e.f"], "subject": "Hi",
                                          "text": "hello"},
         method="POST", path="/admin/email-inbox/send",
         body={"to": ["a@b.c", "d@e.f"], "subject": "Hi", "text": "hello"},
         header_names=("idempotency-key",), status=201, result=EmailMessage),
    Case(call="email.inbox.mark_read", args=("emsg_1",), method="POST",
         path="/admin/email-inbox/emsg_1/read", result=EmailMessage),
    Case(call="email.inbox.archive", args=("emsg_1",), method="POST",
         path="/admin/email-inbox/emsg_1/archive", result=EmailMessage),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_a_tenant_key_gets_permission_denied() -> None:
    error = {"error": {"code": "FORBIDDEN", "message": "admin credential required"}}
    api = MockAPI().on("GET /admin/email-templates", json_response(403, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PermissionDeniedError, match="admin credential"):
            await client.email.templates.list()


async def test_email_round_trip_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            audience = await client.email.campaigns.recipient_count(filters={"role": "owner"})
            nobody = await client.email.campaigns.recipient_count(filters={"role": "viewer"})
            draft = await client.email.campaigns.create(subject="Launch", text="We are live")
            sent = await client.email.campaigns.send(draft.id or "")
            with pytest.raises(ConflictError):
                await client.email.campaigns.cancel(draft.id or "")
            copies = await client.email.campaigns.deliveries(draft.id or "")
            other = await client.email.campaigns.create(subject="Later", scheduled_at=WHEN)
            canceled = await client.email.campaigns.cancel(other.id or "")
            campaigns = await client.email.campaigns.list(status="sent")

            changed = await client.email.templates.update("welcome", subject="Hello!")
            restored = await client.email.templates.reset("welcome")
            await client.email.templates.create("digest", subject="Weekly")
            with pytest.raises(ConflictError):
                await client.email.templates.create("digest")
            keys = [t.key for t in await client.email.templates.list()]

            unread = await client.email.inbox.list(unread=True)
            read = await client.email.inbox.mark_read(unread[0].id or "")
            mail = await client.email.inbox.send(to="dev@example.com", subject="Hi", text="yo")
            archived = await client.email.inbox.archive(mail.id or "")
            inbox = await client.email.inbox.list()
            in_archive = await client.email.inbox.list(archived=True)
    assert (audience.count, nobody.count) == (1, 0)
    assert draft.status is EmailCampaignStatus.DRAFT and draft.recipient_count == 1
    assert (sent.status, sent.sent_count) == (EmailCampaignStatus.SENT, 1)
    assert [(d.email, d.status) for d in copies] == [("owner@localhost", "delivered")]
    assert (other.status, canceled.status) == ("scheduled", "canceled")
    assert [c.id for c in campaigns] == [draft.id]
    assert (changed.subject, changed.customized) == ("Hello!", True)
    assert (restored.subject, restored.customized) == ("Welcome to {{product}}", False)
    assert keys == ["digest", "invite", "password_reset", "welcome"]
    assert read.read is True and unread[0].direction == "inbound"
    assert (mail.direction, mail.to, archived.archived) == ("outbound", ("dev@example.com",), True)
    assert [m.id for m in inbox] == [read.id] and [m.id for m in in_archive] == [mail.id]
