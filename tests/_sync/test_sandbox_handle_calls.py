# This file was generated from
#   tests/_async/test_sandbox_handle_calls.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Handle calls of a sandbox built on other routes: URLs of an exposed port, agent runs,
the post-pause checkpoint wait and snapshot deploys; on the wire and on the local server."""

from __future__ import annotations

import httpx
import pytest

from miosa import Miosa, MiosaError, ServerError, WaitTimeoutError
from miosa.local import LocalServer
from miosa.types import Run, SnapshotDeployResult
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

S = "/sandboxes/sbx_1"
EXPOSED = {"data": {"url": "https://sbx-1-3000.preview.example/start?token=t", "port": 3000}}
SANDBOX_TARGET = {"target_kind": "sandbox", "target_id": "sbx_1", "sandbox_id": "sbx_1",
                  "runtime_id": "sbx_1"}  # fmt: skip

CASES = [
    Case(call=lambda c: c.sandboxes.handle("sbx_1").get_url(3000, "api/health"),
         method="POST", path=S + "/expose", body={"port": 3000}, reply=EXPOSED,
         check=lambda r: r == "https://sbx-1-3000.preview.example/api/health",
         name="get_url"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").get_url(),
         method="POST", path=S + "/expose", body={},
         reply={"preview_url": "sbx-1.preview.example:8443/x"},
         check=lambda r: r == "https://sbx-1.preview.example:8443/", name="get_url-default"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").get_host(3000),
         method="POST", path=S + "/expose", body={"port": 3000}, reply=EXPOSED,
         check=lambda r: r == "sbx-1-3000.preview.example", name="get_host"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").run_agent(
             "fix the tests", model="sonnet", wait=False, idempotency_key="idem-r"),
         method="POST", path="/runs",
         body={"instruction": "fix the tests", **SANDBOX_TARGET, "runner": "claude-code",
               "model": "sonnet", "cwd": "/workspace"},
         headers={"idempotency-key": "idem-r"}, status=201,
         reply={"data": {"id": "x_1", "status": "queued"}}, result=Run, name="run_agent"),
    Case(call=lambda c: c.sandboxes.handle("sbx_1").run_agent(
             "review", runner="codex", cwd="/workspace/app", timeout=600, env={"CI": "1"},
             resume_session_id="ses_1", extra={"reasoning": "high"}, wait=False),
         method="POST", path="/runs",
         body={"instruction": "review", **SANDBOX_TARGET, "runner": "codex",
               "cwd": "/workspace/app", "timeout": 600, "env": {"CI": "1"},
               "resume_session_id": "ses_1", "reasoning": "high"},
         header_names=("idempotency-key",), status=201, result=Run, name="run_agent-options"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_an_expose_reply_without_a_url_is_an_error() -> None:
    api = MockAPI().on(f"POST {S}/expose", json_response(200, {"data": {"port": 3000}}))
    with make_client(api) as client:
        with pytest.raises(MiosaError, match="port 3000 without a URL"):
            client.sandboxes.handle("sbx_1").get_host(3000)


def test_run_agent_waits_by_polling_the_run_until_it_is_final() -> None:
    api = (
        MockAPI()
        .on("POST /runs", json_response(201, {"id": "run_1", "status": "queued"}))
        .on(
            "GET /runs/run_1",
            json_response(200, {"id": "run_1", "status": "running"}),
            json_response(200, {"id": "run_1", "status": "succeeded", "exit_code": 0}),
        )
    )
    with make_client(api) as client:
        run = client.sandboxes.handle("sbx_1").run_agent("ship it", wait_timeout=30)
    assert (run.id, run.status) == ("run_1", "succeeded")
    assert [f"{r.method} {r.url.path}" for r in api.requests] == [
        "POST /api/v1/runs",
        "GET /api/v1/runs/run_1",
        "GET /api/v1/runs/run_1",
    ]
    assert "wait" not in api.body(0)  # no request is held open for the whole run


def test_wait_for_checkpoint_polls_until_the_checkpoint_is_written() -> None:
    paused = {"id": "sbx_1", "state": "paused"}
    api = MockAPI().on(
        f"GET {S}",
        json_response(200, {**paused, "checkpoint_pending": True}),
        json_response(200, {**paused, "checkpoint_pending": True}),
        json_response(200, {**paused, "checkpoint_pending": False, "name": "w"}),
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        same = sandbox.wait_for_checkpoint(5, poll_interval=0)
    assert same is sandbox and (sandbox.state, sandbox.name) == ("paused", "w")
    assert len(api.requests) == 3


def test_wait_for_checkpoint_times_out_while_the_checkpoint_is_pending() -> None:
    api = MockAPI().on(f"GET {S}", json_response(200, {"id": "sbx_1", "checkpoint_pending": True}))
    with make_client(api) as client:
        with pytest.raises(WaitTimeoutError, match="sandbox checkpoint sbx_1"):
            client.sandboxes.handle("sbx_1").wait_for_checkpoint(0.05, poll_interval=0.01)


def _deploy_api(deploy_reply: httpx.Response, destroy_reply: httpx.Response) -> MockAPI:
    return (
        MockAPI()
        .on(f"POST {S}/fork", json_response(201, {"id": "sbx_rel", "state": "running"}))
        .on("POST /sandboxes/sbx_rel/deploy", deploy_reply)
        .on("DELETE /sandboxes/sbx_rel", destroy_reply)
    )


def test_deploy_snapshot_forks_deploys_and_destroys_the_release_sandbox() -> None:
    deployed = {"deployment_id": "dep_1", "url": "https://app.example"}
    api = _deploy_api(json_response(200, {"data": deployed}), httpx.Response(204))
    with make_client(api) as client:
        result = client.sandboxes.handle("sbx_1").deploy_snapshot(
            "snap_0123456789abcdef", port=3000, fork_idempotency_key="idem-f"
        )
    assert isinstance(result, SnapshotDeployResult)
    assert (result.deployment_id, result.url) == ("dep_1", "https://app.example")
    assert (result.source_snapshot_id, result.release_sandbox_id) == (
        "snap_0123456789abcdef",
        "sbx_rel",
    )
    assert result.release_cleanup_error is None
    assert [r.method for r in api.requests] == ["POST", "POST", "DELETE"]
    assert api.body(0) == {
        "snapshot_id": "snap_0123456789abcdef",
        "name": "release-snap_0123456",
        "metadata": {"release_source_sandbox_id": "sbx_1", "snapshot_id": "snap_0123456789abcdef"},
    }
    assert api.requests[0].headers["idempotency-key"] == "idem-f"
    assert api.body(1) == {"port": 3000}


def test_a_failed_snapshot_deploy_still_destroys_the_release_sandbox() -> None:
    error = {"error": {"code": "BUILD_FAILED", "message": "build failed"}}
    api = _deploy_api(json_response(500, error), httpx.Response(204))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError, match="build failed"):
            client.sandboxes.handle("sbx_1").deploy_snapshot("snap_1")
    assert [r.method for r in api.requests] == ["POST", "POST", "DELETE"]


def test_a_release_sandbox_that_survives_is_named() -> None:
    gone = {"error": {"code": "INTERNAL", "message": "destroy failed"}}
    api = _deploy_api(json_response(200, {"deployment_id": "dep_1"}), json_response(500, gone))
    with make_client(api, max_retries=0) as client:
        result = client.sandboxes.handle("sbx_1").deploy_snapshot("snap_1")
        kept = client.sandboxes.handle("sbx_1").deploy_snapshot("snap_1", cleanup=False)
    assert result.release_cleanup_error is not None
    assert "destroy failed" in result.release_cleanup_error
    assert kept.release_cleanup_error is None and kept.release_sandbox_id == "sbx_rel"
    assert [r.method for r in api.requests] == ["POST", "POST", "DELETE", "POST", "POST"]


def test_handle_calls_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client, client.sandboxes.create() as sandbox:
            url = sandbox.get_url(3000, "/health")
            host = sandbox.get_host(3000)
            sandbox.pause()
            waited = sandbox.wait_for_checkpoint(10)
            sandbox.resume()
            snapshot = sandbox.snapshots.create("release")
            deployed = sandbox.deploy_snapshot(snapshot.id or "", port=3000)
            run = sandbox.run_agent("say hello", wait_timeout=60)
            listed = [s.id for s in client.sandboxes.list()]
    assert url.endswith("/health") and host and host in url
    assert waited is sandbox
    assert deployed.release_sandbox_id not in listed and deployed.deployment_id
    assert deployed.source_snapshot_id == snapshot.id
    assert run.status in ("succeeded", "failed") and run.raw.get("sandbox_id") == sandbox.id
