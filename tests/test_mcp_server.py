"""``python -m miosa.mcp`` driven by the official MCP client, against a local server the test
starts: over stdio (the client spawns the server) and over streamable HTTP (``--port``).
Every tool is listed and called; failures are ``isError`` results, not protocol errors."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
from typing import Any

import anyio
import pytest

from miosa.local import LocalServer

pytest.importorskip("mcp")
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.types import ImageContent

PNG = b"\x89PNG\r\n\x1a\nplot"
# Bounds every exchange with the server process, start-up included.
TIMEOUT = 60


def server_env(server: LocalServer) -> dict[str, str]:
    return {"MIOSA_API_KEY": server.api_key, "MIOSA_BASE_URL": server.base_url}


def stdio(server: LocalServer, *args: str) -> Client:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "miosa.mcp", *args], env=server_env(server)
    )
    return Client(params, read_timeout_seconds=TIMEOUT)


def text(result: Any) -> str:
    first = result.content[0]
    assert first.type == "text"
    return str(first.text)


async def test_every_tool_is_listed_and_runs_over_stdio() -> None:
    async with LocalServer() as server, stdio(server, "--allow-destructive") as mcp:
        listed = await mcp.list_tools()
        by_name = {tool.name: tool for tool in listed.tools}
        created = await mcp.call_tool("create_sandbox", {"name": "via-mcp"})
        sid = text(created).split()[2]
        on = {"sandbox_id": sid}
        calls: dict[str, Any] = {}
        steps: list[tuple[str, dict[str, Any]]] = [
            ("write_file", {**on, "path": "/workspace/a.txt", "content": "alpha"}),
            ("read_file", {**on, "path": "/workspace/a.txt"}),
            ("list_files", on),
            ("exec", {**on, "command": "cat a.txt", "cwd": "/workspace"}),
            ("run_code", {**on, "code": "n = 20\nn + 22"}),
            ("start_process", {**on, "command": "sleep 30"}),
            ("preview_url", {**on, "port": 3000}),
            ("snapshot_sandbox", {**on, "comment": "mcp"}),
            ("fork_sandbox", on),
            ("list_sandboxes", {}),
        ]
        for name, arguments in steps:
            calls[name] = await mcp.call_tool(name, arguments)
        pid = text(calls["start_process"]).split("pid=")[1].split()[0]
        calls["read_process_output"] = await mcp.call_tool(
            "read_process_output", {**on, "pid": pid}
        )
        calls["stop_process"] = await mcp.call_tool("stop_process", {**on, "pid": pid})
        plot = await mcp.call_tool(
            "run_code",
            {
                **on,
                "code": f"class Plot:\n    def _repr_png_(self):\n        return {PNG!r}\nPlot()",
            },
        )
        fork_id = text(calls["fork_sandbox"]).split()[-3]
        calls["destroy_sandbox"] = await mcp.call_tool("destroy_sandbox", {"sandbox_id": fork_id})
    assert set(by_name) == {*calls, "create_sandbox"}
    assert by_name["run_code"].input_schema["required"] == ["sandbox_id", "code"]
    hints = {name: tool.annotations for name, tool in by_name.items()}
    assert hints["destroy_sandbox"] is not None and hints["destroy_sandbox"].destructive_hint
    assert hints["exec"] is not None and hints["exec"].destructive_hint is False
    assert [name for name, r in calls.items() if r.is_error] == []
    assert text(calls["read_file"]) == "alpha"
    assert text(calls["exec"]) == "exit_code: 0\nstdout:\nalpha"
    assert text(calls["run_code"]) == "result: 42"
    assert text(calls["stop_process"]) == f"Stopped process {pid}."
    assert text(calls["destroy_sandbox"]) == f"Destroyed sandbox {fork_id}."
    assert [c.type for c in plot.content] == ["text", "image"]
    image = plot.content[1]
    assert isinstance(image, ImageContent) and image.mime_type == "image/png"
    assert base64.b64decode(image.data) == PNG


async def test_failures_are_error_results_and_a_bound_server_offers_no_ids() -> None:
    async with LocalServer() as server, server.async_client() as client:
        sandbox = await client.sandboxes.create()
        async with stdio(server, "--sandbox", str(sandbox.id)) as mcp:
            names = [tool.name for tool in (await mcp.list_tools()).tools]
            unknown = await mcp.call_tool("destroy_sandbox", {"sandbox_id": sandbox.id})
            bad = await mcp.call_tool("exec", {"command": 42})
            failed = await mcp.call_tool("exec", {"command": "echo no >&2; exit 3"})
            raised = await mcp.call_tool("run_code", {"code": "1 / 0"})
            missing = await mcp.call_tool("read_file", {"path": "/workspace/none"})
    assert "create_sandbox" not in names and "destroy_sandbox" not in names
    assert all(r.is_error for r in (unknown, bad, failed, raised, missing))
    assert text(unknown).startswith("Error: destroy_sandbox: no such tool;")
    assert text(bad) == (
        "Error: exec: invalid arguments: argument 'command' must be of type string, got integer"
    )
    assert text(failed) == "exit_code: 3\nstderr:\nno"
    assert text(raised).startswith("error: ZeroDivisionError: division by zero\nTraceback")
    assert text(missing).startswith("Error: read_file: NotFoundError: 404")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _listening(port: int, process: anyio.abc.Process) -> None:
    with anyio.fail_after(TIMEOUT):
        while True:
            try:
                stream = await anyio.connect_tcp("127.0.0.1", port)
            except OSError:
                assert process.returncode is None, "the MCP server exited"
                await anyio.sleep(0.1)
            else:
                await stream.aclose()
                return


async def test_streamable_http_with_port() -> None:
    async with LocalServer() as server:
        port = _free_port()
        command = [sys.executable, "-m", "miosa.mcp", "--port", str(port)]
        env = {**os.environ, **server_env(server)}
        async with await anyio.open_process(command, env=env, stderr=subprocess.DEVNULL) as process:
            try:
                await _listening(port, process)
                async with Client(
                    f"http://127.0.0.1:{port}/mcp", read_timeout_seconds=TIMEOUT
                ) as mcp:
                    names = [tool.name for tool in (await mcp.list_tools()).tools]
                    listed = await mcp.call_tool("list_sandboxes", {})
            finally:
                process.terminate()
                with anyio.move_on_after(10):
                    await process.wait()
                if process.returncode is None:
                    process.kill()
                    await process.wait()
    assert "run_code" in names and "stop_process" not in names
    assert (text(listed), listed.is_error) == ("No sandboxes.", False)


def test_without_a_key_it_says_so_and_exits() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIOSA_")}
    done = subprocess.run(
        [sys.executable, "-m", "miosa.mcp"],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("miosa.mcp: ") and "MIOSA_API_KEY" in done.stderr


def test_importing_miosa_does_not_import_mcp() -> None:
    code = (
        "import sys, miosa, miosa.agent, miosa.mcp, miosa.computer_use; "
        "print([m for m in ('mcp', 'openai', 'anthropic') if m in sys.modules])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=TIMEOUT
    )
    assert done.stdout.strip() == "[]"
