"""Per-call overhead, concurrency and import time: the SDK against raw httpx, in one run.

    python benchmarks/bench_client.py [--quick] [--only=per-call|paginate|concurrency|import]
        [--miosa219-python PATH]

Starts `canned_server.py` pinned to CPU 1 and pins itself to CPU 0 (when the machine has
two cores), then measures, alternating raw httpx and the SDK so drift hits both alike:

* per call: CPU microseconds for sequential ``GET /sandboxes/{id}`` parsed into a result
  (raw: ``response.json()``; SDK: ``client.sandboxes.get`` -> typed handle), sync and async;
* 500 concurrent gets on asyncio and Trio: wall time, raw httpx with a 100-connection pool
  (and 10 / 20) against the SDK's default, plus the SDK with other in-flight limits; and
  for each, the connections opened per call (counted in httpcore's pool);
* paginate: items/s walking 10,000 audit-log entries in pages of 100;
* import: whole-process wall time of ``import httpx`` against ``from miosa import Miosa``;
* with ``--miosa219-python PATH`` (an interpreter where ``miosa==2.19.2`` is installed):
  the per-call and asyncio concurrency workloads through miosa 2.19, against the same
  server (``miosa219_client.py``, run in that interpreter).

Prints a Markdown report and writes it to ``benchmarks/results/client.md`` (a run with
``--only`` prints its part and writes nothing).
"""

from __future__ import annotations

import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import anyio
import httpcore
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
# A page walk takes ~0.1 s, and the machine's drift between two walks is as large as the
# gap being measured (raw httpx alone moves by 10%): more alternating rounds, same cost.
PAGINATE_ROUNDS = 3 if QUICK else 15
ONLY = next((arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--only=")), None)


MIOSA_219 = next(
    (sys.argv[i + 1] for i, arg in enumerate(sys.argv[:-1]) if arg == "--miosa219-python"), None
)


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


# More ids than the SDK's per-path URL cache holds (1024), so every call misses it.
DISTINCT_IDS = [f"sbx_{n:05d}" for n in range(5000)]


def ids(distinct: bool) -> Iterator[str]:
    return itertools.cycle(DISTINCT_IDS) if distinct else itertools.repeat("sbx_bench")


def per_call_sync(base: str, distinct: bool = False) -> tuple[list[float], list[float]]:
    raw_client = httpx.Client()
    sdk = Miosa(api_key=KEY, base_url=base)
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}
    raw_ids, sdk_ids = ids(distinct), ids(distinct)

    def raw() -> None:
        raw_client.get(f"{base}/sandboxes/{next(raw_ids)}", headers=headers).json()

    def via_sdk() -> None:
        sdk.sandboxes.get(next(sdk_ids))

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


def paginate(base: str) -> tuple[list[float], list[float]]:
    """Items per second walking 10,000 audit-log entries in pages of 100, sync."""
    raw_client = httpx.Client()
    sdk = Miosa(api_key=KEY, base_url=base)
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}

    def raw() -> int:
        count, after = 0, None
        while True:
            params = {"limit": "100"} if after is None else {"limit": "100", "after": after}
            page = raw_client.get(f"{base}/audit-log", params=params, headers=headers).json()
            for item in page["data"]:
                count += item["id"] is not None
            after = page.get("next_cursor")
            if not after:
                return count

    def via_sdk() -> int:
        return sum(entry.id is not None for entry in sdk.audit_log.list(limit=100))

    raw_rates: list[float] = []
    sdk_rates: list[float] = []
    raw(), via_sdk()  # warm up
    for _ in range(PAGINATE_ROUNDS):
        for fn, out in ((raw, raw_rates), (via_sdk, sdk_rates)):
            started = time.perf_counter()
            count = fn()
            out.append(count / (time.perf_counter() - started))
            assert count == 10_000, count
    raw_client.close()
    sdk.close()
    return raw_rates, sdk_rates


class ConnectionCount:
    """Connections httpcore opens (async pools), counted by wrapping its factory method."""

    opened = 0

    @classmethod
    def install(cls) -> None:
        original = httpcore.AsyncConnectionPool.create_connection

        def counting(pool: httpcore.AsyncConnectionPool, origin: Any) -> Any:
            cls.opened += 1
            return original(pool, origin)

        httpcore.AsyncConnectionPool.create_connection = counting  # type: ignore[method-assign,assignment]


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


