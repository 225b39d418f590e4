# This file was generated from
#   tests/_async/test_sandbox_workspaces.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``sandboxes.get_or_create`` and ``create_agent_workspace``: find by name or create, resume
a paused sandbox, survive a create race; and on the local server."""

from __future__ import annotations

import httpx

from miosa import Miosa
from miosa.local import LocalServer
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

BY_NAME = "GET /sandboxes/by-name/agent%201"
MISSING = json_response(404, {"error": {"code": "NOT_FOUND", "message": "no sandbox"}})
TAKEN = json_response(409, {"error": {"code": "NAME_TAKEN", "message": "name taken"}})


def _sandbox(state: str, **extra: object) -> httpx.Response:
    return json_response(200, {"data": {"id": "sbx_1", "name": "agent 1", "state": state, **extra}})


def test_an_existing_running_sandbox_is_returned_with_one_request() -> None:
    api = MockAPI().on(BY_NAME, _sandbox("running"))
    with make_client(api) as client:
        sandbox = client.sandboxes.get_or_create("agent 1", template_id="ignored")
    assert (sandbox.id, sandbox.state) == ("sbx_1", "running")
    assert [f"{r.method} {r.url.raw_path.decode()}" for r in api.requests] == [
        "GET /api/v1/sandboxes/by-name/agent%201"
    ]


def test_a_missing_sandbox_is_created_with_the_options() -> None:
    api = MockAPI().on(BY_NAME, MISSING).on("POST /sandboxes", _sandbox("running"))
    with make_client(api) as client:
        sandbox = client.sandboxes.get_or_create("agent 1", template_id="node", tags=["a"])
    assert sandbox.id == "sbx_1"
    assert api.body() == {"template_id": "node", "name": "agent 1", "tags": ["a"]}


def test_losing_a_create_race_returns_the_winner() -> None:
    api = (
        MockAPI()
        .on(BY_NAME, MISSING, _sandbox("running", id="sbx_winner"))
        .on("POST /sandboxes", TAKEN)
    )
    with make_client(api, max_retries=0) as client:
        sandbox = client.sandboxes.get_or_create("agent 1")
    assert sandbox.id == "sbx_winner"
    assert [r.method for r in api.requests] == ["GET", "POST", "GET"]


def test_a_paused_sandbox_is_resumed_after_its_checkpoint() -> None:
    api = (
        MockAPI()
        .on(BY_NAME, _sandbox("paused", checkpoint_pending=True))
        .on("GET /sandboxes/sbx_1", _sandbox("paused", checkpoint_pending=True),
            _sandbox("paused", checkpoint_pending=False))
        .on("POST /sandboxes/sbx_1/resume", _sandbox("running"))
    )  # fmt: skip
    with make_client(api) as client:
        sandbox = client.sandboxes.get_or_create("agent 1", wait_timeout=5)
    assert sandbox.state == "running"
    assert [f"{r.method} {r.url.raw_path.decode().rsplit('/', 1)[-1]}" for r in api.requests] == [
        "GET agent%201", "GET sbx_1", "GET sbx_1", "POST resume",
    ]  # fmt: skip


def test_resume_false_leaves_a_paused_sandbox_paused() -> None:
    api = MockAPI().on(BY_NAME, _sandbox("paused"))
    with make_client(api) as client:
        sandbox = client.sandboxes.get_or_create("agent 1", resume=False)
    assert sandbox.state == "paused" and len(api.requests) == 1


def test_an_agent_workspace_is_persistent_with_a_snapshot_policy() -> None:
    api = MockAPI().on(BY_NAME, MISSING).on("POST /sandboxes", _sandbox("running"))
    with make_client(api) as client:
        client.sandboxes.create_agent_workspace(
            "agent 1", template_id="node", metadata={"owner": "u_1"}, wait_until_ready=False
        )
    assert api.body() == {
        "template_id": "node",
        "name": "agent 1",
        "persistent": True,
        "timeout_sec": 86_400,
        "idle_timeout_sec": 1_800,
        "metadata": {
            "owner": "u_1",
            "miosa_workspace_kind": "agent_workspace",
            "miosa_persistent": True,
            "snapshot_expiration_sec": 2_592_000,
            "keep_last_snapshots": 1,
        },
    }


def test_agent_workspace_on_the_local_server_is_found_again() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            first = client.sandboxes.create_agent_workspace("builder", wait_timeout=30)
            client.sandboxes.pause(first.id or "")
            again = client.sandboxes.create_agent_workspace("builder", wait_timeout=30)
            result = again.exec.run("echo ok")
            again.destroy()
    assert again.id == first.id and again.state == "running"
    assert result.stdout.strip() == "ok"
    assert first.metadata is not None
    assert first.metadata["miosa_workspace_kind"] == "agent_workspace"
