"""Pure decoding of SSE events into typed items, and the primitives the fast parsers share.

Stream parsers run once per event of streams that carry hundreds of thousands of events
(benchmarks/bench_streams.py), so the busy ones build their models without attrs'
``__init__`` or the converter: `decode_json` reads JSON with jiter (the standard library
decides what it refuses), and `slot_setters` fills a frozen model's slots through their
descriptors. A parser that does so sets every field (defaults included), which gives an
object equal to the one ``__init__`` builds; `tests/test_stream_parsers.py` compares the
two on every parser.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import jiter

from ._core.sse import ServerSentEvent
from .types._base import Model
from .types.events import Event

_SKIP = object()

_loads = json.loads
# An event's JSON is read by jiter (about 300 ns for a file event against 550 for the
# standard library's C scanner called directly, encoding included); `json.loads`
# decides every case jiter refuses, so the values are the standard library's.
read_json: Callable[[bytes], Any] = jiter.from_json

new_model = object.__new__
"""An instance without ``__init__``: every slot must then be set by the caller."""

set_raw: Callable[[Model, Any], None] = Model.__dict__["_raw"].__set__


def slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot descriptors' setters of ``cls``'s fields ``names`` (cheaper than
    ``object.__setattr__``, which looks the descriptor up on every call)."""
    return tuple(getattr(cls, name).__set__ for name in names)


_set_type, _set_data, _set_id = slot_setters(Event, "type", "data", "id")


_fromisoformat = datetime.fromisoformat


def iso_datetime(text: str) -> datetime | None:
    """An ISO-8601 timestamp as an aware datetime (naive ones are UTC), or None when
    ``datetime.fromisoformat`` cannot read it: the converter then decides (it reads more
    forms, and before Python 3.11 ``fromisoformat`` refuses the ``Z`` suffix)."""
    try:
        result = _fromisoformat(text)
    except ValueError:
        return None
    return result if result.tzinfo is not None else result.replace(tzinfo=timezone.utc)


def decode_json(text: str) -> Any:
    """JSON, else the text kept as ``{"line": text}`` (a server may send plain lines)."""
    try:
        return read_json(text.encode())
    except ValueError:  # UnicodeEncodeError included: a lone surrogate
        pass
    try:
        return _loads(text)
    except (ValueError, RecursionError):
        # Not JSON, or JSON nested past the recursion limit: kept as the line it is.
        return {"line": text}


def decode_payload(sse: ServerSentEvent) -> Any:
    """The event's data as JSON; a non-JSON payload is kept as ``{"line": text}``.

    Returns the `_SKIP` marker for empty payloads and ``[DONE]``, which carry nothing.
    """
    text = sse.data
    if not text or text == "[DONE]":
        return _SKIP
    return decode_json(text)


def payload_type(payload: Any) -> str:
    """The payload's own ``type`` (or ``event``) name, else ``"message"``."""
    if isinstance(payload, dict):
        for key in ("type", "event"):
            value = payload.get(key)
            if isinstance(value, str) and value:
                return value
    return "message"


def event_type(sse: ServerSentEvent, payload: Any) -> str:
    """The SSE ``event:`` name, else the payload's ``type``/``event``, else ``"message"``."""
    name = sse.event
    if name and name != "message":
        return name
    return payload_type(payload)


def fill_event(event: Any, sse: ServerSentEvent, payload: Any) -> dict[str, Any]:
    """Set an `Event`'s type, data, id and raw from one decoded SSE event; returns raw."""
    if isinstance(payload, dict):
        raw = payload
        data = payload.get("data", payload)
    else:
        raw = {"data": payload}
        data = payload
    name = sse.event  # event_type(), inlined: this runs once per event
    if not name or name == "message":
        name = payload_type(payload)
    _set_type(event, name)
    _set_data(event, data)
    _set_id(event, sse.id or None)
    set_raw(event, raw)
    return raw


def parse_event(sse: ServerSentEvent) -> Event | None:
    """The generic `Event`: type, data (the payload's ``data`` member if any), raw, id."""
    payload = decode_payload(sse)
    if payload is _SKIP:
        return None
    event: Event = new_model(Event)
    fill_event(event, sse, payload)
    return event


def is_skip(value: object) -> bool:
    return value is _SKIP
