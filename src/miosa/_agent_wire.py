"""The pure half of `miosa.agent`'s providers: request bodies, reply parsing, presets, errors.

Two wire formats are spoken: OpenAI-style chat completions (``POST {base_url}/chat/completions``,
which most hosts serve) and Anthropic's Messages API (``POST {base_url}/messages``). The
conversation is kept provider-neutral (`miosa.agent.Message`) and translated here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ._agent_tools import (
    ToolSpec,
    anthropic_tool_result,
    anthropic_tools,
    data_url,
    decode_arguments,
    openai_chat_tools,
    text_only,
)
from ._agent_types import (
    Message,
    ModelMessage,
    ModelStopReason,
    ToolCall,
    ToolResult,
    Usage,
    UserMessage,
)
from ._core.status_errors import parse_error_envelope, request_id_of
from .errors import APIStatusError, ResponseValidationError

__all__ = [
    "PRESETS",
    "ProviderError",
    "ProviderPreset",
]


@attrs.frozen(kw_only=True)
class ProviderPreset:
    """A known OpenAI-compatible host: its API root and where its key is read from.

    ``base_url_env`` names a variable that overrides ``base_url`` when set (the OpenAI
    SDK's ``OPENAI_BASE_URL``, for proxies and gateways).
    """

    name: str
    base_url: str
    api_key_env: str | None
    base_url_env: str | None = None


PRESETS: Mapping[str, ProviderPreset] = {
    p.name: p
    for p in (
        ProviderPreset(
            name="openai",
            base_url="https://api.openai.com/v1",
            api_key_env="OPENAI_API_KEY",
            base_url_env="OPENAI_BASE_URL",
        ),
        ProviderPreset(
            name="groq", base_url="https://api.groq.com/openai/v1", api_key_env="GROQ_API_KEY"
        ),
        ProviderPreset(
            name="deepseek", base_url="https://api.deepseek.com", api_key_env="DEEPSEEK_API_KEY"
        ),
        ProviderPreset(
            name="openrouter",
            base_url="https://openrouter.ai/api/v1",
            api_key_env="OPENROUTER_API_KEY",
        ),
        ProviderPreset(
            name="together", base_url="https://api.together.xyz/v1", api_key_env="TOGETHER_API_KEY"
        ),
        ProviderPreset(
            name="fireworks",
            base_url="https://api.fireworks.ai/inference/v1",
            api_key_env="FIREWORKS_API_KEY",
        ),
        ProviderPreset(
            name="mistral", base_url="https://api.mistral.ai/v1", api_key_env="MISTRAL_API_KEY"
        ),
        ProviderPreset(
            name="cerebras", base_url="https://api.cerebras.ai/v1", api_key_env="CEREBRAS_API_KEY"
        ),
        ProviderPreset(
            name="perplexity",
            base_url="https://api.perplexity.ai",
            api_key_env="PERPLEXITY_API_KEY",
        ),
        ProviderPreset(name="xai", base_url="https://api.x.ai/v1", api_key_env="XAI_API_KEY"),
        ProviderPreset(name="ollama", base_url="http://localhost:11434/v1", api_key_env=None),
        ProviderPreset(name="lmstudio", base_url="http://localhost:1234/v1", api_key_env=None),
    )
}
"""OpenAI-compatible hosts by name (``AsyncChatCompletionsProvider.preset("groq", ...)``)."""

ANTHROPIC_BASE_URL = "https://api.anthropic.com"
ANTHROPIC_VERSION = "2023-06-01"


class ProviderError(APIStatusError):
    """The model provider answered with an error status.

    An `APIStatusError` (so ``status_code``, ``code``, ``message``, ``body`` and
    ``attempts`` are there), kept apart from MIOSA's own `AuthenticationError` and friends:
    a 401 from the model host must not read as a bad MIOSA key. ``provider`` names the host.
    """

    def __init__(self, message: str, *, provider: str, **fields: Any) -> None:
        super().__init__(message, **fields)
        self.provider = provider

    def __str__(self) -> str:
        return f"{self.provider}: {super().__str__()}"


def provider_error(
    provider: str,
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    *,
    attempts: int,
) -> ProviderError:
    """The error for a provider's error response (OpenAI's and Anthropic's envelopes)."""
    try:
        payload: object = json.loads(content) if content else None
    except (ValueError, RecursionError):
        payload = content[:2048].decode("utf-8", "replace")
    code, message, details = parse_error_envelope(status, payload)
    if code == "UNKNOWN_ERROR" and isinstance(payload, dict):
        error = payload.get("error")
        kind = error.get("type") if isinstance(error, dict) else None
        if isinstance(kind, str) and kind:
            code = kind
    return ProviderError(
        message,
        provider=provider,
        status_code=status,
        code=code,
        details=details,
        request_id=request_id_of(headers, payload),
        body=payload,
        attempts=attempts,
    )


def chat_url(base_url: str) -> str:
    """``{base_url}/chat/completions``; a base URL that already ends so is used as it is."""
    url = base_url.rstrip("/")
    return url if url.endswith("/chat/completions") else url + "/chat/completions"


def messages_url(base_url: str) -> str:
    """``{base_url}/v1/messages`` (the Anthropic SDK's convention: the root has no ``/v1``);
    a root that ends in ``/v1`` gets ``/messages``, a full URL is used as it is."""
    url = base_url.rstrip("/")
    if url.endswith("/messages"):
        return url
    return url + ("/messages" if url.endswith("/v1") else "/v1/messages")


def _invalid(provider: str, status: int, why: str, payload: object) -> ResponseValidationError:
    return ResponseValidationError(
        f"{provider}: unexpected reply ({why})",
        status_code=status,
        text=json.dumps(payload, default=str)[:1024],
    )


def _raw_arguments(call: ToolCall) -> str:
    if call.raw_arguments is not None:
        return call.raw_arguments
    return json.dumps(dict(call.arguments), separators=(",", ":"))


# -- OpenAI chat completions ---------------------------------------------------------------


def chat_messages(system: str | None, messages: Sequence[Message]) -> list[dict[str, Any]]:
    """The conversation as chat-completions messages.

    Tool results go out as ``role: tool`` messages; images they carry (screenshots) follow
    in one ``role: user`` message, since a tool message takes text only.
    """
    out: list[dict[str, Any]] = []
    if system:
        out.append({"role": "system", "content": system})
    pending_images: list[dict[str, Any]] = []
    for message in messages:
        if pending_images and not isinstance(message, ToolResult):
            out.append({"role": "user", "content": pending_images})
            pending_images = []
        if isinstance(message, UserMessage):
            out.append({"role": "user", "content": message.text})
        elif isinstance(message, ModelMessage):
            item: dict[str, Any] = {"role": "assistant", "content": message.text or None}
            if message.tool_calls:
                item["tool_calls"] = [
                    {
                        "id": call.id,
                        "type": "function",
                        "function": {"name": call.name, "arguments": _raw_arguments(call)},
                    }
                    for call in message.tool_calls
                ]
            out.append(item)
        else:
            out.append(
                {"role": "tool", "tool_call_id": message.call_id, "content": text_only(message)}
            )
            if message.images:
                pending_images.append(
                    {
                        "type": "text",
                        "text": f"Image(s) returned by {message.name} ({message.call_id}):",
                    }
                )
                pending_images.extend(
                    {"type": "image_url", "image_url": {"url": data_url(i)}} for i in message.images
                )
    if pending_images:
        out.append({"role": "user", "content": pending_images})
    return out


def chat_request(
    *,
    model: str,
    system: str | None,
    messages: Sequence[Message],
    tools: Sequence[ToolSpec],
    max_tokens: int | None,
    temperature: float | None,
    extra_body: Mapping[str, Any] | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"model": model, "messages": chat_messages(system, messages)}
    if tools:
        body["tools"] = openai_chat_tools(tools)
    if max_tokens is not None:
        body["max_tokens"] = max_tokens
    if temperature is not None:
        body["temperature"] = temperature
    if extra_body:
        body.update(extra_body)
    return body


_CHAT_STOP: Mapping[str, ModelStopReason] = {
    "stop": "end_turn",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
    "length": "max_tokens",
    "content_filter": "refusal",
}


def _content_text(content: object) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            str(part.get("text") or "")
            for part in content
            if isinstance(part, dict) and part.get("type") in (None, "text", "output_text")
        )
    return ""


