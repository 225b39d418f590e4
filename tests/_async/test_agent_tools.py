"""The tool catalogue through the public API: sandboxes on the local server, computers on a
scripted API; dispatch shapes, scoping, destructive opt-in, errors as results, bounds."""

from __future__ import annotations

import base64
import json
from types import SimpleNamespace
from typing import Any, Literal

import httpx
import pytest

from miosa import AsyncMiosa
from miosa._concurrency import asleep
from miosa.agent import AsyncTool, AsyncToolbox, ToolOutput, miosa_tools
from miosa.local import Fault, LocalServer
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response

pytestmark = pytest.mark.usefixtures("fast_retries")

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (1280).to_bytes(4, "big") + (800).to_bytes(4, "big")


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_the_sandbox_catalogue_works_a_sandbox_from_creation_to_destruction() -> None:
    async with LocalServer() as server, client_for(server) as client:
        tools = AsyncToolbox.for_sandboxes(client, allow_destructive=True)
        created = await tools.run("create_sandbox", {"name": "agent"})
        sid = created.text.split()[2]
        on = {"sandbox_id": sid}
        wrote = await tools.run(
            "write_file", {**on, "path": "/workspace/app.py", "content": "print(6 * 7)\n"}
        )
        read = await tools.run("read_file", {**on, "path": "/workspace/app.py"})
        listed = await tools.run("list_files", on)
        ran = await tools.run("exec", {**on, "command": "python3 app.py", "cwd": "/workspace"})
        started = await tools.run("start_process", {**on, "command": "echo up; sleep 30"})
        pid = started.text.split("pid=")[1].split()[0]
        for _ in range(100):  # the process prints "up" soon after it starts
            output = await tools.run("read_process_output", {**on, "pid": pid})
            if output.text.endswith("up"):
                break
            await asleep(0.05)
        stopped = await tools.run("stop_process", {**on, "pid": int(pid)})
        preview = await tools.run("preview_url", {**on, "port": 8000})
        snapshot = await tools.run("snapshot_sandbox", {**on, "comment": "before fork"})
        fork = await tools.run("fork_sandbox", {**on, "name": "copy"})
        listing = await tools.run("list_sandboxes")
        destroyed = await tools.run("destroy_sandbox", on)
        after = [s.id for s in await client.sandboxes.list()]
    results = [created, wrote, read, listed, ran, started, output, stopped, preview, snapshot]
    assert [r.is_error for r in results] == [False] * len(results), [r.text for r in results]
    assert created.text.startswith(f"Created sandbox {sid} (state running, template ")
    assert wrote.text == "Wrote /workspace/app.py (13 bytes)."
    assert read.text == "print(6 * 7)\n"
    assert listed.text == "app.py  13 B"
    assert ran.text == "exit_code: 0\nstdout:\n42"
    assert output.text.startswith(f"process {pid}: running") and output.text.endswith("up")
    assert stopped.text == f"Stopped process {pid}."
    assert preview.text.startswith("Port 8000 is served at http")
    assert snapshot.text.startswith("Snapshot snap_")
    fork_id = fork.text.split()[-3]
    assert fork.text == f"Forked sandbox {sid} into {fork_id} (state running)."
    assert listing.text.splitlines() == [f"{sid}  running  agent", f"{fork_id}  running  copy"]
    assert destroyed.text == f"Destroyed sandbox {sid}."
    assert after == [fork_id]


async def test_a_catalogue_bound_to_one_sandbox_takes_no_id_and_reaches_no_other() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create(name="mine")
        other = await client.sandboxes.create(name="other")
        tools = AsyncToolbox.for_sandbox(sandbox, allow_destructive=True)
        ran = await tools.run("exec", {"command": "echo bound"})
        refused = await tools.run("exec", {"sandbox_id": other.id, "command": "echo other"})
        await sandbox.destroy()
        await other.destroy()
    assert "create_sandbox" not in tools and "destroy_sandbox" not in tools
    assert "list_sandboxes" not in tools
    assert "stop_process" in tools  # destructive tools inside the sandbox are allowed
    for tool in tools:
        assert "sandbox_id" not in tool.parameters["properties"], tool.name
    assert ran.text == "exit_code: 0\nstdout:\nbound"
    assert refused.is_error
    assert refused.text == (
        "Error: exec: invalid arguments: unknown argument(s): 'sandbox_id' "
        "(accepted: command, cwd, timeout)"
    )


