# This file was generated from
#   tests/_async/test_sandboxes.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for the sandbox slice: exact requests out, parsed results back."""

from __future__ import annotations

import pytest

from miosa import NotFoundError, Sandbox, ServerError
from miosa.types import ExecResult, SandboxData, SandboxState
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response, sandbox_json


def test_create_sends_every_given_field_and_returns_a_handle() -> None:
    api = MockAPI().on("POST /sandboxes", json_response(201, {"data": sandbox_json()}))
    with make_client(api) as client:
        sandbox = client.sandboxes.create(
            template_id="python-3.12",
            name="demo",
            env={"A": "1"},
            metadata={"team": "a"},
            tags=["x", "y"],
            timeout_sec=600,
            external_user_id="user_9",
            idempotency_key="idem-1",
        )
    request = api.last
    assert request.method == "POST"
    assert request.url.path == "/api/v1/sandboxes"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["idempotency-key"] == "idem-1"
    assert api.body() == {
        "template_id": "python-3.12",
        "name": "demo",
        "env": {"A": "1"},
        "metadata": {"team": "a"},
        "tags": ["x", "y"],
        "timeout_sec": 600,
        "external_user_id": "user_9",
    }
    assert isinstance(sandbox, Sandbox)
    assert isinstance(sandbox, SandboxData)
    assert sandbox.id == "sbx_1"
    assert sandbox.state is SandboxState.RUNNING
    assert sandbox.created_at is not None and sandbox.created_at.tzinfo is not None


def test_create_defaults_the_template_and_generates_an_idempotency_key() -> None:
    api = MockAPI().on("POST /sandboxes", json_response(201, sandbox_json()))
    with make_client(api) as client:
        client.sandboxes.create()
    assert api.body() == {"template_id": "miosa-sandbox"}
    key = api.last.headers["idempotency-key"]
    assert len(key) == 36 and key.count("-") == 4


def test_create_sends_raw_resources_as_given_and_refuses_unplaceable_ones() -> None:
    api = MockAPI().on("POST /sandboxes", json_response(201, sandbox_json()))
    with make_client(api) as client:
        # A published pair, with or without a disk; a custom triple; a size and a disk floor.
        client.sandboxes.create(cpu_count=4, memory_mb=8192)
        client.sandboxes.create(cpu_count=4, memory_mb=8192, disk_mb=30000)
        client.sandboxes.create(cpu_count=3, memory_mb=6000, disk_size_mb=20000)
        client.sandboxes.create(size="small", disk_size_mb=20480)
        client.sandboxes.create(size="medium", cpu_count=4, memory_mb=8192)
        with pytest.raises(ValueError, match="custom shape"):
            client.sandboxes.create(cpu_count=3, memory_mb=8192)
        with pytest.raises(ValueError, match="custom shape"):
            client.sandboxes.create(cpu_count=4)
        with pytest.raises(ValueError, match="does not match the requested size 'small'"):
            client.sandboxes.create(size="small", cpu_count=4, memory_mb=8192)
    assert [api.body(i) for i in range(5)] == [
        {"template_id": "miosa-sandbox", "cpu_count": 4, "memory_mb": 8192},
        {"template_id": "miosa-sandbox", "cpu_count": 4, "memory_mb": 8192, "disk_mb": 30000},
        {"template_id": "miosa-sandbox", "cpu_count": 3, "memory_mb": 6000, "disk_size_mb": 20000},
        {"template_id": "miosa-sandbox", "size": "small", "disk_size_mb": 20480},
        {"template_id": "miosa-sandbox", "size": "medium", "cpu_count": 4, "memory_mb": 8192},
    ]
    assert len(api.requests) == 5


def test_get_accepts_a_bare_object_and_keeps_unknown_fields() -> None:
    payload = sandbox_json(state="hibernating", brand_new_field={"x": 1})
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(200, payload))
    with make_client(api) as client:
        sandbox = client.sandboxes.get("sbx_1")
    assert api.last.method == "GET"
    assert sandbox.state == "hibernating"
    assert sandbox.state is not None and not sandbox.state.is_known
    assert sandbox.raw["brand_new_field"] == {"x": 1}


