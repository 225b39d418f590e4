"""Wire tests of ``client.channels``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from miosa._converter import structure
from miosa.types.channels import Channel, ChannelType
from tests._async._helpers import run_case
from tests.helpers import Case

CHANNEL = {
    "id": "ch_1",
    "type": "slack",
    "name": "alerts",
    "enabled": True,
    "config": {"webhook_url": "https://hooks.slack.example/T1"},
    "created_at": "2026-11-02T08:30:00Z",
}


def _is_channel(result: Any) -> bool:
    return isinstance(result, Channel) and result.id == "ch_1" and result.type is ChannelType.SLACK


CASES = [
    Case(
        call=lambda c: c.channels.list(type="slack", enabled=True, extra={"workspace_id": "ws_1"}),
        method="GET",
        path="/channels",
        check=lambda r: (
            [x.id for x in r] == ["ch_1", "ch_2"] and all(isinstance(x, Channel) for x in r)
        ),
        reply={"channels": [CHANNEL, {**CHANNEL, "id": "ch_2"}]},
        query={"type": "slack", "enabled": "true", "workspace_id": "ws_1"},
    ),
    Case(
        call=lambda c: c.channels.get("ch/1"),
        method="GET",
        path="/channels/ch%2F1",
        check=_is_channel,
        reply={"data": CHANNEL},
    ),
    Case(
        call=lambda c: c.channels.create(
            type=ChannelType.SLACK,
            name="alerts",
            config={"webhook_url": "https://hooks.slack.example/T1"},
            extra={"events": ["sandbox.failed"]},
        ),
        method="POST",
        path="/channels",
        check=_is_channel,
        reply={"data": CHANNEL},
        body={
            "type": "slack",
            "name": "alerts",
            "config": {"webhook_url": "https://hooks.slack.example/T1"},
            "events": ["sandbox.failed"],
        },
    ),
    Case(
        call=lambda c: c.channels.update("ch_1", name="ops"),
        method="PATCH",
        path="/channels/ch_1",
        check=lambda r: isinstance(r, Channel) and r.name == "ops",
        reply={"data": {**CHANNEL, "name": "ops"}},
        body={"name": "ops"},
    ),
    Case(
        call=lambda c: c.channels.delete("ch_1"),
        method="DELETE",
        path="/channels/ch_1",
        check=lambda r: r is None,
        reply=httpx.Response(204),
    ),
    Case(
        call=lambda c: c.channels.enable("ch_1"),
        method="POST",
        path="/channels/ch_1/enable",
        check=lambda r: isinstance(r, Channel) and r.enabled is True,
        reply=CHANNEL,
    ),
    Case(
        call=lambda c: c.channels.disable("ch_1"),
        method="POST",
        path="/channels/ch_1/disable",
        check=lambda r: isinstance(r, Channel) and r.enabled is False,
        reply={"data": {**CHANNEL, "enabled": False}},
    ),
    Case(
        call=lambda c: c.channels.list_notifications(),
        method="GET",
        path="/channels/notifications",
        check=lambda r: r == {"sandbox.failed": ["email", "slack"]},
        reply={"notifications": {"sandbox.failed": ["email", "slack"]}},
    ),
    Case(
        call=lambda c: c.channels.update_notifications({"sandbox.failed": ["email"]}),
        method="PUT",
        path="/channels/notifications",
        check=lambda r: r == {"sandbox.failed": ["email"]},
        reply={"data": {"sandbox.failed": ["email"]}},
        body={"sandbox.failed": ["email"]},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.route for case in CASES])
async def test_channels_wire(case: Case) -> None:
    await run_case(case)


def test_channel_round_trip_keeps_unknown_fields_and_enum_values() -> None:
    channel = structure({**CHANNEL, "type": "teams", "muted_until": None}, Channel)
    assert channel.type == "teams"
    assert channel.type is not None and not channel.type.is_known
    assert channel.config == {"webhook_url": "https://hooks.slack.example/T1"}
    assert channel.created_at is not None and channel.created_at.tzinfo is not None
    assert channel.raw["muted_until"] is None
    assert "muted_until" in channel.raw
