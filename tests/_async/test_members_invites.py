"""Wire tests of the workspace members, workspace invites and org invites groups."""

from __future__ import annotations

import pytest

from miosa import NotFoundError
from miosa.types.invites import (
    InviteRevocation,
    OrgInvite,
    OrgInviteAcceptance,
    OrgInvitePreview,
    WorkspaceInvite,
    WorkspaceInviteAcceptance,
    WorkspaceInviteOutcome,
    WorkspaceInvitePreview,
)
from miosa.types.members import MemberRemoval, WorkspaceMember, WorkspaceRole
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response

MEMBER = {
    "user_id": "usr_1",
    "workspace_id": "ws_1",
    "email": "a@acme.dev",
    "role": "admin",
    "joined_at": "2026-01-01T00:00:00Z",
    "added_by": "usr_0",
}


async def test_members_list() -> None:
    api = MockAPI().on("GET /workspaces/ws_1/members", json_response(200, {"data": [MEMBER]}))
    async with make_client(api) as client:
        members = await client.workspace_members.list("ws_1")
    assert api.last.method == "GET"
    assert len(members) == 1 and isinstance(members[0], WorkspaceMember)
    assert members[0].role is WorkspaceRole.ADMIN


async def test_members_add_sends_user_and_role() -> None:
    api = MockAPI().on("POST /workspaces/ws_1/members", json_response(201, {"data": MEMBER}))
    async with make_client(api) as client:
        member = await client.workspace_members.add(
            "ws_1", user_id="usr_1", role=WorkspaceRole.ADMIN
        )
        await client.workspace_members.add("ws_1", user_id="usr_2")
    assert api.requests[0].method == "POST"
    assert api.body(0) == {"user_id": "usr_1", "role": "admin"}
    assert api.body(1) == {"user_id": "usr_2"}
    assert member.user_id == "usr_1"


async def test_members_update_role() -> None:
    api = MockAPI().on(
        "PATCH /workspaces/ws_1/members/usr_1", json_response(200, {**MEMBER, "role": "viewer"})
    )
    async with make_client(api) as client:
        member = await client.workspace_members.update_role("ws_1", "usr_1", role="viewer")
    assert api.last.method == "PATCH"
    assert api.body() == {"role": "viewer"}
    assert member.role is WorkspaceRole.VIEWER


async def test_members_remove_reads_the_bare_reply() -> None:
    api = MockAPI().on(
        "DELETE /workspaces/ws_1/members/usr_1", json_response(200, {"deleted": True})
    )
    async with make_client(api) as client:
        result = await client.workspace_members.remove("ws_1", "usr_1")
    assert api.last.method == "DELETE"
    assert isinstance(result, MemberRemoval) and result.deleted is True


INVITE = {
    "id": "winv_1",
    "workspace_id": "ws_1",
    "tenant_id": "ten_1",
    "email": "b@acme.dev",
    "role": "member",
    "token": "inv_SECRET_TOKEN",
    "expires_at": "2026-02-01T00:00:00Z",
}


async def test_workspace_invite_create_reads_the_invited_outcome() -> None:
    api = MockAPI().on(
        "POST /workspaces/ws_1/invites", json_response(201, {"data": INVITE, "type": "invited"})
    )
    async with make_client(api) as client:
        result = await client.workspace_invites.create("ws_1", email="b@acme.dev", role="member")
    assert api.last.method == "POST"
    assert api.body() == {"email": "b@acme.dev", "role": "member"}
    assert result.type is WorkspaceInviteOutcome.INVITED
    assert result.member is None
    invite = result.invite
    assert isinstance(invite, WorkspaceInvite)
    assert invite.id == "winv_1"
    assert invite.expires_at is not None and invite.expires_at.month == 2
    assert "inv_SECRET_TOKEN" not in repr(invite)


async def test_workspace_invite_create_reads_the_added_outcome() -> None:
    api = MockAPI().on(
        "POST /workspaces/ws_1/invites", json_response(201, {"data": MEMBER, "type": "added"})
    )
    async with make_client(api) as client:
        result = await client.workspace_invites.create("ws_1", email="a@acme.dev")
    assert api.body() == {"email": "a@acme.dev"}
    assert result.type is WorkspaceInviteOutcome.ADDED
    assert result.invite is None
    assert result.member is not None and result.member.user_id == "usr_1"


