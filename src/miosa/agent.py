"""Build AI agents on MIOSA: tools over sandboxes and computers, and an agent loop.

Tools for your own loop (OpenAI, Anthropic or anything else)::

    from miosa import Miosa
    from miosa.agent import Toolbox

    client = Miosa()
    toolbox = Toolbox.for_sandboxes(client)          # or Toolbox.for_sandbox(sandbox)
    tools = toolbox.openai_chat_tools()              # .openai_responses_tools(), .anthropic_tools()
    ...                                               # call the model with tools=tools
    for call in message.tool_calls:
        messages.append(toolbox.dispatch(call))      # the answer, in the call's own shape

Or the whole loop, over httpx (no LLM SDK needed)::

    from miosa.agent import Agent, ChatCompletionsProvider

    provider = ChatCompletionsProvider.preset("openai", model="gpt-4.1-mini")
    result = Agent(client, provider).run("Write hello.py in a new sandbox and run it")
    print(result.text)

Every class has an async twin (``AsyncToolbox``, ``AsyncAgent``, ...) for asyncio and Trio.
See docs/build-an-agent.md.
"""

from __future__ import annotations

from typing import Any, overload

from ._agent_prompts import (
    SandboxBuilderPreset,
    sandbox_builder_system_prompt,
    sandbox_builder_system_prompts,
)
from ._agent_tools import (
    DEFAULT_MAX_OUTPUT_BYTES,
    DEFAULT_MAX_OUTPUT_LINES,
    DEFAULT_TOOL_TIMEOUT,
    AnthropicTool,
    AnthropicToolResult,
    CallShape,
    DispatchResult,
    JSONSchema,
    OpenAIChatTool,
    OpenAIChatToolMessage,
    OpenAIResponsesTool,
    OpenAIResponsesToolOutput,
    OutputLimits,
    PlainToolResult,
    ToolSchema,
    ToolSpec,
    bound_text,
    object_schema,
)
from ._agent_types import (
    AgentResult,
    AgentStep,
    FinalAnswer,
    Image,
    Message,
    ModelMessage,
    ModelStopReason,
    StopReason,
    ToolCall,
    ToolOutput,
    ToolResult,
    Usage,
    UserMessage,
)
from ._agent_wire import PRESETS, ProviderError, ProviderPreset
from ._async.agent.loop import AsyncAgent, AsyncAgentRun
from ._async.agent.providers import (
    AsyncAnthropicProvider,
    AsyncChatCompletionsProvider,
    AsyncHTTPProvider,
    AsyncProvider,
)
from ._async.agent.tools import AsyncTool, AsyncToolbox, AsyncToolFunction, AsyncToolHandler
from ._async.client import AsyncMiosa
from ._async.resources.computers import AsyncComputer
from ._async.resources.sandboxes import AsyncSandbox
from ._sync.agent.loop import Agent, AgentRun
from ._sync.agent.providers import (
    AnthropicProvider,
    ChatCompletionsProvider,
    HTTPProvider,
    Provider,
)
from ._sync.agent.tools import Tool, Toolbox, ToolFunction, ToolHandler
from ._sync.client import Miosa
from ._sync.resources.computers import Computer
from ._sync.resources.sandboxes import Sandbox

__all__ = [
    "DEFAULT_MAX_OUTPUT_BYTES",
    "DEFAULT_MAX_OUTPUT_LINES",
    "DEFAULT_TOOL_TIMEOUT",
    "PRESETS",
    "Agent",
    "AgentResult",
    "AgentRun",
    "AgentStep",
    "AnthropicProvider",
    "AnthropicTool",
    "AnthropicToolResult",
    "AsyncAgent",
    "AsyncAgentRun",
    "AsyncAnthropicProvider",
    "AsyncChatCompletionsProvider",
    "AsyncHTTPProvider",
    "AsyncProvider",
    "AsyncTool",
    "AsyncToolFunction",
    "AsyncToolHandler",
    "AsyncToolbox",
    "CallShape",
    "ChatCompletionsProvider",
    "DispatchResult",
    "FinalAnswer",
    "HTTPProvider",
    "Image",
    "JSONSchema",
    "Message",
    "ModelMessage",
    "ModelStopReason",
    "OpenAIChatTool",
    "OpenAIChatToolMessage",
    "OpenAIResponsesTool",
    "OpenAIResponsesToolOutput",
    "OutputLimits",
    "PlainToolResult",
    "Provider",
    "ProviderError",
    "ProviderPreset",
    "SandboxBuilderPreset",
    "StopReason",
    "Tool",
    "ToolCall",
    "ToolFunction",
    "ToolHandler",
    "ToolOutput",
    "ToolResult",
    "ToolSchema",
    "ToolSpec",
    "Toolbox",
    "Usage",
    "UserMessage",
    "bound_text",
    "miosa_tools",
    "object_schema",
    "sandbox_builder_system_prompt",
    "sandbox_builder_system_prompts",
]


