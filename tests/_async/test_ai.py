"""Wire tests of the intelligence gateway (models, completions, embeddings) and of MCP."""

from __future__ import annotations

import base64
import json
import struct
from typing import Any

import httpx
import pytest

from miosa import AsyncMiosa, AuthenticationError, NotFoundError
from miosa._converter import structure
from miosa.errors import ResponseValidationError, StreamError
from miosa.types.ai import (
    ChatCompletion,
    ChatCompletionChunk,
    Completion,
    EmbeddingResponse,
    FinishReason,
    LLMModel,
    McpMessage,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import API_KEY, Case, MockAPI, json_response
from tests.loopback import LoopbackServer

CHAT_COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1764324000,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
                    }
                ],
            },
            "finish_reason": "tool_calls",
        }
    ],
    "usage": {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19},
    "provider": "openai",
}
COMPLETION = {
    "id": "cmpl-1",
    "object": "text_completion",
    "created": 1764324000,
    "model": "gpt-3.5-turbo-instruct",
    "choices": [{"index": 0, "text": " world", "finish_reason": "length"}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}
EMBEDDINGS = {
    "object": "list",
    "data": [
        {"object": "embedding", "index": 0, "embedding": [0.1, -0.2]},
        {"object": "embedding", "index": 1, "embedding": [0.3, 0]},
    ],
    "model": "text-embedding-3-small",
    "usage": {"prompt_tokens": 4, "total_tokens": 4},
}
MESSAGES = [{"role": "user", "content": "Weather in Paris?"}]


def _chat_is_parsed(result: Any) -> bool:
    return (
        isinstance(result, ChatCompletion)
        and result.choices is not None
        and result.choices[0].finish_reason is FinishReason.TOOL_CALLS
        and result.usage is not None
        and result.usage.total_tokens == 19
    )


CASES = [
    Case(
        call=lambda c: c.models.list(extra={"provider": "openai"}),
        method="GET",
        path="/intelligence/models",
        check=lambda r: [m.id for m in r] == ["gpt-4o-mini"] and isinstance(r[0], LLMModel),
        reply={
            "object": "list",
            "data": [{"id": "gpt-4o-mini", "object": "model", "owned_by": "openai"}],
        },
        query={"provider": "openai"},
    ),
    Case(
        call=lambda c: c.completions.chat(
            model="gpt-4o-mini",
            messages=MESSAGES,
            temperature=0.2,
            tools=[{"type": "function", "function": {"name": "get_weather"}}],
            extra={"parallel_tool_calls": False},
        ),
        method="POST",
        path="/intelligence/chat/completions",
        check=_chat_is_parsed,
        reply=CHAT_COMPLETION,
        body={
            "model": "gpt-4o-mini",
            "messages": MESSAGES,
            "temperature": 0.2,
            "tools": [{"type": "function", "function": {"name": "get_weather"}}],
            "parallel_tool_calls": False,
        },
    ),
    Case(
        call=lambda c: c.completions.create(
            model="gpt-3.5-turbo-instruct", prompt="hello", max_tokens=1
        ),
        method="POST",
        path="/intelligence/completions",
        check=lambda r: isinstance(r, Completion) and r.choices is not None and r.text == " world",
        reply={"data": COMPLETION},
        body={"model": "gpt-3.5-turbo-instruct", "prompt": "hello", "max_tokens": 1},
    ),
    Case(
        call=lambda c: c.embeddings.create(input=["a", "b"], model="text-embedding-3-small"),
        method="POST",
        path="/intelligence/embeddings",
        check=lambda r: (
            isinstance(r, EmbeddingResponse)
            and r.data is not None
            and [e.embedding for e in r.data] == [(0.1, -0.2), (0.3, 0.0)]
        ),
        reply=EMBEDDINGS,
        body={"input": ["a", "b"], "model": "text-embedding-3-small"},
    ),
    Case(
        call=lambda c: c.mcp.dispatch("tools/list", params={"cursor": "c1"}, id=7),
        method="POST",
        path="/mcp",
        check=lambda r: isinstance(r, McpMessage) and r.id == 7 and r.result == {"tools": []},
        reply={"jsonrpc": "2.0", "id": 7, "result": {"tools": []}},
        body={"jsonrpc": "2.0", "method": "tools/list", "params": {"cursor": "c1"}, "id": 7},
    ),
    Case(
        call=lambda c: c.mcp.notify("notifications/initialized"),
        method="POST",
        path="/mcp",
        check=lambda r: r is None,
        reply=httpx.Response(202),
        body={"jsonrpc": "2.0", "method": "notifications/initialized"},
    ),
    Case(
        call=lambda c: c.mcp.listen(),
        method="GET",
        path="/mcp",
        check=lambda r: (
            isinstance(r, McpMessage) and r.method == "notifications/tools/list_changed"
        ),
        reply={"data": {"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}},
    ),
    Case(
        call=lambda c: c.mcp.close(),
        method="DELETE",
        path="/mcp",
        check=lambda r: r is None,
        reply=httpx.Response(204),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{case.route}" for i, case in enumerate(CASES)])
async def test_ai_wire(case: Case) -> None:
    await run_case(case)


async def test_models_get_filters_the_list_client_side() -> None:
    api = MockAPI().on(
        "GET /intelligence/models", json_response(200, {"models": [{"id": "a"}, {"id": "b"}]})
    )
    async with make_client(api) as client:
        found = await client.models.get("b")
        missing = await client.models.get("zzz")
    assert found is not None and found.id == "b"
    assert missing is None


async def test_mcp_dispatch_generates_a_request_id_and_reports_errors() -> None:
    api = MockAPI().on(
        "POST /mcp",
        json_response(
            200, {"jsonrpc": "2.0", "id": "x", "error": {"code": -32601, "message": "nope"}}
        ),
    )
    async with make_client(api) as client:
        reply = await client.mcp.dispatch("tools/call")
    sent = api.body()
    assert isinstance(sent["id"], str) and len(sent["id"]) == 36
    assert reply.error is not None and (reply.error.code, reply.error.message) == (-32601, "nope")


def _sse(*events: str) -> httpx.Response:
    content = "".join(f"data: {event}\n\n" for event in events).encode()
    return httpx.Response(200, content=content, headers={"content-type": "text/event-stream"})


def _chunk(content: str | None = None, finish: str | None = None, **delta: Any) -> str:
    if content is not None:
        delta["content"] = content
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    return json.dumps(
        {"id": "chatcmpl-1", "object": "chat.completion.chunk", "model": "m", "choices": [choice]}
    )


async def test_chat_stream_posts_stream_true_parses_chunks_and_stops_at_done() -> None:
    after_done = json.dumps({"error": {"message": "must never be read"}})
    api = MockAPI().on(
        "POST /intelligence/chat/completions",
        _sse(
            _chunk(role="assistant"),
            _chunk("Hel"),
            _chunk("lo"),
            _chunk(finish="stop"),
            "[DONE]",
            after_done,
        ),
    )
    async with (
        make_client(api) as client,
        client.completions.chat_stream(
            model="m", messages=MESSAGES, max_tokens=5, stream_options={"include_usage": True}
        ) as stream,
    ):
        chunks = [chunk async for chunk in stream]
    request = api.last
    assert request.method == "POST"
    assert request.url.path == "/api/v1/intelligence/chat/completions"
    assert request.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert api.body() == {
        "model": "m",
        "messages": MESSAGES,
        "max_tokens": 5,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    assert len(chunks) == 4
    assert "".join(chunk.text for chunk in chunks) == "Hello"
    assert chunks[0].choices is not None and chunks[0].choices[0].delta is not None
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices is not None and chunks[-1].choices[0].finish_reason == "stop"


async def _read_texts(stream: Any, into: list[str]) -> None:
    async with stream:
        async for chunk in stream:
            into.append(chunk.text)


async def test_chat_stream_error_event_raises_and_connects_on_enter() -> None:
    api = MockAPI().on(
        "POST /intelligence/chat/completions",
        _sse(_chunk("Hi"), json.dumps({"error": {"message": "upstream overloaded"}})),
        json_response(401, {"error": {"code": "UNAUTHORIZED", "message": "bad key"}}),
    )
    async with make_client(api, max_retries=0) as client:
        seen: list[str] = []
        with pytest.raises(StreamError, match="upstream overloaded"):
            await _read_texts(client.completions.chat_stream(model="m", messages=MESSAGES), seen)
        assert seen == ["Hi"]
        stream = client.completions.chat_stream(model="m", messages=MESSAGES)
        assert len(api.requests) == 1
        with pytest.raises(AuthenticationError):
            async with stream:
                pass
    assert len(api.requests) == 2


async def test_create_stream_yields_text_completion_chunks() -> None:
    piece = {**COMPLETION, "usage": None}
    api = MockAPI().on(
        "POST /intelligence/completions", _sse(json.dumps(piece), json.dumps(piece), "[DONE]")
    )
    async with (
        make_client(api) as client,
        client.completions.create_stream(model="m", prompt=["a", "b"]) as stream,
    ):
        chunks = [chunk async for chunk in stream]
    assert api.body() == {"model": "m", "prompt": ["a", "b"], "stream": True}
    assert [type(c) for c in chunks] == [Completion, Completion]
    assert chunks[0].choices is not None and chunks[0].choices[0].text == " world"
    assert "".join(chunk.text for chunk in chunks) == " world world"
    assert Completion(choices=()).text == ""


async def test_mcp_listen_stream_reads_json_rpc_messages() -> None:
    message = {"jsonrpc": "2.0", "method": "notifications/progress", "params": {"progress": 1}}
    api = MockAPI().on("GET /mcp", _sse(json.dumps(message)))
    async with make_client(api) as client, client.mcp.listen_stream() as stream:
        messages = [m async for m in stream]
    assert api.last.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert [(m.method, m.params) for m in messages] == [("notifications/progress", {"progress": 1})]


def test_ai_models_round_trip_keep_unknown_fields_and_enum_values() -> None:
    chat = structure(CHAT_COMPLETION, ChatCompletion)
    assert chat.raw["provider"] == "openai"
    assert chat.choices is not None
    message = chat.choices[0].message
    assert message is not None and message.tool_calls is not None
    call = message.tool_calls[0]
    assert call.function is not None
    assert (call.id, call.function.name, call.function.arguments) == (
        "call_1",
        "get_weather",
        '{"city":"Paris"}',
    )
    assert chat.text is None
    odd = structure(
        {"choices": [{"index": 0, "message": {"content": "ok"}, "finish_reason": "eos"}]},
        ChatCompletion,
    )
    assert odd.text == "ok"
    assert odd.choices is not None and odd.choices[0].finish_reason == "eos"
    reason = odd.choices[0].finish_reason
    assert reason is not None and not reason.is_known
    embeddings = structure(EMBEDDINGS, EmbeddingResponse)
    assert embeddings.usage is not None and embeddings.usage.prompt_tokens == 4
    assert embeddings.data is not None and embeddings.data[1].index == 1
    model = structure({"id": "m", "created": 1764324000, "modalities": ["text"]}, LLMModel)
    assert (model.created, model.raw["modalities"]) == (1764324000, ["text"])


INTELLIGENCE_KEY = "mki_canary_intelligence_key_7f3a"


async def test_an_intelligence_key_goes_to_intelligence_routes_only() -> None:
    api = (
        MockAPI()
        .on("POST /intelligence/chat/completions", json_response(200, CHAT_COMPLETION))
        .on("GET /intelligence/models", json_response(200, {"data": []}))
        .on("GET /sandboxes/sbx_1", json_response(200, {"data": {"id": "sbx_1"}}))
    )
    async with make_client(api, intelligence_key=INTELLIGENCE_KEY) as client:
        await client.completions.chat(model="m", messages=MESSAGES)
        await client.models.list()
        await client.sandboxes.get("sbx_1")
        assert INTELLIGENCE_KEY not in repr(client) and INTELLIGENCE_KEY not in repr(client.options)
    sent = [(r.url.path, r.headers["authorization"]) for r in api.requests]
    assert sent == [
        ("/api/v1/intelligence/chat/completions", f"Bearer {INTELLIGENCE_KEY}"),
        ("/api/v1/intelligence/models", f"Bearer {INTELLIGENCE_KEY}"),
        ("/api/v1/sandboxes/sbx_1", f"Bearer {API_KEY}"),
    ]


async def test_a_streamed_completion_carries_the_intelligence_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MIOSA_INTELLIGENCE_KEY", INTELLIGENCE_KEY)
    api = MockAPI().on(
        "POST /intelligence/chat/completions", _sse(_chunk("Hi"), _chunk(finish="stop"), "[DONE]")
    )
    async with (
        make_client(api) as client,
        client.completions.chat_stream(model="m", messages=MESSAGES) as stream,
    ):
        assert [chunk.text async for chunk in stream] == ["Hi", ""]
    assert api.last.headers["authorization"] == f"Bearer {INTELLIGENCE_KEY}"


async def test_without_an_intelligence_key_the_api_key_is_sent_everywhere() -> None:
    api = MockAPI().on("GET /intelligence/models", json_response(200, {"data": []}))
    async with make_client(api) as client:
        await client.models.list()
    assert api.last.headers["authorization"] == f"Bearer {API_KEY}"


async def test_an_owned_pool_sends_the_intelligence_key_over_its_own_default() -> None:
    with LoopbackServer() as server:
        async with AsyncMiosa(
            api_key=API_KEY, base_url=server.base_url, intelligence_key=INTELLIGENCE_KEY
        ) as client:
            await client.models.list()
            await client.sandboxes.get("sbx_1")
    assert server.authorizations == [
        ("/api/v1/intelligence/models", f"Bearer {INTELLIGENCE_KEY}"),
        ("/api/v1/sandboxes/sbx_1", f"Bearer {API_KEY}"),
    ]


def test_an_intelligence_key_with_a_newline_is_refused() -> None:
    with pytest.raises(ValueError, match="Authorization"):
        AsyncMiosa(api_key=API_KEY, intelligence_key="mki_x\r\nX-Evil: 1")


async def test_base64_embeddings_arrive_as_floats() -> None:
    vectors = [[0.25, -1.5, 3.0], [0.0, 1.0, -0.125]]
    encoded = [base64.b64encode(struct.pack("<3f", *v)).decode() for v in vectors]
    reply = {
        "object": "list",
        "data": [
            {"object": "embedding", "index": i, "embedding": text} for i, text in enumerate(encoded)
        ],
        "model": "text-embedding-3-small",
    }
    api = MockAPI().on("POST /intelligence/embeddings", json_response(200, reply))
    async with make_client(api) as client:
        result = await client.embeddings.create(
            input=["a", "b"], model="text-embedding-3-small", encoding_format="base64"
        )
    assert api.body() == {
        "input": ["a", "b"],
        "model": "text-embedding-3-small",
        "encoding_format": "base64",
    }
    assert result.data is not None
    assert [item.embedding for item in result.data] == [tuple(v) for v in vectors]


async def test_an_embedding_that_is_not_base64_float32_is_a_response_error() -> None:
    reply = {"data": [{"index": 0, "embedding": "not base64!"}]}
    api = MockAPI().on("POST /intelligence/embeddings", json_response(200, reply))
    async with make_client(api) as client:
        with pytest.raises(ResponseValidationError):
            await client.embeddings.create(input="a", model="m", encoding_format="base64")


async def test_mcp_keeps_the_session_the_server_names_and_sends_it_until_closed() -> None:
    initialized = httpx.Response(
        200,
        json={"jsonrpc": "2.0", "id": 1, "result": {"protocolVersion": "2025-03-26"}},
        headers={"Mcp-Session-Id": "mcp_s1"},
    )
    api = (
        MockAPI()
        .on("POST /mcp", initialized, json_response(200, {"jsonrpc": "2.0", "id": 2}))
        .on("GET /mcp", _sse(json.dumps({"jsonrpc": "2.0", "method": "ping"})))
        .on("DELETE /mcp", httpx.Response(204))
    )
    async with make_client(api) as client:
        await client.mcp.dispatch("initialize", id=1)
        assert client.mcp.session_id == "mcp_s1"
        await client.mcp.notify("notifications/initialized")
        await client.mcp.dispatch("tools/list", id=2)
        async with client.mcp.listen_stream() as stream:
            assert [m.method async for m in stream] == ["ping"]
        await client.mcp.close()
        assert client.mcp.session_id is None
        await client.mcp.dispatch("initialize", id=3)
    sent = [(r.method, r.headers.get("mcp-session-id")) for r in api.requests]
    assert sent == [
        ("POST", None),
        ("POST", "mcp_s1"),
        ("POST", "mcp_s1"),
        ("GET", "mcp_s1"),
        ("DELETE", "mcp_s1"),
        ("POST", None),
    ]


async def test_mcp_forgets_a_session_the_server_ended() -> None:
    api = MockAPI().on(
        "POST /mcp",
        httpx.Response(200, json={"jsonrpc": "2.0", "id": 1}, headers={"Mcp-Session-Id": "s1"}),
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "session expired"}}),
    )
    async with make_client(api) as client:
        await client.mcp.dispatch("initialize", id=1)
        with pytest.raises(NotFoundError):
            await client.mcp.dispatch("tools/list", id=2)
        assert client.mcp.session_id is None


async def test_with_options_sets_or_drops_the_intelligence_key() -> None:
    api = MockAPI().on("GET /intelligence/models", json_response(200, {"data": []}))
    async with make_client(api) as client:
        await client.with_options(intelligence_key=INTELLIGENCE_KEY).models.list()
        keyed = client.with_options(intelligence_key=INTELLIGENCE_KEY)
        await keyed.with_options(intelligence_key=None).models.list()
        with pytest.raises(ValueError, match="Authorization"):
            client.with_options(intelligence_key="mki_x\nX-Evil: 1")
    assert [r.headers["authorization"] for r in api.requests] == [
        f"Bearer {INTELLIGENCE_KEY}",
        f"Bearer {API_KEY}",
    ]