async def test_destructive_tools_are_opt_in_and_files_are_not_overwritten_by_default() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        safe = AsyncToolbox.for_sandboxes(client)
        bound = AsyncToolbox.for_sandbox(sandbox)
        on = {"sandbox_id": sandbox.id, "path": "/workspace/notes.txt"}
        first = await safe.run("write_file", {**on, "content": "one"})
        second = await safe.run("write_file", {**on, "content": "two"})
        kept = await sandbox.files.read_text("/workspace/notes.txt")
        unknown = await safe.run("destroy_sandbox", {"sandbox_id": sandbox.id})
        allowed = AsyncToolbox.for_sandboxes(client, allow_destructive=True)
        third = await allowed.run("write_file", {**on, "content": "three"})
        now = await sandbox.files.read_text("/workspace/notes.txt")
        still_there = [s.id for s in await client.sandboxes.list()]
        await sandbox.destroy()
    assert "destroy_sandbox" not in safe.names and "stop_process" not in safe.names
    assert "stop_process" not in bound.names
    assert safe.destructive_names == ()
    assert set(allowed.destructive_names) == {"destroy_sandbox", "stop_process", "write_file"}
    assert not first.is_error and second.is_error
    assert second.text == (
        "Error: write_file: /workspace/notes.txt already exists and overwriting files is "
        "not enabled; write to a new path"
    )
    assert kept == "one"
    assert unknown.is_error and unknown.text.startswith("Error: destroy_sandbox: no such tool;")
    assert still_there == [sandbox.id]
    assert not third.is_error and now == "three"


async def test_the_code_tool_keeps_state_attaches_images_and_reports_errors() -> None:
    chart = f"class Chart:\n    def _repr_png_(self):\n        return {PNG!r}\nChart()"
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        tools = AsyncToolbox.for_sandbox(sandbox)
        first = await tools.run("run_code", {"code": "total = 40\nprint('set')"})
        second = await tools.run("run_code", {"code": "total + 2"})
        other = await tools.run("run_code", {"code": "total", "context": "scratch"})
        image = await tools.run("run_code", {"code": chart})
        # The chat-completions shape carries text only; Anthropic's carries the image.
        call = {"type": "tool_use", "id": "t1", "name": "run_code", "input": {"code": chart}}
        block = await tools.dispatch(call, shape="anthropic")
        await sandbox.destroy()
    assert "run_code" in tools.names
    assert (first.text, first.is_error) == ("stdout:\nset", False)
    assert second.text == "result: 42"
    assert other.is_error and other.text.startswith(
        "error: NameError: name 'total' is not defined\nTraceback (most recent call last):\n"
    )
    assert "stderr" not in other.text  # the traceback is said once
    assert image.images[0].data == PNG and image.images[0].media_type == "image/png"
    assert image.text.endswith("(1 image attached)")
    content = block["content"]
    assert isinstance(content, list) and content[-1]["type"] == "image"


