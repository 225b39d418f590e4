# This file was generated from
#   tests/_async/test_tenant.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests of ``client.tenant`` (plan, preview domain, branding) and ``client.snapshots``."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Page
from miosa.types.members import TenantMember, WorkspaceRole
from miosa.types.tenant import (
    AdminSnapshot,
    PreviewDomain,
    PreviewDomainVerification,
    TenantBranding,
    TenantPlan,
)
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

PLAN = {
    "id": "ten_1",
    "name": "Acme",
    "plan": "pro",
    "status": "active",
    "limits": {"max_sandboxes": 50},
    "usage": {"sandboxes": 3},
    "created_at": "2026-01-02T03:04:05Z",
}


def test_current_reads_the_plan_under_each_envelope_key() -> None:
    api = MockAPI().on(
        "GET /tenant/plan",
        json_response(200, {"data": PLAN}),
        json_response(200, {"tenant": {**PLAN, "name": "Wrapped"}}),
        json_response(200, {**PLAN, "name": "Bare"}),
    )
    with make_client(api) as client:
        first = client.tenant.current()
        second = client.tenant.current()
        third = client.tenant.current()
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/tenant/plan"
    assert isinstance(first, TenantPlan)
    assert (first.id, first.name, first.plan, first.limits) == (
        "ten_1",
        "Acme",
        "pro",
        {"max_sandboxes": 50},
    )
    assert first.created_at is not None and first.created_at.tzinfo is not None
    assert second.name == "Wrapped"
    assert third.name == "Bare"


def test_sub_groups_are_created_once() -> None:
    with make_client(MockAPI()) as client:
        assert client.tenant.preview_domain is client.tenant.preview_domain
        assert client.tenant.branding is client.tenant.branding


def test_preview_domain_set_sends_the_newer_key_and_reads_the_older_reply() -> None:
    api = MockAPI().on(
        "PUT /tenant/preview-domain",
        json_response(200, {"data": {"domain": "previews.acme.dev", "verified_at": None}}),
    )
    with make_client(api) as client:
        result = client.tenant.preview_domain.set("previews.acme.dev")
    assert api.last.method == "PUT"
    assert api.last.headers["content-type"] == "application/json"
    assert api.body() == {"preview_domain": "previews.acme.dev"}
    assert isinstance(result, PreviewDomain)
    assert result.preview_domain == "previews.acme.dev"
    assert result.domain == "previews.acme.dev"
    assert not result.is_verified


def test_preview_domain_get_reads_the_newer_key_too() -> None:
    api = MockAPI().on(
        "GET /tenant/preview-domain",
        json_response(
            200,
            {
                "preview_domain": "p.acme.dev",
                "verified_at": "2026-01-01T00:00:00Z",
                "cname_target": "previews.miosa.ai",
            },
        ),
    )
    with make_client(api) as client:
        result = client.tenant.preview_domain.get()
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/tenant/preview-domain"
    assert (result.preview_domain, result.domain) == ("p.acme.dev", "p.acme.dev")
    assert result.cname_target == "previews.miosa.ai"
    assert result.is_verified


def test_preview_domain_verify_posts_an_empty_object() -> None:
    reply = {
        "verified": True,
        "target": "previews.miosa.ai",
        "records": [{"type": "CNAME", "name": "*.sandbox.p.acme.dev", "value": "x"}],
    }
    api = MockAPI().on("POST /tenant/preview-domain/verify", json_response(200, {"data": reply}))
    with make_client(api) as client:
        result = client.tenant.preview_domain.verify()
    assert api.last.method == "POST"
    assert api.body() == {}
    assert isinstance(result, PreviewDomainVerification)
    assert result.verified is True
    assert result.records == ({"type": "CNAME", "name": "*.sandbox.p.acme.dev", "value": "x"},)


def test_preview_domain_delete() -> None:
    api = MockAPI().on("DELETE /tenant/preview-domain", json_response(204, None))
    with make_client(api) as client:
        client.tenant.preview_domain.delete()
    assert api.last.method == "DELETE"
    assert api.last.url.path == "/api/v1/tenant/preview-domain"


BRANDING = {
    "product_name": "Acme Cloud",
    "logo_url": "https://acme.dev/logo.svg",
    "support_url": None,
    "support_email": "help@acme.dev",
    "primary_color": "#ff0000",
    "background_color": "#ffffff",
}


def test_branding_get() -> None:
    api = MockAPI().on("GET /tenant/branding", json_response(200, {"data": BRANDING}))
    with make_client(api) as client:
        branding = client.tenant.branding.get()
    assert api.last.method == "GET"
    assert api.last.url.path == "/api/v1/tenant/branding"
    assert isinstance(branding, TenantBranding)
    assert branding.product_name == "Acme Cloud"
    assert branding.support_email == "help@acme.dev"


def test_branding_set_sends_only_given_fields_wrapped_and_none_as_null() -> None:
    api = MockAPI().on("PUT /tenant/branding", json_response(200, BRANDING))
    with make_client(api) as client:
        branding = client.tenant.branding.set(
            product_name="Acme Cloud", primary_color="#ff0000", support_url=None
        )
    assert api.last.method == "PUT"
    assert api.body() == {
        "branding": {"product_name": "Acme Cloud", "primary_color": "#ff0000", "support_url": None}
    }
    assert branding.primary_color == "#ff0000"


def test_branding_delete() -> None:
    api = MockAPI().on("DELETE /tenant/branding", json_response(204, None))
    with make_client(api) as client:
        client.tenant.branding.delete()
    assert api.last.method == "DELETE"
    assert api.last.url.path == "/api/v1/tenant/branding"


SNAPSHOT = {"snapshot_id": "snap_1", "sandbox_id": "sbx_1", "status": "ready", "size_bytes": 42}


