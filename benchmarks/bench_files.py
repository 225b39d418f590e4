"""Memory of big file transfers: 1 GiB down and up through the SDK vs raw httpx.

A loopback server (its own process) answers ``GET .../files/{path}`` with SIZE bytes
(Content-Length, sent from one 1 MiB buffer) and reads any POST body to the end
(Content-Length or chunked), discarding it. Each transfer runs in a FRESH interpreter
that imports its client, builds it, records its peak RSS (``getrusage``), moves the
data, and records the peak again; the growth is what the transfer cost in memory.

* download, raw httpx: ``client.stream("GET")`` + ``iter_bytes(1 MiB)`` into /dev/null;
* download, miosa: ``with sandbox.files.download(p) as body: body.write_to("/dev/null")``;
* upload, raw httpx: the same JSON + base64 body the API takes (``{"path", "content"}``),
  produced by a generator reading the file 768 KiB at a time, with Content-Length;
* upload, miosa: ``sandbox.files.upload(p, Path(local_path))``.

Targets: miosa's peak within 8 MiB of raw httpx doing the same, never more than 64 MiB of
growth, and at least 0.9x raw httpx's throughput (median of ``--repeat`` runs, which
alternate the contenders). Raw httpx writes a download to the file from the event loop;
the async SDK hands each write of about ``chunk_size`` to a worker thread, so a slow disk
never stalls other tasks, and reads the next batch while the previous one is written.

Run: ``PYTHONPATH=src python benchmarks/bench_files.py [--size-mib 1024] [--repeat 3]``;
``--only upload`` (or ``download``) runs one direction, both contenders, sync and async.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import AsyncIterator
from pathlib import Path

API_KEY = "msk_bench_0000000000000000"
RAW_CHUNK = 3 * 256 * 1024

SERVER = textwrap.dedent(
    """
    import socket, sys, threading
    size = int(sys.argv[1])
    block = b"\\x5a" * (1 << 20)

    def read_head(conn):
        data = b""
        while b"\\r\\n\\r\\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None, b""
            data += chunk
        head, _, rest = data.partition(b"\\r\\n\\r\\n")
        return head.decode("latin-1"), rest

    def drain_length(conn, rest, length):
        got = len(rest)
        while got < length:
            chunk = conn.recv(1 << 20)
            if not chunk:
                break
            got += len(chunk)
        return got

    def drain_chunked(conn, rest):
        buf, total = rest, 0
        while True:
            while b"\\r\\n" not in buf:
                buf += conn.recv(65536)
            line, _, buf = buf.partition(b"\\r\\n")
            n = int(line.split(b";")[0], 16)
            if n == 0:
                return total
            while len(buf) < n + 2:
                chunk = conn.recv(1 << 20)
                if not chunk:
                    return total
                buf += chunk
            buf = buf[n + 2:]
            total += n

    def serve(conn):
        with conn:
            head, rest = read_head(conn)
            if head is None:
                return
            lines = head.split("\\r\\n")
            method = lines[0].split(" ")[0]
            headers = {k.lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
            if method == "GET":
                conn.sendall(
                    b"HTTP/1.1 200 OK\\r\\ncontent-type: application/octet-stream\\r\\n"
                    b"content-length: %d\\r\\nconnection: close\\r\\n\\r\\n" % size
                )
                left = size
                while left > 0:
                    n = min(left, len(block))
                    conn.sendall(block[:n] if n < len(block) else block)
                    left -= n
                return
            if "content-length" in headers:
                got = drain_length(conn, rest, int(headers["content-length"]))
            else:
                got = drain_chunked(conn, rest)
            reply = b'{"data": {"received": %d}}' % got
            conn.sendall(
                b"HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\n"
                b"content-length: %d\\r\\nconnection: close\\r\\n\\r\\n" % len(reply) + reply
            )

    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    print(listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
    """
)


def peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


# -- the children: one transfer each, in a fresh interpreter -------------------------------


def raw_upload_body(path: str, local: str):  # type: ignore[no-untyped-def]
    yield b'{"path":' + json.dumps(path).encode() + b',"content":"'
    with open(local, "rb") as f:
        while chunk := f.read(RAW_CHUNK):
            yield base64.b64encode(chunk)
    yield b'"}'


def child(kind: str, base_url: str, local: str) -> dict[str, float]:
    import anyio
    import httpx

    from miosa import AsyncMiosa, Miosa

    remote = "/workspace/big.bin"
    url = base_url + "/sandboxes/sbx_1/files" + remote
    timeout = httpx.Timeout(120.0)
    baseline = 0
    started = 0.0
    size = os.path.getsize(local)
    length = len(b'{"path":' + json.dumps(remote).encode() + b',"content":"') + 2
    length += 4 * ((size + 2) // 3)

    def mark() -> None:
        nonlocal baseline, started
        baseline = peak_kib()
        started = time.perf_counter()

    if kind == "download raw httpx":
        with httpx.Client(timeout=timeout) as client:
            mark()
            with client.stream("GET", url) as r, open(os.devnull, "wb") as out:
                for chunk in r.iter_bytes(1 << 20):
                    out.write(chunk)
    elif kind == "download raw httpx async":

        async def run_raw() -> None:
            async with httpx.AsyncClient(timeout=timeout) as client:
                mark()
                async with client.stream("GET", url) as r:
                    with open(os.devnull, "wb") as out:  # noqa: ASYNC230 - never blocks
                        async for chunk in r.aiter_bytes(1 << 20):
                            out.write(chunk)

        anyio.run(run_raw)
    elif kind == "download miosa sync":
        with Miosa(api_key=API_KEY, base_url=base_url, timeout=timeout) as client:
            sandbox = client.sandboxes.handle("sbx_1")
            mark()
            with sandbox.files.download(remote) as body:
                body.write_to(os.devnull)
    elif kind == "download miosa async":

        async def run() -> None:
            async with AsyncMiosa(api_key=API_KEY, base_url=base_url, timeout=timeout) as client:
                sandbox = client.sandboxes.handle("sbx_1")
                mark()
                async with sandbox.files.download(remote) as body:
                    await body.write_to(os.devnull)

        anyio.run(run)
    elif kind == "upload raw httpx":
        with httpx.Client(timeout=timeout) as client:
            mark()
            client.post(
                base_url + "/sandboxes/sbx_1/files",
                content=raw_upload_body(remote, local),
                headers={"Content-Type": "application/json", "Content-Length": str(length)},
            ).raise_for_status()
    elif kind == "upload raw httpx async":

        async def body() -> AsyncIterator[bytes]:
            for piece in raw_upload_body(remote, local):
                yield piece

        async def run_raw_upload() -> None:
            async with httpx.AsyncClient(timeout=timeout) as client:
                mark()
                reply = await client.post(
                    base_url + "/sandboxes/sbx_1/files",
                    content=body(),
                    headers={"Content-Type": "application/json", "Content-Length": str(length)},
                )
                reply.raise_for_status()

        anyio.run(run_raw_upload)
    elif kind == "upload miosa sync":
        with Miosa(api_key=API_KEY, base_url=base_url, timeout=timeout) as client:
            sandbox = client.sandboxes.handle("sbx_1")
            mark()
            sandbox.files.upload(remote, Path(local))
    elif kind == "upload miosa async":

        async def run_upload() -> None:
            async with AsyncMiosa(api_key=API_KEY, base_url=base_url, timeout=timeout) as client:
                sandbox = client.sandboxes.handle("sbx_1")
                mark()
                await sandbox.files.upload(remote, Path(local))

        anyio.run(run_upload)
    else:
        raise SystemExit(f"unknown kind {kind}")
    seconds = time.perf_counter() - started
    return {"baseline_kib": baseline, "peak_kib": peak_kib(), "seconds": seconds}


KINDS = (
    "download raw httpx",
    "download miosa sync",
    "download raw httpx async",
    "download miosa async",
    "upload raw httpx",
    "upload miosa sync",
    "upload raw httpx async",
    "upload miosa async",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3, help="runs per transfer (median)")
    parser.add_argument("--only", choices=("download", "upload"), help="one direction")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "URL", "FILE"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return

    size = args.size_mib << 20
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(size)], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    base_url = f"http://127.0.0.1:{int(server.stdout.readline())}/api/v1"
    with tempfile.NamedTemporaryFile(prefix="miosa-upload-", delete=False) as local:
        local.truncate(size)  # sparse: reading it costs CPU, not disk
    kinds = [kind for kind in KINDS if args.only is None or kind.startswith(args.only)]
    try:
        runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
        for _ in range(args.repeat):  # rounds alternate the contenders, as drift is shared
            for kind in kinds:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", kind, base_url, local.name],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs[kind].append(json.loads(out.stdout.strip().splitlines()[-1]))
        # Memory: the worst run; time: the median run.
        results = {
            kind: {
                "baseline_kib": max(r["baseline_kib"] for r in rs),
                "peak_kib": max(r["peak_kib"] for r in rs),
                "seconds": statistics.median(r["seconds"] for r in rs),
            }
            for kind, rs in runs.items()
        }
    finally:
        server.kill()
        os.unlink(local.name)

    mib = 1024.0
    print(
        f"{args.size_mib} MiB each way, median of {args.repeat} runs; Python "
        f"{platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} CPUs; peak RSS per fresh process (MiB)"
    )
    print(f"  {'transfer':24} {'baseline':>9} {'peak':>8} {'growth':>8} {'MiB/s':>8}")
    for kind, r in results.items():
        growth = (r["peak_kib"] - r["baseline_kib"]) / mib
        rate = args.size_mib / r["seconds"]
        print(
            f"  {kind:24} {r['baseline_kib'] / mib:9.1f} {r['peak_kib'] / mib:8.1f} "
            f"{growth:8.1f} {rate:8.0f}"
        )
    for way in ("download", "upload"):
        if args.only not in (None, way):
            continue
        for mode in ("sync", "async"):
            raw = results[f"{way} raw httpx" + (" async" if mode == "async" else "")]
            sdk = results[f"{way} miosa {mode}"]
            extra = (sdk["peak_kib"] - raw["peak_kib"]) / mib
            growth = (sdk["peak_kib"] - sdk["baseline_kib"]) / mib
            raw_growth = (raw["peak_kib"] - raw["baseline_kib"]) / mib
            speed = raw["seconds"] / sdk["seconds"]
            verdict = "ok" if extra <= 8 and growth < 64 and speed >= 0.9 else "MISSED"
            print(
                f"  {way} miosa {mode}: peak {extra:+.1f} MiB vs raw httpx {mode} "
                f"(target <= +8); growth {growth:.1f} MiB vs {raw_growth:.1f} "
                f"(target < 64); throughput {speed:.2f}x raw (target >= 0.9): {verdict}"
            )


if __name__ == "__main__":
    main()