async def test_sdk_errors_and_failed_commands_come_back_as_error_results() -> None:
    async with LocalServer() as server, client_for(server) as client:
        tools = AsyncToolbox.for_sandboxes(client)
        missing = await tools.run("exec", {"sandbox_id": "sbx_nope", "command": "true"})
        sandbox = await client.sandboxes.create()
        no_file = await tools.run(
            "read_file", {"sandbox_id": sandbox.id, "path": "/workspace/none.txt"}
        )
        failed = await tools.run("exec", {"sandbox_id": sandbox.id, "command": "exit 7"})
        wrong_type = await tools.run("exec", {"sandbox_id": sandbox.id, "command": 42})
        too_long = await tools.run(
            "exec", {"sandbox_id": sandbox.id, "command": "true", "timeout": 10_000}
        )
        await sandbox.destroy()
    assert missing.is_error and missing.text.startswith("Error: exec: NotFoundError: 404 ")
    assert no_file.is_error and no_file.text.startswith("Error: read_file: NotFoundError: 404")
    assert failed.is_error and failed.text == "exit_code: 7\n(no output)"
    assert wrong_type.text == (
        "Error: exec: invalid arguments: argument 'command' must be of type string, got integer"
    )
    assert too_long.text == "Error: exec: invalid arguments: argument 'timeout' must be <= 110"


async def test_a_tool_that_outlives_its_timeout_is_an_error_result() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        server.inject("POST", f"/sandboxes/{sandbox.id}/exec", Fault(delay=3))
        tools = AsyncToolbox.for_sandbox(sandbox, timeout=1)
        result = await tools.run("exec", {"command": "echo late"})
        await sandbox.destroy()
    assert result.is_error
    assert result.text == "Error: exec: timed out after 1 s"
    assert result.duration < 2.5


async def test_long_output_is_bounded_head_and_tail_kept_and_the_cut_said() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        tools = AsyncToolbox.for_sandbox(sandbox, max_output_bytes=2000, max_output_lines=50)
        result = await tools.run("exec", {"command": "seq 1 100000"})
        await sandbox.destroy()
    lines = result.text.splitlines()
    assert len(result.text.encode()) <= 2000
    assert lines[:4] == ["exit_code: 0", "stdout:", "1", "2"]
    assert lines[-1] == "100000"
    assert any(line.startswith("[... ") and "cut" in line for line in lines)
    assert len(lines) <= 51


async def test_dispatch_answers_each_llm_sdk_in_its_own_shape() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        tools = AsyncToolbox.for_sandbox(sandbox)
        command = {"command": "echo hi"}
        chat_obj = SimpleNamespace(
            id="call_1",
            type="function",
            function=SimpleNamespace(name="exec", arguments=json.dumps(command)),
        )
        responses_obj = SimpleNamespace(
            type="function_call", id="fc_1", call_id="call_2", name="exec",
            arguments=json.dumps(command),
        )  # fmt: skip
        anthropic_obj = SimpleNamespace(type="tool_use", id="toolu_1", name="exec", input=command)
        chat_dict = {"id": "call_3", "type": "function",
                     "function": {"name": "exec", "arguments": json.dumps(command)}}  # fmt: skip
        plain = {"name": "exec", "arguments": command}
        answers = [
            await tools.dispatch(chat_obj),
            await tools.dispatch(responses_obj),
            await tools.dispatch(anthropic_obj),
            await tools.dispatch(chat_dict),
            await tools.dispatch(plain),
            await tools.dispatch(
                {"type": "tool_use", "id": "toolu_2", "name": "nope", "input": {}}
            ),
        ]
        batch = await tools.dispatch_all(
            [SimpleNamespace(type="text", text="Let me run it."), anthropic_obj]
        )
        with pytest.raises(ValueError, match="not a tool call"):
            await tools.dispatch({"type": "text", "text": "hello"})
        await sandbox.destroy()
    out = "exit_code: 0\nstdout:\nhi"
    assert answers[:5] == [
        {"role": "tool", "tool_call_id": "call_1", "content": out},
        {"type": "function_call_output", "call_id": "call_2", "output": out},
        {"type": "tool_result", "tool_use_id": "toolu_1", "content": out, "is_error": False},
        {"role": "tool", "tool_call_id": "call_3", "content": out},
        {"id": "", "name": "exec", "content": out, "is_error": False},
    ]
    unknown = answers[5]
    assert unknown["type"] == "tool_result" and unknown["is_error"] is True  # type: ignore[typeddict-item]
    assert batch == [answers[2]]


