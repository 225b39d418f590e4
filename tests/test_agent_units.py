"""`miosa.agent` without a server: exporters, tool-call shapes, bounds, argument checks,
presets, prompts, import cost; and what only the async twin can do (interrupt a handler)."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import anyio
import pytest

import miosa
from miosa import Miosa
from miosa.agent import (
    PRESETS,
    AnthropicProvider,
    AsyncAgent,
    AsyncChatCompletionsProvider,
    AsyncTool,
    AsyncToolbox,
    ChatCompletionsProvider,
    FinalAnswer,
    OutputLimits,
    Tool,
    Toolbox,
    ToolCall,
    ToolResult,
    bound_text,
    miosa_tools,
    object_schema,
    sandbox_builder_system_prompt,
    sandbox_builder_system_prompts,
)
from tests.fake_llm import FakeLLM, chat

SCHEMA = object_schema(
    {"path": {"type": "string"}, "n": {"type": "integer", "minimum": 1}}, ["path"]
)


def echo(arguments: Any) -> str:
    return json.dumps(dict(arguments), sort_keys=True)


def toolbox(**options: Any) -> Toolbox:
    return Toolbox(
        [Tool(name="echo", description="Echo the arguments.", parameters=SCHEMA, handler=echo)],
        **options,
    )


# -- exporters ---------------------------------------------------------------------------------


def test_the_exporters_give_each_sdk_its_shape() -> None:
    box = toolbox()
    assert box.openai_chat_tools() == [
        {
            "type": "function",
            "function": {
                "name": "echo",
                "description": "Echo the arguments.",
                "parameters": SCHEMA,
            },
        }
    ]
    assert box.openai_responses_tools() == [
        {
            "type": "function",
            "name": "echo",
            "description": "Echo the arguments.",
            "parameters": SCHEMA,
        }
    ]
    assert box.anthropic_tools() == [
        {"name": "echo", "description": "Echo the arguments.", "input_schema": SCHEMA}
    ]
    assert box.json_schemas() == [
        {"name": "echo", "description": "Echo the arguments.", "parameters": SCHEMA}
    ]
    assert SCHEMA == {
        "type": "object",
        "properties": {"path": {"type": "string"}, "n": {"type": "integer", "minimum": 1}},
        "required": ["path"],
        "additionalProperties": False,
    }
    json.dumps(box.openai_chat_tools())  # plain JSON, no SDK objects


def test_every_catalogue_tool_has_a_valid_name_description_and_object_schema() -> None:
    with Miosa(api_key="msk_test", base_url="http://127.0.0.1:9/api/v1") as client:
        boxes = [
            Toolbox.for_sandboxes(client, allow_destructive=True),
            Toolbox.for_sandbox(client.sandboxes.handle("sbx_1"), allow_destructive=True),
            Toolbox.for_computers(client, allow_destructive=True),
            Toolbox.for_computer(client.computers.handle("cmp_1"), allow_destructive=True),
        ]
    names = set()
    for box in boxes:
        for tool in box:
            names.add(tool.name)
            assert tool.description.endswith("."), tool.name
            assert tool.parameters["type"] == "object"
            assert set(tool.parameters["required"]) <= set(tool.parameters["properties"])
    assert {
        "create_sandbox", "list_sandboxes", "destroy_sandbox", "exec", "read_file", "write_file",
        "list_files", "start_process", "read_process_output", "stop_process", "preview_url",
        "snapshot_sandbox", "fork_sandbox", "create_computer", "list_computers",
        "destroy_computer", "computer_exec", "computer_read_file", "computer_write_file",
        "computer_list_files", "computer_preview_url", "computer_screenshot", "computer_click",
        "computer_type", "computer_key", "computer_scroll", "run_code",
    } == names  # fmt: skip


def test_miosa_tools_picks_the_twin_for_the_client_and_binds_what_it_is_given() -> None:
    with Miosa(api_key="msk_test", base_url="http://127.0.0.1:9/api/v1") as client:
        unbound = miosa_tools(client)
        bound = miosa_tools(client, sandbox="sbx_1", computer="cmp_1")
        everything = miosa_tools(client, computers=True, allow_destructive=True)
    assert isinstance(unbound, Toolbox)
    assert "create_sandbox" in unbound and "list_computers" not in unbound
    assert "create_sandbox" not in bound and "computer_click" in bound
    assert "sandbox_id" not in bound["exec"].parameters["properties"]
    assert "computer_id" not in bound["computer_click"].parameters["properties"]
    assert {"destroy_sandbox", "destroy_computer"} <= set(everything.names)
    with pytest.raises(TypeError):
        miosa_tools(object())  # type: ignore[call-overload]


async def test_miosa_tools_gives_an_async_toolbox_for_an_async_client() -> None:
    async with miosa.AsyncMiosa(api_key="msk_test", base_url="http://127.0.0.1:9/api/v1") as c:
        assert isinstance(miosa_tools(c), AsyncToolbox)


def test_tool_names_are_checked_against_what_the_apis_accept() -> None:
    with pytest.raises(ValueError, match="1 to 64 characters"):
        Tool(name="read file", description="x", handler=echo)
    with pytest.raises(ValueError, match="1 to 64 characters"):
        Tool(name="x" * 65, description="x", handler=echo)


# -- dispatch shapes ---------------------------------------------------------------------------


def test_dispatch_reads_objects_and_dicts_of_every_shape() -> None:
    box = toolbox()
    expected = '{"path": "/a"}'
    chat_call = SimpleNamespace(
        id="c1", type="function", function=SimpleNamespace(name="echo", arguments='{"path": "/a"}')
    )
    assert box.dispatch(chat_call) == {"role": "tool", "tool_call_id": "c1", "content": expected}
    responses_call = {"type": "function_call", "id": "fc_1", "call_id": "c2", "name": "echo",
                      "arguments": '{"path": "/a"}'}  # fmt: skip
    assert box.dispatch(responses_call) == {
        "type": "function_call_output",
        "call_id": "c2",
        "output": expected,
    }
    block = SimpleNamespace(type="tool_use", id="toolu_1", name="echo", input={"path": "/a"})
    assert box.dispatch(block) == {
        "type": "tool_result",
        "tool_use_id": "toolu_1",
        "content": expected,
        "is_error": False,
    }
    assert box.dispatch({"id": "p1", "name": "echo", "arguments": '{"path": "/a"}'}) == {
        "id": "p1",
        "name": "echo",
        "content": expected,
        "is_error": False,
    }
    forced = box.dispatch({"name": "echo", "arguments": {"path": "/a"}}, shape="anthropic")
    assert forced["type"] == "tool_result" and forced["tool_use_id"] == ""


def test_dispatch_turns_every_kind_of_failure_into_an_error_result() -> None:
    def boom(arguments: Any) -> str:
        raise KeyError("missing")

    box = toolbox() + Toolbox([Tool(name="boom", description="Fails.", handler=boom)])

    def anthropic_call(name: str, arguments: object) -> dict[str, Any]:
        return {"type": "tool_use", "id": "t", "name": name, "input": arguments}

    def text_of(name: str, arguments: object) -> tuple[str, bool]:
        answer = box.dispatch(anthropic_call(name, arguments), shape="anthropic")
        assert isinstance(answer["content"], str)
        return answer["content"], answer["is_error"]

    assert text_of("nope", {}) == ("Error: nope: no such tool; the tools are: echo, boom", True)
    assert text_of("echo", {}) == (
        "Error: echo: invalid arguments: missing required argument(s): 'path'",
        True,
    )
    assert text_of("echo", {"path": "/a", "n": 0}) == (
        "Error: echo: invalid arguments: argument 'n' must be >= 1",
        True,
    )
    assert text_of("echo", {"path": "/a", "n": True}) == (
        "Error: echo: invalid arguments: argument 'n' must be of type integer, got boolean",
        True,
    )
    assert text_of("echo", {"path": "/a", "x": 1}) == (
        "Error: echo: invalid arguments: unknown argument(s): 'x' (accepted: path, n)",
        True,
    )
    assert text_of("echo", ["not", "an", "object"]) == (
        "Error: echo: the arguments must be a JSON object, got list",
        True,
    )
    assert text_of("boom", {}) == ("Error: boom: KeyError: 'missing'", True)
    chat_answer = box.dispatch({"id": "c", "function": {"name": "echo", "arguments": "{oops"}})
    # Only some shapes of the answer have a "content" key; a chat-completions call gets one.
    content = chat_answer["content"]  # type: ignore[typeddict-item]
    assert isinstance(content, str)
    assert content.startswith(
        "Error: echo: the arguments are not valid JSON (Expecting property name"
    )


def test_whole_float_arguments_count_as_integers() -> None:
    assert not toolbox().run("echo", {"path": "/a", "n": 2.0}).is_error


# -- bounding ----------------------------------------------------------------------------------


def test_short_output_is_left_alone() -> None:
    limits = OutputLimits(max_bytes=1000, max_lines=10)
    assert bound_text("a\nb\nc", limits) == "a\nb\nc"
    assert bound_text("", limits) == ""


def test_too_many_lines_keeps_head_and_tail_and_says_the_cut() -> None:
    text = "\n".join(f"line {i}" for i in range(1, 1001))
    bounded = bound_text(text, OutputLimits(max_bytes=100_000, max_lines=30))
    lines = bounded.splitlines()
    assert lines[0] == "line 1" and lines[-1] == "line 1000"
    assert (
        lines[20]
        == "[... 970 lines, "
        + str(len(text) - len(kept(lines)))
        + " bytes cut: the output was too long ...]"
    )
    assert len(lines) == 31


def kept(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines if not line.startswith("[... ")).rstrip("\n")


def test_too_many_bytes_never_splits_a_character() -> None:
    text = "é" * 10_000  # one line, 20,000 bytes
    bounded = bound_text(text, OutputLimits(max_bytes=1000, max_lines=10))
    assert len(bounded.encode("utf-8")) <= 1000
    assert bounded.startswith("éé") and bounded.endswith("éé")
    assert "bytes cut" in bounded
    bounded.encode("utf-8").decode("utf-8")


def test_the_toolbox_bounds_every_result() -> None:
    def chatty(arguments: Any) -> str:
        return "x" * 50_000

    box = Toolbox([Tool(name="chatty", description="Talks.", handler=chatty)], max_output_bytes=500)
    result = box.run("chatty")
    assert len(result.text.encode()) <= 500 and "cut" in result.text
    with pytest.raises(ValueError):
        OutputLimits(max_bytes=10)


# -- providers ---------------------------------------------------------------------------------


def test_presets_carry_the_hosts_base_urls_and_key_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert {name: p.base_url for name, p in PRESETS.items()} == {
        "openai": "https://api.openai.com/v1",
        "groq": "https://api.groq.com/openai/v1",
        "deepseek": "https://api.deepseek.com",
        "openrouter": "https://openrouter.ai/api/v1",
        "together": "https://api.together.xyz/v1",
        "fireworks": "https://api.fireworks.ai/inference/v1",
        "mistral": "https://api.mistral.ai/v1",
        "cerebras": "https://api.cerebras.ai/v1",
        "perplexity": "https://api.perplexity.ai",
        "xai": "https://api.x.ai/v1",
        "ollama": "http://localhost:11434/v1",
        "lmstudio": "http://localhost:1234/v1",
    }
    monkeypatch.setenv("GROQ_API_KEY", "gsk_env")
    groq = ChatCompletionsProvider.preset("groq", model="moonshotai/kimi-k2-instruct-0905")
    assert groq.url == "https://api.groq.com/openai/v1/chat/completions"
    assert groq.name == "groq"
    assert "gsk_env" not in repr(groq)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ValueError, match="set OPENAI_API_KEY"):
        ChatCompletionsProvider.preset("openai", model="gpt-4.1-mini")
    local = ChatCompletionsProvider.preset("ollama", model="llama3.2")
    assert local.url == "http://localhost:11434/v1/chat/completions"
    with pytest.raises(ValueError, match="no preset 'nope'"):
        ChatCompletionsProvider.preset("nope", model="m")
    full = ChatCompletionsProvider(model="m", base_url="https://h/v1/chat/completions")
    assert full.url == "https://h/v1/chat/completions"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "https://gateway.example/v1")
    assert ChatCompletionsProvider.preset("openai", model="m").url == (
        "https://gateway.example/v1/chat/completions"
    )
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    with pytest.raises(ValueError, match="ANTHROPIC_API_KEY"):
        AnthropicProvider(model="claude-sonnet-4-5")
    claude = AnthropicProvider(model="claude-sonnet-4-5", api_key="k")
    assert claude.url == "https://api.anthropic.com/v1/messages"
    assert AnthropicProvider(model="c", api_key="k", base_url="https://p/v1").url == (
        "https://p/v1/messages"
    )
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "https://proxy.example")
    assert AnthropicProvider(model="c", api_key="k").url == "https://proxy.example/v1/messages"


def test_the_sync_agent_streams_the_same_steps() -> None:
    with (
        FakeLLM(chat("Hi!")) as llm,
        ChatCompletionsProvider(model="m", base_url=llm.base_url) as provider,
    ):
        steps = list(miosa.agent.Agent(None, provider, tools=[]).stream("Hello"))
    assert [type(s).__name__ for s in steps] == ["ModelMessage", "FinalAnswer"]
    assert "authorization" not in llm.requests[0].headers  # no key, no header


# -- what only the async twin can do -------------------------------------------------------------


async def test_an_async_handler_is_interrupted_at_its_timeout() -> None:
    async def slow(arguments: Any) -> str:
        await anyio.sleep(30)
        return "never"

    box = AsyncToolbox([AsyncTool(name="slow", description="Slow.", handler=slow, timeout=0.2)])
    with anyio.fail_after(5):
        result = await box.run("slow")
    assert result.is_error and result.text == "Error: slow: timed out after 0.2 s"
    assert result.duration < 2


async def test_cancelling_the_task_cancels_the_run_and_no_error_result_hides_it() -> None:
    started = anyio.Event()

    async def hang(arguments: Any) -> str:
        started.set()
        await anyio.sleep(30)
        return "never"

    tools = [AsyncTool(name="hang", description="Hangs.", handler=hang, timeout=60)]
    with FakeLLM(chat(None, ("hang", {}))) as llm:
        async with AsyncChatCompletionsProvider(model="m", base_url=llm.base_url) as provider:
            run = AsyncAgent(None, provider, tools=tools).stream("Go")
            steps: list[object] = []
            with anyio.fail_after(10):
                async with anyio.create_task_group() as tg:

                    async def consume() -> None:
                        async for step in run:
                            steps.append(step)

                    tg.start_soon(consume)
                    await started.wait()
                    tg.cancel_scope.cancel()
    assert [type(s).__name__ for s in steps] == ["ModelMessage", "ToolCall"]
    assert run.done
    with pytest.raises(RuntimeError, match="has not finished"):
        _ = run.result
    assert [s for s in steps if isinstance(s, (ToolResult, FinalAnswer))] == []
    assert isinstance(steps[1], ToolCall)
    # The conversation stays valid for a later run: the interrupted call has an answer.
    last = run.messages[-1]
    assert isinstance(last, ToolResult) and last.call_id == steps[1].id
    assert last.text == "Error: hang: the run stopped before it returned" and last.is_error


# -- prompts and import cost -------------------------------------------------------------------


def test_the_builder_prompts_cover_the_presets_of_miosa_2_19() -> None:
    assert set(sandbox_builder_system_prompts) == {"website", "app", "artifact", "slide_deck"}
    prompt = sandbox_builder_system_prompt("website", "Use plain HTML.")
    assert prompt.startswith(sandbox_builder_system_prompts["website"])
    assert prompt.endswith("\n\nUse plain HTML.")
    assert "/workspace" in prompt
    with pytest.raises(ValueError, match="no preset"):
        sandbox_builder_system_prompt("poem")  # type: ignore[arg-type]


def test_import_miosa_does_not_import_the_agent_but_miosa_agent_works() -> None:
    code = (
        "import sys, miosa; before = 'miosa.agent' in sys.modules; "
        "from miosa.agent import Agent, AsyncAgent; "
        "print(before, miosa.agent.Agent is Agent, 'openai' in sys.modules, "
        "'anthropic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False", "False"]


def test_the_sync_and_async_classes_are_twins() -> None:
    pairs = [
        (miosa.agent.AsyncToolbox, miosa.agent.Toolbox),
        (miosa.agent.AsyncAgent, miosa.agent.Agent),
        (miosa.agent.AsyncAgentRun, miosa.agent.AgentRun),
        (miosa.agent.AsyncChatCompletionsProvider, miosa.agent.ChatCompletionsProvider),
        (miosa.agent.AsyncAnthropicProvider, miosa.agent.AnthropicProvider),
    ]
    for async_cls, sync_cls in pairs:
        async_names = {n for n in vars(async_cls) if not n.startswith("_")}
        sync_names = {n for n in vars(sync_cls) if not n.startswith("_")}
        if "aclose" in async_names:
            async_names = (async_names - {"aclose"}) | {"close"}
        assert async_names == sync_names, async_cls.__name__


def test_bounded_text_always_fits_and_keeps_the_start_and_the_end() -> None:
    import random

    rng = random.Random(7)
    limits = OutputLimits(max_bytes=600, max_lines=12)
    for _ in range(300):
        text = "\n".join(
            rng.choice(["", "x", "é€", "word " * rng.randint(1, 40)]) * rng.randint(1, 5)
            for _ in range(rng.randint(0, 60))
        ) + rng.choice(["", "\n"])
        bounded = bound_text(text, limits)
        if bounded == text:
            assert len(text.encode()) <= 600 and len(text.splitlines()) <= 12
            continue
        assert len(bounded.encode()) <= 600, text
        assert len(bounded.splitlines()) <= 13, text  # the kept lines and the marker
        head, _, tail = bounded.partition("\n[... ")
        tail = tail.split("...]\n", 1)[1]
        assert text.startswith(head) and text.endswith(tail)


def test_the_public_names_are_sorted_importable_and_documented() -> None:
    names = miosa.agent.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    for name in names:
        value = getattr(miosa.agent, name)
        assert value is not None
        if isinstance(value, type) or inspect.isfunction(value):
            assert value.__doc__, name


def test_the_blocking_run_can_be_cancelled_from_another_thread() -> None:
    import threading

    gate = threading.Event()

    def slow(arguments: Any) -> str:
        gate.wait(10)
        return "done"

    def cancel_then_release() -> None:
        run.cancel()
        gate.set()

    tools = [Tool(name="slow", description="Slow.", handler=slow)]
    with (
        FakeLLM(chat(None, ("slow", {}), ("slow", {}))) as llm,
        ChatCompletionsProvider(model="m", base_url=llm.base_url) as provider,
    ):
        run = miosa.agent.Agent(None, provider, tools=tools).stream("Go")
        timer = threading.Timer(0.2, cancel_then_release)
        timer.start()
        steps = list(run)
        timer.join()
    assert [type(s).__name__ for s in steps] == [
        "ModelMessage", "ToolCall", "ToolResult", "FinalAnswer",
    ]  # fmt: skip
    assert isinstance(steps[2], ToolResult) and steps[2].text == "done"
    assert isinstance(steps[3], FinalAnswer) and steps[3].stop_reason == "cancelled"
    assert run.result.messages[-1] == ToolResult(
        call_id="call_1",
        name="slow",
        text="Error: slow: not run, the run was cancelled",
        is_error=True,
        step=1,
    )
    assert len(llm.requests) == 1
