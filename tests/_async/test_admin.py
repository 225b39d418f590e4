"""Wire tests for ``client.admin``: every endpoint's request, and what the caller gets back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from miosa import PermissionDeniedError
from miosa._async.pagination import AsyncPage
from miosa._converter import structure
from miosa.types import Model
from miosa.types.admin import (
    AdminApiKey,
    AdminApiKeyStatus,
    AdminAuditEntry,
    AdminComputer,
    AdminComputerStatus,
    AdminCreditBalance,
    AdminCreditTransaction,
    AdminImpersonation,
    AdminTenant,
    AdminTenantPlan,
    AdminUser,
    AdminUserRole,
    AdminUserStatus,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import NO_BODY, Case, MockAPI, case_id, json_response

OBJ: dict[str, Any] = {"id": "obj_1", "status": "active", "brand_new": {"x": 1}}
REPORT: dict[str, Any] = {"ok": True, "counts": {"users": 3}}


def _checks(kind: str, model: type | None) -> Callable[[Any], bool]:
    """What a reply of this kind must come back as."""
    if kind == "json":
        return lambda result: bool(result == REPORT)
    if kind == "object":
        return lambda result: (
            isinstance(result, Model) and type(result) is model and result.raw == OBJ
        )
    return lambda result: (
        isinstance(result, AsyncPage)
        and [type(item) for item in result.items] == [model]
        and result.items[0].raw == OBJ
        and result.next_cursor is None
        and not result.has_more
    )


def _replies(kind: str) -> object:
    if kind == "json":
        return REPORT
    if kind == "object":
        return {"data": OBJ}
    return {"data": [OBJ], "next_cursor": None}


def admin(
    name: str,
    call: Callable[[Any], Any],
    method: str,
    path: str,
    kind: str,
    model: type | None = None,
    *,
    query: dict[str, str] | None = None,
    body: object = NO_BODY,
) -> Case:
    """One endpoint: the call on ``client.admin``, the exact request, the reply's kind.

    Kinds: ``json`` (an untyped reply, returned as the JSON object), ``object`` (a model),
    ``page`` (a cursor page of models). Every call that is not a GET sends an idempotency key.
    """
    return Case(
        name=name,
        call=lambda client: call(client.admin),
        method=method,
        path=path,
        query=query or {},
        body=body,
        header_names=() if method == "GET" else ("idempotency-key",),
        reply=_replies(kind),
        check=_checks(kind, model),
    )


U = "/admin/users/u_1"
TN = "/admin/tenants/t_1"
CP = "/admin/computers/c_1"

CASES = [
    # overview
    admin("dashboard", lambda a: a.dashboard(), "GET", "/admin/dashboard", "json"),
    admin("stats", lambda a: a.stats(), "GET", "/admin/stats", "json"),
    admin("audit_log", lambda a: a.audit_log(), "GET", "/admin/audit-log", "page", AdminAuditEntry),
    admin(
        "audit_log (paged)",
        lambda a: a.audit_log(limit=50, cursor="cur_2"),
        "GET",
        "/admin/audit-log",
        "page",
        AdminAuditEntry,
        query={"limit": "50", "cursor": "cur_2"},
    ),
    admin(
        "detailed_health", lambda a: a.detailed_health(), "GET", "/admin/health/detailed", "json"
    ),
    # credits
    admin(
        "grant_credits",
        lambda a: a.grant_credits(
            tenant_id="t_1", amount=100, description="promo", expires_at="2027-01-01T00:00:00Z"
        ),
        "POST",
        "/admin/credits/grant",
        "json",
        body={
            "tenant_id": "t_1",
            "amount": 100,
            "description": "promo",
            "expires_at": "2027-01-01T00:00:00Z",
        },
    ),
    admin(
        "deduct_credits",
        lambda a: a.deduct_credits(tenant_id="t_1", amount=2.5, description="overage"),
        "POST",
        "/admin/credits/deduct",
        "json",
        body={"tenant_id": "t_1", "amount": 2.5, "description": "overage"},
    ),
    admin(
        "refund_credits",
        lambda a: a.refund_credits(
            tenant_id="t_1", amount=10, description="sorry", transaction_id="tx_1"
        ),
        "POST",
        "/admin/credits/refund",
        "json",
        body={"tenant_id": "t_1", "amount": 10, "description": "sorry", "transaction_id": "tx_1"},
    ),
    admin(
        "tenant_balance",
        lambda a: a.tenant_balance("t_1"),
        "GET",
        "/admin/credits/t_1/balance",
        "object",
        AdminCreditBalance,
    ),
    admin(
        "tenant_credit_history",
        lambda a: a.tenant_credit_history("t_1", limit=10),
        "GET",
        "/admin/credits/t_1/history",
        "page",
        AdminCreditTransaction,
        query={"limit": "10"},
    ),
    # users
    admin(
        "list_users",
        lambda a: a.list_users(limit=20, q="ann", status="suspended"),
        "GET",
        "/admin/users",
        "page",
        AdminUser,
        query={"limit": "20", "q": "ann", "status": "suspended"},
    ),
    admin("get_user", lambda a: a.get_user("u_1"), "GET", U, "object", AdminUser),
    admin(
        "update_user",
        lambda a: a.update_user("u_1", {"name": "Ann", "metadata": {"vip": True}}),
        "PUT",
        U,
        "object",
        AdminUser,
        body={"name": "Ann", "metadata": {"vip": True}},
    ),
    admin("delete_user", lambda a: a.delete_user("u_1"), "DELETE", U, "json"),
    admin(
        "change_user_role",
        lambda a: a.change_user_role("u_1", role=AdminUserRole.SUPER_ADMIN),
        "POST",
        U + "/role",
        "json",
        body={"role": "super_admin"},
    ),
    admin("force_logout", lambda a: a.force_logout("u_1"), "POST", U + "/force-logout", "json"),
    admin("suspend_user", lambda a: a.suspend_user("u_1"), "POST", U + "/suspend", "json"),
    admin(
        "suspend_user (reason)",
        lambda a: a.suspend_user("u_1", reason="abuse"),
        "POST",
        U + "/suspend",
        "json",
        body={"reason": "abuse"},
    ),
    admin("unsuspend_user", lambda a: a.unsuspend_user("u_1"), "POST", U + "/unsuspend", "json"),
    admin(
        "ban_user",
        lambda a: a.ban_user("u_1", reason="spam", expires_at="2027-01-01T00:00:00Z"),
        "POST",
        U + "/ban",
        "json",
        body={"reason": "spam", "expires_at": "2027-01-01T00:00:00Z"},
    ),
    admin("unban_user", lambda a: a.unban_user("u_1"), "POST", U + "/unban", "json"),
    admin(
        "bulk_user_action",
        lambda a: a.bulk_user_action(user_ids=("u_1", "u_2"), action="tag", params={"tag": "beta"}),
        "POST",
        "/admin/users/bulk",
        "json",
        body={"user_ids": ["u_1", "u_2"], "action": "tag", "params": {"tag": "beta"}},
    ),
    # tenants
    admin(
        "list_tenants",
        lambda a: a.list_tenants(q="acme"),
        "GET",
        "/admin/tenants",
        "page",
        AdminTenant,
        query={"q": "acme"},
    ),
    admin("tenant_detail", lambda a: a.tenant_detail("t_1"), "GET", TN + "/detail", "json"),
    admin(
        "suspend_tenant",
        lambda a: a.suspend_tenant("t_1", reason="unpaid"),
        "POST",
        TN + "/suspend",
        "json",
        body={"reason": "unpaid"},
    ),
    admin(
        "unsuspend_tenant", lambda a: a.unsuspend_tenant("t_1"), "POST", TN + "/unsuspend", "json"
    ),
    admin(
        "change_tenant_plan",
        lambda a: a.change_tenant_plan("t_1", plan="pro"),
        "POST",
        TN + "/plan",
        "json",
        body={"plan": "pro", "prorate": True},
    ),
    admin("delete_tenant", lambda a: a.delete_tenant("t_1"), "DELETE", TN, "json"),
    # computers
    admin(
        "list_computers",
        lambda a: a.list_computers(status="error", tenant_id="t_1", limit=5),
        "GET",
        "/admin/computers",
        "page",
        AdminComputer,
        query={"status": "error", "tenant_id": "t_1", "limit": "5"},
    ),
    admin("delete_computer", lambda a: a.delete_computer("c_1"), "DELETE", CP, "json"),
    admin("suspend_computer", lambda a: a.suspend_computer("c_1"), "POST", CP + "/suspend", "json"),
    admin("resume_computer", lambda a: a.resume_computer("c_1"), "POST", CP + "/resume", "json"),
    admin("restart_computer", lambda a: a.restart_computer("c_1"), "POST", CP + "/restart", "json"),
    admin(
        "purge_stale_computers",
        lambda a: a.purge_stale_computers(),
        "POST",
        "/admin/computers/purge-stale",
        "json",
    ),
    # API keys
    admin(
        "list_api_keys",
        lambda a: a.list_api_keys(tenant_id="t_1", status="revoked"),
        "GET",
        "/admin/api-keys",
        "page",
        AdminApiKey,
        query={"tenant_id": "t_1", "status": "revoked"},
    ),
    admin(
        "create_api_key",
        lambda a: a.create_api_key(name="ci", tenant_id="t_1", user_id="u_1"),
        "POST",
        "/admin/api-keys",
        "object",
        AdminApiKey,
        body={
            "name": "ci",
            "tenant_id": "t_1",
            "user_id": "u_1",
            "key_type": "user",
            "purpose": "api",
        },
    ),
    admin(
        "create_api_key (all options)",
        lambda a: a.create_api_key(
            name="ci",
            tenant_id="t_1",
            user_id="u_1",
            key_type="platform",
            purpose="optimal",
            rate_limit_rpm=600,
            expires_at="2027-01-01T00:00:00Z",
            allowed_ips=("10.0.0.1",),
        ),
        "POST",
        "/admin/api-keys",
        "object",
        AdminApiKey,
        body={
            "name": "ci",
            "tenant_id": "t_1",
            "user_id": "u_1",
            "key_type": "platform",
            "purpose": "optimal",
            "rate_limit_rpm": 600,
            "expires_at": "2027-01-01T00:00:00Z",
            "allowed_ips": ["10.0.0.1"],
        },
    ),
    admin("api_key_stats", lambda a: a.api_key_stats(), "GET", "/admin/api-keys/stats", "json"),
    admin(
        "bulk_revoke_api_keys",
        lambda a: a.bulk_revoke_api_keys(key_ids=["k_1", "k_2"]),
        "POST",
        "/admin/api-keys/bulk-revoke",
        "json",
        body={"key_ids": ["k_1", "k_2"]},
    ),
    admin(
        "revoke_api_key", lambda a: a.revoke_api_key("k_1"), "DELETE", "/admin/api-keys/k_1", "json"
    ),
    # Optimal, impersonation
    admin("optimal_status", lambda a: a.optimal_status(), "GET", "/admin/optimal/status", "json"),
    admin(
        "list_optimal_models",
        lambda a: a.list_optimal_models(),
        "GET",
        "/admin/optimal/models",
        "json",
    ),
    admin(
        "switch_optimal_model",
        lambda a: a.switch_optimal_model(model_id="qwen-72b"),
        "POST",
        "/admin/optimal/models/switch",
        "json",
        body={"model_id": "qwen-72b"},
    ),
    admin(
        "impersonate",
        lambda a: a.impersonate(external_user_id="ext_1"),
        "POST",
        "/admin/impersonate",
        "object",
        AdminImpersonation,
        body={"external_user_id": "ext_1", "ttl_sec": 3600},
    ),
]

CONTRACT = {
    "dashboard", "stats", "audit_log", "detailed_health", "grant_credits", "deduct_credits",
    "refund_credits", "tenant_balance", "tenant_credit_history", "list_users", "get_user",
    "update_user", "delete_user", "change_user_role", "force_logout", "suspend_user",
    "unsuspend_user", "ban_user", "unban_user", "bulk_user_action", "list_tenants",
    "tenant_detail", "suspend_tenant", "unsuspend_tenant", "change_tenant_plan", "delete_tenant",
    "list_computers", "delete_computer", "suspend_computer", "resume_computer",
    "restart_computer", "purge_stale_computers", "list_api_keys", "create_api_key",
    "api_key_stats", "bulk_revoke_api_keys", "revoke_api_key", "optimal_status",
    "list_optimal_models", "switch_optimal_model", "impersonate",
}  # fmt: skip  # the 41 `admin.*` py paths of the contract


def test_every_admin_endpoint_of_the_contract_has_a_case() -> None:
    assert len(CONTRACT) == 41
    assert {case.name.split(" ")[0] for case in CASES} == CONTRACT


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_endpoint_sends_the_exact_request_and_parses_the_reply(case: Case) -> None:
    await run_case(case)


async def test_cursor_pages_follow_next_cursor_across_envelopes() -> None:
    api = MockAPI().on(
        "GET /admin/users",
        json_response(200, {"users": [{"id": "u_1"}, {"id": "u_2"}], "next_cursor": "c2"}),
        json_response(200, {"data": [{"id": "u_3"}], "meta": {"next_cursor": None}}),
    )
    async with make_client(api) as client:
        page = await client.admin.list_users(limit=2, status="active")
        assert page.next_cursor == "c2"
        ids = [user.id async for user in page]
    assert ids == ["u_1", "u_2", "u_3"]
    assert [dict(r.url.params) for r in api.requests] == [
        {"limit": "2", "status": "active"},
        {"limit": "2", "status": "active", "cursor": "c2"},
    ]


async def test_untyped_replies_are_unwrapped_or_kept_whole() -> None:
    api = (
        MockAPI()
        .on("GET /admin/stats", json_response(200, {"data": {"users": 3}}))
        .on("GET /admin/optimal/models", json_response(200, {"data": ["m1", "m2"]}))
        .on("POST /admin/computers/purge-stale", httpx.Response(204))
    )
    async with make_client(api) as client:
        assert await client.admin.stats() == {"users": 3}
        assert await client.admin.list_optimal_models() == {"data": ["m1", "m2"]}
        assert await client.admin.purge_stale_computers() == {}


async def test_a_user_key_gets_permission_denied() -> None:
    api = MockAPI().on(
        "GET /admin/dashboard",
        json_response(403, {"error": {"code": "FORBIDDEN", "message": "admin only"}}),
    )
    async with make_client(api) as client:
        with pytest.raises(PermissionDeniedError, match="admin only"):
            await client.admin.dashboard()


async def test_path_parameters_are_percent_encoded_and_dot_ids_refused() -> None:
    api = MockAPI().on("GET /admin/users/a%2F..%2Fb", json_response(200, {"id": "x"}))
    async with make_client(api) as client:
        await client.admin.get_user("a/../b")
        for bad in ("", ".", ".."):
            with pytest.raises(ValueError):
                await client.admin.delete_tenant(bad)
    assert api.last.url.raw_path == b"/api/v1/admin/users/a%2F..%2Fb"
    assert len(api.requests) == 1


def test_admin_models_round_trip_realistic_payloads() -> None:
    user = structure(
        {
            "id": "u_1",
            "email": "ann@example.com",
            "role": "super_admin",
            "status": "locked",
            "created_at": "2026-02-01T09:00:00Z",
            "last_login_ip": "10.0.0.1",
        },
        AdminUser,
    )
    assert user.role is AdminUserRole.SUPER_ADMIN
    assert user.status == "locked" and user.status is not AdminUserStatus.ACTIVE
    assert user.raw["last_login_ip"] == "10.0.0.1"
    assert user.created_at is not None and user.created_at.tzinfo is not None

    tenant = structure({"id": "t_1", "plan": "scale", "seats": 40}, AdminTenant)
    assert tenant.plan is AdminTenantPlan.SCALE and tenant.raw["seats"] == 40
    computer = structure({"id": "c_1", "status": "paused"}, AdminComputer)
    assert computer.status is AdminComputerStatus.PAUSED

    key = structure(
        {
            "id": "k_1",
            "key": "msk_live_plaintext",
            "status": "active",
            "allowed_ips": ["10.0.0.1"],
            "rate_limit_rpm": 600,
        },
        AdminApiKey,
    )
    assert key.status is AdminApiKeyStatus.ACTIVE and key.allowed_ips == ("10.0.0.1",)
    assert key.key == "msk_live_plaintext" and "msk_live_plaintext" not in repr(key)

    token = structure(
        {"token": "msi_abc", "expires_at": "2026-02-01T10:00:00Z"}, AdminImpersonation
    )
    assert token.token == "msi_abc" and "msi_abc" not in repr(token)
    assert token.expires_at is not None and token.expires_at.hour == 10

    entry = structure(
        {"id": "a_1", "action": "user.suspend", "metadata": {"reason": "spam"}}, AdminAuditEntry
    )
    assert entry.action == "user.suspend" and entry.metadata == {"reason": "spam"}
    tx = structure({"id": "tx", "amount": 100, "description": "promo"}, AdminCreditTransaction)
    assert tx.amount == 100.0
    balance = structure({"tenant_id": "t_1", "balance": 12.5}, AdminCreditBalance)
    assert balance.balance == 12.5
