"""Every stream type, side by side with miosa 2.19 and raw httpx-sse, on one canned body each.

For each stream kind a loopback server (a separate process, pinned to its own core when
the machine has two) answers every streaming request with the same pre-built
``text/event-stream`` body of N events shaped as the API sends that stream, and
``GET /sandboxes/sbx_1`` with a running sandbox (miosa 2.19 fetches one before it can
stream). Each round, every contender reads the whole body once and touches every item:

* ``httpx-sse``: ``connect_sse`` + ``iter_sse`` + ``json.loads`` per event (no SDK);
* ``miosa sync`` / ``miosa async``: this SDK's call for that stream, typed items, one
  field read per item;
* ``miosa 2.19 sync`` / ``miosa 2.19 async`` with ``--miosa219-python PATH`` (an
  interpreter with ``miosa==2.19.2`` installed), in a worker process of its own against
  the same server, told to run one round at a time: its call for that stream, or, where
  it has none, the call it would take to read the same frames (said in the table).

| kind | this SDK | miosa 2.19 (where it has no such stream: the nearest) |
|---|---|---|
| sandbox-events | ``sandbox.events.stream()`` | ``client.events.stream()`` |
| tenant-events | ``client.events.stream()`` | ``client.events.stream()`` |
| exec-output | ``sandbox.exec.stream(cmd)`` | ``sandbox.exec_stream(cmd)`` |
| process-output | ``sandbox.processes.stream(pid)`` | ``sandbox.exec_stream(cmd)`` |
| file-watch | ``sandbox.files.watch()`` | ``client.events.stream()`` |
| logs | ``sandbox.logs.stream()`` | ``sandbox.stream_logs()`` |

Rounds alternate all the contenders, miosa 2.19's included, so machine drift hits all
alike; best and median items/s are printed, with the ratios against miosa 2.19 and
httpx-sse from this run.

Run: ``PYTHONPATH=src python benchmarks/bench_streams.py [--events N] [--rounds R]
[--kinds a,b] [--miosa219-python PATH] [--markdown]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx
from httpx_sse import connect_sse

from miosa import AsyncMiosa, Miosa

API_KEY = "msk_bench_0000000000000000"
SERVER_CORE = 1
CLIENT_CORE = 0
SANDBOX = {
    "id": "sbx_1",
    "status": "running",
    "state": "running",
    "name": "bench",
    "template": "base",
    "created_at": "2026-12-05T00:00:00Z",
}


def _frame(event_id: int | None, event: str | None, payload: object) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    head += f"event: {event}\n" if event else ""
    return f"{head}data: {json.dumps(payload)}\n\n"


def _events(n: int, tenant: bool) -> list[str]:
    frames = ["retry: 1000\n\n"]
    for i in range(1, n + 1):
        payload: dict[str, Any] = {
            "type": "sandbox.exec",
            "data": {"command": "ls", "exit_code": 0, "duration_ms": 12},
            "sandbox_id": "sbx_1",
        }
        if tenant:
            payload["tenant_id"] = "ten_1"
            payload["occurred_at"] = "2026-12-05T01:02:03.456789Z"
        frames.append(_frame(i, "sandbox.exec", payload))
        if i % 100 == 0:
            frames.append(": keepalive\n\n")
    return frames


def _output(n: int, with_ids: bool) -> list[str]:
    frames = []
    for i in range(1, n):
        stream = "stderr" if i % 10 == 0 else "stdout"
        line = f"line {i}: compiling module_{i % 97}.py ... ok"
        frames.append(_frame(i if with_ids else None, stream, {"line": line}))
    frames.append(_frame(n if with_ids else None, "exit", {"exit_code": 0, "duration_ms": 812}))
    return frames


def _watch(n: int) -> list[str]:
    kinds = ("created", "modified", "deleted")
    return [
        _frame(
            i,
            None,
            {
                "type": kinds[i % 3],
                "path": f"/workspace/src/pkg_{i % 13}/file_{i}.py",
                "size_bytes": 100 + i,
                "is_dir": False,
            },
        )
        for i in range(1, n + 1)
    ]


def _logs(n: int) -> list[str]:
    return [
        _frame(
            i,
            None,
            {
                "line": f"GET /health 200 {i % 50} ms",
                "stream": "stdout",
                "timestamp": "2026-12-05T01:02:03.456Z",
            },
        )
        for i in range(1, n + 1)
    ]


BODIES: dict[str, Callable[[int], list[str]]] = {
    "sandbox-events": lambda n: _events(n, tenant=False),
    "tenant-events": lambda n: _events(n, tenant=True),
    "exec-output": lambda n: _output(n, with_ids=False),
    "process-output": lambda n: _output(n, with_ids=True),
    "file-watch": _watch,
    "logs": _logs,
}


def _sdk_stream(client: Any, kind: str) -> Any:
    sandbox = client.sandboxes.handle("sbx_1")
    if kind == "sandbox-events":
        return sandbox.events.stream()
    if kind == "tenant-events":
        return client.events.stream()
    if kind == "exec-output":
        return sandbox.exec.stream("make")
    if kind == "process-output":
        return sandbox.processes.stream(1)
    if kind == "file-watch":
        return sandbox.files.watch()
    return sandbox.logs.stream()


# The field each contender reads per item, so no contender is timed on items it never looks at.
def _touch(kind: str) -> Callable[[Any], object]:
    if kind in ("sandbox-events", "tenant-events"):
        return lambda item: (item.type, item.data)
    if kind in ("exec-output", "process-output"):
        return lambda item: getattr(item, "line", None)
    if kind == "file-watch":
        return lambda item: (item.type, item.path)
    return lambda item: item.line


# Each contender builds its client before the clock starts (building one loads a TLS
# context, about 20 ms, which would be a fifth of a round here) and returns the seconds
# from opening the stream to its end, with the number of items read.
def sdk_sync(base_url: str, kind: str) -> tuple[int, float]:
    touch, count = _touch(kind), 0
    with Miosa(api_key=API_KEY, base_url=base_url) as client:
        started = time.perf_counter()
        with _sdk_stream(client, kind) as items:
            for item in items:
                touch(item)
                count += 1
        return count, time.perf_counter() - started


async def sdk_async(base_url: str, kind: str) -> tuple[int, float]:
    touch, count = _touch(kind), 0
    async with AsyncMiosa(api_key=API_KEY, base_url=base_url) as client:
        started = time.perf_counter()
        async with _sdk_stream(client, kind) as items:
            async for item in items:
                touch(item)
                count += 1
        return count, time.perf_counter() - started


def raw_sync(url: str) -> tuple[int, float]:
    count, loads = 0, json.loads
    with httpx.Client(timeout=60) as client:
        started = time.perf_counter()
        with connect_sse(client, "GET", url) as source:
            for sse in source.iter_sse():
                if sse.data:
                    _ = sse.event, loads(sse.data)
                    count += 1
        return count, time.perf_counter() - started


SERVER = textwrap.dedent(
    """
    import os, socket, sys, threading
    body = open(sys.argv[1], "rb").read()
    sandbox = sys.argv[3].encode()
    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > 1:
        os.sched_setaffinity(0, {int(sys.argv[2])})

    def reply(kind, payload):
        return (
            b"HTTP/1.1 200 OK\\r\\ncontent-type: %s\\r\\ncache-control: no-cache\\r\\n"
            b"content-length: %d\\r\\nconnection: close\\r\\n\\r\\n" % (kind, len(payload))
        ) + payload

    stream_reply = reply(b"text/event-stream", body)
    sandbox_reply = reply(b"application/json", sandbox)
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
            head, _, rest = data.partition(b"\\r\\n\\r\\n")
            length = 0
            for line in head.split(b"\\r\\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(rest) < length:  # read the request body so closing sends no reset
                chunk = conn.recv(65536)
                if not chunk:
                    return
                rest += chunk
            path = head.split(b" ")[1].split(b"?")[0]
            out = sandbox_reply if path.endswith(b"/sandboxes/sbx_1") else stream_reply
            try:
                conn.sendall(out)
            except OSError:
                pass

    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
    """
)

# miosa 2.19 runs in its own interpreter, so it is a worker that stays up for the whole kind
# and reads one round per line on stdin ("sync" or "async"), answering with the item count
# and the seconds it took. Its rounds then interleave with this SDK's rounds, and drift on
# the machine hits both alike. Like this SDK's contenders it builds its client (and fetches
# the sandbox it needs) before the clock starts.
MIOSA_219 = textwrap.dedent(
    """
    import asyncio, json, sys, time
    from miosa import AsyncMiosa, Miosa
    url, kind = sys.argv[1], sys.argv[2]
    KEY = "msk_bench_0000000000000000"

    def touch(item):
        if isinstance(item, dict):
            return item.get("type"), item.get("data")
        return item.type, item.data

    def streams(client, sandbox):
        if kind in ("exec-output", "process-output"):
            return sandbox.exec_stream("make")
        if kind == "logs":
            return sandbox.stream_logs()
        return client.events.stream()

    def sync_round():
        with Miosa(api_key=KEY, base_url=url) as client:
            sandbox = client.sandboxes.get("sbx_1")
            started, count = time.perf_counter(), 0
            for item in streams(client, sandbox):
                touch(item)
                count += 1
            return count, time.perf_counter() - started

    async def async_round():
        async with AsyncMiosa(api_key=KEY, base_url=url) as client:
            sandbox = await client.sandboxes.get("sbx_1")
            started, count = time.perf_counter(), 0
            async for item in streams(client, sandbox):
                touch(item)
                count += 1
            return count, time.perf_counter() - started

    for line in sys.stdin:
        mode = line.strip()
        result = sync_round() if mode == "sync" else asyncio.run(async_round())
        print(json.dumps(result), flush=True)
    """
)


class Miosa219:
    """The miosa 2.19 worker for one stream kind: each call runs one round in it."""

    def __init__(self, python: str, base_url: str, kind: str) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        self.kind = kind
        self.proc = subprocess.Popen(
            [python, "-c", MIOSA_219, base_url, kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )

    def round(self, mode: str) -> tuple[int, float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(mode + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            assert self.proc.stderr is not None
            error = self.proc.stderr.read().strip()[-800:]
            raise RuntimeError(f"miosa 2.19 worker failed ({self.kind}, {mode}): {error}")
        count, elapsed = json.loads(answer)
        return int(count), float(elapsed)

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def timed(run: Callable[[], tuple[int, float]], expected: int) -> float:
    count, elapsed = run()
    if count != expected:
        raise RuntimeError(f"expected {expected} items, got {count}")
    return expected / elapsed


def start_server(body_path: str) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, body_path, str(SERVER_CORE), json.dumps(SANDBOX)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    return proc, int(proc.stdout.readline())


def bench_kind(kind: str, n: int, rounds: int, legacy_python: str | None) -> dict[str, list[float]]:
    with tempfile.NamedTemporaryFile("w", suffix=".sse", delete=False) as f:
        f.write("".join(BODIES[kind](n)))
    server, port = start_server(f.name)
    base_url = f"http://127.0.0.1:{port}/api/v1"
    contenders: dict[str, Callable[[], tuple[int, float]]] = {
        "httpx-sse": lambda: raw_sync(base_url + "/stream"),
        "miosa sync": lambda: sdk_sync(base_url, kind),
        "miosa async": lambda: anyio.run(sdk_async, base_url, kind),
    }
    legacy = Miosa219(legacy_python, base_url, kind) if legacy_python else None
    if legacy is not None:
        contenders["miosa 2.19 sync"] = lambda: legacy.round("sync")
        contenders["miosa 2.19 async"] = lambda: legacy.round("async")
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    try:
        for run in contenders.values():  # warm-up: imports, first connections
            timed(run, n)
        for _ in range(rounds):
            for name, run in contenders.items():
                rates[name].append(timed(run, n))
    finally:
        if legacy is not None:
            legacy.close()
        server.kill()
        os.unlink(f.name)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kinds", default=",".join(BODIES))
    parser.add_argument("--miosa219-python", default=None)
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {CLIENT_CORE})

    print(
        f"{args.events} items per stream, {args.rounds} rounds; Python "
        f"{platform.python_version()}, httpx {httpx.__version__}, {os.cpu_count()} CPUs"
    )
    rows = []
    for kind in args.kinds.split(","):
        rates = bench_kind(kind, args.events, args.rounds, args.miosa219_python)
        median = {name: statistics.median(values) for name, values in rates.items()}
        for name, values in rates.items():
            print(
                f"  {kind:15} {name:17} best {max(values) / 1e3:7.1f}k/s  "
                f"median {median[name] / 1e3:7.1f}k/s"
            )
        ratios = {
            mode: median[f"miosa {mode}"] / median[f"miosa 2.19 {mode}"]
            for mode in ("sync", "async")
            if f"miosa 2.19 {mode}" in median
        }
        for mode, ratio in ratios.items():
            print(f"  {kind:15} miosa / miosa 2.19 {mode}: {ratio:.2f}x (medians)")
        rows.append((kind, median, ratios))
    if args.markdown:
        print()
        print(
            "| stream | miosa sync k/s | 2.19 sync k/s | ratio | miosa async k/s "
            "| 2.19 async k/s | ratio | httpx-sse sync k/s |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for kind, median, ratios in rows:
            cells = [kind]
            for mode in ("sync", "async"):
                cells.append(f"{median[f'miosa {mode}'] / 1e3:.0f}")
                legacy = median.get(f"miosa 2.19 {mode}")
                cells.append(f"{legacy / 1e3:.0f}" if legacy else "-")
                cells.append(f"{ratios[mode]:.2f}x" if mode in ratios else "-")
            cells.append(f"{median['httpx-sse'] / 1e3:.0f}")
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