def parse_chat_reply(
    provider: str, payload: object, *, step: int, status: int = 200
) -> ModelMessage:
    if not isinstance(payload, dict):
        raise _invalid(provider, status, "not a JSON object", payload)
    choices = payload.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise _invalid(provider, status, "no choices", payload)
    choice = choices[0]
    message = choice.get("message")
    if not isinstance(message, dict):
        raise _invalid(provider, status, "no message in the first choice", payload)
    calls: list[ToolCall] = []
    for index, raw in enumerate(message.get("tool_calls") or ()):
        if not isinstance(raw, dict) or not isinstance(raw.get("function"), dict):
            continue
        function = raw["function"]
        raw_arguments = function.get("arguments")
        arguments, error = decode_arguments(raw_arguments)
        calls.append(
            ToolCall(
                id=str(raw.get("id") or f"call_{step}_{index}"),
                name=str(function.get("name") or ""),
                arguments=arguments,
                raw_arguments=raw_arguments if isinstance(raw_arguments, str) else None,
                argument_error=error,
                step=step,
            )
        )
    finish = choice.get("finish_reason")
    stop: ModelStopReason = "tool_use" if calls else _CHAT_STOP.get(str(finish), "other")
    if stop == "tool_use" and not calls:
        stop = "other"
    usage = payload.get("usage")
    if not isinstance(usage, dict):
        usage = {}
    return ModelMessage(
        text=_content_text(message.get("content")),
        tool_calls=tuple(calls),
        stop_reason=stop,
        usage=Usage(
            input_tokens=int(usage.get("prompt_tokens") or 0),
            output_tokens=int(usage.get("completion_tokens") or 0),
        ),
        step=step,
    )


