"""The data of `miosa.agent`: tool calls and results, the steps of a run, the conversation.

Pure (no I/O), shared by `AsyncAgent` and `Agent`. Every class is a frozen attrs class, so
steps can be matched with ``match step: case ToolCall(name=name): ...``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

import attrs

StopReason: TypeAlias = Literal[
    "end_turn", "max_tokens", "stop_sequence", "refusal", "other", "max_steps", "cancelled"
]
"""Why a run ended: the model's own reason (``end_turn``, ``max_tokens``, ``stop_sequence``,
``refusal``, ``other``), the step budget (``max_steps``) or `AsyncAgentRun.cancel`
(``cancelled``)."""

ModelStopReason: TypeAlias = Literal[
    "end_turn", "tool_use", "max_tokens", "stop_sequence", "refusal", "other"
]
"""Why one model reply ended, the same words for every provider."""


@attrs.frozen(kw_only=True)
class Usage:
    """Tokens spent, summed over the model calls of a run."""

    input_tokens: int = 0
    output_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
        )


@attrs.frozen(kw_only=True)
class Image:
    """An image a tool returned (a screenshot): raw bytes and their media type."""

    data: bytes = attrs.field(repr=lambda d: f"<{len(d)} bytes>")
    media_type: str = "image/png"


@attrs.frozen(kw_only=True)
class ToolOutput:
    """What a tool handler may return instead of a plain string: text, images, an error flag.

    A handler that raises is reported to the model as an error result too; returning
    ``ToolOutput(text=..., is_error=True)`` is for failures the handler words itself.
    """

    text: str
    images: tuple[Image, ...] = ()
    is_error: bool = False


@attrs.frozen(kw_only=True)
class UserMessage:
    """A user turn of the conversation."""

    text: str


@attrs.frozen(kw_only=True)
class ToolCall:
    """The model asked for a tool (a step of a run, and part of its `ModelMessage`).

    ``arguments`` is the decoded JSON object; when the model sent something that is not a
    JSON object, ``arguments`` is empty and ``argument_error`` says what was wrong (the
    tool then answers with an error result, and the model can try again).
    """

    id: str
    name: str
    arguments: Mapping[str, Any] = attrs.field(factory=dict)
    raw_arguments: str | None = None
    argument_error: str | None = None
    step: int = 0


@attrs.frozen(kw_only=True)
class ToolResult:
    """A tool's answer (a step of a run, and what `AsyncToolbox.run` returns).

    ``text`` is already bounded (head and tail kept, the cut said in the text);
    ``is_error`` is set for bad arguments, SDK errors, timeouts and unknown tools.
    """

    call_id: str
    name: str
    text: str
    is_error: bool = False
    images: tuple[Image, ...] = ()
    duration: float = 0.0
    step: int = 0


@attrs.frozen(kw_only=True)
class ModelMessage:
    """One reply of the model: its text (may be empty) and the tools it asked for."""

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    stop_reason: ModelStopReason = "end_turn"
    usage: Usage = attrs.field(factory=Usage)
    step: int = 0


@attrs.frozen(kw_only=True)
class FinalAnswer:
    """The last step of a run: the answer text and why the run stopped."""

    text: str
    stop_reason: StopReason
    usage: Usage = attrs.field(factory=Usage)
    step: int = 0


AgentStep: TypeAlias = ModelMessage | ToolCall | ToolResult | FinalAnswer
"""What a run yields, in order: per model call a `ModelMessage`, then for each tool it asked
for a `ToolCall` and its `ToolResult`; a `FinalAnswer` last."""

Message: TypeAlias = UserMessage | ModelMessage | ToolResult
"""One entry of the conversation a provider is sent (``AgentResult.messages``)."""


@attrs.frozen(kw_only=True)
class AgentResult:
    """The outcome of `AsyncAgent.run`: the answer, every step, and the whole conversation.

    Pass ``messages`` as ``history=`` to continue the conversation in a later run.
    """

    text: str
    stop_reason: StopReason
    steps: tuple[AgentStep, ...]
    messages: tuple[Message, ...]
    usage: Usage

    @property
    def tool_calls(self) -> tuple[ToolCall, ...]:
        return tuple(s for s in self.steps if isinstance(s, ToolCall))

    @property
    def tool_results(self) -> tuple[ToolResult, ...]:
        return tuple(s for s in self.steps if isinstance(s, ToolResult))