async def test_workspace_invite_list_and_revoke() -> None:
    api = (
        MockAPI()
        .on("GET /workspaces/ws_1/invites", json_response(200, {"data": [INVITE], "total": 1}))
        .on(
            "DELETE /workspaces/ws_1/invites/winv_1",
            json_response(200, {"invite_id": "winv_1", "revoked": True}),
        )
    )
    async with make_client(api) as client:
        invites = await client.workspace_invites.list("ws_1")
        revoked = await client.workspace_invites.revoke("ws_1", "winv_1")
    assert [i.email for i in invites] == ["b@acme.dev"]
    assert api.last.method == "DELETE"
    assert isinstance(revoked, InviteRevocation)
    assert (revoked.invite_id, revoked.revoked) == ("winv_1", True)


async def test_workspace_invite_preview_and_accept_by_token() -> None:
    preview = {"workspace_name": "Build", "tenant_name": "Acme", "role": "member", "expired": False}
    accepted = {"accepted": True, "workspace_id": "ws_1", "tenant_id": "ten_1", "role": "member"}
    api = (
        MockAPI()
        .on("GET /workspace-invites/inv_a%2Bb", json_response(200, {"data": preview}))
        .on("POST /workspace-invites/inv_a%2Bb/accept", json_response(200, accepted))
    )
    async with make_client(api) as client:
        seen = await client.workspace_invites.preview("inv_a+b")
        result = await client.workspace_invites.accept("inv_a+b")
    assert api.requests[0].url.raw_path == b"/api/v1/workspace-invites/inv_a%2Bb"
    assert isinstance(seen, WorkspaceInvitePreview)
    assert (seen.workspace_name, seen.expired) == ("Build", False)
    assert api.last.method == "POST"
    assert api.body() == {}
    assert isinstance(result, WorkspaceInviteAcceptance)
    assert (result.accepted, result.workspace_id) == (True, "ws_1")


async def test_workspace_invite_preview_of_an_unknown_token_raises() -> None:
    error = {"error": {"code": "INVALID_TOKEN", "message": "no invite has this token"}}
    api = MockAPI().on("GET /workspace-invites/nope", json_response(404, error))
    async with make_client(api) as client:
        with pytest.raises(NotFoundError):
            await client.workspace_invites.preview("nope")


async def test_org_invite_create_reads_invite_id_as_id() -> None:
    reply = {
        "invite_id": "oinv_1",
        "email": "c@acme.dev",
        "role": "admin",
        "invite_url": "https://app.miosa.ai/invites/x",
    }
    api = MockAPI().on("POST /tenants/ten_1/invites", json_response(201, {"data": reply}))
    async with make_client(api) as client:
        invite = await client.org_invites.create(
            "ten_1", email="c@acme.dev", role=WorkspaceRole.ADMIN
        )
    assert api.last.method == "POST"
    assert api.body() == {"email": "c@acme.dev", "role": "admin"}
    assert isinstance(invite, OrgInvite)
    assert (invite.id, invite.invite_id) == ("oinv_1", "oinv_1")
    assert invite.invite_url == "https://app.miosa.ai/invites/x"


async def test_org_invite_list_and_revoke() -> None:
    row = {"id": "oinv_1", "tenant_id": "ten_1", "email": "c@acme.dev", "role": "member"}
    api = (
        MockAPI()
        .on("GET /tenants/ten_1/invites", json_response(200, {"data": [row], "total": 1}))
        .on(
            "DELETE /tenants/ten_1/invites/oinv_1",
            json_response(200, {"invite_id": "oinv_1", "revoked": True}),
        )
    )
    async with make_client(api) as client:
        invites = await client.org_invites.list("ten_1")
        revoked = await client.org_invites.revoke("ten_1", "oinv_1")
    assert [(i.id, i.invite_id) for i in invites] == [("oinv_1", "oinv_1")]
    assert api.last.method == "DELETE"
    assert revoked.revoked is True


async def test_org_invite_preview_and_accept() -> None:
    accepted = {
        "accepted": True,
        "tenant_id": "ten_1",
        "tenant": {
            "id": "ten_1",
            "name": "Acme",
            "slug": "acme",
            "plan_name": "Pro",
            "settings": {},
        },
    }
    api = (
        MockAPI()
        .on(
            "GET /invites/tok_1",
            json_response(200, {"data": {"email": "c@acme.dev", "accepted": False}}),
        )
        .on("POST /invites/tok_1/accept", json_response(200, accepted))
    )
    async with make_client(api) as client:
        preview = await client.org_invites.preview("tok_1")
        result = await client.org_invites.accept("tok_1")
    assert isinstance(preview, OrgInvitePreview)
    assert (preview.email, preview.accepted) == ("c@acme.dev", False)
    assert api.last.method == "POST"
    assert api.body() == {}
    assert isinstance(result, OrgInviteAcceptance)
    assert result.tenant is not None
    assert (result.tenant.slug, result.tenant.plan_name) == ("acme", "Pro")