# -- Anthropic Messages --------------------------------------------------------------------


def anthropic_messages(messages: Sequence[Message]) -> list[dict[str, Any]]:
    """The conversation as Messages-API turns: tool results are grouped into the user turn
    that follows the assistant's ``tool_use`` blocks, as the API requires."""
    out: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for message in messages:
        if isinstance(message, ToolResult):
            results.append(dict(anthropic_tool_result(message)))
            continue
        if results:
            out.append({"role": "user", "content": results})
            results = []
        if isinstance(message, UserMessage):
            out.append({"role": "user", "content": message.text})
        else:
            blocks: list[dict[str, Any]] = []
            if message.text:
                blocks.append({"type": "text", "text": message.text})
            blocks.extend(
                {"type": "tool_use", "id": c.id, "name": c.name, "input": dict(c.arguments)}
                for c in message.tool_calls
            )
            out.append({"role": "assistant", "content": blocks or ""})
    if results:
        out.append({"role": "user", "content": results})
    return out


def anthropic_request(
    *,
    model: str,
    system: str | None,
    messages: Sequence[Message],
    tools: Sequence[ToolSpec],
    max_tokens: int,
    temperature: float | None,
    extra_body: Mapping[str, Any] | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": model,
        "max_tokens": max_tokens,
        "messages": anthropic_messages(messages),
    }
    if system:
        body["system"] = system
    if tools:
        body["tools"] = anthropic_tools(tools)
    if temperature is not None:
        body["temperature"] = temperature
    if extra_body:
        body.update(extra_body)
    return body


_ANTHROPIC_STOP: Mapping[str, ModelStopReason] = {
    "end_turn": "end_turn",
    "tool_use": "tool_use",
    "max_tokens": "max_tokens",
    "stop_sequence": "stop_sequence",
    "refusal": "refusal",
}


def parse_anthropic_reply(
    provider: str, payload: object, *, step: int, status: int = 200
) -> ModelMessage:
    if not isinstance(payload, dict) or not isinstance(payload.get("content"), list):
        raise _invalid(provider, status, "no content list", payload)
    texts: list[str] = []
    calls: list[ToolCall] = []
    for block in payload["content"]:
        if not isinstance(block, dict):
            continue
        if block.get("type") == "text":
            texts.append(str(block.get("text") or ""))
        elif block.get("type") == "tool_use":
            arguments, error = decode_arguments(block.get("input"))
            calls.append(
                ToolCall(
                    id=str(block.get("id") or f"toolu_{step}_{len(calls)}"),
                    name=str(block.get("name") or ""),
                    arguments=arguments,
                    argument_error=error,
                    step=step,
                )
            )
    stop = _ANTHROPIC_STOP.get(str(payload.get("stop_reason")), "other")
    if calls:
        stop = "tool_use"
    elif stop == "tool_use":
        stop = "other"
    usage = payload.get("usage")
    if not isinstance(usage, dict):
        usage = {}
    return ModelMessage(
        text="".join(texts),
        tool_calls=tuple(calls),
        stop_reason=stop,
        usage=Usage(
            input_tokens=int(usage.get("input_tokens") or 0),
            output_tokens=int(usage.get("output_tokens") or 0),
        ),
        step=step,
    )
