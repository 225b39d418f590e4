"""The command center (``/command-center``): the agent fleet at a glance.

Everything is read from the server's own state: the fleet is the tenant's agents
(``/agents``), an agent is ``running`` while one of its runs (``agent_definition_id``)
is not finished, the metrics count agents and runs, and ``/command-center/events`` streams
the tenant's events live (the feed of ``/events/stream``). The presets and tiers are canned.
"""

from __future__ import annotations

from starlette.responses import Response

from .agents import AGENTS
from .common import JSON
from .http import ok
from .records import records
from .routing import Call, Endpoint
from .runs import FINAL, RUNS
from .sse import SSEResponse, follow, last_event_id

PRESETS: tuple[JSON, ...] = (
    {
        "id": "preset_coder",
        "name": "Coder",
        "description": "Writes and tests code in a sandbox.",
        "tier": "standard",
        "config": {"runner": "claude-code", "timeout_seconds": 1800},
    },
    {
        "id": "preset_researcher",
        "name": "Researcher",
        "description": "Browses and summarises; no code execution.",
        "tier": "lite",
        "config": {"runner": "research", "timeout_seconds": 600},
    },
)
TIERS: JSON = {
    "lite": {"cpu": 1, "memory_mb": 1024, "max_concurrent": 10},
    "standard": {"cpu": 2, "memory_mb": 4096, "max_concurrent": 5},
    "performance": {"cpu": 8, "memory_mb": 16384, "max_concurrent": 2},
}


def _busy(call: Call) -> dict[str, JSON]:
    """The unfinished runs by agent id (the last one seen wins)."""
    return {
        str(r["agent_definition_id"]): r
        for r in records(call, RUNS).values()
        if r.get("agent_definition_id") and r.get("status") not in FINAL
    }


def _fleet(call: Call) -> list[JSON]:
    busy = _busy(call)
    fleet = []
    for agent in records(call, AGENTS).values():
        run = busy.get(agent["id"])
        fleet.append(
            {
                "id": agent["id"],
                "name": agent.get("name"),
                "status": "running" if run else agent.get("status", "active"),
                "tier": "standard",
                "preset": None,
                "started_at": run.get("started_at") or run.get("created_at") if run else None,
                "run_id": run["id"] if run else None,
            }
        )
    return fleet


def _metrics(call: Call) -> JSON:
    fleet = _fleet(call)
    runs = list(records(call, RUNS).values())
    return {
        "agents_total": len(fleet),
        "agents_running": sum(1 for a in fleet if a["status"] == "running"),
        "runs_total": len(runs),
        "runs_active": sum(1 for r in runs if r.get("status") not in FINAL),
        "runs_succeeded": sum(1 for r in runs if r.get("status") == "succeeded"),
        "runs_failed": sum(1 for r in runs if r.get("status") == "failed"),
    }


async def overview(call: Call) -> Response:
    """``GET /command-center``: the agents and the metrics together."""
    return ok({"agents": _fleet(call), "metrics": _metrics(call)})


async def agents(call: Call) -> Response:
    """``GET /command-center/agents``."""
    return ok(_fleet(call))


async def running_agents(call: Call) -> Response:
    """``GET /command-center/agents/running``."""
    return ok([a for a in _fleet(call) if a["status"] == "running"])


async def metrics(call: Call) -> Response:
    """``GET /command-center/metrics``."""
    return ok(_metrics(call))


async def presets(call: Call) -> Response:
    """``GET /command-center/presets``."""
    return ok(list(PRESETS))


async def tiers(call: Call) -> Response:
    """``GET /command-center/tiers``."""
    return ok({"tiers": TIERS})


async def events(call: Call) -> Response:
    """``GET /command-center/events``: the tenant's events from now on (or after
    ``Last-Event-ID`` on a resume)."""
    log = call.store.tenant_events
    resume = last_event_id(call.request)
    return SSEResponse(follow(log, log.last_id if resume is None else resume), call.store)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/command-center", overview),
        Endpoint("GET", "/command-center/agents", agents),
        Endpoint("GET", "/command-center/agents/running", running_agents),
        Endpoint("GET", "/command-center/metrics", metrics),
        Endpoint("GET", "/command-center/presets", presets),
        Endpoint("GET", "/command-center/tiers", tiers),
        Endpoint("GET", "/command-center/events", events),
    ]
