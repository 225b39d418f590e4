# This file was generated from
#   tests/_async/test_event_subscriptions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Event subscriptions: the wire, validation errors, and routed deliveries locally."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import EventDelivery, EventSubscription, WebhookDelivery, WebhookEventCatalog
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

S = "/event-subscriptions/esub_1"
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}], "total": 2}

CASES = [
    Case(call="event_subscriptions.list", kwargs={"consumer_kind": "workflow"}, method="GET",
         path="/event-subscriptions", query={"consumer_kind": "workflow"}, reply=LIST,
         result=EventSubscription, many=True, result_ids=TWO),
    Case(call="event_subscriptions.create",
         kwargs={"consumer_kind": "workflow", "consumer_id": "wf_1", "event_type": "forge.*",
                 "filter": {"project_id": "prj_1"}, "idempotency_key": "idem-e"},
         method="POST", path="/event-subscriptions",
         body={"consumer_kind": "workflow", "consumer_id": "wf_1", "event_type": "forge.*",
               "filter": {"project_id": "prj_1"}},
         headers={"idempotency-key": "idem-e"}, status=201, result=EventSubscription),
    Case(call="event_subscriptions.get", args=("esub_1",), method="GET", path=S,
         result=EventSubscription),
    Case(call="event_subscriptions.update", args=("esub_1",), kwargs={"active": False},
         method="PATCH", path=S, body={"active": False}, result=EventSubscription),
    Case(call="event_subscriptions.delete", args=("esub_1",), method="DELETE", path=S,
         reply=None, status=204),
    Case(call="event_subscriptions.deliveries", args=("esub_1",), kwargs={"state": "failed"},
         method="GET", path=S + "/deliveries", query={"state": "failed"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}], "next_cursor": None},
         result=EventDelivery, many=True, result_ids=TWO),
    Case(call="event_subscriptions.redeliver", args=("edl_1",), method="POST",
         path="/event-deliveries/edl_1/redeliver", status=202,
         reply={"data": {"id": "x_1", "state": "queued"}}, result=EventDelivery),
    Case(call="event_subscriptions.webhook_events", method="GET", path="/webhooks/events",
         reply={"data": {}, "events": ["sandbox.ready"]},
         check=lambda r: isinstance(r, WebhookEventCatalog)),
    Case(call="event_subscriptions.replay_delivery", args=("wh_1", "dl_1"),
         kwargs={"replay_id": "rp_1"}, method="POST",
         path="/webhooks/wh_1/deliveries/dl_1/replay", body={"replay_id": "rp_1"},
         status=202, result=WebhookDelivery),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_an_unknown_event_type_is_a_validation_error() -> None:
    error = {"error": {"code": "UNKNOWN_EVENT_TYPE", "message": "unknown event type"}}
    api = MockAPI().on("POST /event-subscriptions", json_response(422, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="unknown event type"):
            client.event_subscriptions.create(
                consumer_kind="agent", consumer_id="agt_1", event_type="nope"
            )


def test_subscriptions_route_events_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            every = client.event_subscriptions.create(
                consumer_kind="notification", consumer_id="ops", event_type="sandbox.*"
            )
            ready = client.event_subscriptions.create(
                consumer_kind="workflow", consumer_id="wf_1", event_type="sandbox.created"
            )
            with pytest.raises(ValidationError):
                client.event_subscriptions.create(
                    consumer_kind="workflow", consumer_id="wf_1", event_type="Not An Event"
                )
            with pytest.raises(ValidationError):
                client.event_subscriptions.update(ready.id or "", filter={"a": {"b": 1}})
            sandbox = client.sandboxes.create()
            assert every.id is not None and ready.id is not None
            all_sandbox = [d for d in client.event_subscriptions.deliveries(every.id)]
            created = (client.event_subscriptions.deliveries(ready.id)).items
            requeued = client.event_subscriptions.redeliver(created[0].id or "")
            with pytest.raises(ConflictError):
                client.event_subscriptions.redeliver(created[0].id or "")
            paused = client.event_subscriptions.update(ready.id, active=False)
            listed = client.event_subscriptions.list(consumer_kind="workflow")
            client.event_subscriptions.delete(ready.id)
            with pytest.raises(NotFoundError):
                client.event_subscriptions.get(ready.id)
            client.sandboxes.delete(sandbox.id)
    assert "sandbox.created" in {d.event_type for d in all_sandbox}
    assert [(d.event_type, d.state) for d in created] == [("sandbox.created", "delivered")]
    assert requeued.state == "queued"
    assert paused.active is False and [s.id for s in listed] == [ready.id]
