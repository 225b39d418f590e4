"""The client workloads through miosa 2.19 (the PyPI SDK), for `bench_client.py`.

Run by an interpreter where ``pip install miosa==2.19.2`` is installed (it must not see
this repo's ``src``): ``python miosa219_client.py BASE_URL CALLS ROUNDS``. Prints one JSON
line: per-call CPU us for raw httpx and miosa 2.19 (sync, alternating in blocks of 100)
and the wall ms of 500 concurrent ``sandboxes.get`` on asyncio, one figure per round.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

import httpx

import miosa  # the PyPI package in the interpreter running this, not ours

KEY = "msk_bench_key_000000"
BLOCK = 100


def per_call(base: str, calls: int) -> tuple[float, float]:
    raw_client = httpx.Client()
    legacy = miosa.Miosa(api_key=KEY, base_url=base)
    url = base + "/sandboxes/sbx_bench"
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}

    def raw() -> None:
        raw_client.get(url, headers=headers).json()

    def via_legacy() -> None:
        legacy.sandboxes.get("sbx_bench")

    times: dict[str, list[float]] = {"raw": [], "legacy": []}
    for fn in (raw, via_legacy):
        for _ in range(50):
            fn()
    for _ in range(calls // BLOCK):
        for name, fn in (("raw", raw), ("legacy", via_legacy)):
            started = time.process_time()
            for _ in range(BLOCK):
                fn()
            times[name].append((time.process_time() - started) / BLOCK * 1e6)
    return statistics.median(times["raw"]), statistics.median(times["legacy"])


async def concurrent(base: str, n: int = 500) -> float:
    client = miosa.AsyncMiosa(api_key=KEY, base_url=base, timeout=60)
    try:
        started = time.perf_counter()
        await asyncio.gather(*(client.sandboxes.get("sbx_bench") for _ in range(n)))
        return (time.perf_counter() - started) * 1000
    finally:
        await client.close()


def main() -> None:
    base, calls, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    raw_us, legacy_us = per_call(base, calls)
    walls = [asyncio.run(concurrent(base)) for _ in range(rounds)]
    print(json.dumps({"per_call": [raw_us, legacy_us], "concurrent_ms": walls}))


if __name__ == "__main__":
    main()
