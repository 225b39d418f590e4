"""A loopback server answering canned MIOSA-shaped JSON, for benchmarks only.

Run as a subprocess: ``python canned_server.py`` prints ``READY <port>`` once it listens on
127.0.0.1. It answers ``GET .../audit-log?after=<n>`` with pages of 100 audit entries (10,000 in
all) and every other GET with one sandbox object; it stops on SIGTERM or stdin EOF.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading

import uvicorn

SANDBOX = {
    "id": "sbx_bench",
    "state": "running",
    "name": "bench",
    "slug": "bench",
    "ready": True,
    "template_id": "miosa-sandbox",
    "image_id": "img_1",
    "size": "small",
    "resource_contract": {
        "id": "sandbox/small@v1",
        "version": 1,
        "product": "sandbox",
        "size": "small",
        "vcpus": 2,
        "memory_mb": 4096,
        "disk_size_mb": 10240,
    },
    "cpu_count": 2,
    "memory_mb": 4096,
    "disk_mb": 10240,
    "disk_size_mb": 10240,
    "timeout_sec": 3600,
    "timeout_remaining_ms": 3500000,
    "idle_timeout_sec": 600,
    "always_on": False,
    "persistent": False,
    "boot_path": "snapshot",
    "boot_ms": 180,
    "ready_at": "2026-11-28T10:00:01Z",
    "preview_url": "https://3000-bench.sandbox.miosa.app",
    "preview_domain": "miosa.app",
    "url_class": "temporary_preview",
    "stable_for_embedding": False,
    "recommended_next_action": "create_alias_or_publish",
    "metadata": {"team": "bench"},
    "tenant_id": "ten_1",
    "owner_id": "usr_1",
    "workspace_id": "ws_1",
    "project_id": "prj_1",
    "created_at": "2026-11-28T10:00:00Z",
    "started_at": "2026-11-28T10:00:00Z",
}
BODY = json.dumps({"data": SANDBOX}).encode()
HEADERS = [
    (b"content-type", b"application/json"),
    (b"content-length", str(len(BODY)).encode()),
    (b"x-request-id", b"req_bench"),
]


PAGE_SIZE = 100
AUDIT_ITEMS = 10_000


def audit_entry(n: int) -> dict[str, object]:
    return {
        "id": f"aud_{n:06d}",
        "action": "sandbox.create",
        "actor_id": "usr_1",
        "actor_type": "api_key",
        "resource_type": "sandbox",
        "resource_id": f"sbx_{n}",
        "metadata": {"size": "small", "template": "miosa-sandbox"},
        "ip_address": "10.0.0.1",
        "tenant_id": "ten_1",
        "created_at": "2026-11-28T10:00:00Z",
    }


def audit_page(start: int) -> bytes:
    end = min(start + PAGE_SIZE, AUDIT_ITEMS)
    items = [audit_entry(n) for n in range(start, end)]
    next_cursor = str(end) if end < AUDIT_ITEMS else None
    return json.dumps({"data": items, "next_cursor": next_cursor}).encode()


# `GET /audit-log?after=<n>`: 10,000 entries in pages of 100, cursor = index of the next.
AUDIT_PAGES = {start: audit_page(start) for start in range(0, AUDIT_ITEMS, PAGE_SIZE)}


def page_for(query: bytes) -> bytes:
    params = dict(part.split(b"=", 1) for part in query.split(b"&") if b"=" in part)
    return AUDIT_PAGES.get(int(params.get(b"after", b"0")), AUDIT_PAGES[0])


async def app(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def]
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["path"].endswith("/audit-log"):
        body = page_for(scope["query_string"])
        headers = [HEADERS[0], (b"content-length", str(len(body)).encode()), HEADERS[2]]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


def main() -> None:
    if len(sys.argv) > 1:
        os.sched_setaffinity(0, {int(sys.argv[1])})
    sock = socket.socket()
    # Accepted sockets inherit this on Linux: without it the response's two writes meet the
    # client's delayed ACK and every call stalls ~40 ms, whoever the client is.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, backlog=2048)
    server = uvicorn.Server(config)

    def stop_on_eof() -> None:
        sys.stdin.read()
        server.should_exit = True

    threading.Thread(target=stop_on_eof, daemon=True).start()
    print(f"READY {port}", flush=True)
    server.run(sockets=[sock])


if __name__ == "__main__":
    main()
