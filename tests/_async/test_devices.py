"""Unified devices (``client.devices``): the wire, bootstrap, errors, and the local server."""

from __future__ import annotations

import json

import httpx
import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError
from miosa.local import LocalServer
from miosa.types import (
    Device,
    DeviceBrowser,
    DeviceCapabilities,
    DeviceExecResult,
    DeviceExposure,
    DeviceFile,
    DeviceFileContent,
    DeviceFileWrite,
    DeviceState,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

D = "/devices/sbx_1"
TWO = ("x_1", "x_2")


def _state(state: str) -> object:
    return {"data": {"id": "x_1", "state": state}}


CASES = [
    Case(call="devices.list", kwargs={"kind": "computer", "project_id": "prj_1"}, method="GET",
         path="/devices", query={"kind": "computer", "project_id": "prj_1"},
         reply={"devices": [{"id": "x_1"}, {"id": "x_2"}]}, result=Device, many=True,
         result_ids=TWO),
    Case(call="devices.get", args=("sbx_1",), method="GET", path=D, result=Device),
    Case(call="devices.get", args=("a/b",), method="GET", path="/devices/a%2Fb", result=Device,
         name="devices.get-encoded"),
    Case(call="devices.capabilities", args=("sbx_1",), method="GET", path=D + "/capabilities",
         reply={"data": {"id": "x_1", "capabilities": ["exec", "files"]}},
         check=lambda r: isinstance(r, DeviceCapabilities)
         and r.capabilities == ("exec", "files")),
    Case(call="devices.exec", args=("sbx_1", ["ls", "-la"]),
         kwargs={"timeout_ms": 1500, "cwd": "/tmp", "env": {"A": "1"}},
         method="POST", path=D + "/exec",
         body={"command": ["ls", "-la"], "timeout_ms": 1500, "cwd": "/tmp", "env": {"A": "1"}},
         reply={"data": {"exit_code": 0, "stdout": "ok\n", "stderr": "", "status": "completed"}},
         check=lambda r: isinstance(r, DeviceExecResult)
         and (r.exit_code, r.stdout) == (0, "ok\n")),
    Case(call="devices.list_files", args=("sbx_1",), method="GET", path=D + "/files",
         reply={"entries": [{"id": "x_1", "name": "a"}, {"id": "x_2", "name": "b"}]},
         result=DeviceFile, many=True, result_ids=TWO),
    Case(call="devices.list_files", args=("sbx_1", "/workspace/src"), method="GET",
         path=D + "/files", query={"path": "/workspace/src"}, reply=[{"id": "x_1"}],
         result=DeviceFile, many=True, name="devices.list_files-path"),
    Case(call="devices.read_file", args=("sbx_1", "/etc/hosts"), method="GET",
         path=D + "/files/read", query={"path": "/etc/hosts"},
         reply={"data": {"path": "/etc/hosts", "encoding": "base64", "content": "aGk="}},
         check=lambda r: isinstance(r, DeviceFileContent) and r.data == b"hi" and r.text == "hi"),
    Case(call="devices.write_file", args=("sbx_1", "notes.txt"), kwargs={"content": "hello"},
         method="POST", path=D + "/files/write", body={"path": "notes.txt", "content": "hello"},
         result=DeviceFileWrite),
    Case(call="devices.write_file", args=("sbx_1", "a.bin"), kwargs={"content_base64": "AA=="},
         method="POST", path=D + "/files/write", body={"path": "a.bin", "content_base64": "AA=="},
         result=DeviceFileWrite, name="devices.write_file-base64"),
    Case(call="devices.expose", args=("sbx_1", 8080), method="POST", path=D + "/expose",
         body={"port": 8080}, reply={"data": {"port": 8080, "url": "https://p", "ready": True}},
         check=lambda r: isinstance(r, DeviceExposure) and r.url == "https://p"),
    Case(call="devices.browser", args=("cmp_1",), method="GET", path="/devices/cmp_1/browser",
         reply={"data": {"ws_url": "wss://d", "expires_at": 1767225600.5}},
         check=lambda r: isinstance(r, DeviceBrowser) and r.expires_at == 1767225600.5),
    Case(call="devices.pause", args=("sbx_1",), method="POST", path=D + "/pause", body={},
         reply=_state("paused"),
         check=lambda r: isinstance(r, DeviceState) and r.state == "paused"),
    Case(call="devices.stop", args=("sbx_1",), method="POST", path=D + "/stop", body={},
         reply=_state("stopped"), result=DeviceState),
    Case(call="devices.resume", args=("sbx_1",), method="POST", path=D + "/resume", body={},
         reply=_state("running"), result=DeviceState),
    Case(call="devices.extend", args=("sbx_1", 600), method="POST", path=D + "/extend",
         body={"timeout_sec": 600}, result=Device),
    Case(call="devices.destroy", args=("sbx_1",), method="DELETE", path=D,
         reply=_state("destroyed"), result=DeviceState),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_a_computer_only_call_on_a_sandbox_is_a_conflict() -> None:
    error = {"error": {"code": "UNSUPPORTED_OPERATION", "message": "no desktop"}}
    api = MockAPI().on(f"GET {D}/browser", json_response(409, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="no desktop"):
            await client.devices.browser("sbx_1")


async def test_bootstrap_writes_the_manifest_installs_and_probes() -> None:
    def probe(request: httpx.Request) -> httpx.Response:
        command = json.loads(request.content)["command"]
        missing = "command -v codex" in command
        return json_response(
            200, {"data": {"exit_code": 127 if missing else 0, "stderr": "runtime missing"}}
        )

    api = (
        MockAPI()
        .on(f"POST {D}/files/write", json_response(200, {"data": {"path": "p", "size": 9}}))
        .on(f"POST {D}/exec", probe)
    )
    async with make_client(api, max_retries=0) as client:
        result = await client.devices.bootstrap(
            "sbx_1",
            runtime=" Codex ",
            cwd="/srv/app/",
            connectors=["github/default"],
            env={"MODE": "ci"},
            install_command="npm i -g @openai/codex",
        )
    manifest = json.loads(json.loads(api.requests[0].content)["content"])
    install, probe_request = (json.loads(r.content) for r in api.requests[1:])
    assert json.loads(api.requests[0].content)["path"] == "/srv/app/.miosa/runtime-bootstrap.json"
    assert manifest["runtime"] == "codex" and manifest["expected_binaries"] == ["codex"]
    assert (manifest["connectors"], manifest["env"]) == (["github/default"], {"MODE": "ci"})
    assert install == {
        "command": "npm i -g @openai/codex",
        "cwd": "/srv/app/",
        "timeout_ms": 600000,
    }
    assert probe_request["timeout_ms"] == 60000
    assert [(s.name, s.ok) for s in result.steps] == [
        ("write_manifest", True),
        ("install", True),
        ("probe", False),
    ]
    assert result.ok is False and result.steps[2].error == "runtime missing"


async def test_bootstrap_records_a_refused_step_and_goes_on() -> None:
    refused = json_response(409, {"error": {"code": "SANDBOX_NOT_RUNNING", "message": "paused"}})
    api = (
        MockAPI()
        .on(f"POST {D}/files/write", refused)
        .on(f"POST {D}/exec", json_response(200, {"data": {"exit_code": 0}}))
    )
    async with make_client(api, max_retries=0) as client:
        result = await client.devices.bootstrap("sbx_1", runtime="custom")
    assert [(s.name, s.ok) for s in result.steps] == [("write_manifest", False), ("probe", True)]
    assert "paused" in (result.steps[0].error or "") and not result.ok


async def test_sandboxes_are_devices_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            sandbox = await client.sandboxes.create()
            devices = await client.devices.list()
            computers = await client.devices.list(kind="computer")
            device = await client.devices.get(sandbox.id)
            caps = await client.devices.capabilities(sandbox.id)
            written = await client.devices.write_file(sandbox.id, "hello.txt", content="hi there")
            ran = await client.devices.exec(sandbox.id, "cat hello.txt; echo err >&2; exit 3")
            read = await client.devices.read_file(sandbox.id, "/workspace/hello.txt")
            listed = await client.devices.list_files(sandbox.id)
            exposed = await client.devices.expose(sandbox.id, 3000)
            with pytest.raises(ConflictError):
                await client.devices.browser(sandbox.id)
            paused = await client.devices.pause(sandbox.id)
            with pytest.raises(ConflictError):
                await client.devices.exec(sandbox.id, "true")
            resumed = await client.devices.resume(sandbox.id)
            boot = await client.devices.bootstrap(sandbox.id, runtime="custom")
            manifest = await client.devices.read_file(
                sandbox.id, "/workspace/.miosa/runtime-bootstrap.json"
            )
            extended = await client.devices.extend(sandbox.id, 300)
            stopped = await client.devices.stop(sandbox.id)
            gone = await client.devices.destroy(sandbox.id)
            after = await client.devices.list()
            with pytest.raises(NotFoundError):
                await client.devices.get(sandbox.id)
    assert [d.id for d in devices] == [sandbox.id] and computers == [] and after == []
    assert (device.kind, device.state, device.ready) == ("sandbox", "running", True)
    assert "exec" in caps.capabilities and "browser" not in caps.capabilities
    assert (written.path, written.size) == ("/workspace/hello.txt", 8)
    assert (ran.exit_code, ran.stdout, ran.stderr, ran.status) == (3, "hi there", "err\n", "failed")
    assert read.text == "hi there" and read.encoding == "base64"
    assert "hello.txt" in {f.name for f in listed}
    assert exposed.port == 3000 and exposed.url
    assert (paused.state, resumed.state, stopped.state, gone.state) == (
        "paused",
        "running",
        "stopped",
        "destroyed",
    )
    assert boot.ok and json.loads(manifest.text)["runtime"] == "custom"
    assert extended.id == sandbox.id
