"""Conformance tests for miosa._core.sse.SSEDecoder (WHATWG "event stream interpretation")."""

from __future__ import annotations

import random

import pytest

from miosa._core.sse import MAX_EVENT_BYTES, ServerSentEvent, SSEDecoder
from miosa.errors import StreamError

Triple = tuple[str, str, str]  # (event, data, id)


def decode(body: bytes, chunk_size: int | None = None) -> list[ServerSentEvent]:
    """Feed ``body`` in chunks of ``chunk_size`` (whole when None), then flush."""
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    if chunk_size is None:
        events += decoder.feed(body)
    else:
        for start in range(0, len(body), chunk_size):
            events += decoder.feed(body[start : start + chunk_size])
    events += decoder.flush()
    return events


def triples(events: list[ServerSentEvent]) -> list[Triple]:
    return [(e.event, e.data, e.id) for e in events]


def reference(body: bytes) -> list[tuple[str, str, str, int | None]]:
    """A deliberately naive, character-at-a-time transcription of the spec."""
    text = body.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\r":
            lines.append("".join(current))
            current = []
            if i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
        elif ch == "\n":
            lines.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    # `current` is an unterminated last line: discarded at end of stream.
    out: list[tuple[str, str, str, int | None]] = []
    data_buffer, event_type, last_id_buffer, last_id = "", "", "", ""
    retry: int | None = None
    for line in lines:
        if line == "":
            last_id = last_id_buffer
            if data_buffer == "":
                event_type = ""
                retry = None
                continue
            if data_buffer.endswith("\n"):
                data_buffer = data_buffer[:-1]
            out.append((event_type or "message", data_buffer, last_id, retry))
            data_buffer, event_type, retry = "", "", None
            continue
        if line.startswith(":"):
            continue
        if ":" in line:
            field, value = line.split(":", 1)
            if value.startswith(" "):
                value = value[1:]
        else:
            field, value = line, ""
        if field == "event":
            event_type = value
        elif field == "data":
            data_buffer += value + "\n"
        elif field == "id":
            if "\0" not in value:
                last_id_buffer = value
        elif field == "retry" and 0 < len(value) < 20 and all(c in "0123456789" for c in value):
            retry = int(value)
    return out


CHUNK_SIZES = [1, 2, 3, 7, 64, None]


# --- line ends ----------------------------------------------------------------------


@pytest.mark.parametrize("eol", ["\n", "\r", "\r\n"], ids=["LF", "CR", "CRLF"])
@pytest.mark.parametrize("chunk_size", CHUNK_SIZES)
def test_line_ends(eol: str, chunk_size: int | None) -> None:
    body = f"event: a{eol}data: 1{eol}data: 2{eol}{eol}data: 3{eol}{eol}".encode()
    assert triples(decode(body, chunk_size)) == [("a", "1\n2", ""), ("message", "3", "")]


def test_mixed_line_ends() -> None:
    body = b"data: a\rdata: b\ndata: c\r\n\r\ndata: d\n\r"
    assert [e.data for e in decode(body)] == ["a\nb\nc", "d"]


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    decoder = SSEDecoder()
    # If the LF were a second line end, "a" would be dispatched on its own.
    assert decoder.feed(b"data: a\r") == []
    events = decoder.feed(b"\ndata: b\r\n\r\n")
    assert [e.data for e in events] == ["a\nb"]


def test_cr_then_empty_chunk_then_lf() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r") == []
    assert decoder.feed(b"") == []
    assert [e.data for e in decoder.feed(b"\n\r\n")] == ["a"]


def test_cr_at_chunk_end_then_cr_is_blank_line() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"data: a\r")
    assert [e.data for e in decoder.feed(b"\r")] == ["a"]


def test_lf_only_skipped_once_after_trailing_cr() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"data: a\r")
    decoder.feed(b"\n")  # completes the CRLF
    assert [e.data for e in decoder.feed(b"\n")] == ["a"]  # a real blank line


# --- fields ---------------------------------------------------------------------------