async def test_custom_tools_join_the_catalogue_and_report_their_failures() -> None:
    async def weather(arguments: Any) -> str:
        return f"sunny in {arguments['city']}"

    async def broken(arguments: Any) -> str:
        raise RuntimeError("the weather service is down")

    async def flagged(arguments: Any) -> ToolOutput:
        return ToolOutput(text="no such city", is_error=True)

    schema = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
    custom = AsyncToolbox(
        [
            AsyncTool(name="weather", description="Weather.", parameters=schema, handler=weather),
            AsyncTool(name="broken", description="Fails.", parameters=schema, handler=broken),
            AsyncTool(name="flagged", description="Flags.", parameters=schema, handler=flagged),
        ]
    )
    async with LocalServer() as server, client_for(server) as client:
        combined = miosa_tools(client) + custom
        ok = await combined.run("weather", {"city": "Oslo"})
        failed = await combined.run("broken", {"city": "Oslo"})
        flag = await combined.run("flagged", {"city": "Atlantis"})
    assert combined.names[-3:] == ("weather", "broken", "flagged")
    assert "exec" in combined
    assert (ok.text, ok.is_error) == ("sunny in Oslo", False)
    assert (failed.text, failed.is_error) == (
        "Error: broken: RuntimeError: the weather service is down",
        True,
    )
    assert (flag.text, flag.is_error) == ("no such city", True)
    with pytest.raises(ValueError, match="two tools are named 'create_sandbox'"):
        combined + AsyncToolbox.for_sandboxes(client)
    assert combined.only("exec", "weather").names == ("exec", "weather")
    assert "weather" not in combined.without("weather")


def computer_json(**fields: Any) -> dict[str, Any]:
    return {
        "id": "cmp_1",
        "name": "desk",
        "slug": "desk-7f",
        "status": "running",
        "preview_domain": "miosa.test",
        **fields,
    }


