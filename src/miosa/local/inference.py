"""Completions: ``/intelligence/chat/completions``, ``/intelligence/completions`` and the
inference proxy at the host root (``/inference/{slug}/v1/...``); embeddings:
``/intelligence/embeddings``.

No model runs locally. A completion is canned but deterministic: the reply echoes the
last user message (or the prompt), in the OpenAI payload production answers (bare, not
in a ``data`` envelope, as OpenAI clients expect), with token counts by whitespace
words. ``"stream": true`` answers the same text as server-sent ``chat.completion.chunk``
events ending in ``[DONE]``. Every completion leaves a request trace
(``GET /ai-gateway/requests``). An embedding is canned the same way: a unit vector drawn
from the SHA-256 of the model and the text, so the same input always gets the same vector
(and different inputs different ones), ``dimensions`` long (64 by default).
"""

from __future__ import annotations

import base64
import hashlib
import math
import struct
from collections.abc import Iterator
from typing import Any

from starlette.responses import Response

from .ai_gateway_control import record_trace
from .common import JSON, new_id, now
from .fields import optional, require
from .http import bad_request, dumps, json_response
from .routing import Call, Endpoint

PROVIDER = "miosa-local"
_PROXY = "/inference/{slug}/v1"
# The models a local inference cluster says it serves.
CLUSTER_MODELS = ("local-echo", "local-echo-mini")
EMBEDDING_DIMENSIONS = 64


def _tokens(text: str) -> int:
    return len(text.split())


