# This file was generated from
#   tests/_async/test_command_center.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.command_center``, including its event stream."""

from __future__ import annotations

import httpx
import pytest

from miosa._converter import structure
from miosa.types import Event
from miosa.types.command_center import (
    CommandCenterAgent,
    CommandCenterMetrics,
    CommandCenterOverview,
    CommandCenterPreset,
    CommandCenterTiers,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI

AGENT = {
    "id": "ag_1",
    "name": "triage",
    "status": "running",
    "tier": "standard",
    "started_at": "2026-11-28T09:30:00Z",
    "sandbox_id": "sbx_9",
}

CASES = [
    Case(
        call=lambda c: c.command_center.overview(),
        method="GET",
        path="/command-center",
        check=lambda r: isinstance(r, CommandCenterOverview) and r.agents == {"total": 4},
        reply={"data": {"agents": {"total": 4}, "metrics": {"cpu": 0.4}}},
    ),
    Case(
        call=lambda c: c.command_center.agents(),
        method="GET",
        path="/command-center/agents",
        check=lambda r: [type(x) for x in r] == [CommandCenterAgent] and r[0].name == "triage",
        reply={"agents": [AGENT]},
    ),
    Case(
        call=lambda c: c.command_center.running_agents(),
        method="GET",
        path="/command-center/agents/running",
        check=lambda r: [a.id for a in r] == ["ag_1"],
        reply={"running": [AGENT]},
    ),
    Case(
        call=lambda c: c.command_center.metrics(),
        method="GET",
        path="/command-center/metrics",
        check=lambda r: isinstance(r, CommandCenterMetrics) and r.raw["tasks_per_min"] == 12,
        reply={"metrics": {"tasks_per_min": 12}},
    ),
    Case(
        call=lambda c: c.command_center.presets(),
        method="GET",
        path="/command-center/presets",
        check=lambda r: isinstance(r[0], CommandCenterPreset) and r[0].config == {"model": "m"},
        reply={"presets": [{"id": "p_1", "name": "coder", "config": {"model": "m"}}]},
    ),
    Case(
        call=lambda c: c.command_center.tiers(),
        method="GET",
        path="/command-center/tiers",
        check=lambda r: isinstance(r, CommandCenterTiers) and r.tiers == ["standard", "pro"],
        reply={"data": {"tiers": ["standard", "pro"]}},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.route for case in CASES])
def test_command_center_wire(case: Case) -> None:
    run_case(case)


def test_events_stream_typed_events_and_skips_heartbeats() -> None:
    body = (
        b": heartbeat\n\n"
        b'id: 1\nevent: agent.started\ndata: {"data": {"agent_id": "ag_1"}}\n\n'
        b'id: 2\ndata: {"type": "agent.finished", "data": {"agent_id": "ag_1", "ok": true}}\n\n'
    )
    api = MockAPI().on(
        "GET /command-center/events",
        httpx.Response(200, content=body, headers={"content-type": "text/event-stream"}),
    )
    with make_client(api) as client, client.command_center.events() as events:
        received = [event for event in events]
    assert api.last.method == "GET"
    assert api.last.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert all(isinstance(event, Event) for event in received)
    assert [(e.id, e.type, e.data) for e in received] == [
        ("1", "agent.started", {"agent_id": "ag_1"}),
        ("2", "agent.finished", {"agent_id": "ag_1", "ok": True}),
    ]
    assert received[1].raw["type"] == "agent.finished"


def test_command_center_agent_round_trip_keeps_unknown_fields() -> None:
    agent = structure(AGENT, CommandCenterAgent)
    assert (agent.id, agent.status, agent.tier) == ("ag_1", "running", "standard")
    assert agent.started_at is not None and agent.started_at.tzinfo is not None
    assert agent.raw["sandbox_id"] == "sbx_9"
