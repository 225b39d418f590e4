"""Usage accounting, external-user quotas and credits."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, now, parse_iso
from .fields import optional
from .http import ApiError, bad_request, int_param, json_response, no_content, ok, page_response
from .routing import Call, Endpoint
from .state import Sandbox, Store

# Arbitrary local prices: one credit cent per vCPU-minute, storage and network free.
CENTS_PER_VCPU_SECOND = 1 / 60
STARTING_BALANCE = 10_000
QUOTA_FIELDS = ("max_sandboxes", "max_concurrent", "max_storage_gb", "max_credit_cents")
PERIODS = {"7d": 7 * 86400, "30d": 30 * 86400}


def vcpus(sandbox: Sandbox) -> int:
    """vCPUs of the sandbox's size contract."""
    return sandbox.geometry[0]


def credit_cents(sandbox: Sandbox, at: float | None = None) -> float:
    """What the sandbox has cost so far, in credit cents."""
    return round(sandbox.runtime_sec(at) * vcpus(sandbox) * CENTS_PER_VCPU_SECOND, 4)


def _user_counts(store: Store, external_user_id: str) -> tuple[int, int]:
    mine = [
        s for s in store.sandboxes.values() if s.extra.get("external_user_id") == external_user_id
    ]
    running = sum(1 for s in mine if s.state in ("running", "provisioning"))
    return sum(1 for s in mine if s.alive), running


def enforce_quota(
    store: Store, external_user_id: str | None, *, new_sandbox: bool, new_running: bool
) -> None:
    """403 ``QUOTA_EXCEEDED`` when one more (running) sandbox would pass the user's quota."""
    if not external_user_id or external_user_id not in store.quotas:
        return
    quota = store.quotas[external_user_id]
    alive, running = _user_counts(store, external_user_id)
    checks = (("max_sandboxes", alive, new_sandbox), ("max_concurrent", running, new_running))
    for name, current, adding in checks:
        limit = quota.get(name)
        if adding and isinstance(limit, int) and current + 1 > limit:
            raise ApiError(
                403,
                "QUOTA_EXCEEDED",
                f"external user {external_user_id!r} is at its {name} quota ({limit})",
                {
                    "external_user_id": external_user_id,
                    "quota": name,
                    "limit": limit,
                    "current": current,
                },
            )


def quota_json(store: Store, external_user_id: str) -> JSON:
    """Quota limits (``None`` = unlimited) plus current usage."""
    quota = store.quotas.get(external_user_id, {})
    alive, running = _user_counts(store, external_user_id)
    cents = sum(
        credit_cents(s)
        for s in store.sandboxes.values()
        if s.extra.get("external_user_id") == external_user_id
    )
    return {
        "external_user_id": external_user_id,
        **{name: quota.get(name) for name in QUOTA_FIELDS},
        "usage": {
            "sandbox_count": alive,
            "concurrent_count": running,
            "storage_gb": 0,
            "credit_cents": round(cents, 4),
        },
        "current_sandboxes": alive,
        "is_default": external_user_id not in store.quotas,
        "updated_at": quota.get("updated_at"),
    }


async def get_quota(call: Call) -> Response:
    """``GET /quotas/external/{external_user_id}``."""
    return ok(quota_json(call.store, call.params["external_user_id"]))


async def set_quota(call: Call) -> Response:
    """``PUT /quotas/external/{external_user_id}``: limits given replace the stored ones."""
    body = await call.json()
    user = call.params["external_user_id"]
    quota: dict[str, Any] = {}
    for name in QUOTA_FIELDS:
        value = optional(body, name, int, low=0)
        if value is not None:
            quota[name] = value
    quota["updated_at"] = iso(now())
    call.store.quotas[user] = quota
    return ok(quota_json(call.store, user))


async def delete_quota(call: Call) -> Response:
    """``DELETE /quotas/external/{external_user_id}``: back to the (unlimited) default."""
    call.store.quotas.pop(call.params["external_user_id"], None)
    return no_content()


