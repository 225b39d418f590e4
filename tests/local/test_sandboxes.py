"""Sandbox lifecycle, idempotent creates, fork, snapshots and external-user quotas."""

from __future__ import annotations

import re
import threading

import httpx
import pytest

from miosa.local import LocalServer

from ._support import b64

ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def test_create_replies_the_full_sandbox_object(client: httpx.Client, server: LocalServer) -> None:
    reply = client.post(
        "/sandboxes",
        json={"name": "My Box", "size": "medium", "tags": ["a", "b"], "metadata": {"k": 1}},
    )
    assert reply.status_code == 201
    box = reply.json()["data"]
    assert re.fullmatch(r"sbx_[0-9a-f]+", box["id"])
    assert box["state"] == "running" and box["ready"] is True
    assert ISO_Z.match(box["created_at"]) and ISO_Z.match(box["ready_at"])
    assert box["template_id"] == "miosa-sandbox"
    assert box["resource_contract"] == {
        "id": "sandbox/medium@v1",
        "version": 1,
        "product": "sandbox",
        "size": "medium",
        "vcpus": 4,
        "memory_mb": 8192,
        "disk_size_mb": 20480,
    }
    assert (box["cpu_count"], box["memory_mb"], box["disk_mb"]) == (4, 8192, 20480)
    assert box["slug"] == "my-box"
    assert box["preview_url"] == "https://3000-my-box.sandbox.localhost"
    assert box["url_info"]["url_class"] == "temporary_preview"
    assert box["tags"] == ["a", "b"] and box["metadata"] == {"k": 1}
    assert box["destroyed_at"] is None
    assert (server.root / "sandboxes" / box["id"] / "workspace").is_dir()


def test_raw_resources_are_placed_like_production(client: httpx.Client) -> None:
    def shape(reply: httpx.Response) -> tuple[object, ...]:
        assert reply.status_code == 201, reply.text
        box = reply.json()["data"]
        return (
            box["size"],
            box["resource_contract"]["id"],
            box["cpu_count"],
            box["memory_mb"],
            box["disk_size_mb"],
        )

    assert shape(client.post("/sandboxes", json={"cpu_count": 1, "memory_mb": 2048})) == (
        "xs",
        "sandbox/xs@v1",
        1,
        2048,
        10240,
    )
    tier_pair = {"cpu_count": 1, "memory_mb": 2048, "disk_mb": 10240}
    assert shape(client.post("/sandboxes", json=tier_pair))[0] == "xs"
    custom = {"cpu_count": 3, "memory_mb": 6000, "disk_size_mb": 20000}
    assert shape(client.post("/sandboxes", json=custom)) == (
        None,
        "sandbox/custom-3x6000x20000@v1",
        3,
        6000,
        20000,
    )
    floor = {"size": "small", "disk_size_mb": 20480}
    assert shape(client.post("/sandboxes", json=floor)) == (
        None,
        "sandbox/custom-2x4096x20480@v1",
        2,
        4096,
        20480,
    )
    for bad in (
        {"cpu_count": 3, "memory_mb": 2048},
        {"cpu_count": 4},
        {"size": "small", "cpu_count": 4, "memory_mb": 8192},
    ):
        reply = client.post("/sandboxes", json=bad)
        assert reply.status_code == 400, bad
        assert reply.json()["error"]["code"] == "INVALID_RESOURCES"
    assert client.post("/sandboxes", json={"size": "huge"}).status_code == 400


