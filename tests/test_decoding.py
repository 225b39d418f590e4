"""`miosa._core.decoding`: Content-Encoding undone in slices of bounded size."""

from __future__ import annotations

import gzip
import zlib

import pytest

from miosa._core.decoding import ACCEPT_ENCODING, body_decoder
from miosa.errors import ResponseValidationError

DATA = bytes(range(256)) * 20_000 + b"0" * 3_000_000


def decode_all(encoding: str, payload: bytes, slice_size: int, step: int = 65536) -> list[bytes]:
    decoder = body_decoder(encoding, slice_size)
    assert decoder is not None
    out: list[bytes] = []
    for start in range(0, len(payload), step):
        out.extend(decoder.decode(payload[start : start + step]))
    out.extend(decoder.flush())
    return out


@pytest.mark.parametrize(
    ("encoding", "payload"),
    [
        ("gzip", gzip.compress(DATA)),
        ("x-gzip", gzip.compress(DATA)),
        ("deflate", zlib.compress(DATA)),
        ("deflate", zlib.compress(DATA)[2:-4]),  # raw deflate, no zlib header
        ("gzip, gzip", gzip.compress(gzip.compress(DATA))),
        ("identity, gzip", gzip.compress(DATA)),
    ],
)
@pytest.mark.parametrize("slice_size", [1000, 65536, 1 << 20])
def test_every_slice_is_bounded_and_the_whole_is_exact(
    encoding: str, payload: bytes, slice_size: int
) -> None:
    pieces = decode_all(encoding, payload, slice_size)
    assert max(len(piece) for piece in pieces) <= slice_size
    assert b"".join(pieces) == DATA


def test_one_byte_at_a_time_decodes_the_same() -> None:
    assert b"".join(decode_all("gzip", gzip.compress(b"hello" * 100), 7, step=1)) == b"hello" * 100


@pytest.mark.parametrize("encoding", [None, "", "identity", " Identity "])
def test_no_decoder_for_an_unencoded_body(encoding: str | None) -> None:
    assert body_decoder(encoding) is None


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, br"])
def test_an_encoding_not_asked_for_is_refused(encoding: str) -> None:
    with pytest.raises(ResponseValidationError, match="does not ask for"):
        body_decoder(encoding)


def test_corrupt_data_is_a_response_error() -> None:
    with pytest.raises(ResponseValidationError, match="cannot be decoded"):
        decode_all("gzip", b"\x1f\x8b\x08\x00" + b"\xff" * 100, 1024)


def test_the_sdk_asks_only_for_what_it_decodes() -> None:
    for name in ACCEPT_ENCODING.split(", "):
        assert body_decoder(name) is not None