def _period(call: Call) -> tuple[float, float]:
    q = call.query
    end = now()
    start_raw, end_raw = (
        q.get("start") or q.get("period_start"),
        q.get("end") or q.get("period_end"),
    )
    if end_raw:
        end = parse_iso(end_raw) or end
    if start_raw:
        start = parse_iso(start_raw)
        if start is None:
            raise bad_request("start must be an ISO-8601 timestamp", field="start")
        return start, end
    period = q.get("period", "month-to-date")
    if period in PERIODS:
        return end - PERIODS[period], end
    if period != "month-to-date":
        raise bad_request("period must be '7d', '30d' or 'month-to-date'", field="period")
    month = datetime.fromtimestamp(end, tz=timezone.utc).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    return month.timestamp(), end


def _overlap(sandbox: Sandbox, start: float, end: float) -> float:
    """Runtime seconds inside [start, end] (runtime is assumed spread evenly)."""
    life_end = sandbox.destroyed_at or now()
    life = max(life_end - sandbox.created_at, 1e-9)
    inside = max(0.0, min(end, life_end) - max(start, sandbox.created_at))
    return sandbox.runtime_sec() * min(1.0, inside / life)


async def usage_summary(call: Call) -> Response:
    """``GET /usage/summary``."""
    start, end = _period(call)
    seconds = sum(_overlap(s, start, end) * vcpus(s) for s in call.store.sandboxes.values())
    total = round(seconds * CENTS_PER_VCPU_SECOND / 100, 6)
    return ok(
        {
            "period_start": iso(start),
            "period_end": iso(end),
            "total_credits": total,
            "compute_hours": round(seconds / 3600, 6),
            "storage_gb": 0,
            "bandwidth_gb": 0,
            "ai_tokens": 0,
            "sandbox_count": len(call.store.sandboxes),
        }
    )


def session_json(sandbox: Sandbox) -> JSON:
    """One usage session per sandbox lifetime."""
    cents = credit_cents(sandbox)
    return {
        "id": sandbox.id,
        "sandbox_id": sandbox.id,
        "computer_id": None,
        "started_at": iso(sandbox.started_at or sandbox.created_at),
        "ended_at": iso(sandbox.destroyed_at),
        "duration_sec": round(sandbox.runtime_sec(), 3),
        "credits_used": round(cents / 100, 6),
        "credit_cost": round(cents / 100, 6),
        "external_user_id": sandbox.extra.get("external_user_id"),
    }


async def usage_sessions(call: Call) -> Response:
    """``GET /usage/sessions``."""
    q = call.query
    since = parse_iso(q["since"]) if q.get("since") else None
    until = parse_iso(q["until"]) if q.get("until") else None
    items = [
        session_json(s)
        for s in call.store.sandboxes.values()
        if (since is None or s.created_at >= since) and (until is None or s.created_at <= until)
    ]
    if q.get("computer_id"):
        items = [i for i in items if i["computer_id"] == q["computer_id"]]
    return page_response(items, q)


async def usage_rollup(call: Call) -> Response:
    """``GET /usage?group_by=...``: per-attribution totals."""
    q = call.query
    group_by = q.get("group_by", "external_user_id")
    if group_by not in ("external_user_id", "external_project_id", "workspace_id"):
        raise bad_request(
            "group_by must be external_user_id, external_project_id or workspace_id",
            field="group_by",
        )
    start, end = _period(call)
    rows: dict[str | None, JSON] = {}
    for sandbox in call.store.sandboxes.values():
        if (
            q.get("external_user_id")
            and sandbox.extra.get("external_user_id") != q["external_user_id"]
        ):
            continue
        seconds = _overlap(sandbox, start, end)
        if seconds <= 0 and sandbox.created_at > end:
            continue
        group = sandbox.extra.get(group_by)
        row = rows.setdefault(
            group,
            {
                "external_user_id": None,
                "external_project_id": None,
                "workspace_id": None,
                group_by: group,
                "sandbox_seconds": 0.0,
                "computer_seconds": 0,
                "storage_gb_hours": 0,
                "credit_cents": 0.0,
                "sandbox_count": 0,
            },
        )
        row["sandbox_seconds"] = round(row["sandbox_seconds"] + seconds, 3)
        row["credit_cents"] = round(
            row["credit_cents"] + seconds * vcpus(sandbox) * CENTS_PER_VCPU_SECOND, 4
        )
        row["sandbox_count"] += 1
    return ok(
        {
            "period_start": iso(start),
            "period_end": iso(end),
            "group_by": group_by,
            "results": list(rows.values()),
        }
    )


