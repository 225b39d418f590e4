"""Per-call overhead, concurrency and import time: the SDK against raw httpx, in one run.

    python benchmarks/bench_client.py [--quick] [--only=per-call|concurrency|import]

Starts `canned_server.py` pinned to CPU 1 and pins itself to CPU 0 (when the machine has
two cores), then measures, alternating raw httpx and the SDK so drift hits both alike:

* per call: CPU microseconds for sequential ``GET /sandboxes/{id}`` parsed into a result
  (raw: ``response.json()``; SDK: ``client.sandboxes.get`` -> typed handle), sync and async;
* 500 concurrent gets on asyncio and Trio: wall time, raw httpx with a 100-connection pool
  (and 10 / 20) against the SDK's default, plus the SDK with other in-flight limits;
* import: whole-process wall time of ``import httpx`` against ``from miosa import Miosa``.

Prints a Markdown report and writes it to ``benchmarks/results/client.md`` (a run with
``--only`` prints its part and writes nothing).
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import anyio
import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from miosa import AsyncMiosa, Miosa  # noqa: E402

KEY = "msk_bench_key_000000"
QUICK = "--quick" in sys.argv
SEQUENTIAL_CALLS = 400 if QUICK else 2000
BLOCK = 100
CONCURRENT = 500
ROUNDS = 3 if QUICK else 5
ONLY = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--only=")), None)


def wanted(part: str) -> bool:
    return ONLY is None or part == ONLY


def start_server() -> tuple[subprocess.Popen[str], str]:
    cpu = ["1"] if (os.cpu_count() or 1) >= 2 else []
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "canned_server.py"), *cpu],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert line and line[0] == "READY", line
    return proc, f"http://127.0.0.1:{line[1]}/api/v1"


def per_call_sync(base: str) -> tuple[list[float], list[float]]:
    raw_client = httpx.Client()
    sdk = Miosa(api_key=KEY, base_url=base)
    url = base + "/sandboxes/sbx_bench"
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}

    def raw() -> None:
        raw_client.get(url, headers=headers).json()

    def via_sdk() -> None:
        sdk.sandboxes.get("sbx_bench")

    raw_times: list[float] = []
    sdk_times: list[float] = []
    for fn in (raw, via_sdk):  # warm both pools and caches
        for _ in range(50):
            fn()
    for _ in range(SEQUENTIAL_CALLS // BLOCK):
        for fn, out in ((raw, raw_times), (via_sdk, sdk_times)):
            started = time.process_time()
            for _ in range(BLOCK):
                fn()
            out.append((time.process_time() - started) / BLOCK * 1e6)
    raw_client.close()
    sdk.close()
    return raw_times, sdk_times


async def per_call_async(base: str) -> tuple[list[float], list[float]]:
    raw_client = httpx.AsyncClient()
    sdk = AsyncMiosa(api_key=KEY, base_url=base)
    url = base + "/sandboxes/sbx_bench"
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}

    async def raw() -> None:
        (await raw_client.get(url, headers=headers)).json()

    async def via_sdk() -> None:
        await sdk.sandboxes.get("sbx_bench")

    raw_times: list[float] = []
    sdk_times: list[float] = []
    for fn in (raw, via_sdk):
        for _ in range(50):
            await fn()
    for _ in range(SEQUENTIAL_CALLS // BLOCK):
        for fn, out in ((raw, raw_times), (via_sdk, sdk_times)):
            started = time.process_time()
            for _ in range(BLOCK):
                await fn()
            out.append((time.process_time() - started) / BLOCK * 1e6)
    await raw_client.aclose()
    await sdk.close()
    return raw_times, sdk_times


async def gather(n: int, call: Callable[[], object]) -> float:
    started = time.perf_counter()
    async with anyio.create_task_group() as tg:
        for _ in range(n):
            tg.start_soon(call)  # type: ignore[arg-type]
    return (time.perf_counter() - started) * 1000


async def concurrent_raw(base: str, pool: int) -> float:
    limits = httpx.Limits(max_connections=pool, max_keepalive_connections=min(pool, 20))
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        url = base + "/sandboxes/sbx_bench"

        async def call() -> None:
            (await client.get(url)).json()

        return await gather(CONCURRENT, call)


async def concurrent_sdk(base: str, in_flight: int | None) -> float:
    async with AsyncMiosa(
        api_key=KEY, base_url=base, max_in_flight=in_flight, timeout=60
    ) as client:

        async def call() -> None:
            await client.sandboxes.get("sbx_bench")

        return await gather(CONCURRENT, call)


def concurrency(base: str, backend: str) -> dict[str, float]:
    cases: dict[str, Callable[[], object]] = {
        "raw httpx, pool 100": lambda: concurrent_raw(base, 100),
        "raw httpx, pool 20": lambda: concurrent_raw(base, 20),
        "raw httpx, pool 10": lambda: concurrent_raw(base, 10),
        "SDK default (pool 100, 100 in flight)": lambda: concurrent_sdk(base, None),
        "SDK, max_in_flight=32": lambda: concurrent_sdk(base, 32),
        "SDK, max_in_flight=16": lambda: concurrent_sdk(base, 16),
        "SDK, max_in_flight=8": lambda: concurrent_sdk(base, 8),
        "SDK, max_in_flight=4": lambda: concurrent_sdk(base, 4),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):
        for name, case in cases.items():
            samples[name].append(anyio.run(case, backend=backend))  # type: ignore[arg-type]
    return {name: statistics.median(values) for name, values in samples.items()}


def import_times() -> tuple[float, float]:
    def once(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - started

    httpx_times, miosa_times = [], []
    for _ in range(5 if QUICK else 15):
        httpx_times.append(once("import httpx"))
        miosa_times.append(once("from miosa import Miosa"))
    return statistics.median(httpx_times) * 1000, statistics.median(miosa_times) * 1000


def per_call_report(base: str) -> list[str]:
    raw_s, sdk_s = per_call_sync(base)
    raw_a, sdk_a = anyio.run(per_call_async, base)
    lines = [
        "| per call, `GET /sandboxes/{id}` parsed, CPU us (median of blocks of "
        f"{BLOCK}, {SEQUENTIAL_CALLS} calls each) | raw httpx | SDK | SDK / raw |",
        "|---|---|---|---|",
    ]
    for label, raw, sdk in (("sync", raw_s, sdk_s), ("async (asyncio)", raw_a, sdk_a)):
        r, s = statistics.median(raw), statistics.median(sdk)
        lines.append(f"| {label} | {r:.0f} | {s:.0f} | {s / r:.3f}x |")
    lines.append("")
    return lines


def main() -> None:
    if (os.cpu_count() or 1) >= 2:
        os.sched_setaffinity(0, {0})
    server, base = start_server()
    lines: list[str] = []
    try:
        lines.append(
            f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC} on {platform.node()}: "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"httpx {httpx.__version__}; client pinned to CPU 0, server to CPU 1.\n"
        )
        if wanted("per-call"):
            lines += per_call_report(base)
        for backend in ("asyncio", "trio") if wanted("concurrency") else ():
            results = concurrency(base, backend)
            baseline = results["raw httpx, pool 100"]
            lines.append(
                f"| {CONCURRENT} concurrent gets on {backend}, wall ms "
                f"(median of {ROUNDS}) | ms | vs raw httpx pool 100 |"
            )
            lines.append("|---|---|---|")
            for name, value in results.items():
                lines.append(f"| {name} | {value:.0f} | {value / baseline:.2f}x |")
            lines.append("")
        if wanted("import"):
            httpx_ms, miosa_ms = import_times()
            lines.append("| import, whole process wall ms (median) | ms |")
            lines.append("|---|---|")
            lines.append(f"| `python -c 'import httpx'` | {httpx_ms:.0f} |")
            lines.append(
                f"| `python -c 'from miosa import Miosa'` | {miosa_ms:.0f} "
                f"({miosa_ms / httpx_ms:.2f}x) |"
            )
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    report = "\n".join(lines) + "\n"
    print(report)
    if ONLY is not None:
        return
    out = HERE / "results" / "client.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report)


if __name__ == "__main__":
    main()