def test_lifecycle_get_list_update_pause_resume_stop_delete(client: httpx.Client) -> None:
    box = client.post("/sandboxes", json={"name": "life", "tags": ["x", "y"]}).json()["data"]
    sid = box["id"]
    assert client.get(f"/sandboxes/{sid}").json()["data"]["name"] == "life"
    assert client.get("/sandboxes/by-name/life").json()["data"]["id"] == sid
    assert client.get("/sandboxes/by-name/nope").status_code == 404
    assert [s["id"] for s in client.get("/sandboxes", params={"tags": "x,y"}).json()["data"]] == [
        sid
    ]
    assert client.get("/sandboxes", params={"tags": "x,z"}).json()["data"] == []
    assert client.get("/sandboxes", params={"state": "paused"}).json()["data"] == []

    updated = client.patch(
        f"/sandboxes/{sid}", json={"name": "life2", "metadata": {"a": 1}, "always_on": True}
    )
    assert updated.json()["data"]["name"] == "life2"
    assert updated.json()["data"]["url_class"] == "always_on_preview"
    merged = client.patch(f"/sandboxes/{sid}", json={"metadata": {"b": 2, "a": None}})
    assert merged.json()["data"]["metadata"] == {"b": 2}
    assert client.patch(f"/sandboxes/{sid}/tags", json={"tags": ["t"]}).json()["data"]["tags"] == [
        "t"
    ]

    extended = client.post(f"/sandboxes/{sid}/extend", json={"timeout_sec": 600}).json()["data"]
    assert extended["timeout_sec"] == 3600

    assert client.post(f"/sandboxes/{sid}/pause", json={}).json()["data"]["state"] == "paused"
    assert client.get(f"/sandboxes/{sid}/readiness").json()["data"]["ready"] is False
    not_running = client.post(f"/sandboxes/{sid}/exec", json={"command": "true"})
    assert not_running.status_code == 409
    assert not_running.json()["error"]["code"] == "SANDBOX_NOT_RUNNING"
    assert client.post(f"/sandboxes/{sid}/resume", json={}).json()["data"]["state"] == "running"
    assert client.get(f"/sandboxes/{sid}/readiness").json()["data"] == {
        "ready": True,
        "status": "ready",
        "state": "running",
        "ready_at": client.get(f"/sandboxes/{sid}").json()["data"]["ready_at"],
    }
    assert client.post(f"/sandboxes/{sid}/stop", json={}).json()["data"]["state"] == "stopped"
    assert client.post(f"/sandboxes/{sid}/resume", json={}).json()["data"]["state"] == "running"

    deleted = client.delete(f"/sandboxes/{sid}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert client.get(f"/sandboxes/{sid}").status_code == 404
    assert client.delete(f"/sandboxes/{sid}").status_code == 404
    gone = client.get("/sandboxes", params={"state": "destroyed"}).json()["data"]
    assert [(s["id"], s["state"]) for s in gone] == [(sid, "destroyed")]
    assert gone[0]["destroyed_at"] is not None
    assert client.get("/sandboxes").json()["data"] == []


def test_usage_counts_runtime_and_exec_time(client: httpx.Client, sandbox: str) -> None:
    client.post(f"/sandboxes/{sandbox}/exec", json={"command": "sleep 0.2"})
    usage = client.get(f"/sandboxes/{sandbox}/usage").json()["data"]
    assert usage["sandbox_id"] == sandbox and usage["state"] == "running"
    assert usage["runtime_sec"] >= 0.2
    assert usage["active_cpu_ms"] >= 200 and usage["exec_count"] == 1
    assert usage["timeout_remaining_ms"] > 0


def test_idempotent_create_replays_and_refuses_a_different_body(client: httpx.Client) -> None:
    headers = {"Idempotency-Key": "key-1"}
    first = client.post("/sandboxes", json={"name": "idem"}, headers=headers)
    again = client.post("/sandboxes", json={"name": "idem"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["x-request-id"] != first.headers["x-request-id"]
    assert len(client.get("/sandboxes").json()["data"]) == 1

    other = client.post("/sandboxes", json={"name": "other"}, headers=headers)
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    # Same key on another route is a different request too.
    assert (
        client.post("/webhooks", json={"url": "http://x.test/"}, headers=headers).status_code == 409
    )


def test_idempotency_keys_are_scoped_per_api_key(server: LocalServer, client: httpx.Client) -> None:
    token = client.post("/api-keys", json={"name": "second"}).json()["data"]["key"]
    headers = {"Idempotency-Key": "shared"}
    a = client.post("/sandboxes", json={}, headers=headers).json()["data"]["id"]
    with httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {token}"}) as c2:
        b = c2.post("/sandboxes", json={}, headers=headers).json()["data"]["id"]
    assert a != b


def test_idempotent_delete_replays_204(client: httpx.Client, sandbox: str) -> None:
    headers = {"Idempotency-Key": "del-1"}
    assert client.delete(f"/sandboxes/{sandbox}", headers=headers).status_code == 204
    assert client.delete(f"/sandboxes/{sandbox}", headers=headers).status_code == 204


def test_fork_copies_files_and_env(client: httpx.Client) -> None:
    sid = client.post("/sandboxes", json={"env": {"GREETING": "hi"}}).json()["data"]["id"]
    client.post(f"/sandboxes/{sid}/files", json={"path": "/workspace/a.txt", "content": b64(b"A")})
    fork = client.post(f"/sandboxes/{sid}/fork", json={"name": "child"})
    assert fork.status_code == 201
    child = fork.json()["data"]
    assert child["id"] != sid and child["name"] == "child" and child["state"] == "running"
    out = client.post(
        f"/sandboxes/{child['id']}/exec", json={"command": "cat a.txt; echo $GREETING"}
    )
    assert out.json()["data"]["stdout"] == "Ahi\n"
    # The copy is independent.
    client.post(f"/sandboxes/{child['id']}/files", json={"path": "a.txt", "content": b64(b"B")})
    assert client.get(f"/sandboxes/{sid}/files/workspace/a.txt").content == b"A"


def test_snapshots_restore_and_fork_from_snapshot(client: httpx.Client, sandbox: str) -> None:
    client.post(f"/sandboxes/{sandbox}/files", json={"path": "v.txt", "content": b64(b"one")})
    snap = client.post(f"/sandboxes/{sandbox}/snapshots", json={"comment": "v1"})
    assert snap.status_code == 201
    snap_id = snap.json()["data"]["id"]
    assert snap.json()["data"]["comment"] == "v1"
    client.post(f"/sandboxes/{sandbox}/files", json={"path": "v.txt", "content": b64(b"two")})
    client.post(f"/sandboxes/{sandbox}/files", json={"path": "new.txt", "content": b64(b"x")})

    restored = client.post(f"/sandboxes/{sandbox}/restore/{snap_id}", json={})
    assert restored.status_code == 200 and restored.json()["data"]["id"] == sandbox
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/v.txt").content == b"one"
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/new.txt").status_code == 404

    forked = client.post(f"/sandboxes/{sandbox}/fork", json={"snapshot_id": snap_id}).json()["data"]
    assert client.get(f"/sandboxes/{forked['id']}/files/workspace/v.txt").content == b"one"

    legacy = client.post(f"/sandboxes/{sandbox}/snapshot", json={})
    assert legacy.status_code == 200 and legacy.json()["data"]["snapshot_id"]
    listed = client.get(f"/sandboxes/{sandbox}/snapshots").json()["data"]
    assert {s["id"] for s in listed} == {snap_id, legacy.json()["data"]["snapshot_id"]}
    assert client.get(f"/admin/snapshots/{snap_id}").json()["data"]["sandbox_id"] == sandbox
    assert client.delete(f"/sandboxes/{sandbox}/snapshots/{snap_id}").status_code == 204
    assert client.get(f"/admin/snapshots/{snap_id}").status_code == 404


@pytest.mark.parametrize("limit", ["max_sandboxes", "max_concurrent"])
def test_quota_exceeded_is_403(client: httpx.Client, limit: str) -> None:
    quota = client.put("/quotas/external/u-1", json={limit: 2})
    assert quota.status_code == 200 and quota.json()["data"][limit] == 2
    made = [client.post("/sandboxes", json={"external_user_id": "u-1"}) for _ in range(2)]
    assert [m.status_code for m in made] == [201, 201]
    over = client.post("/sandboxes", json={"external_user_id": "u-1"})
    assert over.status_code == 403
    error = over.json()["error"]
    assert error["code"] == "QUOTA_EXCEEDED"
    assert error["details"] == {"external_user_id": "u-1", "quota": limit, "limit": 2, "current": 2}
    # Other users are not affected.
    assert client.post("/sandboxes", json={"external_user_id": "u-2"}).status_code == 201
    usage = client.get("/quotas/external/u-1").json()["data"]["usage"]
    assert usage["sandbox_count"] == 2 and usage["concurrent_count"] == 2

    first = made[0].json()["data"]["id"]
    if limit == "max_concurrent":
        client.post(f"/sandboxes/{first}/pause", json={})
        assert client.post("/sandboxes", json={"external_user_id": "u-1"}).status_code == 201
        resumed = client.post(f"/sandboxes/{first}/resume", json={})
        assert resumed.status_code == 403
    else:
        client.delete(f"/sandboxes/{first}")
        assert client.post("/sandboxes", json={"external_user_id": "u-1"}).status_code == 201
    assert client.delete("/quotas/external/u-1").status_code == 204
    assert client.post("/sandboxes", json={"external_user_id": "u-1"}).status_code == 201


def test_names_are_unique_among_live_sandboxes(client: httpx.Client) -> None:
    assert client.post("/sandboxes", json={"name": "n"}).status_code == 201
    clash = client.post("/sandboxes", json={"name": "n"})
    assert clash.status_code == 409 and clash.json()["error"]["code"] == "SANDBOX_NAME_TAKEN"


def test_concurrent_retries_with_one_key_run_once(client: httpx.Client, sandbox: str) -> None:
    headers = {"Idempotency-Key": "exec-once"}
    body = {"command": "sleep 0.4; date +%s%N"}
    replies: list[httpx.Response] = []

    def call() -> None:
        replies.append(client.post(f"/sandboxes/{sandbox}/exec", json=body, headers=headers))

    workers = [threading.Thread(target=call) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(10)
    assert [r.status_code for r in replies] == [200, 200, 200]
    assert len({r.content for r in replies}) == 1
    assert client.get(f"/sandboxes/{sandbox}/usage").json()["data"]["exec_count"] == 1
