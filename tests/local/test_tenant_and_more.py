"""Tenant settings, templates and builds, members and invites, usage and credits, previews."""

from __future__ import annotations

import httpx

from ._support import b64, wait_until


def test_preview_domain_accepts_both_spellings_and_verifies(
    client: httpx.Client, sandbox: str
) -> None:
    empty = client.get("/tenant/preview-domain").json()["data"]
    assert empty["preview_domain"] is None and empty["domain"] is None
    assert client.post("/tenant/preview-domain/verify", json={}).json()["data"]["verified"] is False
    for key in ("preview_domain", "domain"):
        reply = client.put(
            "/tenant/preview-domain", json={key: f"{key.replace('_', '-')}.example.com"}
        )
        assert reply.status_code == 200
        data = reply.json()["data"]
        assert data["preview_domain"] == data["domain"] == f"{key.replace('_', '-')}.example.com"
        assert data["verified_at"] is None and data["cname_target"]
    verified = client.post("/tenant/preview-domain/verify").json()["data"]
    assert verified["verified"] is True and verified["records"]
    assert client.get("/tenant/preview-domain").json()["data"]["verified_at"]
    box = client.get(f"/sandboxes/{sandbox}").json()["data"]
    assert box["preview_url"].endswith(".sandbox.domain.example.com")
    assert client.put("/tenant/preview-domain", json={"domain": "not a domain"}).status_code == 400
    assert client.delete("/tenant/preview-domain").status_code == 204
    assert client.get("/tenant/preview-domain").json()["data"]["domain"] is None


def test_branding_wrapped_flat_and_settings(client: httpx.Client) -> None:
    wrapped = client.put("/tenant/branding", json={"branding": {"product_name": "Acme"}})
    assert wrapped.json()["data"]["product_name"] == "Acme"
    flat = client.put("/tenant/branding", json={"primary_color": "#ff0000"})
    assert flat.json()["data"] == {**wrapped.json()["data"], "primary_color": "#ff0000"}
    settings = client.put(
        "/settings/branding", json={"wordmark": "ACME", "logo_url": "https://l/x.png"}
    )
    assert settings.json()["data"] == {
        "logo_url": "https://l/x.png",
        "primary_color": "#ff0000",
        "wordmark": "ACME",
    }
    assert client.get("/tenant/branding").json()["data"]["logo_url"] == "https://l/x.png"
    assert client.delete("/tenant/branding").status_code == 204
    assert client.get("/tenant/branding").json()["data"]["product_name"] == "MIOSA"
    plan = client.get("/tenant/plan").json()["data"]
    assert plan["status"] == "active" and plan["id"] == "tnt_local"


def test_template_build_runs_steps_and_seeds_new_sandboxes(client: httpx.Client) -> None:
    listing = client.get("/sandbox-templates").json()
    assert listing["default_template_id"] == "miosa-sandbox"
    assert client.get("/sandbox-templates/miosa-sandbox").json()["data"]["built_in"] is True
    schema = client.get("/sandbox-templates/build-spec").json()
    assert schema["required"] == ["from"] and "steps" in schema["properties"]
    invalid = client.post(
        "/sandbox-templates/validate", json={"build_spec": {"vcpu": "x", "odd": 1}}
    )
    codes = {e["code"] for e in invalid.json()["data"]["errors"]}
    assert invalid.json()["data"]["valid"] is False and codes == {
        "REQUIRED",
        "INVALID_TYPE",
        "UNKNOWN_FIELD",
    }

    spec = {"from": "base", "steps": ["echo built > marker.txt"], "env": {"TPL": "yes"}}
    template = client.post("/sandbox-templates", json={"name": "marker", "build_spec": spec})
    assert template.status_code == 201
    tid = template.json()["data"]["id"]

    def ready() -> bool:
        state = client.get(f"/sandbox-templates/{tid}").json()["data"]["status"]
        assert state != "failed"
        return bool(state == "ready")

    wait_until(ready, seconds=10)
    builds = client.get(f"/sandbox-templates/{tid}/builds").json()["data"]
    assert [b["state"] for b in builds] == ["ready"]
    assert (
        client.get(f"/sandbox-template-builds/{builds[0]['id']}").json()["data"][
            "sandbox_template_id"
        ]
        == tid
    )
    sid = client.post("/sandboxes", json={"template_id": tid}).json()["data"]["id"]
    out = client.post(f"/sandboxes/{sid}/exec", json={"command": "cat marker.txt; echo $TPL"})
    assert out.json()["data"]["stdout"] == "built\nyes\n"

    failing = client.post(
        f"/sandbox-templates/{tid}/builds",
        json={"build_spec": {"from": "base", "steps": ["exit 3"]}},
    )
    assert failing.status_code == 201
    bid = failing.json()["data"]["id"]
    wait_until(
        lambda: client.get(f"/sandbox-template-builds/{bid}").json()["data"]["state"] == "failed",
        seconds=10,
    )
    assert (
        client.get(f"/sandbox-template-builds/{bid}").json()["data"]["error_code"] == "STEP_FAILED"
    )
    catalog = client.get("/templates").json()["data"]
    assert {t["id"] for t in catalog["templates"]} >= {"miosa-sandbox", tid}
    assert [s["size"] for s in catalog["sizes"]] == ["xs", "small", "medium", "large", "xl"]


