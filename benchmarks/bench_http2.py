"""HTTP/2 against HTTP/1.1 over TLS: raw httpx and the SDK (``http2=True``), in one run.

    python benchmarks/bench_http2.py [--quick]

Makes a throwaway CA and a certificate for 127.0.0.1 (trustme), then starts hypercorn on
127.0.0.1 over TLS, offering ``h2`` and ``http/1.1`` by ALPN and answering with
`canned_server.app` (the same canned sandbox JSON as ``bench_client.py``). The server runs in
a subprocess pinned to CPU 1 and this process pins itself to CPU 0 (when the machine has two
cores); the server stops when this process closes its stdin, and on its own after
``SERVER_LIFETIME`` seconds whatever happens here.

The SDK has no ``verify=`` option and ``http2=True`` refuses ``http_client=``, so the pool
the SDK builds trusts the test CA through ``SSL_CERT_FILE``, which httpx reads when the pool
is built. The raw httpx clients get an SSL context loaded from the same file. hypercorn's
limit of 1,000 requests per connection is lifted, so no run pays for a reconnect midway.

Four contenders, alternated within each round (in a rotating order) so drift hits all alike:
raw httpx over HTTP/1.1, raw httpx over HTTP/2, the SDK's default (HTTP/1.1) and the SDK
with ``http2=True``. Measured:

* per call: CPU microseconds for sequential ``GET /sandboxes/{id}`` parsed into a result
  (raw: ``response.json()``; SDK: ``client.sandboxes.get`` -> typed handle), sync and async
  (asyncio); median over blocks of calls;
* 500 concurrent gets on asyncio: wall time (median over rounds) and the connections opened
  per run (counted in httpcore's pool); raw httpx with its default limits (100 connections,
  20 kept alive), the SDK with its defaults (100 connections, 100 in flight).

Prints a Markdown report and writes it to ``benchmarks/results/http2.md``.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import os
import platform
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import anyio
import httpcore
import httpx
import trustme

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import miosa  # noqa: E402
from miosa import AsyncMiosa, Miosa  # noqa: E402

KEY = "msk_bench_key_000000"
QUICK = "--quick" in sys.argv
SEQUENTIAL_CALLS = 400 if QUICK else 2000
BLOCK = 100
WARMUP_CALLS = 50
CONCURRENT = 500
ROUNDS = 3 if QUICK else 5
SERVER_LIFETIME = 600  # seconds; the server exits on its own after this
SANDBOX_ID = "sbx_bench"

CONTENDERS = ("raw httpx HTTP/1.1", "raw httpx HTTP/2", "SDK HTTP/1.1", "SDK http2=True")
EXPECTED_VERSION = {
    "raw httpx HTTP/1.1": "HTTP/1.1",
    "raw httpx HTTP/2": "HTTP/2",
    "SDK HTTP/1.1": "HTTP/1.1",
    "SDK http2=True": "HTTP/2",
}


# -- server (a subprocess: ``bench_http2.py --serve CERTFILE KEYFILE [CPU]``) ----------------


def serve(certfile: str, keyfile: str, cpu: int | None) -> None:
    from hypercorn.asyncio import serve as hypercorn_serve
    from hypercorn.config import Config

    sys.path.insert(0, str(HERE))
    from canned_server import app

    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    sock = socket.socket()
    # Accepted sockets inherit this on Linux (see canned_server.py: no delayed-ACK stalls).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    port = sock.getsockname()[1]
    config = Config()
    config.bind = [f"fd://{sock.fileno()}"]
    config.certfile = certfile
    config.keyfile = keyfile
    config.alpn_protocols = ["h2", "http/1.1"]
    config.backlog = 2048
    config.loglevel = "ERROR"
    config.accesslog = None
    # hypercorn closes a connection after 1,000 requests by default; the runs here would
    # then measure reconnects rather than calls.
    config.keep_alive_max_requests = 1 << 40
    config.keep_alive_timeout = 60

    loop = asyncio.new_event_loop()
    stop = asyncio.Event()

    def stop_on_eof() -> None:
        sys.stdin.read()
        loop.call_soon_threadsafe(stop.set)

    async def shutdown_trigger() -> None:
        try:
            await asyncio.wait_for(stop.wait(), SERVER_LIFETIME)
        except asyncio.TimeoutError:
            print("bench_http2 server: lifetime over, stopping", file=sys.stderr)

    threading.Thread(target=stop_on_eof, daemon=True).start()
    loop.call_soon(lambda: print(f"READY {port}", flush=True))
    loop.run_until_complete(
        hypercorn_serve(app, config, shutdown_trigger=shutdown_trigger, mode="asgi")  # type: ignore[arg-type]
    )
    loop.close()


# -- client side ------------------------------------------------------------------------------


class TestCA:
    """A throwaway CA and a certificate for 127.0.0.1, written to a temporary directory."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="bench_http2_")
        folder = Path(self._dir.name)
        authority = trustme.CA()
        issued = authority.issue_cert("127.0.0.1")
        self.certfile, self.keyfile = folder / "cert.pem", folder / "key.pem"
        self.cafile = folder / "ca.pem"
        issued.private_key_and_cert_chain_pem.write_to_path(str(self.certfile))
        issued.private_key_pem.write_to_path(str(self.keyfile))
        authority.cert_pem.write_to_path(str(self.cafile))

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cafile))

    def cleanup(self) -> None:
        self._dir.cleanup()


