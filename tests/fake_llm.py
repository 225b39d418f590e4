"""A scripted model provider on 127.0.0.1, for the agent tests (sync and async alike).

`FakeLLM` answers ``POST /v1/chat/completions`` and ``POST /v1/messages`` with the replies
it was given, in order, and records every request (path, headers, decoded JSON body). A
reply is a JSON payload, a `Status` (error status, body, headers), or a callable that gets
the request body and returns either: that lets a script read the conversation (the id a
tool returned) before it answers. ``respond=`` answers every request from the recorded
request instead (path and headers included). Started in a thread, stopped by the test; uvicorn is
told to exit on ``__exit__`` and the thread is joined with a bound.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from tests.loopback import ThreadedASGIServer


@attrs.frozen
class Status:
    status: int
    body: Any = None
    headers: Mapping[str, str] = attrs.field(factory=dict)


Reply = Mapping[str, Any] | Status | Callable[[dict[str, Any]], "Mapping[str, Any] | Status"]


@attrs.frozen
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class FakeLLM(ThreadedASGIServer):
    def __init__(
        self,
        *replies: Reply,
        respond: Callable[[Recorded], Mapping[str, Any] | Status] | None = None,
    ) -> None:
        self.replies: list[Reply] = list(replies)
        self.respond = respond  # when given, answers every request (replies are not used)
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        super().__init__()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"

    async def _app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        raw = b""
        while True:
            message = await receive()
            raw += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        body = json.loads(raw) if raw else {}
        recorded = Recorded(scope["path"], headers, body)
        with self._lock:
            self.requests.append(recorded)
            if self.respond is None:
                reply = self.replies.pop(0) if self.replies else Status(500, {"error": "no reply"})
        if self.respond is not None:
            reply = self.respond(recorded)
        elif callable(reply):
            reply = reply(body)
        status, payload, extra = 200, reply, {}
        if isinstance(reply, Status):
            status, payload, extra = reply.status, reply.body, dict(reply.headers)
        content = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        response_headers = [(b"content-type", b"application/json")]
        response_headers += [(k.encode(), v.encode()) for k, v in extra.items()]
        await send({"type": "http.response.start", "status": status, "headers": response_headers})
        await send({"type": "http.response.body", "body": content})


# -- replies ---------------------------------------------------------------------------------


def chat(
    text: str | None = None,
    *calls: tuple[str, Mapping[str, Any] | str],
    finish_reason: str | None = None,
    usage: tuple[int, int] = (10, 5),
) -> dict[str, Any]:
    """A chat-completions reply: ``text`` and tool calls ``(name, arguments)``; arguments
    given as a str are sent as they are (to script invalid JSON)."""
    tool_calls = [
        {
            "id": f"call_{i}",
            "type": "function",
            "function": {
                "name": name,
                "arguments": args if isinstance(args, str) else json.dumps(args),
            },
        }
        for i, (name, args) in enumerate(calls)
    ]
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": finish_reason or ("tool_calls" if calls else "stop"),
            }
        ],
        "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1]},
    }


def anthropic(
    text: str | None = None,
    *calls: tuple[str, Mapping[str, Any]],
    stop_reason: str | None = None,
    usage: tuple[int, int] = (10, 5),
) -> dict[str, Any]:
    content: list[dict[str, Any]] = [{"type": "text", "text": text}] if text else []
    content += [
        {"type": "tool_use", "id": f"toolu_{i}", "name": name, "input": dict(args)}
        for i, (name, args) in enumerate(calls)
    ]
    return {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "content": content,
        "stop_reason": stop_reason or ("tool_use" if calls else "end_turn"),
        "usage": {"input_tokens": usage[0], "output_tokens": usage[1]},
    }


SANDBOX_ID = re.compile(r"sbx_[0-9a-f]+")


def last_tool_text(body: dict[str, Any]) -> str:
    """The content of the last tool result in a chat-completions or Messages request."""
    for message in reversed(body["messages"]):
        if message.get("role") == "tool":
            return str(message["content"])
        content = message.get("content")
        if isinstance(content, list):
            for block in reversed(content):
                if isinstance(block, dict) and block.get("type") == "tool_result":
                    return str(block["content"])
    raise AssertionError("no tool result in the request")


def sandbox_id_in(body: dict[str, Any]) -> str:
    match = SANDBOX_ID.search(last_tool_text(body))
    assert match, "no sandbox id in the last tool result"
    return match.group(0)
