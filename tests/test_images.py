"""PNG size and scaling (`miosa._images`), with and without Pillow: every scanline filter
decoded exactly, palette and grey images, box averaging, and the bounds of what is read."""

from __future__ import annotations

import functools
import struct
import zlib

import pytest

from miosa import _images
from miosa._images import ImageError, png_size, scale_png


def pixels(width: int, height: int, channels: int = 3) -> list[bytes]:
    """A deterministic image with gradients and edges (every filter has work to do)."""
    return [
        bytes(
            ((x * 7 + y * 13 + c * 50) ^ (x * y)) & 0xFF
            for x in range(width)
            for c in range(channels)
        )
        for y in range(height)
    ]


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def encode(
    rows: list[bytes], width: int, colour: int, filters: list[int], extra: bytes = b""
) -> bytes:
    """A PNG whose row ``y`` uses filter ``filters[y % len(filters)]`` (a reference encoder)."""
    bpp = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    out, prev = bytearray(), bytes(len(rows[0]))
    for y, row in enumerate(rows):
        kind = filters[y % len(filters)]
        line = bytearray()
        for i, value in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            predictor = [0, a, b, (a + b) // 2, _paeth(a, b, c)][kind]
            line.append((value - predictor) & 0xFF)
        out += bytes([kind]) + line
        prev = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, len(rows), 8, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", zlib.compress(bytes(out)))
        + chunk(b"IEND", b"")
    )


@functools.lru_cache(maxsize=32)
def png_of(width: int, height: int) -> bytes:
    """An RGB PNG of this size (used by the computer-use tests as a screen): diagonal
    stripes, built by slicing one long run of bytes so large screens are cheap."""
    stride = 3 * width
    run = bytes(range(256)) * (stride // 256 + 2)
    rows = [run[y % 256 : y % 256 + stride] for y in range(height)]
    return _images._encode(width, height, 3, rows)


@pytest.mark.parametrize("colour", [2, 6, 0, 4])
@pytest.mark.parametrize("filters", [[0], [1], [2], [3], [4], [0, 1, 2, 3, 4]])
def test_every_filter_decodes_exactly(colour: int, filters: list[int]) -> None:
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    rows = pixels(37, 11, channels)
    width, height, _, decoded = _images._decode(encode(rows, 37, colour, filters))
    assert (width, height) == (37, 11)
    assert decoded == rows


def test_palette_images_expand_to_rgb_and_rgba() -> None:
    palette = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255])
    plte = (
        struct.pack(">I", 9) + b"PLTE" + palette + struct.pack(">I", zlib.crc32(b"PLTE" + palette))
    )
    rows = [bytes([0, 1, 2, 1])] * 2
    _, _, channels, decoded = _images._decode(encode(rows, 4, 3, [0], plte))
    assert channels == 3 and decoded[0] == bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 255, 0])
    trns = struct.pack(">I", 1) + b"tRNS" + b"\x80" + struct.pack(">I", zlib.crc32(b"tRNS\x80"))
    _, _, channels, decoded = _images._decode(encode(rows, 4, 3, [0], plte + trns))
    assert channels == 4 and decoded[0][:8] == bytes([255, 0, 0, 128, 0, 255, 0, 255])


def test_box_scaling_averages_the_covered_pixels() -> None:
    # 4x2 RGB: left half (0, 0, 0) and (100, 100, 100); right half all 200.
    rows = [bytes([0] * 3 + [100] * 3 + [200] * 6)] * 2
    out = _images._scale_without_pillow(encode(rows, 4, 2, [0]), 2, 1)
    assert png_size(out) == (2, 1)
    assert _images._decode(out)[3] == [bytes([50, 50, 50, 200, 200, 200])]


def test_scaling_without_pillow_is_close_to_pillow() -> None:
    pil = pytest.importorskip("PIL.Image")
    import io

    source = png_of(300, 200)
    # Whole-number ratios (3 and 4): both box filters average the same pixels; Pillow
    # rounds where this module truncates.
    ours = _images._scale_without_pillow(source, 100, 50)
    theirs = scale_png(source, 100, 50)  # Pillow, installed by the dev extra
    with pil.open(io.BytesIO(ours)) as a, pil.open(io.BytesIO(theirs)) as b:
        assert a.size == b.size == (100, 50)
        diffs = [abs(x - y) for x, y in zip(a.tobytes(), b.tobytes(), strict=True)]
    assert max(diffs) <= 1


def test_sizes_and_what_is_refused() -> None:
    assert png_size(png_of(7, 3)) == (7, 3)
    assert png_size(b"GIF89a....") is None
    with pytest.raises(ImageError, match="not a PNG"):
        _images._scale_without_pillow(b"nope", 1, 1)
    sixteen_bit = png_of(2, 2).replace(
        b"IHDR" + struct.pack(">IIBB", 2, 2, 8, 2), b"IHDR" + struct.pack(">IIBB", 2, 2, 16, 2)
    )
    with pytest.raises(ImageError, match="bit depth 16"):
        _images._decode(sixteen_bit)
    with pytest.raises(ValueError, match="positive"):
        scale_png(png_of(2, 2), 0, 1)
