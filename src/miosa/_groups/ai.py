"""Pure helpers for the intelligence endpoints: streamed completion chunks, MCP messages,
base64 embeddings."""

from __future__ import annotations

import array
import base64
import binascii
import sys
from typing import Any, TypeVar

from .._converter import structure
from .._core.sse import ServerSentEvent
from .._events import decode_payload, is_skip
from ..types._base import Model
from ..types.ai import McpMessage

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


def decode_base64_embeddings(payload: Any) -> Any:
    """An embeddings reply with each base64 ``embedding`` turned into its list of floats.

    ``encoding_format="base64"`` makes an OpenAI-compatible server send each vector as the
    base64 of its little-endian float32 values: a quarter of the JSON text, decoded here in
    C. Anything that is not such a string is left as it came.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        return payload
    items = []
    for item in payload["data"]:
        vector = item.get("embedding") if isinstance(item, dict) else None
        if isinstance(vector, str):
            item = {**item, "embedding": _floats_from_base64(vector)}
        items.append(item)
    return {**payload, "data": items}


def _floats_from_base64(text: str) -> list[float] | str:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return text  # not base64 after all: the converter reports the shape
    if len(raw) % 4:
        return text
    values = array.array("f")
    values.frombytes(raw)
    if sys.byteorder == "big":
        values.byteswap()
    return values.tolist()
