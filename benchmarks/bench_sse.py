"""SSE throughput: ``sandbox.events.stream()`` against raw httpx-sse, same server, one run.

A loopback server (a separate process, pinned to its own core when the machine has two)
answers every GET with the same pre-built ``text/event-stream`` body: N JSON events
shaped like the sandbox event stream (``id:``, ``event:`` and one ``data:`` line each,
a ``: keepalive`` comment every 100 events). Each round, every contender reads the
whole body once and decodes every event's JSON:

* ``httpx-sse sync`` / ``httpx-sse async``: ``connect_sse``/``aconnect_sse`` +
  ``iter_sse``/``aiter_sse``, ``json.loads(sse.data)`` per event (raw httpx, no SDK);
* ``miosa sync`` / ``miosa async``: ``client.sandboxes.handle(id).events.stream()``,
  reading ``event.type`` and ``event.data`` of each typed event;
* optionally ``miosa 2.19`` (the PyPI SDK) with ``--miosa219-python PATH``: an interpreter
  where ``pip install miosa==2.19.2`` is installed; it runs in its own process against
  the same server.

Rounds alternate the contenders so machine drift hits all alike; best and median
events/s are reported, with ratios against httpx-sse measured in this run.

Run: ``PYTHONPATH=src python benchmarks/bench_sse.py [--events N] [--rounds R]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable

import anyio
import httpx
from httpx_sse import aconnect_sse, connect_sse

from miosa import AsyncMiosa, Miosa

API_KEY = "msk_bench_0000000000000000"
SERVER_CORE = 1
CLIENT_CORE = 0


def make_body(n: int) -> bytes:
    parts = ["retry: 1000\n\n"]
    for i in range(1, n + 1):
        payload = {
            "type": "sandbox.exec",
            "data": {"command": "ls", "exit_code": 0, "duration_ms": 12},
            "sandbox_id": "sbx_1",
        }
        parts.append(f"id: {i}\nevent: sandbox.exec\ndata: {json.dumps(payload)}\n\n")
        if i % 100 == 0:
            parts.append(": keepalive\n\n")
    return "".join(parts).encode()


SERVER = textwrap.dedent(
    """
    import os, socket, sys, threading
    body = open(sys.argv[1], "rb").read()
    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > 1:
        os.sched_setaffinity(0, {int(sys.argv[2])})
    head = (
        b"HTTP/1.1 200 OK\\r\\ncontent-type: text/event-stream\\r\\n"
        b"cache-control: no-cache\\r\\ncontent-length: %d\\r\\nconnection: close\\r\\n\\r\\n"
        % len(body)
    )
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print(listener.getsockname()[1], flush=True)

    def serve(conn):
        with conn:
            data = b""
            while b"\\r\\n\\r\\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            try:
                conn.sendall(head + body)
            except OSError:
                pass

    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
    """
)

# miosa 2.19 has no sandbox event stream; its SSE path is the tenant stream
# (``client.events.stream()``: its own line parser, ``json.loads`` per event, dicts out).
MIOSA_219 = textwrap.dedent(
    """
    import json, sys, time
    from miosa import Miosa
    url, n, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    client = Miosa(api_key="msk_bench_0000000000000000", base_url=url)
    rates = []
    for _ in range(rounds + 1):
        started = time.perf_counter()
        count = 0
        for event in client.events.stream():
            _ = event.get("type"), event.get("data")
            count += 1
        assert count == n, count
        rates.append(n / (time.perf_counter() - started))
    print(json.dumps(rates[1:]))
    """
)


def raw_sync(url: str) -> int:
    count = 0
    loads = json.loads
    with httpx.Client(timeout=60) as client, connect_sse(client, "GET", url) as source:
        for sse in source.iter_sse():
            if sse.data:
                payload = loads(sse.data)
                _ = sse.event, payload
                count += 1
    return count


async def raw_async(url: str) -> int:
    count = 0
    loads = json.loads
    async with (
        httpx.AsyncClient(timeout=60) as client,
        aconnect_sse(client, "GET", url) as source,
    ):
        async for sse in source.aiter_sse():
            if sse.data:
                payload = loads(sse.data)
                _ = sse.event, payload
                count += 1
    return count


def sdk_sync(base_url: str) -> int:
    count = 0
    with (
        Miosa(api_key=API_KEY, base_url=base_url) as client,
        client.sandboxes.handle("sbx_1").events.stream() as events,
    ):
        for event in events:
            _ = event.type, event.data
            count += 1
    return count


async def sdk_async(base_url: str) -> int:
    count = 0
    async with (
        AsyncMiosa(api_key=API_KEY, base_url=base_url) as client,
        client.sandboxes.handle("sbx_1").events.stream() as events,
    ):
        async for event in events:
            _ = event.type, event.data
            count += 1
    return count


def timed(run: Callable[[], int], expected: int) -> float:
    started = time.perf_counter()
    count = run()
    elapsed = time.perf_counter() - started
    if count != expected:
        raise RuntimeError(f"expected {expected} events, got {count}")
    return expected / elapsed


def start_server(body_path: str) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, body_path, str(SERVER_CORE)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    port = int(proc.stdout.readline())
    return proc, port


def miosa219_rates(python: str, base_url: str, n: int, rounds: int) -> list[float] | None:
    """miosa 2.19's tenant event stream, in its own interpreter (first round is warm-up)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [python, "-c", MIOSA_219, base_url, str(n), str(rounds)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if run.returncode != 0:
        print("miosa 2.19 run failed:", run.stderr.strip()[-500:])
        return None
    return [float(x) for x in json.loads(run.stdout.strip().splitlines()[-1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--miosa219-python", default=None)
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {CLIENT_CORE})
    body_path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"miosa-sse-{os.getpid()}.txt")
    with open(body_path, "wb") as f:
        f.write(make_body(args.events))
    server, port = start_server(body_path)
    base_url = f"http://127.0.0.1:{port}/api/v1"
    url = base_url + "/sandboxes/sbx_1/events"
    n = args.events
    contenders: dict[str, Callable[[], int]] = {
        "httpx-sse sync": lambda: raw_sync(url),
        "miosa sync": lambda: sdk_sync(base_url),
        "httpx-sse async": lambda: anyio.run(raw_async, url),
        "miosa async": lambda: anyio.run(sdk_async, base_url),
    }
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    try:
        for run in contenders.values():  # warm-up: imports, first connections
            timed(run, n)
        for _ in range(args.rounds):
            for name, run in contenders.items():
                rates[name].append(timed(run, n))
        legacy = None
        if args.miosa219_python:
            legacy = miosa219_rates(args.miosa219_python, base_url, n, args.rounds)
    finally:
        server.kill()
        os.unlink(body_path)

    print(
        f"{n} events ({len(make_body(n)) / 1e6:.1f} MB), {args.rounds} rounds; "
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {socket.gethostname()}"
    )
    for name, values in rates.items():
        print(
            f"  {name:16} best {max(values) / 1e3:7.1f}k events/s   "
            f"median {statistics.median(values) / 1e3:7.1f}k events/s"
        )
    for mode in ("sync", "async"):
        sdk, raw = rates[f"miosa {mode}"], rates[f"httpx-sse {mode}"]
        print(
            f"  ratio miosa/httpx-sse {mode}: best {max(sdk) / max(raw):.2f}x, "
            f"median {statistics.median(sdk) / statistics.median(raw):.2f}x"
        )
    if legacy:
        print(
            f"  {'miosa 2.19 sync':16} best {max(legacy) / 1e3:7.1f}k events/s   "
            f"median {statistics.median(legacy) / 1e3:7.1f}k events/s   (tenant stream, "
            "its own process, after the rounds above)"
        )
        sdk = rates["miosa sync"]
        print(
            f"  ratio miosa/miosa 2.19 sync: best {max(sdk) / max(legacy):.2f}x, "
            f"median {statistics.median(sdk) / statistics.median(legacy):.2f}x"
        )


if __name__ == "__main__":
    main()