def start_server(ca: TestCA) -> tuple[subprocess.Popen[str], str]:
    cpu = ["1"] if (os.cpu_count() or 1) >= 2 else []
    proc = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--serve",
            str(ca.certfile),
            str(ca.keyfile),
            *cpu,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    if not line or line[0] != "READY":
        stop_server(proc)
        raise RuntimeError(f"the HTTP/2 server did not start: {line}")
    return proc, f"https://127.0.0.1:{line[1]}/api/v1"


def stop_server(proc: subprocess.Popen[str]) -> None:
    if proc.stdin is not None and not proc.stdin.closed:
        proc.stdin.close()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


HEADERS = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}


def rotated(items: list[Any], shift: int) -> list[Any]:
    shift %= len(items)
    return items[shift:] + items[:shift]


# -- which protocol each contender speaks ----------------------------------------------------


def protocols(base: str, ca: TestCA) -> dict[str, str]:
    url = f"{base}/sandboxes/{SANDBOX_ID}"
    seen: dict[str, str] = {}
    for name, http2 in (("raw httpx HTTP/1.1", False), ("raw httpx HTTP/2", True)):
        with httpx.Client(http2=http2, verify=ca.ssl_context()) as client:
            seen[name] = client.get(url, headers=HEADERS).http_version
    for name, http2 in (("SDK HTTP/1.1", False), ("SDK http2=True", True)):
        with Miosa(api_key=KEY, base_url=base, http2=http2, max_retries=0) as sdk:
            raw = sdk.with_raw_response.sandboxes.get(SANDBOX_ID)
            seen[name] = raw.http_response.http_version
    for name, version in seen.items():
        if version != EXPECTED_VERSION[name]:
            raise RuntimeError(f"{name} spoke {version}, expected {EXPECTED_VERSION[name]}")
    return seen


# -- per call ---------------------------------------------------------------------------------