def test_multiline_data_joined_with_lf() -> None:
    body = b"data: line one\ndata: line two\ndata:\ndata: four\n\n"
    assert [e.data for e in decode(body)] == ["line one\nline two\n\nfour"]


def test_only_one_leading_space_is_stripped() -> None:
    body = b"data:  two spaces\n\ndata:none\n\ndata:\tx\n\n"
    assert [e.data for e in decode(body)] == [" two spaces", "none", "\tx"]


def test_value_may_contain_colons() -> None:
    assert [e.data for e in decode(b'data: {"a": "b:c"}\n\n')] == ['{"a": "b:c"}']


def test_field_without_colon_has_empty_value() -> None:
    events = decode(b"data\n\nevent\ndata: x\n\n")
    assert triples(events) == [("message", "", ""), ("message", "x", "")]


def test_event_type_defaults_to_message_and_resets_after_dispatch() -> None:
    events = decode(b"event: custom\ndata: 1\n\ndata: 2\n\n")
    assert [e.event for e in events] == ["custom", "message"]


def test_unknown_fields_ignored() -> None:
    assert triples(decode(b"foo: bar\nDATA: x\ndata : y\ndata: z\n\n")) == [("message", "z", "")]


def test_comments_ignored_and_counted() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b": keepalive\n\n:\ndata: a\n: in the middle\ndata: b\n\n: tail\n")
    assert [e.data for e in events] == ["a\nb"]
    assert decoder.comments == 4


def test_heartbeat_only_stream_yields_nothing() -> None:
    assert decode(b": ping\n\n" * 50) == []


# --- dispatch rules -----------------------------------------------------------------------


def test_empty_data_buffer_not_dispatched() -> None:
    assert decode(b"event: nothing\n\n\n\nretry: 10\n\n") == []


def test_id_without_data_updates_last_event_id_only() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"id: 7\n\n") == []
    assert decoder.last_event_id == "7"
    [event] = decoder.feed(b"data: x\n\n")
    assert event.id == "7"  # the spec's lastEventId persists across events


def test_id_is_committed_by_blank_line_only() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"id: 1\ndata: a\n\nid: 2\ndata: b\n")
    assert decoder.last_event_id == "1"  # event 2 is not complete yet
    decoder.feed(b"\n")
    assert decoder.last_event_id == "2"


def test_id_with_no_value_resets_last_event_id() -> None:
    for line in (b"id", b"id:", b"id: "):
        decoder = SSEDecoder()
        events = decoder.feed(b"id: 1\ndata: a\n\n" + line + b"\ndata: b\n\n")
        assert [(e.data, e.id) for e in events] == [("a", "1"), ("b", "")]
        assert decoder.last_event_id == ""


def test_id_containing_nul_is_ignored() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n")
    assert [e.id for e in events] == ["1", "1"]
    assert decoder.last_event_id == "1"


def test_retry_digits_only() -> None:
    decoder = SSEDecoder()
    [event] = decoder.feed(b"retry: 2500\ndata: x\n\n")
    assert event.retry == 2500
    assert decoder.retry == 2500
    [event] = decoder.feed(b"data: y\n\n")
    assert event.retry is None  # per-event field
    assert decoder.retry == 2500  # stream setting kept


@pytest.mark.parametrize(
    "value",
    ["", " 5", "+5", "-5", "5s", "1.5", "1_000", "\u0663", "\uff15", "\u00b2", "0x10", "5 "],
)
def test_retry_with_non_ascii_digits_ignored(value: str) -> None:
    decoder = SSEDecoder()
    decoder.feed(b"retry: 100\n\n")
    [event] = decoder.feed(f"retry: {value}\ndata: x\n\n".encode())
    assert event.retry is None
    assert decoder.retry == 100


