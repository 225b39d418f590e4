"""Success bodies decode to what the standard library's `json` gives, whichever parser ran."""

from __future__ import annotations

import json
import math

import pytest

from miosa._core.responses import decode_json
from miosa.errors import ResponseValidationError

BODIES = {
    "object": b'{"id": "sbx_1", "n": 3, "ok": true, "none": null, "tags": ["a", "b"]}',
    "big int": b'{"size": 123456789012345678901234567890}',
    "negative big int": b"[-98765432109876543210987654321]",
    "u64 edge": b"[18446744073709551615, 18446744073709551616, -9223372036854775809]",
    "floats": b"[0.1, 1e-7, 5e-324, 1.7976931348623157e308, 1e400, -0.0, 1E2, 2.50]",
    "unicode": '{"name": "caf\u00e9 \u2603 \U0001f600"}'.encode(),
    "escapes": b'{"esc": "\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/"}',
    "lone surrogate": b'{"s": "\\ud800"}',
    "utf-8 byte-order mark": b'\xef\xbb\xbf{"a": 1}',
    "utf-16": '{"a": "\u00e9"}'.encode("utf-16"),
    "duplicate keys": b'{"a": 1, "a": 2}',
    "whitespace": b' \n\t{"a" :\r\n[ ] } \n',
    "nested 500": b"[" * 500 + b"]" * 500,
    "scalar": b'"just a string"',
}


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_every_body_decodes_as_the_standard_library_decodes_it(body: bytes) -> None:
    got, expected = decode_json(body, status_code=200), json.loads(body)
    assert got == expected
    assert repr(got) == repr(expected)  # int stays int, -0.0 stays -0.0


def test_nan_and_infinity_decode_as_floats() -> None:
    got = decode_json(b"[NaN, Infinity, -Infinity]", status_code=200)
    assert math.isnan(got[0]) and got[1:] == [math.inf, -math.inf]


@pytest.mark.parametrize(
    "body",
    [b"[" * 200_000 + b"]" * 200_000, b"[" + b"9" * 50_000 + b"]", b'{"a": "\xff"}', b"{", b"nul"],
    ids=["deep", "huge number", "bad utf-8", "truncated", "not json"],
)
def test_a_body_neither_parser_reads_is_a_response_error(body: bytes) -> None:
    with pytest.raises(ResponseValidationError) as info:
        decode_json(body, status_code=201)
    assert info.value.status_code == 201


def test_an_empty_body_is_none() -> None:
    assert decode_json(b"", status_code=204) is None