async def test_the_computer_catalogue_drives_the_desktop_through_the_handle_calls() -> None:
    api = (
        MockAPI()
        .on("GET /computers/cmp_1/desktop/screenshot", httpx.Response(200, content=PNG))
        .on("POST /computers/cmp_1/desktop/click", json_response(200, {"success": True}))
        .on("POST /computers/cmp_1/desktop/double-click", json_response(200, {"success": True}))
        .on("POST /computers/cmp_1/desktop/type", json_response(200, {"success": True}))
        .on("POST /computers/cmp_1/desktop/key", json_response(200, {"success": True}))
        .on("POST /computers/cmp_1/desktop/scroll", json_response(200, {"success": True}))
        .on(
            "POST /computers/cmp_1/exec",
            json_response(200, {"stdout": "Linux\n", "stderr": "", "exit_code": 0}),
        )
        .on("GET /computers/cmp_1", json_response(200, {"data": computer_json()}))
    )
    async with make_client(api) as client:
        tools = AsyncToolbox.for_computer(client.computers.handle("cmp_1"))
        shot = await tools.run("computer_screenshot")
        anthropic_answer = await tools.dispatch(
            {"type": "tool_use", "id": "toolu_9", "name": "computer_screenshot", "input": {}}
        )
        chat_answer = await tools.dispatch(
            {"id": "c9", "function": {"name": "computer_screenshot", "arguments": "{}"}}
        )
        responses_answer = await tools.dispatch(
            {"type": "function_call", "call_id": "c10", "name": "computer_screenshot",
             "arguments": ""}
        )  # fmt: skip
        clicked = await tools.run("computer_click", {"x": 10, "y": 20, "button": "right"})
        double = await tools.run("computer_click", {"x": 1, "y": 2, "double": True})
        typed = await tools.run("computer_type", {"text": "hello"})
        pressed = await tools.run("computer_key", {"key": "ctrl+c"})
        scrolled = await tools.run("computer_scroll", {"direction": "down", "clicks": 5})
        ran = await tools.run("computer_exec", {"command": "uname"})
        url = await tools.run("computer_preview_url", {"port": 3000})
        bad = await tools.run("computer_scroll", {"direction": "sideways"})
    assert "create_computer" not in tools and "destroy_computer" not in tools
    for tool in tools:
        assert "computer_id" not in tool.parameters["properties"], tool.name
    assert shot.text == f"Screenshot of the desktop ({len(PNG)} bytes, PNG)."
    assert shot.images[0].data == PNG and shot.images[0].media_type == "image/png"
    encoded = base64.b64encode(PNG).decode()
    assert anthropic_answer == {
        "type": "tool_result",
        "tool_use_id": "toolu_9",
        "content": [
            {"type": "text", "text": shot.text},
            {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                          "data": encoded}},
        ],
        "is_error": False,
    }  # fmt: skip
    assert chat_answer == {
        "role": "tool",
        "tool_call_id": "c9",
        "content": shot.text + "\n[1 image(s) not included here: image/png 1280x800, "
        f"{len(PNG)} bytes]",
    }
    assert responses_answer == {
        "type": "function_call_output",
        "call_id": "c10",
        "output": [
            {"type": "input_text", "text": shot.text},
            {"type": "input_image", "image_url": "data:image/png;base64," + encoded},
        ],
    }
    assert [clicked.text, double.text, typed.text, pressed.text, scrolled.text] == [
        "Clicked right at (10, 20).",
        "Double-clicked at (1, 2).",
        "Typed 5 characters.",
        "Pressed ctrl+c.",
        "Scrolled down 5 clicks.",
    ]
    bodies = {r.url.path: json.loads(r.content) for r in api.requests if r.method == "POST"}
    assert bodies["/api/v1/computers/cmp_1/desktop/click"] == {"x": 10, "y": 20, "button": "right"}
    assert bodies["/api/v1/computers/cmp_1/desktop/double-click"] == {"x": 1, "y": 2}
    assert bodies["/api/v1/computers/cmp_1/desktop/type"] == {"text": "hello"}
    assert bodies["/api/v1/computers/cmp_1/desktop/key"] == {"key": "ctrl+c"}
    assert bodies["/api/v1/computers/cmp_1/desktop/scroll"] == {"direction": "down", "clicks": 5}
    assert bodies["/api/v1/computers/cmp_1/exec"]["command"] == "uname"
    assert ran.text == "exit_code: 0\nstdout:\nLinux"
    assert url.text == "Port 3000 is served at " + computer_preview(3000)
    assert bad.text == (
        "Error: computer_scroll: invalid arguments: argument 'direction' must be one of \"up\", "
        '"down", "left", "right"'
    )


def computer_preview(port: int) -> str:
    from miosa._groups.computers import preview_url
    from miosa.types.computers import ComputerData

    data = ComputerData(id="cmp_1", slug="desk-7f", preview_domain="miosa.test")
    return preview_url(data.slug or "", data.preview_domain, port, "/")


async def test_the_unbound_computer_catalogue_names_the_computer_and_lists_them() -> None:
    api = (
        MockAPI()
        .on("GET /computers", json_response(200, {"data": [computer_json()]}))
        .on("POST /computers/cmp_1/desktop/key", json_response(200, {"success": True}))
        .on("DELETE /computers/cmp_1", httpx.Response(204))
    )
    async with make_client(api) as client:
        tools = AsyncToolbox.for_computers(client, allow_destructive=True)
        listed = await tools.run("list_computers")
        pressed = await tools.run("computer_key", {"computer_id": "cmp_1", "key": "Return"})
        no_id = await tools.run("computer_key", {"key": "Return"})
        destroyed = await tools.run("destroy_computer", {"computer_id": "cmp_1"})
    assert listed.text == "cmp_1  running  desk"
    assert pressed.text == "Pressed Return."
    assert no_id.text == (
        "Error: computer_key: invalid arguments: missing required argument(s): 'computer_id'"
    )
    assert destroyed.text == "Destroyed computer cmp_1."
    assert [f"{r.method} {r.url.path}" for r in api.requests] == [
        "GET /api/v1/computers",
        "POST /api/v1/computers/cmp_1/desktop/key",
        "DELETE /api/v1/computers/cmp_1",
    ]