def test_path_parameters_are_percent_encoded_and_dot_ids_refused() -> None:
    api = MockAPI().on("GET /sandboxes/a%2Fb%20c", json_response(200, sandbox_json()))
    with make_client(api) as client:
        client.sandboxes.get("a/b c")
        for bad in ("", ".", ".."):
            with pytest.raises(ValueError):
                client.sandboxes.get(bad)
    assert api.last.url.raw_path == b"/api/v1/sandboxes/a%2Fb%20c"
    assert len(api.requests) == 1


def test_list_sends_filters_and_accepts_each_envelope() -> None:
    api = MockAPI().on(
        "GET /sandboxes",
        json_response(200, {"data": [sandbox_json(id="a"), sandbox_json(id="b")]}),
        json_response(200, {"sandboxes": [sandbox_json(id="c")]}),
        json_response(200, [sandbox_json(id="d")]),
    )
    with make_client(api) as client:
        first = client.sandboxes.list(state="running", tags=["x", "y"])
        second = client.sandboxes.list()
        third = client.sandboxes.list()
    assert dict(api.requests[0].url.params) == {"state": "running", "tags": "x,y"}
    assert [s.id for s in first] == ["a", "b"]
    assert [s.id for s in second] == ["c"]
    assert [s.id for s in third] == ["d"]
    assert all(isinstance(s, Sandbox) for s in first)


def test_destroy_sends_delete_and_returns_none() -> None:
    api = MockAPI().on("DELETE /sandboxes/sbx_1", json_response(204, None))
    with make_client(api) as client:
        assert client.sandboxes.destroy("sbx_1") is None
    assert api.last.method == "DELETE"
    assert "idempotency-key" in api.last.headers