def concurrency(base: str, backend: str) -> dict[str, tuple[float, float]]:
    """Per case: median wall ms, and connections opened per call (over every round)."""
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
    opened: dict[str, int] = dict.fromkeys(cases, 0)
    for _ in range(ROUNDS):
        for name, case in cases.items():
            before = ConnectionCount.opened
            samples[name].append(anyio.run(case, backend=backend))  # type: ignore[arg-type]
            opened[name] += ConnectionCount.opened - before
    return {
        name: (statistics.median(values), opened[name] / (CONCURRENT * ROUNDS))
        for name, values in samples.items()
    }


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
    rows = (
        ("sync", per_call_sync(base)),
        ("sync, a different id each call", per_call_sync(base, distinct=True)),
        ("async (asyncio)", anyio.run(per_call_async, base)),
    )
    lines = [
        "| per call, `GET /sandboxes/{id}` parsed, CPU us (median of blocks of "
        f"{BLOCK}, {SEQUENTIAL_CALLS} calls each) | raw httpx | SDK | SDK / raw |",
        "|---|---|---|---|",
    ]
    for label, (raw, sdk) in rows:
        r, s = statistics.median(raw), statistics.median(sdk)
        lines.append(f"| {label} | {r:.0f} | {s:.0f} | {s / r:.3f}x |")
    lines.append("")
    return lines


def paginate_report(base: str) -> list[str]:
    raw, sdk = paginate(base)
    r, s = statistics.median(raw), statistics.median(sdk)
    return [
        "| paginate 10,000 audit-log entries (pages of 100), sync, items/s"
        f" (median of {PAGINATE_ROUNDS})"
        " | raw httpx (dicts) | SDK (`AuditLogEntry` models) | SDK / raw |",
        "|---|---|---|---|",
        f"| items/s | {r:,.0f} | {s:,.0f} | {s / r:.3f}x |",
        "",
    ]


def miosa219(base: str) -> dict[str, Any] | None:
    if MIOSA_219 is None:
        return None
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [MIOSA_219, str(HERE / "miosa219_client.py"), base, str(SEQUENTIAL_CALLS), str(ROUNDS)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd="/",
    )
    if run.returncode != 0:
        print("miosa 2.19 run failed:", run.stderr.strip()[-500:])
        return None
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def miosa219_report(legacy: dict[str, Any], sdk_concurrent_ms: float | None) -> list[str]:
    raw_us, legacy_us = legacy["per_call"]
    wall = statistics.median(legacy["concurrent_ms"])
    lines = [
        "| miosa 2.19 (PyPI), same server | figure | ratio |",
        "|---|---|---|",
        f"| per call sync, CPU us (raw httpx in its process: {raw_us:.0f}) | {legacy_us:.0f} "
        f"| {legacy_us / raw_us:.3f}x raw httpx |",
        f"| 500 concurrent gets on asyncio, wall ms (median of {ROUNDS}) | {wall:.0f} | |",
    ]
    if sdk_concurrent_ms is not None:
        lines.append(
            f"| SDK default / miosa 2.19, 500 concurrent gets on asyncio | "
            f"{sdk_concurrent_ms:.0f} / {wall:.0f} | {sdk_concurrent_ms / wall:.2f}x |"
        )
    lines.append("")
    return lines


def main() -> None:
    ConnectionCount.install()
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
        if wanted("paginate"):
            lines += paginate_report(base)
        sdk_asyncio_ms = None
        for backend in ("asyncio", "trio") if wanted("concurrency") else ():
            results = concurrency(base, backend)
            if backend == "asyncio":
                sdk_asyncio_ms = results["SDK default (pool 100, 100 in flight)"][0]
            baseline = results["raw httpx, pool 100"][0]
            lines.append(
                f"| {CONCURRENT} concurrent gets on {backend}, wall ms "
                f"(median of {ROUNDS}) | ms | vs raw httpx pool 100 | connections opened per call |"
            )
            lines.append("|---|---|---|---|")
            for name, (value, per_call) in results.items():
                lines.append(f"| {name} | {value:.0f} | {value / baseline:.2f}x | {per_call:.2f} |")
            lines.append("")
        legacy = miosa219(base)
        if legacy is not None:
            lines += miosa219_report(legacy, sdk_asyncio_ms)
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
