"""The stream parsers' fast paths build the same objects as the models' own constructors.

The busy parsers fill frozen models through their slots instead of attrs' ``__init__``
or the converter (see ``miosa._events``). Here every parser's item is compared with the
model built the ordinary way from the same payload: equal, every field set (``asdict``
reads them all), same ``raw``, same ``repr``. Payloads with values of another type take
the converter's path and must behave exactly as the converter does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import attrs
import pytest

from miosa._converter import structure
from miosa._core.sse import ServerSentEvent
from miosa._events import parse_event
from miosa._groups.integrator import parse_tenant_event
from miosa._groups.sandbox import (
    parse_exec_chunk,
    parse_file_event,
    parse_log_line,
    parse_sandbox_event,
)
from miosa.errors import MiosaError
from miosa.types.events import Event
from miosa.types.sandbox_events import SandboxExecuted, UnknownEvent
from miosa.types.sandbox_exec import ExecExit, ExecStderr, ExecStdout, UnknownExecChunk
from miosa.types.sandbox_files import FileEvent, FileEventType
from miosa.types.sandboxes import SandboxLogLine
from miosa.types.tenant_events import TenantEvent


def sse(payload: object, *, event: str = "", id_: str = "") -> ServerSentEvent:
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return ServerSentEvent(event=event, data=data, id=id_)


def same(item: Any, expected: Any) -> None:
    assert type(item) is type(expected)
    assert attrs.asdict(item, recurse=False) == attrs.asdict(expected, recurse=False)
    assert item == expected
    assert repr(item) == repr(expected)
    assert dict(item.raw) == dict(expected.raw)


def built(cls: type, raw: dict[str, Any], **fields: Any) -> Any:
    model = cls(**fields)
    object.__setattr__(model, "_raw", raw)
    return model


UTC = timezone.utc


def test_generic_and_tenant_events_match_their_constructors() -> None:
    payload = {
        "type": "sandbox.ready",
        "data": {"sandbox_id": "sbx_2", "tenant_id": "ten_2"},
        "occurred_at": "2026-12-05T01:02:03Z",
    }
    same(
        parse_event(sse(payload, id_="7")),
        built(Event, payload, type="sandbox.ready", data=payload["data"], id="7"),
    )
    same(
        parse_tenant_event(sse(payload, id_="7")),
        built(
            TenantEvent,
            payload,
            type="sandbox.ready",
            data=payload["data"],
            id="7",
            sandbox_id="sbx_2",
            tenant_id="ten_2",
            occurred_at=datetime(2026, 12, 5, 1, 2, 3, tzinfo=UTC),
        ),
    )
    # Envelope fields win over the data's; a non-dict payload is wrapped; no timestamp.
    top = {"sandbox_id": "sbx_top", "data": {"sandbox_id": "sbx_in"}, "timestamp": 0}
    tenant = parse_tenant_event(sse(top, event="x.y"))
    assert tenant is not None and tenant.sandbox_id == "sbx_top" and tenant.type == "x.y"
    assert tenant.occurred_at == datetime(1970, 1, 1, tzinfo=UTC)
    naive = parse_tenant_event(sse({"type": "t", "occurred_at": "2026-12-05T01:02:03"}))
    assert naive is not None and naive.occurred_at == datetime(2026, 12, 5, 1, 2, 3, tzinfo=UTC)
    odd = parse_tenant_event(sse({"type": "t", "occurred_at": "yesterday", "timestamp": 5}))
    assert odd is not None and odd.occurred_at is None  # the first timestamp key decides
    same(
        parse_tenant_event(sse("[1, 2]")),
        built(TenantEvent, {"data": [1, 2]}, type="message", data=[1, 2]),
    )
    same(
        parse_event(sse("plain text")),
        built(Event, {"line": "plain text"}, type="message", data={"line": "plain text"}),
    )
    assert parse_tenant_event(sse("[DONE]")) is None and parse_event(sse("")) is None


def test_sandbox_events_match_their_constructors() -> None:
    payload = {"type": "sandbox.exec", "data": {"command": "ls"}}
    same(
        parse_sandbox_event(sse(payload, event="sandbox.exec", id_="3")),
        built(SandboxExecuted, payload, type="sandbox.exec", data={"command": "ls"}, id="3"),
    )
    same(
        parse_sandbox_event(sse({"type": "new.kind"})),
        built(UnknownEvent, {"type": "new.kind"}, type="new.kind", data={"type": "new.kind"}),
    )


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (
            sse({"line": "ok"}, event="stdout", id_="1"),
            built(ExecStdout, {"line": "ok"}, line="ok", id="1"),
        ),
        (sse({"line": "bad"}, event="stderr"), built(ExecStderr, {"line": "bad"}, line="bad")),
        (
            sse({"stream": "stdout", "data": 42}),
            built(ExecStdout, {"stream": "stdout", "data": 42}, line="42"),
        ),
        (sse("not json"), built(ExecStdout, {"line": "not json"}, line="not json")),
        (
            sse({"exit_code": 2, "duration_ms": 5}, event="exit"),
            built(ExecExit, {"exit_code": 2, "duration_ms": 5}, exit_code=2, duration_ms=5),
        ),
        (
            sse({"x": 1}, event="progress"),
            built(UnknownExecChunk, {"x": 1}, type="progress", data={"x": 1}),
        ),
    ],
)
def test_exec_chunks_match_their_constructors(frame: ServerSentEvent, expected: Any) -> None:
    same(parse_exec_chunk(frame), expected)


def _file_event(payload: dict[str, Any], kind: str | None, id_: str | None) -> FileEvent:
    names = ("path", "size_bytes", "is_dir", "old_path")
    model = structure({k: payload[k] for k in names if k in payload}, FileEvent)
    model = attrs.evolve(model, type=FileEventType(kind) if kind else None, id=id_)
    object.__setattr__(model, "_raw", payload)
    return model


@pytest.mark.parametrize(
    "payload",
    [
        {"type": "modified", "path": "/w/a.py", "size_bytes": 12, "is_dir": False},
        {"event": "renamed", "path": "/w/b", "old_path": "/w/a"},
        {"type": "moved", "path": "/w/c"},  # a kind this SDK does not know is kept
        {"type": "created", "path": "/w/d", "size_bytes": 12.0},  # converter's path
        {"type": "created", "path": "/w/e", "is_dir": None},
    ],
)
def test_file_events_match_the_converter(payload: dict[str, Any]) -> None:
    item = parse_file_event(sse(payload, id_="5"))
    kind = payload.get("type") or payload.get("event")
    same(item, _file_event(payload, kind, "5"))
    assert item is not None and item.type is not None and item.type.value == kind


def test_a_file_event_value_the_converter_refuses_is_refused_the_same() -> None:
    payload = {"type": "created", "path": "/w", "size_bytes": "many"}
    with pytest.raises((MiosaError, TypeError, ValueError)) as fast:
        parse_file_event(sse(payload))
    with pytest.raises((MiosaError, TypeError, ValueError)) as slow:
        _file_event(payload, "created", None)
    assert type(fast.value) is type(slow.value)


def _log_line(payload: dict[str, Any], id_: str | None) -> SandboxLogLine:
    fields = {k: payload[k] for k in ("line", "stream", "timestamp") if k in payload}
    model = attrs.evolve(structure(fields, SandboxLogLine), id=id_)
    object.__setattr__(model, "_raw", payload)
    return model


@pytest.mark.parametrize(
    "payload",
    [
        {"line": "GET / 200", "stream": "stdout", "timestamp": "2026-12-05T01:02:03.456Z"},
        {"line": "no time"},
        {"line": "unix time", "timestamp": 1764900000},  # converter's path
        {"line": "odd time", "timestamp": "2026-12-05 01:02:03 +0000"},
    ],
)
def test_log_lines_match_the_converter(payload: dict[str, Any]) -> None:
    same(parse_log_line(sse(payload, id_="8")), _log_line(payload, "8"))


def test_a_plain_log_line_is_kept_as_text() -> None:
    same(parse_log_line(sse("hello")), _log_line({"line": "hello"}, None))


# Every stream parser: each takes one server-sent event and gives its item or None.
PARSERS: list[Callable[[ServerSentEvent], object]] = [
    parse_event,
    parse_tenant_event,
    parse_sandbox_event,
    parse_exec_chunk,
    parse_file_event,
    parse_log_line,
]


@pytest.mark.parametrize("parser", PARSERS)
def test_every_parser_skips_empty_and_done(parser: Callable[[ServerSentEvent], object]) -> None:
    assert parser(sse("")) is None
    assert parser(sse("[DONE]")) is None


@pytest.mark.parametrize("parser", PARSERS)
def test_every_parser_keeps_json_nested_past_the_recursion_limit(
    parser: Callable[[ServerSentEvent], object],
) -> None:
    # The C scanner raises RecursionError here; a stream must go on, not end in it.
    text = "[" * 100_000
    item = parser(sse(text))
    assert item is not None
    assert text in repr(item.raw)  # type: ignore[attr-defined]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    "text",
    [
        '{"type": "created", "path": "/w/a", "n": 123456789012345678901234567890}',
        '{"type": "created", "path": "/w/\\ud800", "line": "x"}',  # a lone surrogate escape
        '{"type": "created", "path": "/w/\\u00e9\\ud83d\\ude00", "size": 1e400}',
        '{"type": "created", "path": "/w/a", "x": NaN}',
        '{"type": "created", "path": "/w/a"} trailing',
    ],
    ids=["big int", "lone surrogate", "escapes", "nan", "trailing text"],
)
def test_every_parser_keeps_the_values_the_standard_library_decodes(
    parser: Callable[[ServerSentEvent], object], text: str
) -> None:
    item = parser(sse(text))
    assert item is not None
    try:
        expected = json.loads(text)
    except ValueError:
        expected = {"line": text}
    assert repr(dict(item.raw)) == repr(expected)  # type: ignore[attr-defined]
