"""SSE decoding throughput: miosa's `_sse.SSEDecoder` against httpx-sse's own decoder.

Plain script, no network: a realistic ``text/event-stream`` body (100k small JSON events,
a heartbeat comment every 100 events) is cut into 64 KiB chunks, as an HTTP response
would deliver it, and pushed through:

* httpx-sse: the pipeline of ``EventSource.iter_sse`` -- an incremental UTF-8 decoder
  (what ``httpx.Response.iter_text`` uses), ``httpx_sse._decoders.SSELineDecoder`` and
  ``httpx_sse._decoders.SSEDecoder.decode`` once per line;
* miosa: ``miosa._core.sse.SSEDecoder.feed`` once per chunk (its events are a slotted
  class since 2026-12-05; they were httpx-sse's ``ServerSentEvent`` before, whose
  attributes are properties).

Every event's data is ``json.loads``-ed once in every pipeline, as the stream layer does.
Each pipeline runs several rounds, interleaved so machine drift hits all alike; the
best and median rounds are reported as events/s, with the ratio miosa / httpx-sse.

Run: ``PYTHONPATH=src python benchmarks/sse_decoder_bench.py [--events N] [--rounds R]``
"""

from __future__ import annotations

import argparse
import codecs
import json
import platform
import statistics
import time
from collections.abc import Callable

from httpx_sse._decoders import SSEDecoder as HttpxSSEDecoder
from httpx_sse._decoders import SSELineDecoder

from miosa._core import sse as _sse

CHUNK = 64 * 1024


def make_body(n: int) -> bytes:
    parts = []
    for i in range(n):
        parts.append(
            f"id: {i}\nevent: sandbox.exec\n"
            f'data: {{"type":"sandbox.exec","data":{{"command":"ls","exit_code":0}}}}\n\n'
        )
        if i % 100 == 99:
            parts.append(": keepalive\n\n")
    return "".join(parts).encode()


def chunked(body: bytes, size: int = CHUNK) -> list[bytes]:
    return [body[i : i + size] for i in range(0, len(body), size)]


def run_httpx_sse(chunks: list[bytes]) -> int:
    # Mirrors httpx_sse.EventSource.iter_sse over httpx.Response.iter_text.
    text_decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    line_decoder = SSELineDecoder()
    decoder = HttpxSSEDecoder()
    loads = json.loads
    count = 0
    for chunk in chunks:
        text = text_decoder.decode(chunk)
        if not text:
            continue
        for line in line_decoder.decode(text):
            sse = decoder.decode(line.rstrip("\n"))
            # httpx-sse also emits a data-less event for a heartbeat block once an id
            # was seen (not spec-conformant); a consumer has to skip it.
            if sse is not None and sse.data:
                loads(sse.data)
                count += 1
    for line in line_decoder.flush():
        sse = decoder.decode(line)
        if sse is not None and sse.data:
            loads(sse.data)
            count += 1
    return count


def run_miosa(chunks: list[bytes]) -> int:
    decoder = _sse.SSEDecoder()
    feed = decoder.feed
    loads = json.loads
    count = 0
    for chunk in chunks:
        for event in feed(chunk):
            loads(event.data)
            count += 1
    decoder.flush()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()

    body = make_body(args.events)
    chunks = chunked(body)
    pipelines: dict[str, Callable[[list[bytes]], int]] = {
        "httpx-sse": run_httpx_sse,
        "miosa": run_miosa,
    }
    for name, run in pipelines.items():  # warm up and check they agree
        got = run(chunks)
        assert got == args.events, (name, got)

    times: dict[str, list[float]] = {name: [] for name in pipelines}
    for _ in range(args.rounds):
        for name, run in pipelines.items():
            start = time.perf_counter()
            run(chunks)
            times[name].append(time.perf_counter() - start)

    print(
        f"{args.events} events, {len(body) / 1e6:.1f} MB in {len(chunks)} chunks of 64 KiB, "
        f"{args.rounds} rounds; Python {platform.python_version()} on {platform.machine()}"
    )
    rates: dict[str, tuple[float, float]] = {}
    for name, samples in times.items():
        best = args.events / min(samples)
        median = args.events / statistics.median(samples)
        rates[name] = (best, median)
        print(
            f"  {name:<22} best {best / 1e3:8.1f}k events/s   median {median / 1e3:8.1f}k events/s"
        )
    base_best, base_median = rates["httpx-sse"]
    best, median = rates["miosa"]
    print(
        f"  ratio miosa / httpx-sse: best {best / base_best:.2f}x, "
        f"median {median / base_median:.2f}x"
    )


if __name__ == "__main__":
    main()
