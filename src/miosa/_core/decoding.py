"""Undoing a response's ``Content-Encoding`` in bounded steps (pure, no I/O).

httpx inflates each network read whole: 64 KiB of gzip can become 64 MiB in one call, and
a reply of about 1 MiB can become gigabytes. Here every step of a decoder returns at most
``slice_size`` bytes (zlib's ``max_length``, the rest of the input kept for the next
step), so a reader that stops at a limit, or writes each slice out, holds at most one
slice more than it wants, whatever the compression ratio.

The SDK asks only for the encodings it can decode this way (`ACCEPT_ENCODING`); a reply
in any other encoding is refused rather than passed on still encoded.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from ..errors import ResponseValidationError

ACCEPT_ENCODING = "gzip, deflate"
"""The ``Accept-Encoding`` every request sends: exactly the encodings decoded here."""

DEFAULT_SLICE = 1 << 20
_IDENTITY = frozenset({"", "identity"})


class _ZlibDecoder:
    """gzip, or deflate with or without its zlib header (servers send both)."""

    __slots__ = ("_decompressor", "_raw_deflate_fallback", "_started")

    def __init__(self, encoding: str) -> None:
        gzip = encoding in ("gzip", "x-gzip")
        self._decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)
        self._raw_deflate_fallback = not gzip
        self._started = False

    def decode(self, data: bytes, slice_size: int) -> Iterator[bytes]:
        while True:
            try:
                out = self._decompressor.decompress(data, slice_size)
            except zlib.error as exc:
                if self._raw_deflate_fallback and not self._started:
                    # "deflate" without the zlib header: start over as raw deflate.
                    self._raw_deflate_fallback = False
                    self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise _corrupt(exc) from None
            self._started = True
            data = self._decompressor.unconsumed_tail
            if out:
                yield out
            # Input used up and the output not cut at the slice size: nothing is pending.
            if not data and len(out) < slice_size:
                return

    def flush(self) -> bytes:
        try:
            return self._decompressor.flush()
        except zlib.error as exc:  # pragma: no cover - flush after a clean stream is empty
            raise _corrupt(exc) from None


class BodyDecoder:
    """The chain of decoders one ``Content-Encoding`` header asks for, applied in order."""

    __slots__ = ("_chain", "slice_size")

    def __init__(self, chain: list[_ZlibDecoder], slice_size: int) -> None:
        self._chain = chain
        self.slice_size = slice_size

    def decode(self, data: bytes) -> Iterator[bytes]:
        """The decoded slices (each at most ``slice_size`` bytes) that ``data`` completes."""
        return self._through(0, data)

    def flush(self) -> Iterator[bytes]:
        """What the decoders still hold at the end of the body."""
        for index, decoder in enumerate(self._chain):
            rest = decoder.flush()
            if rest:
                yield from self._through(index + 1, rest)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._chain):
            yield data
            return
        for piece in self._chain[index].decode(data, self.slice_size):
            yield from self._through(index + 1, piece)


def body_decoder(
    content_encoding: str | None, slice_size: int = DEFAULT_SLICE
) -> BodyDecoder | None:
    """The decoder for a ``Content-Encoding`` value; None for an unencoded body.

    The header lists encodings in the order they were applied, so they are undone in
    reverse. Raises `ResponseValidationError` for an encoding the SDK did not ask for.
    """
    if not content_encoding:
        return None
    names = [name.strip().lower() for name in content_encoding.split(",")]
    chain: list[_ZlibDecoder] = []
    for name in reversed(names):
        if name in _IDENTITY:
            continue
        if name not in ("gzip", "x-gzip", "deflate"):
            raise ResponseValidationError(
                f"the server sent a body in Content-Encoding {name!r}, which the SDK does not "
                f"ask for (it sends Accept-Encoding: {ACCEPT_ENCODING})",
                status_code=0,  # the reader fills in the status and request id
            )
        chain.append(_ZlibDecoder(name))
    return BodyDecoder(chain, slice_size) if chain else None


def _corrupt(exc: zlib.error) -> ResponseValidationError:
    return ResponseValidationError(
        f"the server sent a compressed body that cannot be decoded ({exc})", status_code=0
    )