async def lookup_ticket(
    ticket: str,
    priority: Literal["low", "high"] = "low",
    tags: list[str] | None = None,
    limit: int = 3,
) -> str:
    """Read a support ticket
    by its id.

    Anything after the first paragraph is not sent to the model.
    """
    return f"{ticket} {priority} {tags} {limit}"


async def test_a_tool_from_a_typed_function_gets_its_schema_and_keyword_arguments() -> None:
    tool = AsyncTool.from_function(lookup_ticket, timeout=5)
    box = AsyncToolbox([tool])
    called = await box.run("lookup_ticket", {"ticket": "T-1", "priority": "high", "tags": ["a"]})
    refused = await box.run("lookup_ticket", {"ticket": "T-1", "priority": "urgent"})
    assert (tool.name, tool.description, tool.timeout) == (
        "lookup_ticket",
        "Read a support ticket by its id.",
        5,
    )
    assert tool.parameters == {
        "type": "object",
        "properties": {
            "ticket": {"type": "string"},
            "priority": {"enum": ["low", "high"]},
            "tags": {"type": "array", "items": {"type": "string"}},
            "limit": {"type": "integer"},
        },
        "required": ["ticket"],
        "additionalProperties": False,
    }
    assert called.text == "T-1 high ['a'] 3"
    assert refused.text == (
        "Error: lookup_ticket: invalid arguments: argument 'priority' must be one of "
        '"low", "high"'
    )
    renamed = AsyncTool.from_function(lookup_ticket, name="ticket", description="A ticket.")
    assert (renamed.name, renamed.description) == ("ticket", "A ticket.")


async def untyped(path) -> str:  # type: ignore[no-untyped-def]
    return str(path)


async def opaque(when: complex) -> str:
    return str(when)


def test_a_function_whose_parameters_json_schema_cannot_describe_is_refused() -> None:
    with pytest.raises(TypeError, match="parameter 'path' has no annotation"):
        AsyncTool.from_function(untyped)
    with pytest.raises(TypeError, match=r"opaque\(when\): cannot describe"):
        AsyncTool.from_function(opaque)


async def test_reading_a_huge_file_reads_its_first_mib_and_says_so() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        await sandbox.exec.run("seq 1 1000000 > /workspace/big.txt; printf 'a\\0b' > bin")
        tools = AsyncToolbox.for_sandbox(sandbox)
        big = await tools.run("read_file", {"path": "/workspace/big.txt"})
        binary = await tools.run("read_file", {"path": "/workspace/bin"})
        await sandbox.destroy()
    assert not big.is_error
    assert big.text.startswith("1\n2\n3\n")
    assert big.text.endswith(
        "\n[only the first 1048576 bytes of /workspace/big.txt were read; use a command "
        "(tail, grep, sed -n) for the rest]"
    )
    assert "bytes cut: the output was too long" in big.text
    assert len(big.text.encode()) <= 16_384
    assert binary.text == "/workspace/bin is a binary file (3 bytes); not shown."


