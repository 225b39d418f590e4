"""The agent loop on the wire: a scripted provider over HTTP, sandboxes on the local server."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from miosa import APIConnectionError, AsyncMiosa, AuthenticationError, ResponseValidationError
from miosa.agent import (
    AsyncAgent,
    AsyncAnthropicProvider,
    AsyncChatCompletionsProvider,
    AsyncToolbox,
    FinalAnswer,
    ModelMessage,
    ProviderError,
    ToolCall,
    ToolResult,
    Usage,
    UserMessage,
)
from miosa.local import LocalServer
from tests._async._helpers import make_client
from tests.fake_llm import FakeLLM, Reply, Status, anthropic, chat, last_tool_text, sandbox_id_in
from tests.helpers import MockAPI

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


def chat_provider(llm: FakeLLM, **options: Any) -> AsyncChatCompletionsProvider:
    return AsyncChatCompletionsProvider(
        model="test-model", base_url=llm.base_url, api_key="sk-test", **options
    )


async def test_a_chat_completions_run_drives_a_sandbox_end_to_end() -> None:
    script: list[Reply] = [
        chat("Creating a sandbox.", ("create_sandbox", {"name": "agent"})),
        lambda body: chat(
            None,
            (
                "write_file",
                {
                    "sandbox_id": sandbox_id_in(body),
                    "path": "/workspace/hello.py",
                    "content": "print('hello from the agent')\n",
                },
            ),
        ),
        lambda body: chat(
            None,
            (
                "exec",
                {
                    "sandbox_id": sandbox_id_in_history(body),
                    "command": "python3 hello.py",
                    "cwd": "/workspace",
                },
            ),
        ),
        chat("It printed: hello from the agent", usage=(30, 7)),
    ]
    async with LocalServer() as server, client_for(server) as client:
        with FakeLLM(*script) as llm:
            async with chat_provider(llm) as provider:
                agent = AsyncAgent(client, provider, system="You build things.", max_steps=6)
                result = await agent.run("Write hello.py and run it")
            sandboxes = await client.sandboxes.list()
    kinds = [type(step).__name__ for step in result.steps]
    assert kinds == [
        "ModelMessage", "ToolCall", "ToolResult",
        "ModelMessage", "ToolCall", "ToolResult",
        "ModelMessage", "ToolCall", "ToolResult",
        "ModelMessage", "FinalAnswer",
    ]  # fmt: skip
    assert result.text == "It printed: hello from the agent"
    assert result.stop_reason == "end_turn"
    assert result.usage == Usage(input_tokens=60, output_tokens=22)
    exec_result = result.tool_results[-1]
    assert exec_result.name == "exec" and not exec_result.is_error
    assert exec_result.text == "exit_code: 0\nstdout:\nhello from the agent"
    assert [s.id for s in sandboxes] == [sandbox_id_in_text(result.tool_results[0].text)]
    # On the wire: the model, the tools, the system prompt, the key, the tool messages.
    first, last = llm.requests[0], llm.requests[-1]
    assert first.path == "/v1/chat/completions"
    assert first.headers["authorization"] == "Bearer sk-test"
    assert first.body["model"] == "test-model"
    assert first.body["messages"] == [
        {"role": "system", "content": "You build things."},
        {"role": "user", "content": "Write hello.py and run it"},
    ]
    assert [t["function"]["name"] for t in first.body["tools"]] == list(agent.toolbox.names)
    assert last.body["messages"][-2] == {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_0",
                "type": "function",
                "function": {
                    "name": "exec",
                    "arguments": llm_arguments(result.tool_calls[-1]),
                },
            }
        ],
    }
    assert last.body["messages"][-1] == {
        "role": "tool",
        "tool_call_id": "call_0",
        "content": "exit_code: 0\nstdout:\nhello from the agent",
    }
    assert len(llm.requests) == 4


def sandbox_id_in_text(text: str) -> str:
    return text.split()[2]


def sandbox_id_in_history(body: dict[str, Any]) -> str:
    for message in body["messages"]:
        if message.get("role") == "tool" and "Created sandbox" in message["content"]:
            return sandbox_id_in_text(message["content"])
    raise AssertionError("no created sandbox in the conversation")


def llm_arguments(call: ToolCall) -> str:
    assert call.raw_arguments is not None
    return call.raw_arguments


async def test_an_anthropic_run_sends_tool_results_in_one_user_turn() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create(name="bound")
        toolbox = AsyncToolbox.for_sandbox(sandbox)
        script = [
            anthropic(
                "Two commands.",
                ("exec", {"command": "echo one"}),
                ("exec", {"command": "echo two >&2; exit 4"}),
            ),
            anthropic("Done: one, then two failed with 4."),
        ]
        with FakeLLM(*script) as llm:
            async with AsyncAnthropicProvider(
                model="claude-test", api_key="sk-ant-test", base_url=llm.base_url, max_tokens=512
            ) as provider:
                result = await AsyncAgent(client, provider, tools=toolbox, system="Be brief.").run(
                    "Run two commands"
                )
        await sandbox.destroy()
    assert result.text == "Done: one, then two failed with 4."
    assert [(r.text, r.is_error) for r in result.tool_results] == [
        ("exit_code: 0\nstdout:\none", False),
        ("exit_code: 4\nstderr:\ntwo", True),
    ]
    first, second = llm.requests
    assert first.path == "/v1/messages"
    assert first.headers["x-api-key"] == "sk-ant-test"
    assert first.headers["anthropic-version"] == "2023-06-01"
    assert "authorization" not in first.headers
    assert first.body["system"] == "Be brief."
    assert first.body["max_tokens"] == 512
    assert first.body["tools"][0] == {
        "name": "exec",
        "description": toolbox["exec"].description,
        "input_schema": toolbox["exec"].parameters,
    }
    assert "sandbox_id" not in first.body["tools"][0]["input_schema"]["properties"]
    assert second.body["messages"][1:] == [
        {
            "role": "assistant",
            "content": [
                {"type": "text", "text": "Two commands."},
                {"type": "tool_use", "id": "toolu_0", "name": "exec",
                 "input": {"command": "echo one"}},
                {"type": "tool_use", "id": "toolu_1", "name": "exec",
                 "input": {"command": "echo two >&2; exit 4"}},
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "toolu_0",
                 "content": "exit_code: 0\nstdout:\none", "is_error": False},
                {"type": "tool_result", "tool_use_id": "toolu_1",
                 "content": "exit_code: 4\nstderr:\ntwo", "is_error": True},
            ],
        },
    ]  # fmt: skip


async def test_the_stream_yields_each_step_as_it_happens() -> None:
    script = [chat("Looking.", ("list_sandboxes", {})), chat("There are none.")]
    seen: list[tuple[str, int]] = []
    async with LocalServer() as server, client_for(server) as client:
        with FakeLLM(*script) as llm:
            async with chat_provider(llm) as provider:
                run = AsyncAgent(client, provider).stream("Any sandboxes?")
                async for step in run:
                    seen.append((type(step).__name__, len(llm.requests)))
                    if isinstance(step, ToolCall):
                        assert step.name == "list_sandboxes" and step.arguments == {}
                    if isinstance(step, ToolResult):
                        assert step.text == "No sandboxes."
    assert seen == [
        ("ModelMessage", 1),
        ("ToolCall", 1),
        ("ToolResult", 1),
        ("ModelMessage", 2),
        ("FinalAnswer", 2),
    ]
    assert run.result.text == "There are none."
    assert run.result.messages[0] == UserMessage(text="Any sandboxes?")


async def test_the_step_budget_stops_a_model_that_never_answers() -> None:
    script = [chat(f"Try {i}.", ("list_sandboxes", {})) for i in range(5)]
    async with LocalServer() as server, client_for(server) as client:
        with FakeLLM(*script) as llm:
            async with chat_provider(llm) as provider:
                result = await AsyncAgent(client, provider, max_steps=10).run("Loop", max_steps=3)
    assert len(llm.requests) == 3
    assert result.stop_reason == "max_steps"
    assert result.text == "Try 2."
    assert isinstance(result.steps[-1], FinalAnswer)
    assert len(result.tool_results) == 3


async def test_cancel_stops_before_the_next_tool_and_answers_the_open_calls() -> None:
    script = [chat(None, ("list_sandboxes", {}), ("create_sandbox", {}))]
    async with LocalServer() as server, client_for(server) as client:
        with FakeLLM(*script) as llm:
            async with chat_provider(llm) as provider:
                run = AsyncAgent(client, provider).stream("Go")
                steps = []
                async for step in run:
                    steps.append(step)
                    if isinstance(step, ToolCall):
                        run.cancel()
                created = await client.sandboxes.list()
    assert [type(s).__name__ for s in steps] == ["ModelMessage", "ToolCall", "FinalAnswer"]
    final = steps[-1]
    assert isinstance(final, FinalAnswer) and final.stop_reason == "cancelled"
    assert created == []  # create_sandbox never ran
    assert len(llm.requests) == 1
    answers = [m for m in run.result.messages if isinstance(m, ToolResult)]
    assert [(a.call_id, a.is_error) for a in answers] == [("call_0", True), ("call_1", True)]
    assert answers[0].text == "Error: list_sandboxes: not run, the run was cancelled"


async def test_bad_arguments_from_the_model_come_back_as_an_error_it_can_fix() -> None:
    script: list[Reply] = [
        chat(None, ("exec", "{not json")),
        chat(None, ("exec", {"cmd": "ls"})),
        lambda body: chat("I give up: " + last_tool_text(body)),
    ]
    async with LocalServer() as server, client_for(server) as client:
        with FakeLLM(*script) as llm:
            async with chat_provider(llm) as provider:
                result = await AsyncAgent(client, provider).run("Run ls")
    first, second = result.tool_results
    assert first.is_error and first.text.startswith(
        "Error: exec: the arguments are not valid JSON ("
    )
    assert second.is_error
    assert second.text == (
        "Error: exec: invalid arguments: missing required argument(s): 'sandbox_id', 'command'"
    )
    assert llm.requests[1].body["messages"][-1]["content"] == first.text
    assert llm.requests[1].body["messages"][-2]["tool_calls"][0]["function"]["arguments"] == (
        "{not json"
    )
    assert result.text == "I give up: " + second.text


async def test_a_provider_error_status_raises_provider_error_with_status_and_body() -> None:
    body = {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error",
                      "code": "invalid_api_key"}}  # fmt: skip
    async with LocalServer() as server, client_for(server) as client:
        with FakeLLM(Status(401, body)) as llm:
            async with chat_provider(llm) as provider:
                with pytest.raises(ProviderError) as info:
                    await AsyncAgent(client, provider).run("Hi")
    error = info.value
    assert not isinstance(error, AuthenticationError)
    assert (error.status_code, error.code, error.message) == (
        401,
        "invalid_api_key",
        "Incorrect API key provided",
    )
    assert error.body == body
    assert error.provider == "openai-compatible"
    assert str(error) == "openai-compatible: 401 invalid_api_key: Incorrect API key provided"
    assert len(llm.requests) == 1


async def test_an_anthropic_error_names_its_type() -> None:
    body = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    with FakeLLM(Status(529, body)) as llm:
        async with AsyncAnthropicProvider(
            model="claude-test", api_key="k", base_url=llm.base_url
        ) as provider:
            agent = AsyncAgent(None, provider, tools=[])
            with pytest.raises(ProviderError) as info:
                await agent.run("Hi")
    assert (info.value.status_code, info.value.code, info.value.provider) == (
        529,
        "overloaded_error",
        "anthropic",
    )
    assert len(llm.requests) == 1  # 529 is not in the retried statuses


async def test_rate_limits_and_server_errors_are_retried_with_the_sdk_policy() -> None:
    script: list[Reply] = [
        Status(429, {"error": {"message": "slow down"}}, {"retry-after": "0"}),
        Status(503, {"error": {"message": "busy"}}),
        chat("Hello."),
    ]
    with FakeLLM(*script) as llm:
        async with chat_provider(llm) as provider:
            result = await AsyncAgent(None, provider, tools=[]).run("Hi")
    assert result.text == "Hello."
    assert len(llm.requests) == 3
    assert "tools" not in llm.requests[0].body


async def test_retries_give_up_with_the_last_error_and_the_attempt_count() -> None:
    with FakeLLM(*[Status(500, {"error": {"message": "boom"}})] * 3) as llm:
        async with chat_provider(llm, max_retries=1) as provider:
            with pytest.raises(ProviderError) as info:
                await AsyncAgent(None, provider, tools=[]).run("Hi")
    assert (info.value.status_code, info.value.attempts) == (500, 2)
    assert len(llm.requests) == 2


async def test_a_reply_that_is_not_a_model_reply_is_a_response_validation_error() -> None:
    with FakeLLM({"unexpected": True}) as llm:
        async with chat_provider(llm) as provider:
            with pytest.raises(ResponseValidationError) as info:
                await AsyncAgent(None, provider, tools=[]).run("Hi")
    assert "no choices" in info.value.message


async def test_an_unreachable_provider_is_a_connection_error() -> None:
    with FakeLLM() as llm:
        url = llm.base_url
    async with AsyncChatCompletionsProvider(model="m", base_url=url, max_retries=0) as provider:
        with pytest.raises(APIConnectionError):
            await AsyncAgent(None, provider, tools=[]).run("Hi")


async def test_a_later_run_continues_the_conversation_from_history() -> None:
    with FakeLLM(chat("Nice to meet you, Ada."), chat("Your name is Ada.")) as llm:
        async with chat_provider(llm) as provider:
            agent = AsyncAgent(None, provider, tools=[])
            first = await agent.run("I am Ada.")
            second = await agent.run("What is my name?", history=first.messages)
    assert second.text == "Your name is Ada."
    assert llm.requests[1].body["messages"] == [
        {"role": "user", "content": "I am Ada."},
        {"role": "assistant", "content": "Nice to meet you, Ada."},
        {"role": "user", "content": "What is my name?"},
    ]
    assert isinstance(second.messages[1], ModelMessage)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (64).to_bytes(4, "big") + (48).to_bytes(4, "big")


def screenshot_api() -> MockAPI:
    return MockAPI().on("GET /computers/cmp_1/desktop/screenshot", httpx.Response(200, content=PNG))


async def test_a_screenshot_reaches_a_chat_model_as_an_image_after_the_tool_message() -> None:
    api = screenshot_api()
    script = [chat(None, ("computer_screenshot", {})), chat("I see the desktop.")]
    async with make_client(api) as client:
        toolbox = AsyncToolbox.for_computer(client.computers.handle("cmp_1"))
        with FakeLLM(*script) as llm:
            async with chat_provider(llm) as provider:
                result = await AsyncAgent(client, provider, tools=toolbox).run("Look")
    assert result.tool_results[0].images[0].data == PNG
    tail = llm.requests[1].body["messages"][-2:]
    text = f"Screenshot of the desktop ({len(PNG)} bytes, PNG)."
    assert tail == [
        {
            "role": "tool",
            "tool_call_id": "call_0",
            "content": f"{text}\n[1 image(s) not included here: image/png 64x48, {len(PNG)} bytes]",
        },
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Image(s) returned by computer_screenshot (call_0):"},
                {
                    "type": "image_url",
                    "image_url": {"url": "data:image/png;base64," + base64.b64encode(PNG).decode()},
                },
            ],
        },
    ]


async def test_a_screenshot_reaches_a_claude_model_inside_the_tool_result() -> None:
    api = screenshot_api()
    script = [anthropic(None, ("computer_screenshot", {})), anthropic("I see the desktop.")]
    async with make_client(api) as client:
        toolbox = AsyncToolbox.for_computer(client.computers.handle("cmp_1"))
        with FakeLLM(*script) as llm:
            async with AsyncAnthropicProvider(
                model="claude-test", api_key="k", base_url=llm.base_url
            ) as provider:
                await AsyncAgent(client, provider, tools=toolbox).run("Look")
    last = llm.requests[1].body["messages"][-1]
    assert last == {
        "role": "user",
        "content": [
            {
                "type": "tool_result",
                "tool_use_id": "toolu_0",
                "content": [
                    {"type": "text", "text": f"Screenshot of the desktop ({len(PNG)} bytes, PNG)."},
                    {
                        "type": "image",
                        "source": {
                            "type": "base64",
                            "media_type": "image/png",
                            "data": base64.b64encode(PNG).decode(),
                        },
                    },
                ],
                "is_error": False,
            }
        ],
    }