def _usage(prompt: str, completion: str) -> JSON:
    prompt_tokens, completion_tokens = _tokens(prompt), _tokens(completion)
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def _content_text(content: Any) -> str:
    """A message's text: a string, or the text parts of an OpenAI content array."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict)]
        return " ".join(p for p in parts if isinstance(p, str))
    return ""


def _read_messages(body: JSON) -> list[JSON]:
    messages = require(body, "messages", list, items=dict)
    for index, message in enumerate(messages):
        name = f"messages[{index}]"
        optional(message, "role", str)
        if not isinstance(message.get("content"), (str, list, type(None))):
            raise bad_request(f"{name}.content must be a string or an array", field=name)
    return messages


def _reply_to(messages: list[JSON]) -> tuple[str, str]:
    """(the prompt's text, the canned answer to its last user message)."""
    prompt = " ".join(_content_text(m.get("content")) for m in messages)
    users = [m for m in messages if m.get("role", "user") == "user"]
    last = _content_text(users[-1].get("content")) if users else ""
    return prompt, f"[local echo] {last}".rstrip()


def _read_prompt(body: JSON) -> str:
    prompt = body.get("prompt")
    if isinstance(prompt, list) and all(isinstance(p, str) for p in prompt):
        return "\n".join(prompt)
    return require(body, "prompt", str)


def _head(kind: str, model: str) -> JSON:
    return {"id": new_id(kind), "created": int(now()), "model": model}


def _chat_payload(model: str, answer: str, usage: JSON) -> JSON:
    choice = {
        "index": 0,
        "message": {"role": "assistant", "content": answer},
        "finish_reason": "stop",
        "logprobs": None,
    }
    head = _head("chatcmpl", model)
    return {**head, "object": "chat.completion", "choices": [choice], "usage": usage}


def _text_payload(model: str, answer: str, usage: JSON) -> JSON:
    choice = {"index": 0, "text": answer, "finish_reason": "stop", "logprobs": None}
    head = _head("cmpl", model)
    return {**head, "object": "text_completion", "choices": [choice], "usage": usage}


def _chat_chunks(model: str, answer: str, usage: JSON | None) -> Iterator[JSON]:
    """The answer as ``chat.completion.chunk`` objects: role, words, finish, usage."""
    head = {**_head("chatcmpl", model), "object": "chat.completion.chunk"}

    def chunk(delta: JSON, finish: str | None = None) -> JSON:
        return {**head, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    yield chunk({"role": "assistant", "content": ""})
    for index, word in enumerate(answer.split(" ")):
        yield chunk({"content": word if index == 0 else " " + word})
    yield chunk({}, "stop")
    if usage is not None:
        yield {**head, "choices": [], "usage": usage}


def _text_chunks(model: str, answer: str, usage: JSON | None) -> Iterator[JSON]:
    head = {**_head("cmpl", model), "object": "text_completion"}
    for index, word in enumerate(answer.split(" ")):
        text = word if index == 0 else " " + word
        yield {**head, "choices": [{"index": 0, "text": text, "finish_reason": None}]}
    yield {**head, "choices": [{"index": 0, "text": "", "finish_reason": "stop"}]}
    if usage is not None:
        yield {**head, "choices": [], "usage": usage}


def _event_stream(chunks: Iterator[JSON]) -> Response:
    """The whole (short) stream at once: ``data:`` lines, then ``data: [DONE]``."""
    body = b"".join(b"data: " + dumps(c) + b"\n\n" for c in chunks) + b"data: [DONE]\n\n"
    headers = {"cache-control": "no-cache"}
    return Response(body, media_type="text/event-stream", headers=headers)


def _wants_usage(body: JSON) -> bool:
    options = optional(body, "stream_options", dict, {})
    return optional(options, "include_usage", bool, False)


def _answer_chat(call: Call, body: JSON, provider: str) -> tuple[str, str, JSON]:
    """(model, canned answer, usage) of a chat body; the request leaves a trace."""
    model = require(body, "model", str)
    prompt, answer = _reply_to(_read_messages(body))
    usage = _usage(prompt, answer)
    record_trace(call, provider=provider, model=model, path=call.request.url.path, usage=usage)
    return model, answer, usage


def _answer_text(call: Call, body: JSON, provider: str) -> tuple[str, str, JSON]:
    """(model, canned answer, usage) of a text-completion body; leaves a trace."""
    model = require(body, "model", str)
    prompt = _read_prompt(body)
    answer = f"[local echo] {prompt}".rstrip()
    usage = _usage(prompt, answer)
    record_trace(call, provider=provider, model=model, path=call.request.url.path, usage=usage)
    return model, answer, usage


async def chat(call: Call) -> Response:
    """``POST /intelligence/chat/completions``: whole, or streamed with ``stream: true``."""
    body = await call.json()
    stream = optional(body, "stream", bool, False)
    usage_chunk = _wants_usage(body)
    model, answer, usage = _answer_chat(call, body, PROVIDER)
    if stream:
        return _event_stream(_chat_chunks(model, answer, usage if usage_chunk else None))
    return json_response(_chat_payload(model, answer, usage))


async def complete(call: Call) -> Response:
    """``POST /intelligence/completions``: whole, or streamed with ``stream: true``."""
    body = await call.json()
    stream = optional(body, "stream", bool, False)
    usage_chunk = _wants_usage(body)
    model, answer, usage = _answer_text(call, body, PROVIDER)
    if stream:
        return _event_stream(_text_chunks(model, answer, usage if usage_chunk else None))
    return json_response(_text_payload(model, answer, usage))


def _vector(model: str, text: str, dimensions: int) -> list[float]:
    """A deterministic unit vector for ``text``: SHA-256 blocks read as signed bytes."""
    raw = b""
    block = 0
    while len(raw) < dimensions:
        raw += hashlib.sha256(f"{model}\0{block}\0{text}".encode()).digest()
        block += 1
    values = [(b - 127.5) / 127.5 for b in raw[:dimensions]]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [round(v / norm, 6) for v in values]


def _encoded(vector: list[float], encoding: str) -> list[float] | str:
    """The vector as floats, or (``base64``) the base64 of its little-endian float32s."""
    if encoding == "base64":
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
    return vector


def _inputs(body: JSON) -> list[str]:
    value = body.get("input")
    if isinstance(value, str) and value:
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    raise bad_request("input must be a string or a non-empty array of strings", field="input")


async def embeddings(call: Call) -> Response:
    """``POST /intelligence/embeddings``: one canned vector per input, in the OpenAI
    payload (bare, as the completions)."""
    body = await call.json()
    model = require(body, "model", str)
    texts = _inputs(body)
    dimensions = optional(body, "dimensions", int, EMBEDDING_DIMENSIONS, low=1, high=4096)
    encoding = optional(body, "encoding_format", str, "float", choices=("float", "base64"))
    optional(body, "user", str)
    tokens = sum(_tokens(t) for t in texts)
    usage: JSON = {"prompt_tokens": tokens, "total_tokens": tokens}
    record_trace(call, provider=PROVIDER, model=model, path=call.request.url.path, usage=usage)
    data = [
        {
            "object": "embedding",
            "index": index,
            "embedding": _encoded(_vector(model, text, dimensions), encoding),
        }
        for index, text in enumerate(texts)
    ]
    return json_response({"object": "list", "data": data, "model": model, "usage": usage})


def _cluster(call: Call) -> str:
    return f"inference:{call.params['slug']}"


async def cluster_models(call: Call) -> Response:
    """``GET /inference/{slug}/v1/models`` (host root): the cluster's models."""
    slug = call.params["slug"]
    created = int(call.store.started_at)
    models = [
        {"id": m, "object": "model", "created": created, "owned_by": slug} for m in CLUSTER_MODELS
    ]
    return json_response({"object": "list", "data": models})


async def cluster_chat(call: Call) -> Response:
    """``POST /inference/{slug}/v1/chat/completions`` (host root): the upstream payload
    as is (the proxy does not stream)."""
    model, answer, usage = _answer_chat(call, await call.json(), _cluster(call))
    return json_response(_chat_payload(model, answer, usage))


async def cluster_complete(call: Call) -> Response:
    """``POST /inference/{slug}/v1/completions`` (host root)."""
    model, answer, usage = _answer_text(call, await call.json(), _cluster(call))
    return json_response(_text_payload(model, answer, usage))


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("POST", "/intelligence/chat/completions", chat),
        Endpoint("POST", "/intelligence/completions", complete),
        Endpoint("POST", "/intelligence/embeddings", embeddings),
        Endpoint("GET", _PROXY + "/models", cluster_models, host_root=True),
        Endpoint("POST", _PROXY + "/chat/completions", cluster_chat, host_root=True),
        Endpoint("POST", _PROXY + "/completions", cluster_complete, host_root=True),
    ]