def test_retry_zero_and_large() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"retry: 0\n\n")
    assert decoder.retry == 0
    decoder.feed(b"retry: 9999999999999999999\n\n")  # 19 digits: fits in 64 bits
    assert decoder.retry == 9999999999999999999
    # Too big for 64 bits (ignored, as Chromium does); 5000 digits must not reach int().
    for digits in (20, 5000):
        decoder.feed(b"retry: " + b"9" * digits + b"\n\n")
        assert decoder.retry == 9999999999999999999


# --- encoding -------------------------------------------------------------------------


def test_leading_bom_stripped() -> None:
    assert [e.data for e in decode(b"\xef\xbb\xbfdata: x\n\n")] == ["x"]


@pytest.mark.parametrize("chunk_size", [1, 2])
def test_leading_bom_split_across_chunks(chunk_size: int) -> None:
    assert [e.data for e in decode(b"\xef\xbb\xbfdata: x\n\n", chunk_size)] == ["x"]


def test_only_one_bom_stripped() -> None:
    # The second BOM becomes part of the first field name, which is then unknown.
    assert decode(b"\xef\xbb\xbf\xef\xbb\xbfdata: x\n\ndata: y\n\n")[0].data == "y"


def test_bom_not_at_start_is_kept() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n\n")[0].data == "a"
    # A BOM opening a later chunk is data, not a stream start.
    assert decoder.feed(b"\xef\xbb\xbfdata: b\n\n") == []
    assert decoder.feed(b"data: \xef\xbb\xbfc\n\n")[0].data == "\ufeffc"


def test_partial_bom_then_other_bytes() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"\xef\xbb") == []
    assert decoder.feed(b"x\ndata: y\n\n")[0].data == "y"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_unicode_line_separators_inside_json_are_data(separator: str) -> None:
    payload = '{"text": "a' + separator + 'b"}'
    [event] = decode(f"data: {payload}\n\n".encode())
    assert event.data == payload
    if separator >= "\x20":  # JSON forbids raw C0 control characters in strings
        assert event.json() == {"text": f"a{separator}b"}


@pytest.mark.parametrize("chunk_size", CHUNK_SIZES)
def test_multibyte_utf8_split_across_chunks(chunk_size: int) -> None:
    text = "héllo wörld — 日本語 🎉 \u2028 end"
    body = f"event: ü\ndata: {text}\nid: ключ\n\n".encode()
    assert triples(decode(body, chunk_size)) == [("ü", text, "ключ")]


def test_invalid_utf8_replaced() -> None:
    [event] = decode(b"data: a\xffb\xe2\x82\n\n")
    assert event.data == "a\ufffdb\ufffd"


# --- end of stream ---------------------------------------------------------------------


def test_final_event_without_blank_line_is_discarded() -> None:
    # The spec discards an event not terminated by a blank line at end of stream, even
    # though its last line is complete.
    decoder = SSEDecoder()
    assert [e.data for e in decoder.feed(b"data: a\n\nid: 9\ndata: b\n")] == ["a"]
    assert decoder.flush() == []
    assert decoder.last_event_id == ""  # the id of the discarded event is not committed
    assert [e.data for e in decode(b"data: a\n\ndata: b\n")] == ["a"]
    assert [e.data for e in decode(b"data: a\n\ndata: b")] == ["a"]


def test_flush_resets_for_next_connection_but_keeps_id_and_retry() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"retry: 3000\nid: 5\ndata: a\n\nevent: half\ndata: partial\n")
    decoder.flush()
    assert decoder.last_event_id == "5"
    assert decoder.retry == 3000
    # New connection: a BOM at its start is stripped again; nothing from the discarded
    # event leaks into the next one; an event without id keeps the resumed id.
    events = decoder.feed(b"\xef\xbb\xbfdata: b\n\n")
    assert triples(events) == [("message", "b", "5")]


def test_constructor_carries_last_event_id_and_retry() -> None:
    decoder = SSEDecoder(last_event_id="41", retry=500)
    [event] = decoder.feed(b"data: x\n\n")
    assert event.id == "41"
    assert decoder.retry == 500


# --- chunking invariance -----------------------------------------------------------------