def test_members_and_invites(client: httpx.Client) -> None:
    members = client.get("/workspaces/ws/members").json()["data"]
    assert [(m["user_id"], m["role"]) for m in members] == [("usr_local_owner", "owner")]
    not_member = client.post("/workspaces/ws/members", json={"user_id": "usr_nobody"})
    assert (
        not_member.status_code == 422 and not_member.json()["error"]["code"] == "NOT_TENANT_MEMBER"
    )
    last = client.delete("/workspaces/ws/members/usr_local_owner")
    assert last.status_code == 409 and last.json()["error"]["code"] == "LAST_OWNER"

    invite = client.post(
        "/tenants/tnt_local/invites", json={"email": "Dev@Example.com", "role": "admin"}
    )
    assert invite.status_code == 201
    token = invite.json()["data"]["token"]
    assert client.get(f"/invites/{token}").json()["data"]["accepted"] is False
    accepted = client.post(f"/invites/{token}/accept", json={}).json()
    assert accepted["accepted"] is True and accepted["tenant"]["id"] == "tnt_local"
    assert client.post(f"/invites/{token}/accept", json={}).status_code == 400
    user_id = accepted["user_id"]

    added = client.post(
        "/workspaces/ws/invites", json={"email": "dev@example.com", "role": "viewer"}
    )
    assert added.json()["type"] == "added" and added.json()["data"]["user_id"] == user_id
    assert (
        client.patch(f"/workspaces/ws/members/{user_id}", json={"role": "owner"}).status_code == 200
    )
    assert client.delete("/workspaces/ws/members/usr_local_owner").json() == {"deleted": True}

    pending = client.post("/workspaces/ws/invites", json={"email": "new@example.com"}).json()
    assert pending["type"] == "invited"
    listed = client.get("/workspaces/ws/invites").json()
    assert listed["total"] == 1
    revoke = client.delete(f"/workspaces/ws/invites/{pending['data']['id']}")
    assert revoke.json() == {"invite_id": pending["data"]["id"], "revoked": True}
    assert client.post(f"/workspace-invites/{pending['data']['token']}/accept").status_code == 409
    assert client.get("/tenants/other/invites").status_code == 404


def test_usage_quotas_and_credits(client: httpx.Client) -> None:
    client.post("/sandboxes", json={"external_user_id": "alice"})
    client.post("/sandboxes", json={"external_user_id": "bob"})
    summary = client.get("/usage/summary").json()["data"]
    assert summary["period_start"].endswith("Z") and summary["total_credits"] >= 0
    sessions = client.get("/usage/sessions", params={"limit": 1}).json()
    assert len(sessions["data"]) == 1 and sessions["next_cursor"]
    rollup = client.get("/usage", params={"group_by": "external_user_id", "period": "7d"}).json()[
        "data"
    ]
    assert {r["external_user_id"] for r in rollup["results"]} == {"alice", "bob"}
    assert client.get("/usage", params={"group_by": "bad"}).status_code == 400
    default = client.get("/quotas/external/alice").json()["data"]
    assert default["max_sandboxes"] is None and default["usage"]["sandbox_count"] == 1
    balance = client.get("/credits/balance").json()
    assert "data" not in balance and balance["tenant_id"]
    assert set(balance) >= {"balance_credits", "lifetime_earned", "lifetime_spent"}
    assert all(
        type(balance[k]) is int for k in ("balance_credits", "lifetime_earned", "lifetime_spent")
    )
    assert balance["balance_credits"] == balance["lifetime_earned"] - balance["lifetime_spent"]
    txns = client.get("/credits/transactions", params={"page": 1, "per_page": 2}).json()
    assert len(txns["data"]) == 2 and txns["meta"] == {"total": 3, "page": 1, "per_page": 2}
    usage = client.get("/credits/usage").json()
    assert "data" not in usage and usage["total"] == usage["total_credits"]
    assert set(usage) >= {"compute_credits", "compute", "ai", "storage", "total"}


