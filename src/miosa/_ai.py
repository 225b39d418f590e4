"""Pure helpers for the intelligence endpoints: streamed completion chunks, MCP messages."""

from __future__ import annotations

from typing import Any, TypeVar

from ._converter import structure
from ._events import decode_payload, is_skip
from ._sse import ServerSentEvent
from .types._base import Model
from .types.ai import McpMessage

M = TypeVar("M", bound=Model)

DONE = "[DONE]"
"""The data of the event that ends an OpenAI-style stream."""


def parse_chunk(sse: ServerSentEvent, cast_to: type[M], done: M) -> M | None:
    """One streamed completion chunk; `done` for the ``[DONE]`` event, None for empty ones."""
    if sse.data.strip() == DONE:
        return done
    payload = decode_payload(sse)
    return None if is_skip(payload) else structure(payload, cast_to)


def chunk_error(chunk: Model) -> str | None:
    """The message of an ``{"error": ...}`` event, else None.

    OpenAI-compatible servers report a failure after the response has started this way.
    """
    raw = chunk.raw
    if "error" not in raw or "choices" in raw:
        return None
    error: Any = raw["error"]
    if isinstance(error, dict):
        return str(error.get("message") or error.get("code") or error)
    return str(error)


def parse_mcp_message(sse: ServerSentEvent) -> McpMessage | None:
    """One JSON-RPC message from the MCP listen stream; None for empty events."""
    payload = decode_payload(sse)
    return None if is_skip(payload) else structure(payload, McpMessage)
