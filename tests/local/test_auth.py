"""Authentication: the server key, created keys, revoked keys, public routes, scoped keys."""

from __future__ import annotations

import httpx

from miosa.local import LocalServer

from ._support import SHORT


def _client(server: LocalServer, key: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=SHORT)


def test_missing_and_wrong_keys_are_401_with_the_envelope(server: LocalServer) -> None:
    for key in (None, "msk_wrong", server.api_key + "x"):
        with _client(server, key) as c:
            reply = c.get("/sandboxes")
        assert reply.status_code == 401
        body = reply.json()
        assert body["error"]["code"] == "UNAUTHORIZED"
        assert body["request_id"] == reply.headers["x-request-id"]


def test_non_bearer_scheme_is_refused(server: LocalServer) -> None:
    with httpx.Client(base_url=server.base_url, timeout=SHORT) as c:
        reply = c.get("/sandboxes", headers={"Authorization": f"Basic {server.api_key}"})
    assert reply.status_code == 401


def test_created_key_works_until_deleted(server: LocalServer, client: httpx.Client) -> None:
    created = client.post("/api-keys", json={"name": "ci"})
    assert created.status_code == 201
    data = created.json()["data"]
    assert data["key"] == data["token"] and data["key"].startswith("msk_")
    with _client(server, data["key"]) as other:
        assert other.get("/sandboxes").status_code == 200
        listed = client.get("/api-keys").json()["data"]
        assert [k["id"] for k in listed] == [data["id"]]
        assert "key" not in listed[0] and "token" not in listed[0]
        assert client.delete(f"/api-keys/{data['id']}").status_code == 204
        assert other.get("/sandboxes").status_code == 401


def test_expired_key_is_refused(server: LocalServer, client: httpx.Client) -> None:
    key = client.post("/api-keys", json={"name": "old", "expires_at": "2000-01-01T00:00:00Z"})
    with _client(server, key.json()["data"]["key"]) as other:
        assert other.get("/sandboxes").status_code == 401


def test_invite_previews_need_no_auth(server: LocalServer, client: httpx.Client) -> None:
    invite = client.post("/workspaces/ws_1/invites", json={"email": "new@example.com"}).json()
    assert invite["type"] == "invited"
    with _client(server, None) as anonymous:
        preview = anonymous.get(f"/workspace-invites/{invite['data']['token']}")
        assert preview.status_code == 200
        assert preview.json()["data"]["email"] == "new@example.com"
        assert anonymous.get("/workspace-invites/nope").status_code == 404
        # ...but accepting still needs a key.
        assert (
            anonymous.post(f"/workspace-invites/{invite['data']['token']}/accept").status_code
            == 401
        )


def test_scoped_key_sees_only_its_external_user(server: LocalServer, client: httpx.Client) -> None:
    other = client.post("/sandboxes", json={"external_user_id": "bob"}).json()["data"]["id"]
    scoped = client.post(
        "/api-keys/scoped", json={"external_user_id": "alice", "scopes": ["sandboxes:*"]}
    ).json()["data"]
    assert scoped["external_user_id"] == "alice"
    with _client(server, scoped["token"]) as alice:
        mine = alice.post("/sandboxes", json={}).json()["data"]
        assert mine["external_user_id"] == "alice"
        ids = [s["id"] for s in alice.get("/sandboxes").json()["data"]]
        assert ids == [mine["id"]]
        assert alice.get(f"/sandboxes/{other}").status_code == 404
    # The server key sees both.
    assert {s["id"] for s in client.get("/sandboxes").json()["data"]} == {other, mine["id"]}


def test_rotated_and_disabled_keys_stop_working(server: LocalServer, client: httpx.Client) -> None:
    data = client.post("/api-keys", json={"name": "ci"}).json()["data"]
    rotated = client.post(f"/api-keys/{data['id']}/rotate")
    assert rotated.status_code == 200
    new = rotated.json()["data"]
    assert new["id"] == data["id"] and new["key"] == new["token"] != data["key"]
    with _client(server, data["key"]) as old, _client(server, new["key"]) as current:
        assert old.get("/sandboxes").status_code == 401
        assert current.get("/sandboxes").status_code == 200
        patched = client.patch(f"/api-keys/{data['id']}", json={"status": "disabled"})
        assert patched.json()["data"]["status"] == "disabled"
        assert current.get("/sandboxes").status_code == 401
    assert client.patch(f"/api-keys/{data['id']}", json={"status": "gone"}).status_code == 400
    events = client.get(f"/api-keys/{data['id']}/events").json()["data"]
    assert [e["type"] for e in events] == ["updated", "rotated", "created"]
    only = client.get(f"/api-keys/{data['id']}/events", params={"type": "rotated"}).json()
    assert [e["type"] for e in only["data"]] == ["rotated"]
    assert client.get("/api-keys/nope").status_code == 404


def test_presets_are_listed_before_key_ids_and_built_ins_are_reserved(
    client: httpx.Client,
) -> None:
    listed = client.get("/api-keys/presets")
    assert listed.status_code == 200
    assert {p["name"] for p in listed.json()["data"] if p["built_in"]} >= {"full-access"}
    reserved = client.post("/api-keys/presets", json={"name": "full-access", "scopes": ["*"]})
    assert reserved.status_code == 409 and reserved.json()["error"]["code"] == "PRESET_RESERVED"
    made = client.post("/api-keys/presets", json={"name": "ops", "scopes": ["sandboxes:*"]})
    assert made.status_code == 201 and made.json()["data"]["built_in"] is False
    assert client.delete("/api-keys/presets/full-access").status_code == 409
    assert client.delete("/api-keys/presets/ops").status_code == 204
    assert client.delete("/api-keys/presets/ops").status_code == 404
