"""The dashboard (``GET /dashboard``), the public status overview (``GET /overview``) and
the admin analytics (``/analytics/overview``, ``/analytics/timeseries``).

Every figure is counted from this server's own state: its sandboxes and computers, the
credits they spent, its audit log and the AI gateway's request traces. A timeseries is
bucketed from the timestamps those carry (sandbox creation, audit entries, traces).
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.responses import Response

from . import billing, sandboxes
from .common import JSON, iso, now, parse_iso
from .http import bad_request, json_response
from .routing import Call, Endpoint
from .state import Store

TRACES = "/ai-gateway/requests"
METRICS = ("sandboxes", "requests", "tokens", "api_calls")
PERIODS = {"1h": 3600, "24h": 86400, "7d": 7 * 86400, "30d": 30 * 86400}
# Points per period: hourly buckets up to a day, daily beyond.
_BUCKET = {"1h": 300, "24h": 3600, "7d": 86400, "30d": 86400}


def _machines(store: Store, computers: bool) -> JSON:
    """Totals of the live sandboxes (or computers) by state."""
    alive = [
        s for s in store.sandboxes.values() if s.alive and sandboxes.is_computer(s) == computers
    ]
    return {
        "total": len(alive),
        "running": sum(1 for s in alive if s.state == "running"),
        "stopped": sum(1 for s in alive if s.state != "running"),
    }


def _credits(store: Store) -> JSON:
    earned = billing.STARTING_BALANCE + sum(
        t["amount"] for t in store.credit_transactions if t["type"] == "credit"
    )
    spent = round(sum(billing.credit_cents(s) for s in store.sandboxes.values()) / 100, 6)
    return {"balance": round(earned - spent, 6), "spent": spent}


def _traces(store: Store) -> list[JSON]:
    return list(store.records.get(TRACES, {}).values())


async def dashboard(call: Call) -> Response:
    """``GET /dashboard``: the caller's sandboxes, computers and credits (under
    ``dashboard``, which the SDK unwraps like ``data``)."""
    store = call.store
    summary: JSON = {
        "sandboxes": _machines(store, computers=False),
        "computers": _machines(store, computers=True),
        "credits": _credits(store),
        "generated_at": iso(now()),
    }
    return json_response({"data": summary})


async def overview(call: Call) -> Response:
    """``GET /overview`` (public): the platform status; locally always operational."""
    store = call.store
    status: JSON = {
        "status": "operational",
        "services": {"api": "operational", "sandboxes": "operational", "gateway": "operational"},
        "uptime_seconds": int(now() - store.started_at),
        "updated_at": iso(now()),
    }
    return json_response({"data": status})


async def analytics_overview(call: Call) -> Response:
    """``GET /analytics/overview``: platform totals (extra query filters are accepted and
    ignored: one tenant, one server)."""
    store = call.store
    traces = _traces(store)
    figures: JSON = {
        "sandboxes": _machines(store, computers=False),
        "computers": _machines(store, computers=True),
        "api_keys": len(store.api_keys),
        "api_calls": len(store.audit),
        "ai_requests": len(traces),
        "ai_tokens": sum(int(t.get("total_tokens") or 0) for t in traces),
        "credits": _credits(store),
        "generated_at": iso(now()),
    }
    return json_response({"data": figures})


def _stamps(store: Store, metric: str) -> Iterable[tuple[float, float]]:
    """(time, amount) of each event the metric counts."""
    if metric == "sandboxes":
        return ((s.created_at, 1.0) for s in store.sandboxes.values())
    if metric == "requests":
        return ((float(t.get("_at", 0)), 1.0) for t in _traces(store))
    if metric == "tokens":
        return ((float(t.get("_at", 0)), float(t.get("total_tokens") or 0)) for t in _traces(store))
    return ((parse_iso(str(e.get("created_at"))) or 0.0, 1.0) for e in store.audit)


def _series(stamps: Iterable[tuple[float, float]], end: float, span: int, step: int) -> list[JSON]:
    start = end - span
    count = span // step
    values = [0.0] * count
    for at, amount in stamps:
        if start <= at < end:
            values[min(count - 1, int((at - start) // step))] += amount
    return [{"timestamp": iso(start + i * step), "value": v} for i, v in enumerate(values)]


async def analytics_timeseries(call: Call) -> Response:
    """``GET /analytics/timeseries``: one metric (``sandboxes``, ``requests``,
    ``tokens``, ``api_calls``) over a period (``1h``, ``24h``, ``7d``, ``30d``)."""
    metric = call.query.get("metric") or "sandboxes"
    period = call.query.get("period") or "24h"
    if metric not in METRICS or period not in PERIODS:
        raise bad_request(
            "unknown metric or period",
            field="metric" if metric not in METRICS else "period",
            metrics=list(METRICS),
            periods=list(PERIODS),
        )
    series = _series(_stamps(call.store, metric), now(), PERIODS[period], _BUCKET[period])
    return json_response({"data": {"metric": metric, "period": period, "series": series}})


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/dashboard", dashboard),
        Endpoint("GET", "/overview", overview, public=True),
        Endpoint("GET", "/analytics/overview", analytics_overview),
        Endpoint("GET", "/analytics/timeseries", analytics_timeseries),
    ]
