"""Models of the intelligence gateway (OpenAI-compatible) and of MCP messages."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionDelta",
    "ChatCompletionMessage",
    "ChatCompletionToolCall",
    "ChatCompletionToolCallFunction",
    "Completion",
    "CompletionChoice",
    "CompletionUsage",
    "Embedding",
    "EmbeddingResponse",
    "FinishReason",
    "LLMModel",
    "McpErrorObject",
    "McpMessage",
]


class FinishReason(OpenEnum):
    STOP = "stop"
    LENGTH = "length"
    TOOL_CALLS = "tool_calls"
    CONTENT_FILTER = "content_filter"
    FUNCTION_CALL = "function_call"


@attrs.frozen(kw_only=True)
class LLMModel(Model):
    """A model the gateway can route to (OpenAI-style model object)."""

    id: str | None = None
    object: str | None = None
    created: int | None = None
    owned_by: str | None = None
    provider: str | None = None
    name: str | None = None
    context_window: int | None = None


@attrs.frozen(kw_only=True)
class CompletionUsage(Model):
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None


@attrs.frozen(kw_only=True)
class ChatCompletionToolCallFunction(Model):
    name: str | None = None
    arguments: str | None = None
    """JSON text of the arguments, as the model wrote it (may be partial in a chunk)."""


@attrs.frozen(kw_only=True)
class ChatCompletionToolCall(Model):
    """A tool call; in stream chunks `index` says which call a fragment continues."""

    id: str | None = None
    type: str | None = None
    function: ChatCompletionToolCallFunction | None = None
    index: int | None = None


@attrs.frozen(kw_only=True)
class ChatCompletionMessage(Model):
    role: str | None = None
    content: str | None = None
    name: str | None = None
    refusal: str | None = None
    tool_calls: tuple[ChatCompletionToolCall, ...] | None = None


@attrs.frozen(kw_only=True)
class ChatCompletionChoice(Model):
    index: int | None = None
    message: ChatCompletionMessage | None = None
    finish_reason: FinishReason | None = None
    logprobs: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ChatCompletion(Model):
    """A chat completion (``object == "chat.completion"``)."""

    id: str | None = None
    object: str | None = None
    created: int | None = None
    model: str | None = None
    choices: tuple[ChatCompletionChoice, ...] | None = None
    usage: CompletionUsage | None = None
    system_fingerprint: str | None = None

    @property
    def text(self) -> str | None:
        """The first choice's message content, if any."""
        if not self.choices or self.choices[0].message is None:
            return None
        return self.choices[0].message.content


@attrs.frozen(kw_only=True)
class ChatCompletionDelta(Model):
    """What one stream chunk adds to a choice's message."""

    role: str | None = None
    content: str | None = None
    refusal: str | None = None
    tool_calls: tuple[ChatCompletionToolCall, ...] | None = None


@attrs.frozen(kw_only=True)
class ChatCompletionChunkChoice(Model):
    index: int | None = None
    delta: ChatCompletionDelta | None = None
    finish_reason: FinishReason | None = None
    logprobs: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ChatCompletionChunk(Model):
    """One streamed piece of a chat completion (``object == "chat.completion.chunk"``)."""

    id: str | None = None
    object: str | None = None
    created: int | None = None
    model: str | None = None
    choices: tuple[ChatCompletionChunkChoice, ...] | None = None
    usage: CompletionUsage | None = None
    system_fingerprint: str | None = None

    @property
    def text(self) -> str:
        """The first choice's new content ("" when this chunk adds none)."""
        if not self.choices or self.choices[0].delta is None:
            return ""
        return self.choices[0].delta.content or ""


@attrs.frozen(kw_only=True)
class CompletionChoice(Model):
    index: int | None = None
    text: str | None = None
    finish_reason: FinishReason | None = None
    logprobs: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class Completion(Model):
    """A text completion (``object == "text_completion"``); stream chunks have the same shape."""

    id: str | None = None
    object: str | None = None
    created: int | None = None
    model: str | None = None
    choices: tuple[CompletionChoice, ...] | None = None
    usage: CompletionUsage | None = None
    system_fingerprint: str | None = None

    @property
    def text(self) -> str:
        """The first choice's text ("" when there is none), as for a chat completion."""
        if not self.choices:
            return ""
        return self.choices[0].text or ""


@attrs.frozen(kw_only=True)
class Embedding(Model):
    """One embedding vector; `index` is the position of its input."""

    object: str | None = None
    index: int | None = None
    embedding: tuple[float, ...] | None = None


@attrs.frozen(kw_only=True)
class EmbeddingResponse(Model):
    """The OpenAI-style envelope ``{object: "list", data: [...], model, usage}``."""

    object: str | None = None
    data: tuple[Embedding, ...] | None = None
    model: str | None = None
    usage: CompletionUsage | None = None


@attrs.frozen(kw_only=True)
class McpErrorObject(Model):
    """A JSON-RPC error member."""

    code: int | None = None
    message: str | None = None
    data: Any = None


@attrs.frozen(kw_only=True)
class McpMessage(Model):
    """A JSON-RPC message from the MCP endpoint: a response (`result` or `error`) or a
    server request/notification (`method`, `params`)."""

    jsonrpc: str | None = None
    id: str | int | None = None
    result: dict[str, Any] | None = None
    error: McpErrorObject | None = None
    method: str | None = None
    params: dict[str, Any] | None = None
