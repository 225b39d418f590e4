# This file was generated from
#   tests/_async/test_open_computers_monitoring.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""OpenComputers alerts, audit log and webhooks: the wire, server errors, a local round trip."""

from __future__ import annotations

import httpx
import pytest

from miosa import Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    OpenComputerAlertChannel,
    OpenComputerAlertChannelKind,
    OpenComputerAlertFire,
    OpenComputerAlertFireTest,
    OpenComputerAlertRule,
    OpenComputerAuditEvent,
    OpenComputerAuditExport,
    OpenComputerAuditVerification,
    OpenComputerWebhook,
    OpenComputerWebhookDelivery,
    OpenComputerWebhookTest,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

OC = "/opencomputers"
RULE = OC + "/alerts/rules/r%2F1"
CHANNEL = OC + "/alerts/channels/ch_1"
HOOK = OC + "/webhooks/wh_1"
TWO = ("x_1", "x_2")
TWO_ITEMS = [{"id": "x_1"}, {"id": "x_2"}]
CSV = "id,seq,event_type\nx_1,1,job.exec\n"

CASES = [
    Case(call="open_computers.alert_rules.list", method="GET", path=OC + "/alerts/rules",
         reply={"data": TWO_ITEMS}, result=OpenComputerAlertRule, many=True, result_ids=TWO),
    Case(call="open_computers.alert_rules.create",
         kwargs={"name": "cpu", "trigger_kind": "threshold",
                 "trigger_config": {"metric": "cpu", "gt": 90}, "channel_ids": ("ch_1",),
                 "cooldown_s": 600, "extra": {"runbook": "r.md"}, "idempotency_key": "idem-r"},
         method="POST", path=OC + "/alerts/rules",
         body={"name": "cpu", "trigger_kind": "threshold",
               "trigger_config": {"metric": "cpu", "gt": 90}, "channel_ids": ["ch_1"],
               "cooldown_s": 600, "runbook": "r.md"},
         headers={"idempotency-key": "idem-r"}, status=201, result=OpenComputerAlertRule),
    Case(call="open_computers.alert_rules.update", args=("r/1",),
         kwargs={"state": "paused", "severity": "critical"}, method="PATCH", path=RULE,
         body={"state": "paused", "severity": "critical"}, result=OpenComputerAlertRule),
    Case(call="open_computers.alert_rules.delete", args=("r/1",), method="DELETE", path=RULE,
         reply=None, status=204),
    Case(call="open_computers.alert_rules.fire_test", args=("r/1",), method="POST",
         path=RULE + "/fire-test", reply={"data": {"status": "fired", "fire_id": "af_1"}},
         check=lambda r: isinstance(r, OpenComputerAlertFireTest) and r.fire_id == "af_1"),
    Case(call="open_computers.alert_channels.list", method="GET", path=OC + "/alerts/channels",
         reply={"data": TWO_ITEMS}, result=OpenComputerAlertChannel, many=True,
         result_ids=TWO),
    Case(call="open_computers.alert_channels.create",
         kwargs={"name": "ops", "kind": "slack", "config": {"webhook_url": "https://h"}},
         method="POST", path=OC + "/alerts/channels",
         body={"name": "ops", "kind": "slack", "config": {"webhook_url": "https://h"}},
         header_names=("idempotency-key",), status=201,
         reply={"data": {"id": "x_1", "kind": "slack"}},
         check=lambda r: r.kind is OpenComputerAlertChannelKind.SLACK),
    Case(call="open_computers.alert_channels.update", args=("ch_1",), kwargs={"name": "oncall"},
         method="PATCH", path=CHANNEL, body={"name": "oncall"}, result=OpenComputerAlertChannel),
    Case(call="open_computers.alert_channels.delete", args=("ch_1",), method="DELETE",
         path=CHANNEL, reply=None, status=204),
    Case(call="open_computers.alert_channels.verify", args=("ch_1",), method="POST",
         path=CHANNEL + "/verify", result=OpenComputerAlertChannel),
    Case(call="open_computers.alert_fires.list", kwargs={"limit": 10, "rule_id": "r_1"},
         method="GET", path=OC + "/alerts/fires", query={"limit": "10", "rule_id": "r_1"},
         reply={"data": TWO_ITEMS}, result=OpenComputerAlertFire, many=True, result_ids=TWO),
    Case(call="open_computers.alert_fires.ack", args=("af_1",), kwargs={"extra": {"note": "ok"}},
         method="POST", path=OC + "/alerts/fires/af_1/ack", body={"note": "ok"},
         result=OpenComputerAlertFire),
    Case(call="open_computers.audit.list",
         kwargs={"limit": 2, "event_type": "job.exec", "from_": "2026-01-01T00:00:00Z"},
         method="GET", path=OC + "/audit",
         query={"limit": "2", "event_type": "job.exec", "from": "2026-01-01T00:00:00Z"},
         reply={"events": TWO_ITEMS, "next_cursor": None, "count": 2},
         result=OpenComputerAuditEvent, many=True, result_ids=TWO),
    Case(call="open_computers.audit.get", args=("ev_1",), method="GET", path=OC + "/audit/ev_1",
         reply={"event": {"id": "x_1", "seq": 7}},
         check=lambda r: isinstance(r, OpenComputerAuditEvent) and r.seq == 7),
    Case(call="open_computers.audit.export", kwargs={"host_id": "h_1", "to": "2026-02-01"},
         method="GET", path=OC + "/audit/export",
         query={"format": "json", "host_id": "h_1", "to": "2026-02-01"},
         reply={"events": TWO_ITEMS, "count": 2},
         check=lambda r: isinstance(r, OpenComputerAuditExport)
         and [e.id for e in r.events] == list(TWO) and r.count == 2),
    Case(call="open_computers.audit.export_csv", kwargs={"limit": 5}, method="GET",
         path=OC + "/audit/export", query={"format": "csv", "limit": "5"},
         reply=httpx.Response(200, text=CSV, headers={"content-type": "text/csv"}),
         check=lambda r: r == CSV),
    Case(call="open_computers.audit.verify", method="GET", path=OC + "/audit/verify",
         reply={"verified": True, "last_good_idx": 41, "break_idx": None},
         check=lambda r: isinstance(r, OpenComputerAuditVerification)
         and (r.verified, r.last_good_idx) == (True, 41)),
    Case(call="open_computers.webhooks.list", method="GET", path=OC + "/webhooks",
         reply={"data": TWO_ITEMS}, result=OpenComputerWebhook, many=True, result_ids=TWO),
    Case(call="open_computers.webhooks.create",
         kwargs={"name": "ci", "url": "https://h/hook", "events": ["job.finished"],
                 "host_id": "h_1"},
         method="POST", path=OC + "/webhooks",
         body={"name": "ci", "url": "https://h/hook", "events": ["job.finished"],
               "host_id": "h_1"},
         header_names=("idempotency-key",), status=201,
         reply={"data": {"id": "x_1", "secret_hex": "ab12"}},
         check=lambda r: r.secret_hex == "ab12" and "ab12" not in repr(r)),
    Case(call="open_computers.webhooks.update", args=("wh_1",), kwargs={"state": "paused"},
         method="PATCH", path=HOOK, body={"state": "paused"}, result=OpenComputerWebhook),
    Case(call="open_computers.webhooks.delete", args=("wh_1",), method="DELETE", path=HOOK,
         reply=None, status=204),
    Case(call="open_computers.webhooks.deliveries", args=("wh_1",),
         kwargs={"page": 2, "per_page": 10}, method="GET", path=HOOK + "/deliveries",
         query={"page": "2", "per_page": "10"}, reply={"data": TWO_ITEMS},
         result=OpenComputerWebhookDelivery, many=True, result_ids=TWO),
    Case(call="open_computers.webhooks.test", args=("wh_1",), method="POST",
         path=HOOK + "/test", reply={"data": {"status": "queued", "message": "sent"}},
         check=lambda r: isinstance(r, OpenComputerWebhookTest) and r.status == "queued"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_a_verb_without_fields_sends_no_body() -> None:
    api = MockAPI().on("POST /opencomputers/alerts/fires/af_1/ack", json_response(200, {}))
    with make_client(api) as client:
        client.open_computers.alert_fires.ack("af_1")
    assert api.last.content == b""


def test_an_invalid_rule_raises_validation_error() -> None:
    error = {"error": {"code": "VALIDATION_ERROR", "message": "trigger_kind is invalid"}}
    api = MockAPI().on("POST /opencomputers/alerts/rules", json_response(422, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="trigger_kind is invalid"):
            client.open_computers.alert_rules.create(name="x", trigger_kind="nope")


def test_audit_pages_follow_the_cursor() -> None:
    api = MockAPI().on(
        "GET /opencomputers/audit",
        json_response(200, {"events": [{"id": "e_1"}], "next_cursor": "e_1"}),
        json_response(200, {"events": [{"id": "e_2"}], "next_cursor": None}),
    )
    with make_client(api) as client:
        page = client.open_computers.audit.list(limit=1)
        seen = [event.id for event in page]
    assert seen == ["e_1", "e_2"]
    assert api.requests[1].url.params["cursor"] == "e_1"


def test_alerts_audit_and_webhooks_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            oc = client.open_computers
            channel = oc.alert_channels.create(
                name="ops", kind="slack", config={"webhook_url": "https://hooks.example/x"}
            )
            assert channel.id is not None
            verified = oc.alert_channels.verify(channel.id)
            renamed = oc.alert_channels.update(channel.id, name="oncall")
            rule = oc.alert_rules.create(
                name="disk", trigger_kind="threshold", channel_ids=[channel.id]
            )
            assert rule.id is not None
            paused = oc.alert_rules.update(rule.id, state="paused")
            fired = oc.alert_rules.fire_test(rule.id)
            rules = oc.alert_rules.list()
            fires = oc.alert_fires.list(rule_id=rule.id)
            acked = oc.alert_fires.ack(fires[0].id or "")
            hook = oc.webhooks.create(name="ci", url="https://h/x", events=["job.done"])
            assert hook.id is not None
            hooks = oc.webhooks.list()
            oc.webhooks.test(hook.id)
            deliveries = [d for d in oc.webhooks.deliveries(hook.id)]
            oc.webhooks.update(hook.id, state="paused")
            oc.webhooks.delete(hook.id)
            oc.alert_rules.delete(rule.id)
            oc.alert_channels.delete(channel.id)
            with pytest.raises(NotFoundError):
                oc.alert_channels.verify(channel.id)
            audit = (oc.audit.list(limit=3)).items
            one = oc.audit.get(audit[0].id or "")
            exported = oc.audit.export(event_type="webhook.create")
            csv_text = oc.audit.export_csv()
            state = oc.audit.verify()
    assert verified.verified_at is not None and renamed.name == "oncall"
    assert paused.state == "paused" and rules[0].fire_count == 1
    assert fires[0].id == fired.fire_id and fires[0].rule_id == rule.id
    assert acked.acknowledged_at is not None and acked.acknowledged_by
    assert hook.secret_hex and [h.secret_hex for h in hooks] == [None]
    assert [d.event_type for d in deliveries] == ["webhook.test"]
    # Newest first: the channel's deletion is the last /opencomputers call audited.
    assert [e.event_type for e in audit] == [
        "alert channel.delete",
        "alert rule.delete",
        "webhook.delete",
    ]
    assert one.id == audit[0].id and one.hash_fingerprint
    assert [e.event_type for e in exported.events] == ["webhook.create"]
    assert csv_text.splitlines()[0].startswith("id,seq,event_type")
    assert csv_text.count("\n") == 14
    assert state.verified is True and state.last_good_idx == 12
