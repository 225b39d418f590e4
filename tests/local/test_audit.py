"""The audit log records every successful mutating call and pages with cursors."""

from __future__ import annotations

import httpx


def test_mutations_are_recorded_newest_first(client: httpx.Client) -> None:
    box = client.post("/sandboxes", json={}).json()["data"]["id"]
    client.post(f"/sandboxes/{box}/exec", json={"command": "true"})
    client.post(f"/sandboxes/{box}/pause", json={})
    client.get(f"/sandboxes/{box}")  # reads are not audited
    client.post("/sandboxes/sbx_missing/pause", json={})  # failures are not audited
    client.delete(f"/sandboxes/{box}")
    entries = client.get("/audit-log").json()["data"]
    assert [e["action"] for e in entries] == [
        "sandbox.delete",
        "sandbox.pause",
        "sandbox.exec",
        "sandbox.create",
    ]
    created = entries[-1]
    assert created["resource_type"] == "sandbox" and created["resource_id"] == box
    assert created["actor_id"] == "key_root"
    assert created["metadata"]["method"] == "POST" and created["metadata"]["status"] == 201
    assert created["created_at"].endswith("Z") and created["id"].startswith("aud_")
    only = client.get("/audit-log", params={"action": "sandbox.pause"}).json()["data"]
    assert [e["action"] for e in only] == ["sandbox.pause"]


def test_cursor_pagination_walks_everything_once(client: httpx.Client) -> None:
    for index in range(7):
        client.put(f"/quotas/external/user-{index}", json={"max_sandboxes": index})
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, str | int] = {"limit": 3}
        if cursor:
            params["after" if pages % 2 else "cursor"] = cursor
        page = client.get("/audit-log", params=params).json()
        seen.extend(e["resource_id"] for e in page["data"])
        cursor = page["next_cursor"]
        pages += 1
        if cursor is None:
            break
        assert pages < 10
    assert pages == 3
    assert seen == [f"user-{i}" for i in reversed(range(7))]
    bad = client.get("/audit-log", params={"cursor": "aud_unknown"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "INVALID_CURSOR"


def test_other_keys_are_the_actor(client: httpx.Client) -> None:
    key = client.post("/api-keys", json={"name": "bot"}).json()["data"]
    other = httpx.Client(
        base_url=str(client.base_url), headers={"Authorization": f"Bearer {key['key']}"}
    )
    with other:
        other.post("/sandboxes", json={})
    entry = client.get("/audit-log", params={"actor_id": key["id"]}).json()["data"]
    assert [e["action"] for e in entry] == ["sandbox.create"]
