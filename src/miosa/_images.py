"""Reading a PNG's size and scaling a PNG down, with the standard library (Pillow when present).

Computer use sends screenshots to a model in a bounded size (`miosa.computer_use`). Pillow
does the scaling when it is installed (``pip install 'miosa[images]'``); otherwise this
module decodes the PNG itself (8-bit grey, grey+alpha, RGB, RGBA and palette images, not
interlaced; anything else raises `ImageError`), averages boxes of pixels and writes an RGB
or RGBA PNG. The scanline filters that are linear (None, Sub, Up) are undone on whole rows
at once as big-integer arithmetic; Average and Paeth go byte by byte.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from array import array
from itertools import accumulate
from operator import floordiv, itemgetter, sub
from typing import Literal

__all__ = ["ImageError", "encode_rgb", "png_size", "scale_png"]

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Channels per colour type: grey, RGB, palette, grey+alpha, RGBA.
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class ImageError(ValueError):
    """The bytes are not a PNG this module can read."""


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's header, without decoding it; None if not a PNG."""
    if len(data) < 24 or not data.startswith(_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def scale_png(data: bytes, width: int, height: int) -> bytes:
    """``data`` (a PNG) resized to ``width`` x ``height`` (meant for shrinking), as a PNG."""
    if width <= 0 or height <= 0:
        raise ValueError("the target size must be positive")
    try:
        from PIL import Image
    except ImportError:
        return _scale_without_pillow(data, width, height)
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        resized = image.convert("RGBA" if "A" in image.getbands() else "RGB").resize(
            (width, height), Image.Resampling.BOX
        )
    out = io.BytesIO()
    resized.save(out, format="PNG", compress_level=6)
    return out.getvalue()


# -- decoding -----------------------------------------------------------------------------


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if not data.startswith(_SIGNATURE):
        raise ImageError("not a PNG")
    found, pos = [], len(_SIGNATURE)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        found.append((kind, data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
        if kind == b"IEND":
            break
    return found


def _swar_add(a: int, b: int, low7: int, high1: int) -> int:
    """Bytewise (a + b) mod 256 of two integers seen as byte strings."""
    return ((a & low7) + (b & low7)) ^ ((a ^ b) & high1)


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> list[bytes]:
    """The scanlines of the image, filters undone."""
    stride = width * bpp
    low7 = int.from_bytes(b"\x7f" * stride, "big")
    high1 = int.from_bytes(b"\x80" * stride, "big")
    rows: list[bytes] = []
    prev = bytes(stride)
    pos = 0
    for _ in range(height):
        kind = raw[pos]
        line = raw[pos + 1 : pos + 1 + stride]
        pos += 1 + stride
        if len(line) != stride:
            raise ImageError("truncated image data")
        if kind == 0:
            row = line
        elif kind == 2:  # Up
            value = _swar_add(int.from_bytes(line, "big"), int.from_bytes(prev, "big"), low7, high1)
            row = value.to_bytes(stride, "big")
        elif kind == 1:  # Sub: a running sum with step bpp, in log2(width) whole-row passes
            value = int.from_bytes(line, "big")
            shift = 8 * bpp
            while shift < 8 * stride:
                value = _swar_add(value, value >> shift, low7, high1)
                shift *= 2
            row = value.to_bytes(stride, "big")
        elif kind == 3:  # Average
            out = bytearray(line)
            for i in range(stride):
                left = out[i - bpp] if i >= bpp else 0
                out[i] = (out[i] + ((left + prev[i]) >> 1)) & 0xFF
            row = bytes(out)
        elif kind == 4:  # Paeth
            out = bytearray(line)
            for i in range(min(bpp, stride)):  # no left neighbour: the predictor is "up"
                out[i] = (out[i] + prev[i]) & 0xFF
            for i in range(bpp, stride):
                a, b, c = out[i - bpp], prev[i], prev[i - bpp]
                pa, pb, pc = b - c, a - c, a + b - c - c
                pa, pb, pc = -pa if pa < 0 else pa, -pb if pb < 0 else pb, -pc if pc < 0 else pc
                out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
            row = bytes(out)
        else:
            raise ImageError(f"unknown PNG filter {kind}")
        rows.append(row)
        prev = row
    return rows


def _decode(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, channels of the output, rows) with palettes expanded to RGB(A)."""
    chunks = _chunks(data)
    if not chunks or chunks[0][0] != b"IHDR":
        raise ImageError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if depth != 8 or colour not in _CHANNELS or interlace:
        raise ImageError(
            f"unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace}); "
            "install Pillow to scale it"
        )
    channels = _CHANNELS[colour]
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    rows = _unfilter(raw, width, height, channels)
    if colour != 3:
        return width, height, channels, rows
    palette = next((body for kind, body in chunks if kind == b"PLTE"), b"")
    alpha = next((body for kind, body in chunks if kind == b"tRNS"), b"")
    if alpha:
        table = [
            palette[3 * i : 3 * i + 3] + bytes([alpha[i] if i < len(alpha) else 255])
            for i in range(len(palette) // 3)
        ]
    else:
        table = [palette[3 * i : 3 * i + 3] for i in range(len(palette) // 3)]
    table += [table[0] if table else b"\0\0\0"] * (256 - len(table))
    out_channels = 4 if alpha else 3
    return width, height, out_channels, [b"".join(table[v] for v in row) for row in rows]


# -- scaling and encoding -----------------------------------------------------------------


def _scale_without_pillow(data: bytes, width: int, height: int) -> bytes:
    src_w, src_h, channels, rows = _decode(data)
    if channels == 1:  # grey -> RGB, grey+alpha -> RGBA: the shapes the encoder writes
        rows = [bytes(b for v in r for b in (v, v, v)) for r in rows]
        channels = 3
    elif channels == 2:
        rows = [
            bytes(b for i in range(0, len(r), 2) for b in (r[i], r[i], r[i], r[i + 1]))
            for r in rows
        ]
        channels = 4
    return _encode(width, height, channels, _box(rows, src_w, src_h, channels, width, height))


def _box(
    rows: list[bytes], src_w: int, src_h: int, channels: int, width: int, height: int
) -> list[bytes]:
    """Box filter: each output pixel is the mean of the source pixels its area covers.

    Rows are summed as big integers with one 16-bit lane per byte (no lane overflows for
    bands up to 257 rows), and each channel's column sums become prefix sums, so the work
    per output row is a handful of passes in C.
    """
    if src_h // height > 256:
        raise ImageError("shrinking more than 256 times in height is not supported")
    order: Literal["little", "big"] = "little" if sys.byteorder == "little" else "big"
    lane = 0 if order == "little" else 1
    stride = src_w * channels
    wide_rows = []
    for row in rows:
        wide = bytearray(2 * stride)
        wide[lane::2] = row
        wide_rows.append(int.from_bytes(wide, order))
    x_edges = [src_w * x // width for x in range(width + 1)]
    lefts = [x_edges[x] for x in range(width)]
    rights = [max(x_edges[x + 1], x_edges[x] + 1) for x in range(width)]
    take_left, take_right = itemgetter(*lefts), itemgetter(*rights)
    widths = [r - left for left, r in zip(lefts, rights, strict=True)]
    out_rows = []
    for y in range(height):
        top = src_h * y // height
        bottom = max(src_h * (y + 1) // height, top + 1)
        total = sum(wide_rows[top:bottom])
        sums = array("H")
        sums.frombytes(total.to_bytes(2 * stride, order))
        counts = [w * (bottom - top) for w in widths]
        line = bytearray(width * channels)
        for ch in range(channels):
            prefix = list(accumulate(sums[ch::channels], initial=0))
            right_sums, left_sums = take_right(prefix), take_left(prefix)
            if width == 1:
                right_sums, left_sums = (right_sums,), (left_sums,)
            line[ch::channels] = bytes(map(floordiv, map(sub, right_sums, left_sums), counts))
        out_rows.append(bytes(line))
    return out_rows


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def encode_rgb(width: int, height: int, pixels: bytes | bytearray | memoryview) -> bytes:
    """An RGB PNG of ``pixels`` (``width * height * 3`` bytes, rows top to bottom)."""
    stride = width * 3
    if width <= 0 or height <= 0 or len(pixels) != stride * height:
        raise ValueError("pixels must hold width * height RGB triples")
    view = memoryview(pixels)
    return _encode(
        width, height, 3, [bytes(view[i : i + stride]) for i in range(0, len(view), stride)]
    )


def _encode(width: int, height: int, channels: int, rows: list[bytes]) -> bytes:
    colour = {3: 2, 4: 6}[channels]
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        _SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 6))
        + _chunk(b"IEND", b"")
    )
