"""Event subscriptions: the wire, validation errors, and routed deliveries locally."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import EventDelivery, EventSubscription, WebhookDelivery, WebhookEventCatalog
from tests._async._helpers import make_client, run_case
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
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_an_unknown_event_type_is_a_validation_error() -> None:
    error = {"error": {"code": "UNKNOWN_EVENT_TYPE", "message": "unknown event type"}}
    api = MockAPI().on("POST /event-subscriptions", json_response(422, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="unknown event type"):
            await client.event_subscriptions.create(
                consumer_kind="agent", consumer_id="agt_1", event_type="nope"
            )


async def test_subscriptions_route_events_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            every = await client.event_subscriptions.create(
                consumer_kind="notification", consumer_id="ops", event_type="sandbox.*"
            )
            ready = await client.event_subscriptions.create(
                consumer_kind="workflow", consumer_id="wf_1", event_type="sandbox.created"
            )
            with pytest.raises(ValidationError):
                await client.event_subscriptions.create(
                    consumer_kind="workflow", consumer_id="wf_1", event_type="Not An Event"
                )
            with pytest.raises(ValidationError):
                await client.event_subscriptions.update(ready.id or "", filter={"a": {"b": 1}})
            sandbox = await client.sandboxes.create()
            assert every.id is not None and ready.id is not None
            all_sandbox = [d async for d in await client.event_subscriptions.deliveries(every.id)]
            created = (await client.event_subscriptions.deliveries(ready.id)).items
            requeued = await client.event_subscriptions.redeliver(created[0].id or "")
            with pytest.raises(ConflictError):
                await client.event_subscriptions.redeliver(created[0].id or "")
            paused = await client.event_subscriptions.update(ready.id, active=False)
            listed = await client.event_subscriptions.list(consumer_kind="workflow")
            await client.event_subscriptions.delete(ready.id)
            with pytest.raises(NotFoundError):
                await client.event_subscriptions.get(ready.id)
            await client.sandboxes.delete(sandbox.id)
    assert "sandbox.created" in {d.event_type for d in all_sandbox}
    assert [(d.event_type, d.state) for d in created] == [("sandbox.created", "delivered")]
    assert requeued.state == "queued"
    assert paused.active is False and [s.id for s in listed] == [ready.id]
