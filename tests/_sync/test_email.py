# This file was generated from
#   tests/_async/test_email.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Admin email (``client.email``): the wire, a server error, and the local server."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from miosa import ConflictError, Miosa, PermissionDeniedError
from miosa.local import LocalServer
from miosa.types import (
    EmailCampaign,
    EmailCampaignStatus,
    EmailDelivery,
    EmailMessage,
    EmailRecipientCount,
    EmailTemplate,
)
from tests._sync._helpers import make_client, run_case
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
def test_wire(case: Case) -> None:
    run_case(case)


def test_a_tenant_key_gets_permission_denied() -> None:
    error = {"error": {"code": "FORBIDDEN", "message": "admin credential required"}}
    api = MockAPI().on("GET /admin/email-templates", json_response(403, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(PermissionDeniedError, match="admin credential"):
            client.email.templates.list()


def test_email_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            audience = client.email.campaigns.recipient_count(filters={"role": "owner"})
            nobody = client.email.campaigns.recipient_count(filters={"role": "viewer"})
            draft = client.email.campaigns.create(subject="Launch", text="We are live")
            sent = client.email.campaigns.send(draft.id or "")
            with pytest.raises(ConflictError):
                client.email.campaigns.cancel(draft.id or "")
            copies = client.email.campaigns.deliveries(draft.id or "")
            other = client.email.campaigns.create(subject="Later", scheduled_at=WHEN)
            canceled = client.email.campaigns.cancel(other.id or "")
            campaigns = client.email.campaigns.list(status="sent")

            changed = client.email.templates.update("welcome", subject="Hello!")
            restored = client.email.templates.reset("welcome")
            client.email.templates.create("digest", subject="Weekly")
            with pytest.raises(ConflictError):
                client.email.templates.create("digest")
            keys = [t.key for t in client.email.templates.list()]

            unread = client.email.inbox.list(unread=True)
            read = client.email.inbox.mark_read(unread[0].id or "")
            mail = client.email.inbox.send(to="dev@example.com", subject="Hi", text="yo")
            archived = client.email.inbox.archive(mail.id or "")
            inbox = client.email.inbox.list()
            in_archive = client.email.inbox.list(archived=True)
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