def test_previews_shares_terminal_and_tokens(client: httpx.Client, sandbox: str) -> None:
    preview = client.post(f"/sandboxes/{sandbox}/previews", json={"port": 8080, "label": "web"})
    assert preview.status_code == 201
    pid = preview.json()["data"]["id"]
    assert preview.json()["data"]["url"] == "https://8080-test-box.sandbox.localhost"
    assert client.get(f"/sandboxes/{sandbox}/previews/{pid}").json()["data"]["label"] == "web"
    for key in ("ttl_seconds", "expires_in_sec"):
        share = client.post(f"/sandboxes/{sandbox}/previews/{pid}/share", json={key: 60}).json()[
            "data"
        ]
        assert share["token"] and share["ttl_seconds"] == 60
    assert client.delete(f"/sandboxes/{sandbox}/previews/{pid}/share").status_code == 204
    assert client.delete(f"/sandboxes/{sandbox}/previews/{pid}").status_code == 204
    assert client.get(f"/sandboxes/{sandbox}/previews").json()["data"] == []

    share = client.post(f"/sandboxes/{sandbox}/shares", json={"scope": "read"}).json()["data"]
    assert share["expires_at"] is None and "?ms=" in share["share_url"]
    assert client.delete(f"/sandboxes/{sandbox}/shares/{share['share_id']}").status_code == 204

    token = client.post(f"/sandboxes/{sandbox}/preview-token", json={"expires_in": 60}).json()[
        "data"
    ]
    assert token["scope"] == "read" and token["token"] in token["url"]
    exposed = client.post(f"/sandboxes/{sandbox}/expose", json={"port": 5173}).json()["data"]
    assert exposed["url"] == "https://5173-test-box.sandbox.localhost"
    assert exposed["url_info"]["port"] == 5173

    term = client.post(f"/sandboxes/{sandbox}/terminal", json={"cols": 100})
    assert term.status_code == 201 and term.json()["data"]["ws_url"].startswith("ws://")
    assert (
        client.delete(
            f"/sandboxes/{sandbox}/terminal/{term.json()['data']['session_id']}"
        ).status_code
        == 204
    )


def test_deploy_template_start_and_artifacts(client: httpx.Client, sandbox: str) -> None:
    client.post(
        f"/sandboxes/{sandbox}/files", json={"path": "dist/index.html", "content": b64(b"<p>")}
    )
    deployed = client.post(f"/sandboxes/{sandbox}/deploy", json={"output_path": "/workspace/dist"})
    assert deployed.status_code == 200
    assert deployed.json()["data"]["deployment"]["output_path"] == "/workspace/dist"
    missing = client.post(f"/sandboxes/{sandbox}/deploy", json={"path": "/workspace/nope"})
    assert missing.status_code == 400

    started = client.post(
        f"/sandboxes/{sandbox}/template/start",
        json={
            "install_command": "echo installed > installed.txt",
            "start_command": "sleep 30",
            "port": 4000,
        },
    )
    assert started.status_code == 200
    data = started.json()["data"]
    assert data["preview_url"] == "https://4000-test-box.sandbox.localhost"
    assert data["install"]["exit_code"] == 0 and data["process"]["status"] == "running"
    failed = client.post(f"/sandboxes/{sandbox}/template/start", json={"install_command": "exit 2"})
    assert failed.status_code == 422 and failed.json()["error"]["code"] == "INSTALL_FAILED"

    artifacts = client.get(f"/sandboxes/{sandbox}/artifacts").json()["data"]
    assert [a["path"] for a in artifacts["artifacts"]] == ["/workspace/dist/index.html"]
    assert client.get(artifacts["artifacts"][0]["download_url"]).content == b"<p>"
    metrics = client.get(f"/sandboxes/{sandbox}/metrics").json()["data"]
    assert metrics["current"]["cpu_count"] == 2 and metrics["current"]["process_count"] == 1