def per_call_sync(base: str, ca: TestCA) -> dict[str, list[float]]:
    url = f"{base}/sandboxes/{SANDBOX_ID}"
    raw1 = httpx.Client(verify=ca.ssl_context())
    raw2 = httpx.Client(http2=True, verify=ca.ssl_context())
    sdk1 = Miosa(api_key=KEY, base_url=base)
    sdk2 = Miosa(api_key=KEY, base_url=base, http2=True)
    calls: dict[str, Callable[[], object]] = {
        "raw httpx HTTP/1.1": lambda: raw1.get(url, headers=HEADERS).json(),
        "raw httpx HTTP/2": lambda: raw2.get(url, headers=HEADERS).json(),
        "SDK HTTP/1.1": lambda: sdk1.sandboxes.get(SANDBOX_ID),
        "SDK http2=True": lambda: sdk2.sandboxes.get(SANDBOX_ID),
    }
    times: dict[str, list[float]] = {name: [] for name in calls}
    try:
        for call in calls.values():  # warm pools, connections and caches
            for _ in range(WARMUP_CALLS):
                call()
        for block in range(SEQUENTIAL_CALLS // BLOCK):
            for name, call in rotated(list(calls.items()), block):
                started = time.process_time()
                for _ in range(BLOCK):
                    call()
                times[name].append((time.process_time() - started) / BLOCK * 1e6)
    finally:
        raw1.close()
        raw2.close()
        sdk1.close()
        sdk2.close()
    return times


async def per_call_async(base: str, ca: TestCA) -> dict[str, list[float]]:
    url = f"{base}/sandboxes/{SANDBOX_ID}"
    raw1 = httpx.AsyncClient(verify=ca.ssl_context())
    raw2 = httpx.AsyncClient(http2=True, verify=ca.ssl_context())
    sdk1 = AsyncMiosa(api_key=KEY, base_url=base)
    sdk2 = AsyncMiosa(api_key=KEY, base_url=base, http2=True)

    async def raw_h1() -> None:
        (await raw1.get(url, headers=HEADERS)).json()

    async def raw_h2() -> None:
        (await raw2.get(url, headers=HEADERS)).json()

    async def sdk_h1() -> None:
        await sdk1.sandboxes.get(SANDBOX_ID)

    async def sdk_h2() -> None:
        await sdk2.sandboxes.get(SANDBOX_ID)

    calls: dict[str, Callable[[], Awaitable[None]]] = {
        "raw httpx HTTP/1.1": raw_h1,
        "raw httpx HTTP/2": raw_h2,
        "SDK HTTP/1.1": sdk_h1,
        "SDK http2=True": sdk_h2,
    }
    times: dict[str, list[float]] = {name: [] for name in calls}
    try:
        for call in calls.values():
            for _ in range(WARMUP_CALLS):
                await call()
        for block in range(SEQUENTIAL_CALLS // BLOCK):
            for name, call in rotated(list(calls.items()), block):
                started = time.process_time()
                for _ in range(BLOCK):
                    await call()
                times[name].append((time.process_time() - started) / BLOCK * 1e6)
    finally:
        await raw1.aclose()
        await raw2.aclose()
        await sdk1.close()
        await sdk2.close()
    return times


# -- concurrency ------------------------------------------------------------------------------


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


async def gather(call: Callable[[], Coroutine[Any, Any, None]]) -> float:
    started = time.perf_counter()
    async with anyio.create_task_group() as tg:
        for _ in range(CONCURRENT):
            tg.start_soon(call)
    return (time.perf_counter() - started) * 1000


async def concurrent_raw(base: str, ca: TestCA, http2: bool) -> float:
    # httpx's default limits: 100 connections, 20 kept alive.
    async with httpx.AsyncClient(http2=http2, verify=ca.ssl_context(), timeout=60) as client:
        url = f"{base}/sandboxes/{SANDBOX_ID}"

        async def call() -> None:
            (await client.get(url, headers=HEADERS)).json()

        return await gather(call)


async def concurrent_sdk(base: str, http2: bool) -> float:
    async with AsyncMiosa(api_key=KEY, base_url=base, http2=http2, timeout=60) as client:

        async def call() -> None:
            await client.sandboxes.get(SANDBOX_ID)

        return await gather(call)


def concurrency(base: str, ca: TestCA) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Per contender: wall ms of each round, and connections opened over every round."""
    cases: dict[str, Callable[[], Awaitable[float]]] = {
        "raw httpx HTTP/1.1": lambda: concurrent_raw(base, ca, False),
        "raw httpx HTTP/2": lambda: concurrent_raw(base, ca, True),
        "SDK HTTP/1.1": lambda: concurrent_sdk(base, False),
        "SDK http2=True": lambda: concurrent_sdk(base, True),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    opened: dict[str, int] = dict.fromkeys(cases, 0)
    for case in cases.values():  # one unmeasured run each: imports, first handshakes
        anyio.run(case, backend="asyncio")
    for round_ in range(ROUNDS):
        for name, case in rotated(list(cases.items()), round_):
            before = ConnectionCount.opened
            samples[name].append(anyio.run(case, backend="asyncio"))
            opened[name] += ConnectionCount.opened - before
    return samples, opened


# -- report -----------------------------------------------------------------------------------


def verdict(ratio: float) -> str:
    if ratio < 0.95:
        return f"SDK http2=True faster than raw httpx HTTP/2 ({ratio:.2f}x)"
    if ratio > 1.05:
        return f"SDK http2=True slower than raw httpx HTTP/2 ({ratio:.2f}x)"
    return f"SDK http2=True on par with raw httpx HTTP/2 ({ratio:.2f}x)"


def row(label: str, medians: dict[str, float], fmt: str) -> str:
    cells = " | ".join(format(medians[name], fmt) for name in CONTENDERS)
    h2_ratio = medians["SDK http2=True"] / medians["raw httpx HTTP/2"]
    vs_h1 = medians["SDK http2=True"] / medians["SDK HTTP/1.1"]
    return f"| {label} | {cells} | {h2_ratio:.3f}x | {vs_h1:.3f}x | {verdict(h2_ratio)} |"


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def main() -> None:
    if len(sys.argv) >= 4 and sys.argv[1] == "--serve":
        serve(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else None)
        return
    ConnectionCount.install()
    two_cores = (os.cpu_count() or 1) >= 2
    if two_cores:
        os.sched_setaffinity(0, {0})
    ca = TestCA()
    # The SDK's own pool reads this when it is built (there is no verify= option).
    os.environ["SSL_CERT_FILE"] = str(ca.cafile)
    started = time.perf_counter()
    server, base = start_server(ca)
    try:
        seen = protocols(base, ca)
        sync_times = per_call_sync(base, ca)
        async_times = anyio.run(per_call_async, base, ca, backend="asyncio")
        wall, opened = concurrency(base, ca)
    finally:
        stop_server(server)
        ca.cleanup()
    elapsed = time.perf_counter() - started

    pinning = "client pinned to CPU 0, server to CPU 1" if two_cores else "no CPU pinning"
    header = " | ".join(CONTENDERS)
    lines = [
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC} on {platform.node()}: "
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"httpx {httpx.__version__}, httpcore {httpcore.__version__}, h2 {version('h2')}, "
        f"hypercorn {version('hypercorn')}, miosa {miosa.__version__}; {pinning}"
        f"{'; --quick' if QUICK else ''}; {elapsed:.0f} s in all.",
        "",
        "Server: hypercorn over TLS on 127.0.0.1 (ALPN h2, http/1.1; 100 streams per HTTP/2 "
        "connection), a test CA; protocols seen: "
        + ", ".join(f"{name} -> {version_}" for name, version_ in seen.items())
        + ".",
        "",
        f"| workload | {header} | SDK http2 / raw http2 | SDK http2 / SDK HTTP/1.1 | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    per_call = f"median of blocks of {BLOCK}, {SEQUENTIAL_CALLS} calls each"
    for label, times in (
        (f"per call, sync, CPU us ({per_call})", sync_times),
        (f"per call, async (asyncio), CPU us ({per_call})", async_times),
    ):
        lines.append(row(label, {k: statistics.median(v) for k, v in times.items()}, ".0f"))
    lines.append(
        row(
            f"{CONCURRENT} concurrent gets on asyncio, wall ms (median of {ROUNDS})",
            {k: statistics.median(v) for k, v in wall.items()},
            ".0f",
        )
    )
    lines += [
        "",
        f"| {CONCURRENT} concurrent gets on asyncio | {header} |",
        "|---|---|---|---|---|",
        f"| connections opened per run (mean of {ROUNDS}) | "
        + " | ".join(f"{opened[name] / ROUNDS:.1f}" for name in CONTENDERS)
        + " |",
        "| wall ms, every round | "
        + " | ".join(", ".join(f"{ms:.0f}" for ms in wall[name]) for name in CONTENDERS)
        + " |",
        "",
        "raw httpx: default limits (100 connections, 20 kept alive); SDK: its defaults "
        "(100 connections, 100 requests in flight; HTTP/1.1 over ten pools of ten, "
        "http2=True over one pool).",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    out = HERE / "results" / "http2.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report)


if __name__ == "__main__":
    main()