async def test_computer_files_are_read_written_and_not_overwritten_by_default() -> None:
    def stat(request: httpx.Request) -> httpx.Response:
        if json.loads(request.content)["path"] == "/home/user/new.txt":
            return json_response(404, {"error": {"code": "NOT_FOUND", "message": "no such file"}})
        return json_response(200, {"data": {"path": "/home/user/old.txt", "size": 3}})

    api = (
        MockAPI()
        .on("GET /computers/cmp_1/files/download", httpx.Response(200, content=b"hello\n"))
        .on("POST /computers/cmp_1/files/stat", stat)
        .on("POST /computers/cmp_1/files/write", json_response(200, {"data": {"path": "x"}}))
        .on(
            "GET /computers/cmp_1/files",
            json_response(
                200,
                {
                    "data": {
                        "entries": [{"name": "a.txt", "size": 6}, {"name": "docs", "is_dir": True}]
                    }
                },
            ),
        )
    )
    async with make_client(api) as client:
        tools = AsyncToolbox.for_computers(client)
        on = {"computer_id": "cmp_1"}
        read = await tools.run("computer_read_file", {**on, "path": "/home/user/a.txt"})
        new = await tools.run(
            "computer_write_file", {**on, "path": "/home/user/new.txt", "content": "héllo"}
        )
        old = await tools.run(
            "computer_write_file", {**on, "path": "/home/user/old.txt", "content": "x"}
        )
        listed = await tools.run("computer_list_files", {**on, "path": "/home/user"})
    assert read.text == "hello\n"
    assert (new.text, new.is_error) == ("Wrote /home/user/new.txt (6 bytes).", False)
    assert old.is_error and old.text.startswith(
        "Error: computer_write_file: /home/user/old.txt already exists"
    )
    assert listed.text == "a.txt  6 B\ndocs/"
    writes = [r for r in api.requests if r.url.path.endswith("/files/write")]
    assert len(writes) == 1
    assert json.loads(writes[0].content) == {
        "path": "/home/user/new.txt",
        "content_base64": base64.b64encode("héllo".encode()).decode(),
    }
    download = next(r for r in api.requests if r.url.path.endswith("/files/download"))
    assert download.url.params["path"] == "/home/user/a.txt"


async def test_the_computer_catalogue_works_a_computer_on_the_local_server() -> None:
    async with LocalServer() as server, client_for(server) as client:
        tools = AsyncToolbox.for_computers(client, allow_destructive=True)
        created = await tools.run("create_computer", {"name": "agent-desk"})
        cid = created.text.split()[2]
        on = {"computer_id": cid}
        listed = await tools.run("list_computers")
        ran = await tools.run("computer_exec", {**on, "command": "echo $((6 * 7))"})
        wrote = await tools.run(
            "computer_write_file", {**on, "path": "/workspace/app.txt", "content": "hello"}
        )
        read = await tools.run("computer_read_file", {**on, "path": "/workspace/app.txt"})
        files = await tools.run("computer_list_files", {**on, "path": "/"})
        before = await tools.run("computer_screenshot", on)
        clicked = await tools.run("computer_click", {**on, "x": 10, "y": 20, "button": "right"})
        typed = await tools.run("computer_type", {**on, "text": "hello"})
        pressed = await tools.run("computer_key", {**on, "key": "Return"})
        scrolled = await tools.run("computer_scroll", {**on, "direction": "down", "clicks": 2})
        after = await tools.run("computer_screenshot", on)
        off_screen = await tools.run("computer_click", {**on, "x": 5000, "y": 1})
        url = await tools.run("computer_preview_url", {**on, "port": 3000})
        destroyed = await tools.run("destroy_computer", on)
        none_left = await tools.run("list_computers")
    assert cid.startswith("cmp_") and "provisioning" in created.text
    assert listed.text == f"{cid}  running  agent-desk"
    assert ran.text == "exit_code: 0\nstdout:\n42" and not ran.is_error
    assert wrote.text == "Wrote /workspace/app.txt (5 bytes)." and read.text == "hello"
    assert files.text == "workspace/"
    assert [clicked.text, typed.text, pressed.text, scrolled.text] == [
        "Clicked right at (10, 20).",
        "Typed 5 characters.",
        "Pressed Return.",
        "Scrolled down 2 clicks.",
    ]
    assert before.images[0].data != after.images[0].data
    assert after.images[0].data.startswith(b"\x89PNG")
    assert off_screen.is_error and "x must be <= 1279" in off_screen.text
    assert url.text.startswith("Port 3000 is served at http")
    assert destroyed.text == f"Destroyed computer {cid}." and none_left.text == "No computers."