def test_admin_snapshots_list_passes_filters_through_and_pages() -> None:
    api = MockAPI().on(
        "GET /admin/snapshots",
        json_response(200, {"data": [SNAPSHOT], "next_cursor": "snap_1"}),
        json_response(200, {"snapshots": [{**SNAPSHOT, "snapshot_id": "snap_2"}]}),
    )
    with make_client(api) as client:
        page = client.snapshots.list(limit=1, extra={"sandbox_id": "sbx_1", "status": "ready"})
        ids = [s.id for s in page]
    assert isinstance(page, Page)
    assert dict(api.requests[0].url.params) == {
        "sandbox_id": "sbx_1",
        "status": "ready",
        "limit": "1",
    }
    assert dict(api.requests[1].url.params) == {
        "sandbox_id": "sbx_1",
        "status": "ready",
        "limit": "1",
        "cursor": "snap_1",
    }
    assert ids == ["snap_1", "snap_2"]
    assert isinstance(page.items[0], AdminSnapshot)
    assert page.items[0].size_bytes == 42


def test_admin_snapshots_get() -> None:
    api = MockAPI().on(
        "GET /admin/snapshots/snap%2F1",
        json_response(200, {"data": {**SNAPSHOT, "id": "snap/1", "path": "/srv/x"}}),
    )
    with make_client(api) as client:
        snapshot = client.snapshots.get("snap/1")
    assert api.last.method == "GET"
    assert api.last.url.raw_path == b"/api/v1/admin/snapshots/snap%2F1"
    assert snapshot.id == "snap/1"
    assert snapshot.status == "ready"
    assert snapshot.raw["path"] == "/srv/x"


def test_branding_get_and_set_read_a_reply_under_branding() -> None:
    api = (
        MockAPI()
        .on("GET /tenant/branding", json_response(200, {"branding": BRANDING}))
        .on("PUT /tenant/branding", json_response(200, {"branding": BRANDING}))
    )
    with make_client(api) as client:
        got = client.tenant.branding.get()
        put = client.tenant.branding.set(product_name="Acme Cloud")
    assert api.body() == {"branding": {"product_name": "Acme Cloud"}}
    assert got.product_name == put.product_name == "Acme Cloud"


def test_policy_get_set_delete() -> None:
    policy = {"lifecycle": {"default_idle_timeout_sec": 600}}
    api = (
        MockAPI()
        .on("GET /tenant/policy", json_response(200, {"data": policy}))
        .on("PUT /tenant/policy", json_response(200, {"policy": policy}))
        .on("DELETE /tenant/policy", json_response(204, None))
    )
    with make_client(api) as client:
        got = client.tenant.policy.get()
        put = client.tenant.policy.set(policy)
        client.tenant.policy.delete()
    assert [(r.method, r.url.path) for r in api.requests] == [
        ("GET", "/api/v1/tenant/policy"),
        ("PUT", "/api/v1/tenant/policy"),
        ("DELETE", "/api/v1/tenant/policy"),
    ]
    assert api.body(1) == policy
    assert got == put == policy


def test_policy_get_of_an_empty_reply_is_an_empty_object() -> None:
    api = MockAPI().on("GET /tenant/policy", json_response(200, {"data": None}))
    with make_client(api) as client:
        assert client.tenant.policy.get() == {}


MEMBER = {
    "id": "tm_1",
    "user_id": "usr_1",
    "email": "ann@acme.dev",
    "role": "admin",
    "joined_at": "2026-01-01T00:00:00Z",
}


def test_members_list_invite_update_remove_transfer() -> None:
    api = (
        MockAPI()
        .on("GET /tenant/members", json_response(200, {"members": [MEMBER]}))
        .on("POST /tenant/members", json_response(201, {"data": {**MEMBER, "role": "member"}}))
        .on("PATCH /tenant/members/tm%201/role", json_response(200, {"data": MEMBER}))
        .on("DELETE /tenant/members/tm_1", json_response(204, None))
        .on("POST /tenant/transfer-ownership", json_response(200, {"data": {"ok": True}}))
    )
    with make_client(api) as client:
        listed = client.tenant.members.list()
        invited = client.tenant.members.invite(email="bo@acme.dev", role="member")
        updated = client.tenant.members.update_role("tm 1", role=WorkspaceRole.ADMIN)
        client.tenant.members.remove("tm_1")
        moved = client.tenant.members.transfer_ownership(new_owner_user_id="usr_1")
    assert [(r.method, r.url.raw_path) for r in api.requests] == [
        ("GET", b"/api/v1/tenant/members"),
        ("POST", b"/api/v1/tenant/members"),
        ("PATCH", b"/api/v1/tenant/members/tm%201/role"),
        ("DELETE", b"/api/v1/tenant/members/tm_1"),
        ("POST", b"/api/v1/tenant/transfer-ownership"),
    ]
    assert api.body(1) == {"email": "bo@acme.dev", "role": "member"}
    assert api.body(2) == {"role": "admin"}
    assert api.body(4) == {"new_owner_user_id": "usr_1"}
    assert [type(m) for m in listed] == [TenantMember]
    assert listed[0].role is WorkspaceRole.ADMIN and listed[0].joined_at is not None
    assert invited.role is WorkspaceRole.MEMBER
    assert updated.id == "tm_1"
    assert moved == {"ok": True}


def test_members_remove_of_the_owner_raises_conflict() -> None:
    api = MockAPI().on(
        "DELETE /tenant/members/tm_1",
        json_response(409, {"error": {"code": "LAST_OWNER", "message": "owner stays"}}),
    )
    with make_client(api) as client:
        with pytest.raises(ConflictError, match="owner stays"):
            client.tenant.members.remove("tm_1")
