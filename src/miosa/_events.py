"""Pure decoding of SSE events into typed items."""

from __future__ import annotations

import json
from typing import Any

from ._core.sse import ServerSentEvent
from .types.events import Event

_SKIP = object()


def decode_payload(sse: ServerSentEvent) -> Any:
    """The event's data as JSON; a non-JSON payload is kept as ``{"line": text}``.

    Returns the `_SKIP` marker for empty payloads and ``[DONE]``, which carry nothing.
    """
    text = sse.data
    if not text or text == "[DONE]":
        return _SKIP
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        # Not JSON, or JSON nested past the recursion limit: kept as the line it is.
        return {"line": text}


def event_type(sse: ServerSentEvent, payload: Any) -> str:
    if sse.event and sse.event != "message":
        return sse.event
    if isinstance(payload, dict):
        for key in ("type", "event"):
            value = payload.get(key)
            if isinstance(value, str) and value:
                return value
    return "message"


def parse_event(sse: ServerSentEvent) -> Event | None:
    """The generic `Event`: type, data (the payload's ``data`` member if any), raw, id."""
    payload = decode_payload(sse)
    if payload is _SKIP:
        return None
    data = payload.get("data", payload) if isinstance(payload, dict) else payload
    event = Event(type=event_type(sse, payload), data=data, id=sse.id or None)
    object.__setattr__(event, "_raw", payload if isinstance(payload, dict) else {"data": payload})
    return event


def is_skip(value: object) -> bool:
    return value is _SKIP