def _spent(store: Store) -> float:
    return sum(credit_cents(s) for s in store.sandboxes.values()) / 100


async def credits_balance(call: Call) -> Response:
    """``GET /credits/balance``: a bare object with whole credits, as production sends it.

    ``balance_credits`` is an integer (2.19.2 reads it into an ``int`` field and fails on
    a fraction), so what sandboxes spent is charged in whole credits, rounded up.
    """
    store = call.store
    earned = STARTING_BALANCE + sum(
        t["amount"] for t in store.credit_transactions if t["type"] == "credit"
    )
    earned_whole, spent_whole = int(earned), math.ceil(round(_spent(store), 6))
    return json_response(
        {
            "tenant_id": store.settings.tenant_id,
            "balance_credits": earned_whole - spent_whole,
            "lifetime_earned": earned_whole,
            "lifetime_spent": spent_whole,
            "credit_expiry_at": None,
            "updated_at": iso(now()),
        }
    )


def _transactions(store: Store) -> list[JSON]:
    items = [
        {
            "id": "txn_initial",
            "amount": STARTING_BALANCE,
            "type": "credit",
            "description": "local server starting balance",
            "created_at": iso(store.started_at),
        },
        *store.credit_transactions,
    ]
    for sandbox in store.sandboxes.values():
        items.append(
            {
                "id": f"txn_{sandbox.id}",
                "amount": round(credit_cents(sandbox) / 100, 6),
                "type": "debit",
                "description": f"sandbox {sandbox.id} runtime",
                "created_at": iso(sandbox.created_at),
            }
        )
    return items


async def credits_transactions(call: Call) -> Response:
    """``GET /credits/transactions``: ``page`` + ``per_page`` with a ``meta`` block."""
    items = _transactions(call.store)
    q = call.query
    per_page = int_param(q, "per_page", int_param(q, "limit", 50, 1, 1000), 1, 1000)
    page = int_param(q, "page", 1, 1)
    chunk = items[(page - 1) * per_page : page * per_page]
    return json_response(
        {
            "data": chunk,
            "meta": {"total": len(items), "page": page, "per_page": per_page},
            "next_cursor": None,
        }
    )


async def credits_usage(call: Call) -> Response:
    """``GET /credits/usage``: a bare object, each amount under both of its wire names.

    2.19.2 reads ``compute``/``ai``/``storage``/``total`` from the bare reply; the
    TypeScript contract names them ``compute_credits`` ... : both are sent.
    """
    start, end = _period(call)
    compute = round(
        sum(_overlap(s, start, end) * vcpus(s) for s in call.store.sandboxes.values()) / 6000, 6
    )
    return json_response(
        {
            "period_start": iso(start),
            "period_end": iso(end),
            "compute_credits": compute,
            "ai_credits": 0,
            "storage_credits": 0,
            "total_credits": compute,
            "compute": compute,
            "ai": 0,
            "storage": 0,
            "total": compute,
        }
    )


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", "/quotas/external/{external_user_id}", get_quota),
        Endpoint("PUT", "/quotas/external/{external_user_id}", set_quota, "quota.update"),
        Endpoint("DELETE", "/quotas/external/{external_user_id}", delete_quota, "quota.delete"),
        Endpoint("GET", "/usage/summary", usage_summary),
        Endpoint("GET", "/usage/sessions", usage_sessions),
        Endpoint("GET", "/usage", usage_rollup),
        Endpoint("GET", "/credits/balance", credits_balance),
        Endpoint("GET", "/credits/transactions", credits_transactions),
        Endpoint("GET", "/credits/usage", credits_usage),
    ]
