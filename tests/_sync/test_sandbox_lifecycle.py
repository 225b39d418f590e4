# This file was generated from
#   tests/_async/test_sandbox_lifecycle.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for the sandbox-level calls added on both the collection and the handle:
handle(), wait_until_ready, deploy, start_template, artifacts, expose, snapshot."""

from __future__ import annotations

import itertools
import time
from typing import Any

import httpx
import pytest

from miosa import (
    APITimeoutError,
    AuthenticationError,
    NotFoundError,
    Sandbox,
    WaitTimeoutError,
)
from miosa.types import SandboxState
from miosa.types.sandboxes import (
    ExposeResult,
    PreviewToken,
    SandboxArtifacts,
    SandboxDeployResult,
    SandboxSnapshotRef,
    SandboxTemplateStart,
)
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response, sandbox_json

READY_STREAM = "GET /sandboxes/sbx_1/readiness/stream"
READINESS = "GET /sandboxes/sbx_1/readiness"


def sse(body: bytes) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)


def routes(api: MockAPI) -> list[tuple[str, str]]:
    return [(r.method, r.url.path.removeprefix("/api/v1")) for r in api.requests]


def test_handle_makes_no_request_and_works_at_once() -> None:
    api = MockAPI().on(
        "POST /sandboxes/sbx_1/pause", json_response(200, {"data": sandbox_json(state="paused")})
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        assert api.requests == []
        assert isinstance(sandbox, Sandbox)
        assert (sandbox.id, sandbox.state, sandbox.name) == ("sbx_1", None, None)
        sandbox.pause()
        with pytest.raises(ValueError):
            client.sandboxes.handle("..")
    assert routes(api) == [("POST", "/sandboxes/sbx_1/pause")]
    assert sandbox.state is SandboxState.PAUSED


# -- wait_until_ready ------------------------------------------------------------------


def test_wait_until_ready_listens_on_the_stream_then_returns_the_fresh_sandbox() -> None:
    api = (
        MockAPI()
        .on(READY_STREAM, sse(b': keepalive\n\nevent: ready\ndata: {"ready_at": "x"}\n\n'))
        .on("GET /sandboxes/sbx_1", json_response(200, {"data": sandbox_json(name="fresh")}))
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.wait_until_ready("sbx_1")
        handle = client.sandboxes.handle("sbx_1")
        same = handle.wait_until_ready(timeout=5)
    assert (
        routes(api)
        == [
            ("GET", "/sandboxes/sbx_1/readiness/stream"),
            ("GET", "/sandboxes/sbx_1"),
        ]
        * 2
    )
    assert api.requests[0].headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert sandbox.name == "fresh" and isinstance(sandbox, Sandbox)
    assert same is handle and handle.name == "fresh"


def test_wait_until_ready_polls_with_backoff_where_there_is_no_stream() -> None:
    asked_at: list[float] = []

    def readiness(ready: bool) -> Any:
        def reply(request: httpx.Request) -> httpx.Response:
            asked_at.append(time.monotonic())
            return json_response(200, {"data": {"ready": ready, "status": "provisioning"}})

        return reply

    api = (
        MockAPI()
        .on(READY_STREAM, json_response(404, {"error": {"code": "NOT_FOUND", "message": "no"}}))
        .on(READINESS, readiness(False), readiness(False), readiness(False), readiness(True))
        .on("GET /sandboxes/sbx_1", json_response(200, sandbox_json()))
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.wait_until_ready("sbx_1", timeout=5)
    assert sandbox.id == "sbx_1"
    assert [m for m, _ in routes(api)] == ["GET"] * 6
    assert routes(api)[1:5] == [("GET", "/sandboxes/sbx_1/readiness")] * 4
    gaps = [b - a for a, b in itertools.pairwise(asked_at)]
    # 50 ms, 75 ms, 112 ms: each wait grows by half (the shared `Poller` backoff).
    assert 0.045 <= gaps[0] < 0.09
    assert 0.07 <= gaps[1] < 0.15 and 0.105 <= gaps[2] < 0.25


def test_wait_until_ready_polls_after_a_stream_that_breaks_or_gives_up_early() -> None:
    api = (
        MockAPI()
        .on(
            READY_STREAM,
            sse(b"event: status\ndata: {}\n\n"),  # ends without a verdict
            sse(b'event: timeout\ndata: {"reason": "not_ready"}\n\n'),
        )
        .on(READINESS, json_response(200, {"status": "ready"}))
        .on("GET /sandboxes/sbx_1", json_response(200, sandbox_json()))
    )
    with make_client(api) as client:
        client.sandboxes.wait_until_ready("sbx_1")
        client.sandboxes.wait_until_ready("sbx_1")
    assert [p for _, p in routes(api)] == [
        "/sandboxes/sbx_1/readiness/stream",
        "/sandboxes/sbx_1/readiness",
        "/sandboxes/sbx_1",
    ] * 2


def test_wait_until_ready_raises_a_timeout_when_never_ready() -> None:
    api = (
        MockAPI()
        .on(READY_STREAM, sse(b'event: timeout\ndata: {"reason": "not_ready"}\n\n'))
        .on(READINESS, json_response(200, {"ready": False, "status": "provisioning"}))
    )
    with make_client(api) as client:
        started = time.monotonic()
        with pytest.raises(
            WaitTimeoutError, match=r"sandbox sbx_1 did not finish within 0\.3 s"
        ) as info:
            client.sandboxes.wait_until_ready("sbx_1", timeout=0.3)
    elapsed = time.monotonic() - started
    assert isinstance(info.value, APITimeoutError)
    assert info.value.state == "not ready" and info.value.attempts >= 3
    assert 0.25 <= elapsed < 1.0
    assert all(p != "/sandboxes/sbx_1" for _, p in routes(api))


def test_wait_until_ready_does_not_poll_around_an_auth_error() -> None:
    api = MockAPI().on(READY_STREAM, json_response(401, {"error": {"code": "UNAUTHORIZED"}}))
    with make_client(api) as client:
        with pytest.raises(AuthenticationError):
            client.sandboxes.wait_until_ready("sbx_1")
    assert len(api.requests) == 1


def test_wait_until_ready_on_a_missing_sandbox_raises_not_found() -> None:
    missing = json_response(404, {"error": {"code": "NOT_FOUND", "message": "no sandbox"}})
    api = MockAPI().on(READY_STREAM, missing).on(READINESS, missing)
    with make_client(api) as client:
        with pytest.raises(NotFoundError):
            client.sandboxes.wait_until_ready("sbx_1")


# -- deploy, template start, artifacts, expose, legacy snapshot ---------------------------


def test_deploy_sends_every_field_and_the_idempotency_key() -> None:
    reply = {
        "data": {
            "deployment_id": "dep_1",
            "url": "https://intake.example",
            "deployment": {"public_url": "https://p.example"},
            "deployment_product": "miosa_deploy",
        }
    }
    api = MockAPI().on("POST /sandboxes/sbx_1/deploy", json_response(200, reply))
    fields: dict[str, Any] = {
        "name": "clinic-intake",
        "deployment_id": "dep_0",
        "output_path": "/workspace/dist",
        "source_snapshot_path": "/snap",
        "entrypoint": "index.html",
        "build_command": "npm run build",
        "run_command": "npm start",
        "start_command": "node .",
        "port": 3000,
        "health_check_path": "/health",
        "deployment_type": "docker_deploy",
        "mode": "server",
        "database": {"engine": "postgres"},
        "resources": {"cpu": 1},
        "domain": "intake.apps.example",
        "custom_domain": "app.example",
    }
    with make_client(api) as client:
        result = client.sandboxes.deploy(
            "sbx_1", **fields, type_="dynamic", idempotency_key="dep-key"
        )
        client.sandboxes.handle("sbx_1").deploy(name="x", output_path="/workspace")
    assert api.body(0) == {**fields, "type": "dynamic"}
    assert api.requests[0].headers["idempotency-key"] == "dep-key"
    assert api.body(1) == {"name": "x", "output_path": "/workspace"}
    assert isinstance(result, SandboxDeployResult)
    assert (result.deployment_id, result.url) == ("dep_1", "https://intake.example")
    assert result.deployment == {"public_url": "https://p.example"}


def test_start_template_sends_the_options() -> None:
    api = MockAPI().on(
        "POST /sandboxes/sbx_1/template/start",
        json_response(200, {"data": {"preview_url": "https://3000-x.sandbox.example"}}),
    )
    with make_client(api) as client:
        started = client.sandboxes.handle("sbx_1").start_template(
            install=True, start_command="npm run dev", port=3000, readiness_probe={"path": "/"}
        )
    assert api.body() == {
        "install": True,
        "start_command": "npm run dev",
        "port": 3000,
        "readiness_probe": {"path": "/"},
    }
    assert started == SandboxTemplateStart(preview_url="https://3000-x.sandbox.example")


def test_artifacts_expose_and_the_legacy_snapshot() -> None:
    api = (
        MockAPI()
        .on(
            "GET /sandboxes/sbx_1/artifacts",
            json_response(200, {"data": {"artifacts": [{"path": "/out"}], "preview": None}}),
        )
        .on(
            "POST /sandboxes/sbx_1/expose",
            json_response(
                200,
                {
                    "data": {
                        "url": "https://3000-a.sandbox.example",
                        "class": "temporary_preview",
                        "url_info": {"port": 3000, "class": "temporary_preview"},
                    }
                },
            ),
        )
        .on("POST /sandboxes/sbx_1/snapshot", json_response(200, {"snapshot_id": "snap_9"}))
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        artifacts = sandbox.artifacts()
        exposed = sandbox.expose(3000)
        client.sandboxes.expose("sbx_1")
        snap = sandbox.snapshot()
    assert artifacts == SandboxArtifacts(artifacts=[{"path": "/out"}], preview=None)
    assert isinstance(exposed, ExposeResult)
    assert exposed.url == "https://3000-a.sandbox.example"
    assert exposed.class_ == "temporary_preview"
    assert exposed.url_info is not None and exposed.url_info.port == 3000
    assert [api.body(i) for i in (1, 2, 3)] == [{"port": 3000}, {}, {}]
    assert snap == SandboxSnapshotRef(snapshot_id="snap_9") and snap.ref == "snap_9"


def test_preview_token_without_a_token_field_still_parses() -> None:
    api = MockAPI().on(
        "POST /sandboxes/sbx_1/preview-token",
        json_response(200, {"preview_token": {"url": "https://p", "scope": "read"}}),
    )
    with make_client(api) as client:
        token = client.sandboxes.handle("sbx_1").preview_token(expires_in=60)
        client.sandboxes.preview_token("sbx_1")
        client.sandboxes.preview_token("sbx_1", scope="interact")
    # Both fields always go out, defaulting to an hour of read access.
    assert [api.body(i) for i in range(3)] == [
        {"expires_in": 60, "scope": "read"},
        {"expires_in": 3600, "scope": "read"},
        {"expires_in": 3600, "scope": "interact"},
    ]
    assert token == PreviewToken(url="https://p", scope="read")