CORPUS = (
    "\ufeff: hello\r\n"
    "retry: 1500\r\n"
    "id: 1\r\nevent: sandbox.exec\r\n"
    'data: {"type":"stdout","line":"héllo \u2028 wörld"}\r\n\r\n'
    "id: 2\revent: a\rdata: x\rdata:  y\r\r"
    "data\n\n"
    "id\nevent: z\ndata: 🎉\n\n"
    "id: bad\x00id\ndata: nul\n\n"
    ": keepalive\n\n"
    "event: lonely\n\n"
    "retry: nope\ndata: last\n\n"
    "data: unterminated\n"
).encode()


@pytest.mark.parametrize("chunk_size", CHUNK_SIZES)
def test_chunking_gives_the_same_events(chunk_size: int) -> None:
    whole = decode(CORPUS)
    chunked = decode(CORPUS, chunk_size)
    expected = [(e.event, e.data, e.id, e.retry) for e in whole]
    assert [(e.event, e.data, e.id, e.retry) for e in chunked] == expected
    assert expected == reference(CORPUS)
    assert len(expected) == 6


def test_random_streams_match_reference_implementation() -> None:
    rng = random.Random(20261128)
    pieces = [
        "data: x",
        "data:y",
        "data",
        "data: \u2028",
        "data: é",
        "event: e",
        "event",
        "id: 1",
        "id",
        "id: a\x00b",
        "retry: 10",
        "retry: x",
        ": c",
        ":",
        "",
        "",
        "",
        "foo: bar",
        "data: 🎉",
    ]
    eols = ["\n", "\r", "\r\n"]
    for _ in range(300):
        text = ("\ufeff" if rng.random() < 0.2 else "") + "".join(
            rng.choice(pieces) + rng.choice(eols) for _ in range(rng.randint(0, 30))
        )
        body = text.encode()
        if rng.random() < 0.2:
            body += b"\xff"  # invalid UTF-8 byte somewhere near the end
            body += rng.choice(eols).encode() * 2
        expected = reference(body)
        for chunk_size in (1, rng.randint(1, 16), None):
            got = [(e.event, e.data, e.id, e.retry) for e in decode(body, chunk_size)]
            assert got == expected, (body, chunk_size)


# --- size cap ------------------------------------------------------------------------------


def test_event_at_the_cap_passes() -> None:
    body = b"data: " + b"a" * MAX_EVENT_BYTES + b"\n\n"
    [event] = decode(body, 64 * 1024)
    assert len(event.data) == MAX_EVENT_BYTES


def test_single_line_over_the_cap_raises() -> None:
    with pytest.raises(StreamError):
        decode(b"data: " + b"a" * (MAX_EVENT_BYTES + 1) + b"\n\n")


def test_multiline_event_over_the_cap_raises_before_it_ends() -> None:
    decoder = SSEDecoder()
    line = b"data: " + b"a" * (1024 * 1024 - 1) + b"\n"
    with pytest.raises(StreamError):
        for _ in range(17):  # 17 lines of 1 MiB each (with the joining LFs)
            decoder.feed(line)  # never a blank line: the cap trips mid-event


def test_unterminated_line_over_the_cap_raises() -> None:
    decoder = SSEDecoder()
    chunk = b"a" * (1024 * 1024)
    decoder.feed(b"data: ")
    with pytest.raises(StreamError):
        for _ in range(17):
            decoder.feed(chunk)


def test_cap_counts_utf8_bytes() -> None:
    # 2 bytes per character: half as many characters as the cap in bytes fit.
    fits = "é" * (MAX_EVENT_BYTES // 2)
    [event] = decode(f"data: {fits}\n\n".encode())
    assert event.data == fits
    with pytest.raises(StreamError):
        decode(f"data: {fits}é\n\n".encode())


def test_many_small_events_are_not_capped() -> None:
    # The cap is per event, not per stream.
    body = (b"data: " + b"a" * 1000 + b"\n\n") * 20_000
    assert len(decode(body, 64 * 1024)) == 20_000