@overload
def miosa_tools(
    client: AsyncMiosa,
    *,
    sandbox: AsyncSandbox | str | None = None,
    computer: AsyncComputer | str | None = None,
    computers: bool = False,
    allow_destructive: bool = False,
    timeout: float = DEFAULT_TOOL_TIMEOUT,
) -> AsyncToolbox: ...
@overload
def miosa_tools(
    client: Miosa,
    *,
    sandbox: Sandbox | str | None = None,
    computer: Computer | str | None = None,
    computers: bool = False,
    allow_destructive: bool = False,
    timeout: float = DEFAULT_TOOL_TIMEOUT,
) -> Toolbox: ...


def miosa_tools(
    client: AsyncMiosa | Miosa,
    *,
    sandbox: Any = None,
    computer: Any = None,
    computers: bool = False,
    allow_destructive: bool = False,
    timeout: float = DEFAULT_TOOL_TIMEOUT,
) -> AsyncToolbox | Toolbox:
    """The catalogue for ``client`` (the name miosa 2.19 used): a `Toolbox` for `Miosa`,
    an `AsyncToolbox` for `AsyncMiosa`.

    With ``sandbox`` (a handle or an id) the sandbox tools are bound to it, else they reach
    every sandbox; likewise ``computer``. ``computers=True`` adds the computer tools for
    every computer. Destructive tools are included only with ``allow_destructive=True``.
    """
    if isinstance(client, AsyncMiosa):
        box = _async_catalogue(client, sandbox, computer, computers, allow_destructive, timeout)
        return box
    if isinstance(client, Miosa):
        return _sync_catalogue(client, sandbox, computer, computers, allow_destructive, timeout)
    raise TypeError(f"expected a Miosa or AsyncMiosa client, got {type(client).__name__}")


def _async_catalogue(
    client: AsyncMiosa,
    sandbox: AsyncSandbox | str | None,
    computer: AsyncComputer | str | None,
    computers: bool,
    allow_destructive: bool,
    timeout: float,
) -> AsyncToolbox:
    if isinstance(sandbox, str):
        sandbox = client.sandboxes.handle(sandbox)
    box = (
        AsyncToolbox.for_sandbox(sandbox, allow_destructive=allow_destructive, timeout=timeout)
        if sandbox is not None
        else AsyncToolbox.for_sandboxes(
            client, allow_destructive=allow_destructive, timeout=timeout
        )
    )
    if isinstance(computer, str):
        computer = client.computers.handle(computer)
    if computer is not None:
        box += AsyncToolbox.for_computer(
            computer, allow_destructive=allow_destructive, timeout=timeout
        )
    elif computers:
        box += AsyncToolbox.for_computers(
            client, allow_destructive=allow_destructive, timeout=timeout
        )
    return box


def _sync_catalogue(
    client: Miosa,
    sandbox: Sandbox | str | None,
    computer: Computer | str | None,
    computers: bool,
    allow_destructive: bool,
    timeout: float,
) -> Toolbox:
    if isinstance(sandbox, str):
        sandbox = client.sandboxes.handle(sandbox)
    box = (
        Toolbox.for_sandbox(sandbox, allow_destructive=allow_destructive, timeout=timeout)
        if sandbox is not None
        else Toolbox.for_sandboxes(client, allow_destructive=allow_destructive, timeout=timeout)
    )
    if isinstance(computer, str):
        computer = client.computers.handle(computer)
    if computer is not None:
        box += Toolbox.for_computer(computer, allow_destructive=allow_destructive, timeout=timeout)
    elif computers:
        box += Toolbox.for_computers(client, allow_destructive=allow_destructive, timeout=timeout)
    return box