def test_handle_update_merges_the_reply_into_the_handle() -> None:
    api = (
        MockAPI()
        .on("GET /sandboxes/sbx_1", json_response(200, {"data": sandbox_json()}))
        .on("PATCH /sandboxes/sbx_1", json_response(200, {"data": sandbox_json(name="renamed")}))
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.get("sbx_1")
        same = sandbox.update(name="renamed", always_on=True)
    assert same is sandbox
    assert sandbox.name == "renamed"
    assert api.body() == {"name": "renamed", "always_on": True}
    detached = sandbox.data
    assert type(detached) is SandboxData
    assert detached.name == "renamed"
    assert detached.raw["name"] == "renamed"


def test_refresh_reloads_fields() -> None:
    api = MockAPI().on(
        "GET /sandboxes/sbx_1",
        json_response(200, sandbox_json(state="provisioning")),
        json_response(200, sandbox_json(state="running")),
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.get("sbx_1")
        assert sandbox.state == SandboxState.PROVISIONING
        sandbox.refresh()
    assert sandbox.state == SandboxState.RUNNING


def test_exec_run_posts_the_command_and_parses_the_result() -> None:
    api = (
        MockAPI()
        .on("GET /sandboxes/sbx_1", json_response(200, sandbox_json()))
        .on(
            "POST /sandboxes/sbx_1/exec",
            json_response(
                200, {"data": {"stdout": "2\n", "stderr": "", "exit_code": 0, "duration_ms": 12}}
            ),
        )
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.get("sbx_1")
        result = sandbox.exec.run(
            "python3 -c 'print(1 + 1)'", cwd="/workspace", env={"A": "1"}, timeout=90
        )
    assert api.body() == {
        "command": "python3 -c 'print(1 + 1)'",
        "cwd": "/workspace",
        "env": {"A": "1"},
        "timeout": 90,
    }
    assert api.last.extensions["timeout"]["read"] >= 90
    assert result == ExecResult(stdout="2\n", stderr="", exit_code=0, duration_ms=12)
    assert result.ok


def test_exec_result_defaults_a_missing_exit_code_to_zero() -> None:
    api = MockAPI().on("POST /sandboxes/sbx_1/exec", json_response(200, {"stdout": "hi"}))
    with make_client(api) as client:
        handle = Sandbox(id="sbx_1")._bind(client)
        result = handle.exec.run("echo hi")
    assert result.exit_code == 0 and result.stdout == "hi"


def test_context_manager_destroys_on_exit_and_raises_a_failed_destroy() -> None:
    api = (
        MockAPI()
        .on("POST /sandboxes", json_response(201, sandbox_json()))
        .on(
            "DELETE /sandboxes/sbx_1",
            json_response(204, None),
            json_response(404, {"error": {"code": "NOT_FOUND", "message": "gone"}}),
        )
    )
    with make_client(api) as client:
        with client.sandboxes.create() as sandbox:
            assert sandbox.id == "sbx_1"
        assert api.last.method == "DELETE"
        with pytest.raises(NotFoundError):
            with client.sandboxes.create():
                pass
    assert [r.method for r in api.requests] == ["POST", "DELETE", "POST", "DELETE"]


def test_context_manager_does_not_destroy_twice() -> None:
    api = (
        MockAPI()
        .on("POST /sandboxes", json_response(201, sandbox_json()))
        .on("DELETE /sandboxes/sbx_1", json_response(204, None))
    )
    with make_client(api) as client, client.sandboxes.create() as sandbox:
        sandbox.destroy()
    assert [r.method for r in api.requests] == ["POST", "DELETE"]


@pytest.mark.parametrize(
    ("call", "method", "path", "body"),
    [
        ("extend", "POST", "/sandboxes/sbx_1/extend", {"timeout_sec": 60}),
        ("pause", "POST", "/sandboxes/sbx_1/pause", {}),
        ("resume", "POST", "/sandboxes/sbx_1/resume", {}),
        ("stop", "POST", "/sandboxes/sbx_1/stop", {}),
        ("fork", "POST", "/sandboxes/sbx_1/fork", {"snapshot_id": "snap_1", "name": "f"}),
    ],
)
def test_lifecycle_calls(call: str, method: str, path: str, body: object) -> None:
    api = MockAPI().on(f"{method} {path}", json_response(200, {"data": sandbox_json()}))
    kwargs: dict[str, object] = {
        "extend": {"timeout_sec": 60},
        "fork": {"snapshot_id": "snap_1", "name": "f"},
    }.get(call, {})  # type: ignore[assignment]
    with make_client(api) as client:
        result = getattr(client.sandboxes, call)("sbx_1", **kwargs)
    assert (api.last.method, api.last.url.path) == (method, "/api/v1" + path)
    assert api.body() == body
    assert isinstance(result, Sandbox)


def test_create_sends_environment_keys_and_wait_and_fail_fast_is_not_retried() -> None:
    busy = json_response(503, {"error": {"code": "no_ready_machine", "message": "busy"}})
    api = (
        MockAPI()
        .on("POST /sandboxes", json_response(201, sandbox_json()), busy, busy, busy)
        .on("POST /sandboxes/sbx_1/resume", json_response(200, sandbox_json()))
        .on("POST /sandboxes/sbx_1/fork", json_response(201, sandbox_json(id="sbx_2")))
    )
    with make_client(api, max_retries=2) as client:
        sandbox = client.sandboxes.create(
            environment="py312",
            env={"A": "1"},
            setup_file="setup.sh",
            agent_profile_id="arp_1",
            auto_start=False,
            compute_placement_request={"provider": "aws", "fallback": "miosa"},
            wait=30,
        )
        with pytest.raises(ServerError):
            client.sandboxes.create(environment_id="env_1", no_env=False, fail_fast=True)
        sandbox.resume(environment="py312", env={"B": "2"}, no_env=False)
        sandbox.fork(env_id="env_9", fail_fast=True)
    assert dict(api.requests[0].url.params) == {"wait": "30"}
    assert api.body(0) == {
        "template_id": "miosa-sandbox",
        "env": {"A": "1"},
        "agent_profile_id": "arp_1",
        "setup_file": "setup.sh",
        "environment": "py312",
        "auto_start": False,
        "compute_placement_request": {"provider": "aws", "fallback": "miosa"},
    }
    # The fail-fast create went out once: a 503 is its answer, not a reason to retry.
    assert [r.url.path for r in api.requests[1:]] == [
        "/api/v1/sandboxes",
        "/api/v1/sandboxes/sbx_1/resume",
        "/api/v1/sandboxes/sbx_1/fork",
    ]
    assert api.body(1) == {
        "template_id": "miosa-sandbox",
        "environment_id": "env_1",
        "no_env": False,
        "fail_fast": True,
    }
    assert api.body(2) == {"environment": "py312", "no_env": False, "env": {"B": "2"}}
    assert api.body(3) == {"env_id": "env_9", "fail_fast": True}
