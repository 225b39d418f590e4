# This file was generated from
#   tests/_async/test_open_computers_fleet.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""OpenComputers groups, tags, shares, meshes, GitHub Actions runners and IDE sessions: the
wire, server errors, the runner event stream and a local round trip."""

from __future__ import annotations

import httpx
import pytest

from miosa import Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    OpenComputerGhaRunner,
    OpenComputerGhaRunnerEvent,
    OpenComputerGhaRunnerState,
    OpenComputerGroup,
    OpenComputerGroupDetail,
    OpenComputerGroupDispatch,
    OpenComputerGroupKind,
    OpenComputerGroupMemberAdded,
    OpenComputerGroupMembersAdded,
    OpenComputerHostTags,
    OpenComputerIdeSession,
    OpenComputerIdeSessionLaunch,
    OpenComputerIdeSessionPassword,
    OpenComputerIdeSessionState,
    OpenComputerMesh,
    OpenComputerMeshPeer,
    OpenComputerShare,
    OpenComputerShareInvite,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

H = "/opencomputers/hosts/h%201"
G = "/opencomputers/groups/g%2F1"
M = "/opencomputers/meshes/m_1"
RUN = H + "/gha-runners/r_1"
IDE = H + "/ide-sessions/s_1"
TWO = ("x_1", "x_2")
TWO_ITEMS = [{"id": "x_1"}, {"id": "x_2"}]


def sse(*frames: str) -> httpx.Response:
    content = "".join(f"id: {n}\n{frame}\n\n" for n, frame in enumerate(frames, 1))
    return httpx.Response(200, text=content, headers={"content-type": "text/event-stream"})


CASES = [
    # -- groups
    Case(call="open_computers.groups.list", method="GET", path="/opencomputers/groups",
         reply={"groups": TWO_ITEMS}, result=OpenComputerGroup, many=True, result_ids=TWO),
    Case(call="open_computers.groups.create",
         kwargs={"name": "gpus", "kind": "tag_query", "tag_query": {"and": ("gpu", "linux")}},
         method="POST", path="/opencomputers/groups",
         body={"name": "gpus", "kind": "tag_query", "tag_query": {"and": ["gpu", "linux"]}},
         status=201,
         reply={"group": {"id": "x_1", "kind": "tag_query", "tag_query": {"and": ["gpu"]}}},
         check=lambda r: isinstance(r, OpenComputerGroup)
         and r.kind is OpenComputerGroupKind.TAG_QUERY and r.tag_query == {"and": ("gpu",)}),
    Case(call="open_computers.groups.get", args=("g/1",), method="GET", path=G,
         reply={"group": {"id": "x_1"}, "members": [{"id": "h_1", "tags": ["gpu"]}]},
         check=lambda r: isinstance(r, OpenComputerGroupDetail)
         and r.group is not None and r.group.id == "x_1" and r.members[0].tags == ("gpu",)),
    Case(call="open_computers.groups.update", args=("g/1",), kwargs={"color": "#fff"},
         method="PATCH", path=G, body={"color": "#fff"}, reply={"group": {"id": "x_1"}},
         result=OpenComputerGroup),
    Case(call="open_computers.groups.delete", args=("g/1",), method="DELETE", path=G,
         reply=None, status=204),
    Case(call="open_computers.groups.add_member", args=("g/1", "h 1"), method="POST",
         path=G + "/members/h%201", reply={"ok": True, "host_id": "h 1", "group_id": "g/1"},
         check=lambda r: isinstance(r, OpenComputerGroupMemberAdded) and r.host_id == "h 1"),
    Case(call="open_computers.groups.add_members", args=("g/1", ("h_1", "h_2")),
         method="POST", path=G + "/members", body={"host_ids": ["h_1", "h_2"]},
         reply={"ok": True, "added": 2},
         check=lambda r: isinstance(r, OpenComputerGroupMembersAdded) and r.raw["added"] == 2),
    Case(call="open_computers.groups.remove_member", args=("g/1", "h 1"), method="DELETE",
         path=G + "/members/h%201", reply=None, status=204),
    Case(call="open_computers.groups.exec", args=("g/1",),
         kwargs={"cmd": "uptime", "env": {"A": "1"}, "timeout_ms": 500}, method="POST",
         path=G + "/exec",
         body={"cmd": "uptime", "env": [{"name": "A", "value": "1"}], "timeout_ms": 500},
         reply={"fan_out": [{"host_id": "h_1", "job_id": "j_1", "status": "queued"},
                            {"host_id": "h_2", "error": "offline"}]},
         check=lambda r: isinstance(r, OpenComputerGroupDispatch)
         and [t.job_id for t in r.fan_out] == ["j_1", None] and r.fan_out[1].error == "offline"),
    Case(call="open_computers.groups.install_app", args=("g/1", "redis"),
         kwargs={"extra": {"version": "7"}}, method="POST", path=G + "/apps/redis/install",
         body={"version": "7"}, reply={"fan_out": [], "warning": "group has no members"},
         check=lambda r: isinstance(r, OpenComputerGroupDispatch) and r.warning is not None),
    # -- tags
    Case(call="open_computers.tags.list_catalog", method="GET", path="/opencomputers/tags",
         reply={"tags": ["gpu", "linux"]}, check=lambda r: r == ["gpu", "linux"]),
    Case(call="open_computers.tags.replace_host_tags", args=("h 1", ("gpu",)), method="PATCH",
         path=H + "/tags", body={"tags": ["gpu"]}, reply={"host": {"id": "x_1", "tags": ["gpu"]}},
         check=lambda r: isinstance(r, OpenComputerHostTags) and r.tags == ("gpu",)),
    Case(call="open_computers.tags.add_host_tag", args=("h 1", "gpu"), method="POST",
         path=H + "/tags/gpu", reply={"host": {"id": "x_1"}}, result=OpenComputerHostTags),
    Case(call="open_computers.tags.remove_host_tag", args=("h 1", "gpu"), method="DELETE",
         path=H + "/tags/gpu", reply={"host": {"id": "x_1"}}, result=OpenComputerHostTags),
    # -- shares
    Case(call="open_computers.shares.list", args=("h 1",), method="GET", path=H + "/shares",
         reply={"shares": TWO_ITEMS}, result=OpenComputerShare, many=True, result_ids=TWO),
    Case(call="open_computers.shares.create", args=("h 1",),
         kwargs={"grantee_email": "a@b.c", "permissions": ("exec", "files"),
                 "expires_in_days": 7},
         method="POST", path=H + "/shares",
         body={"grantee_email": "a@b.c", "permissions": ["exec", "files"],
               "expires_in_days": 7},
         status=201, reply={"share": {"id": "x_1"}, "invite_url": "https://i/once"},
         check=lambda r: isinstance(r, OpenComputerShareInvite)
         and r.invite_url == "https://i/once" and "once" not in repr(r)),
    Case(call="open_computers.shares.update", args=("h 1", "sh_1"),
         kwargs={"permissions": "read_only"}, method="PATCH", path=H + "/shares/sh_1",
         body={"permissions": "read_only"}, reply={"share": {"id": "x_1"}},
         result=OpenComputerShare),
    Case(call="open_computers.shares.delete", args=("h 1", "sh_1"), method="DELETE",
         path=H + "/shares/sh_1", reply=None, status=204),
    # -- meshes
    Case(call="open_computers.meshes.list", method="GET", path="/opencomputers/meshes",
         reply={"meshes": TWO_ITEMS}, result=OpenComputerMesh, many=True, result_ids=TWO),
    Case(call="open_computers.meshes.create", kwargs={"name": "lab", "host_ids": ("h_1",)},
         method="POST", path="/opencomputers/meshes", body={"name": "lab", "host_ids": ["h_1"]},
         status=201, reply={"mesh": {"id": "x_1"}}, result=OpenComputerMesh),
    Case(call="open_computers.meshes.get", args=("m_1",), method="GET", path=M,
         reply={"mesh": {"id": "x_1", "peers": [{"id": "p_1", "rx_bytes": 10}]}},
         check=lambda r: isinstance(r, OpenComputerMesh)
         and r.peers is not None and r.peers[0].rx_bytes == 10),
    Case(call="open_computers.meshes.delete", args=("m_1",), method="DELETE", path=M,
         reply=None, status=204),
    Case(call="open_computers.meshes.add_host", args=("m_1", "h 1"), method="POST",
         path=M + "/hosts/h%201", status=201,
         reply={"peer": {"id": "x_1", "assigned_ip": "10.0.0.2"}}, result=OpenComputerMeshPeer),
    Case(call="open_computers.meshes.remove_host", args=("m_1", "h 1"), method="DELETE",
         path=M + "/hosts/h%201", reply=None, status=204),
    # -- GitHub Actions runners
    Case(call="open_computers.gha_runners.list", args=("h 1",), method="GET",
         path=H + "/gha-runners", reply={"runners": TWO_ITEMS}, result=OpenComputerGhaRunner,
         many=True, result_ids=TWO),
    Case(call="open_computers.gha_runners.get", args=("h 1", "r_1"), method="GET", path=RUN,
         reply={"runner": {"id": "x_1", "state": "running_job", "labels": ["gpu"]}},
         check=lambda r: isinstance(r, OpenComputerGhaRunner)
         and r.state is OpenComputerGhaRunnerState.RUNNING_JOB and r.labels == ("gpu",)),
    Case(call="open_computers.gha_runners.refresh", args=("h 1", "r_1"), method="POST",
         path=RUN + "/refresh", body={}, reply={"ok": True}),
    # -- IDE sessions
    Case(call="open_computers.ide_sessions.list", args=("h 1",), method="GET",
         path=H + "/ide-sessions", reply={"sessions": TWO_ITEMS}, result=OpenComputerIdeSession,
         many=True, result_ids=TWO),
    Case(call="open_computers.ide_sessions.create", args=("h 1",),
         kwargs={"kind": "jupyter", "working_dir": "/srv"}, method="POST",
         path=H + "/ide-sessions", body={"kind": "jupyter", "working_dir": "/srv"}, status=201,
         reply={"session": {"id": "x_1", "state": "provisioning"}, "password": "pw",
                "public_url": "https://t/x"},
         check=lambda r: isinstance(r, OpenComputerIdeSessionLaunch)
         and r.password == "pw" and "pw" not in repr(r)
         and r.session is not None and r.session.state is OpenComputerIdeSessionState.PROVISIONING),
    Case(call="open_computers.ide_sessions.get", args=("h 1", "s_1"), method="GET", path=IDE,
         reply={"session": {"id": "x_1"}}, result=OpenComputerIdeSession),
    Case(call="open_computers.ide_sessions.delete", args=("h 1", "s_1"), method="DELETE",
         path=IDE, reply=None, status=204),
    Case(call="open_computers.ide_sessions.reveal_password", args=("h 1", "s_1"),
         method="POST", path=IDE + "/reveal-password", reply={"password": "pw"},
         check=lambda r: isinstance(r, OpenComputerIdeSessionPassword) and r.password == "pw"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_a_malformed_tag_raises_validation_error() -> None:
    error = {"error": {"code": "VALIDATION_ERROR", "message": "tags must match ^[a-z]"}}
    api = MockAPI().on(f"PATCH {H}/tags", json_response(422, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="must match"):
            client.open_computers.tags.replace_host_tags("h 1", ["GPU"])


def test_an_unknown_group_raises_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "group not found"}}
    api = MockAPI().on(f"POST {G}/exec", json_response(404, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError):
            client.open_computers.groups.exec("g/1", cmd="uptime")


def test_runner_events_are_typed() -> None:
    api = MockAPI().on(
        f"GET {RUN}/events",
        sse(
            'event: progress\ndata: {"step": "download"}',
            'event: ready\ndata: {"state": "idle"}',
            "data: not json",
        ),
    )
    with (
        make_client(api) as client,
        client.open_computers.gha_runners.events("h 1", "r_1") as stream,
    ):
        events = [event for event in stream]
    assert [type(e) for e in events] == [OpenComputerGhaRunnerEvent] * 3
    assert [e.type for e in events[:2]] == ["progress", "ready"]
    assert events[0].raw == {"step": "download"} and events[1].id == "2"
    assert events[2].raw == {"line": "not json"}
    assert api.last.headers["accept"].startswith("text/event-stream")


def test_fleet_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            oc = client.open_computers
            oc.tags.replace_host_tags("h_1", ["gpu", "linux"])
            oc.tags.add_host_tag("h_2", "gpu")
            tagged = oc.tags.add_host_tag("h_2", "gpu")
            untagged = oc.tags.remove_host_tag("h_1", "linux")
            catalog = oc.tags.list_catalog()
            with pytest.raises(ValidationError):
                oc.tags.add_host_tag("h_1", "Not-A-Tag")

            gpus = oc.groups.create(name="gpus", kind="tag_query", tag_query={"or": ["gpu", "arm"]})
            team = oc.groups.create(name="team")
            assert gpus.id is not None and team.id is not None
            oc.groups.add_members(team.id, ["h_1", "h_2"])
            added = oc.groups.add_member(team.id, "h_3")
            oc.groups.remove_member(team.id, "h_2")
            detail = oc.groups.get(gpus.id)
            team_detail = oc.groups.get(team.id)
            renamed = oc.groups.update(team.id, name="core")
            dispatch = oc.groups.exec(gpus.id, cmd="nvidia-smi")
            installs = oc.groups.install_app(team.id, "redis")
            groups = oc.groups.list()
            oc.groups.delete(gpus.id)
            with pytest.raises(NotFoundError):
                oc.groups.get(gpus.id)

            invite = oc.shares.create("h_1", grantee_email="a@b.c", permissions=["exec"])
            assert invite.share is not None and invite.share.id is not None
            share_id = invite.share.id
            changed = oc.shares.update("h_1", share_id, permissions="read_only")
            shares = oc.shares.list("h_1")
            oc.shares.delete("h_1", share_id)
            shares_after = oc.shares.list("h_1")

            mesh = oc.meshes.create(name="lab", host_ids=["h_1"])
            assert mesh.id is not None
            peer = oc.meshes.add_host(mesh.id, "h_2")
            full = oc.meshes.get(mesh.id)
            oc.meshes.remove_host(mesh.id, "h_1")
            after_remove = oc.meshes.get(mesh.id)
            meshes = oc.meshes.list()
            oc.meshes.delete(mesh.id)

            launch = oc.ide_sessions.create("h_1", kind="jupyter")
            assert launch.session is not None and launch.session.id is not None
            sid = launch.session.id
            session = oc.ide_sessions.get("h_1", sid)
            revealed = oc.ide_sessions.reveal_password("h_1", sid)
            sessions = oc.ide_sessions.list("h_1")
            oc.ide_sessions.delete("h_1", sid)
            with pytest.raises(NotFoundError):
                oc.ide_sessions.get("h_1", sid)
    assert tagged.tags == ("gpu",) and untagged.tags == ("gpu",)
    assert catalog == ["gpu"]
    assert [m.id for m in detail.members] == ["h_1", "h_2"]
    assert [m.id for m in team_detail.members] == ["h_1", "h_3"] and added.group_id == team.id
    assert renamed.name == "core" and renamed.member_count == 2
    assert [t.host_id for t in dispatch.fan_out] == ["h_1", "h_2"]
    assert all(t.job_id for t in dispatch.fan_out)
    assert all(t.install_id for t in installs.fan_out)
    assert {g.id for g in groups} == {gpus.id, team.id}
    assert invite.invite_url and invite.share.state == "pending"
    assert changed.permissions == ("read_only",)
    assert [s.id for s in shares] == [share_id] and shares_after == []
    assert peer.assigned_ip is not None and peer.assigned_ip.startswith("10.77.")
    assert full.peers is not None and {p.host_id for p in full.peers} == {"h_1", "h_2"}
    assert after_remove.peers is not None and [p.host_id for p in after_remove.peers] == ["h_2"]
    assert [m.id for m in meshes] == [mesh.id] and meshes[0].peers is None
    assert session.state is OpenComputerIdeSessionState.RUNNING and session.kind == "jupyter"
    assert launch.password and revealed.password == launch.password
    assert [s.id for s in sessions] == [sid]
