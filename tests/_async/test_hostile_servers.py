"""The transport against misbehaving servers on 127.0.0.1 (raw sockets, see tests/hostile.py).

Compression bombs, pathological JSON, dripped bodies, resets in the middle of a body: each
must end in one of the SDK's own errors, on time, with memory bounded, whatever the client.
"""

from __future__ import annotations

import json
import socket
import time
import tracemalloc
from typing import Any

import pytest

from miosa import (
    APIConnectionError,
    APITimeoutError,
    AsyncMiosa,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    StreamError,
)
from tests.hostile import (
    RawServer,
    drip,
    gzip_bomb,
    read_request,
    reply,
    reset,
    response_head,
    serve_forever,
)

pytestmark = pytest.mark.usefixtures("fast_retries")

JSON = ("Content-Type", "application/json")
GZIP = ("Content-Encoding", "gzip")
BOMB = gzip_bomb(512 << 20)  # about 0.5 MiB on the wire


def client_for(server: RawServer, **options: Any) -> AsyncMiosa:
    options.setdefault("max_retries", 0)
    return AsyncMiosa(api_key="msk_test", base_url=server.base_url, **options)


def answer_with(body: bytes, *headers: tuple[str, str], status: int = 200) -> RawServer:
    def answer(conn: socket.socket, request: bytes) -> None:
        reply(conn, body, status=status, headers=headers or (JSON,))

    return RawServer(serve_forever(answer))


# -- 1. bounded decompression --------------------------------------------------------


async def test_a_gzip_bomb_json_reply_raises_the_limit_error_with_the_default_limit() -> None:
    assert len(BOMB) < 1 << 20
    with answer_with(BOMB, JSON, GZIP) as server:
        async with client_for(server) as client:
            with pytest.raises(ResponseTooLargeError) as info:
                await client.sandboxes.get("sbx_1")
    assert info.value.limit == 64 << 20
    assert "max_response_bytes=67108864" in str(info.value)
    assert info.value.status_code == 200


async def test_a_gzip_bomb_never_holds_more_than_the_limit_in_memory() -> None:
    with answer_with(BOMB, JSON, GZIP) as server:
        async with client_for(server, max_response_bytes=4 << 20) as client:
            tracemalloc.start()
            try:
                with pytest.raises(ResponseTooLargeError):
                    await client.sandboxes.get("sbx_1")
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
    # The limit plus one decoded slice (1 MiB) and change, not hundreds of MiB.
    assert peak < 12 << 20


async def test_a_compressed_reply_under_the_limit_is_decoded() -> None:
    body = json.dumps({"data": {"id": "sbx_1", "state": "running"}}).encode()
    import gzip

    with answer_with(gzip.compress(body), JSON, GZIP) as server:
        async with client_for(server) as client:
            sandbox = await client.sandboxes.get("sbx_1")
    assert sandbox.id == "sbx_1"


async def test_a_download_of_a_gzip_bomb_streams_with_flat_memory() -> None:
    bomb = gzip_bomb(256 << 20)
    with answer_with(bomb, ("Content-Type", "application/octet-stream"), GZIP) as server:
        async with client_for(server) as client:
            tracemalloc.start()
            try:
                total = biggest = 0
                async with client.storage.download_object("b", "k", chunk_size=256 << 10) as body:
                    async for chunk in body:
                        total += len(chunk)
                        biggest = max(biggest, len(chunk))
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
    assert total >= 256 << 20
    assert biggest <= 256 << 10
    assert peak < 8 << 20


async def test_a_reply_in_an_encoding_the_sdk_did_not_ask_for_is_refused() -> None:
    requests: list[bytes] = []

    def answer(conn: socket.socket, request: bytes) -> None:
        requests.append(request)
        reply(conn, b"\x00garbage", headers=(JSON, ("Content-Encoding", "br")))

    with RawServer(serve_forever(answer)) as server:
        async with client_for(server) as client:
            with pytest.raises(ResponseValidationError, match="'br'"):
                await client.sandboxes.get("sbx_1")
    assert b"accept-encoding: gzip, deflate\r\n" in requests[0].lower()


async def test_a_corrupt_gzip_reply_is_a_response_error() -> None:
    with answer_with(b"\x1f\x8b\x08\x00garbage-not-gzip", JSON, GZIP) as server:
        async with client_for(server) as client:
            with pytest.raises(ResponseValidationError, match="cannot be decoded"):
                await client.sandboxes.get("sbx_1")


# -- 2. pathological JSON ------------------------------------------------------------

DEEP = b"[" * 200_000 + b"]" * 200_000
HUGE_NUMBER = b'{"data": {"id": "sbx_1", "size": ' + b"9" * 50_000 + b"}}"
BAD_UTF8 = b'{"data": {"id": "\xff\xfe\xfd"}}'


@pytest.mark.parametrize("body", [DEEP, HUGE_NUMBER, BAD_UTF8], ids=["deep", "huge", "utf8"])
async def test_pathological_json_in_a_success_reply_is_a_response_error(body: bytes) -> None:
    with answer_with(body) as server:
        async with client_for(server) as client:
            with pytest.raises(ResponseValidationError) as info:
                await client.sandboxes.get("sbx_1")
    assert info.value.status_code == 200


@pytest.mark.parametrize("body", [DEEP, HUGE_NUMBER, BAD_UTF8], ids=["deep", "huge", "utf8"])
async def test_pathological_json_in_an_error_reply_keeps_the_status_error(body: bytes) -> None:
    with answer_with(body, status=500) as server:
        async with client_for(server) as client:
            with pytest.raises(ServerError) as info:
                await client.sandboxes.get("sbx_1")
    assert info.value.status_code == 500


async def test_pathological_json_in_sse_data_is_kept_as_a_line() -> None:
    event = b"data: " + b"[" * 100_000 + b"\n\n"
    body = event + b'data: {"type": "sandbox.ready", "data": {}}\n\n'

    def answer(conn: socket.socket, request: bytes) -> None:
        reply(conn, body, headers=(("Content-Type", "text/event-stream"),))

    with RawServer(serve_forever(answer)) as server:
        async with client_for(server) as client, client.events.stream() as stream:
            events = [event async for event in stream]
    assert len(events) == 2
    assert events[1].type == "sandbox.ready"


# -- 4. the deadline bounds a dripped body -------------------------------------------


def dripping(body_length: int, interval: float) -> RawServer:
    def handler(conn: socket.socket) -> None:
        if read_request(conn) is None:
            return
        conn.sendall(response_head(200, (JSON,), length=body_length))
        drip(conn, b"{" + b" " * (body_length - 1), interval, server.stopping)

    server = RawServer(handler)
    return server


async def test_the_deadline_ends_a_call_whose_body_is_dripped() -> None:
    # 60 bytes at 50 ms apart take 3 s; every single read is far under the read timeout.
    with dripping(60, 0.05) as server:
        async with client_for(server, deadline=0.5) as client:
            started = time.monotonic()
            with pytest.raises(APITimeoutError, match=r"deadline of 0\.5 s"):
                await client.sandboxes.get("sbx_1")
            elapsed = time.monotonic() - started
    assert elapsed < 0.5 + 0.3


async def test_the_deadline_ends_a_download_whose_body_is_dripped() -> None:
    with dripping(60, 0.05) as server:
        async with client_for(server, deadline=0.5) as client:
            started = time.monotonic()
            with pytest.raises(APITimeoutError, match="deadline") as info:
                async with client.storage.download_object("b", "k") as body:
                    async for _ in body:
                        pass
            elapsed = time.monotonic() - started
    assert elapsed < 0.5 + 0.3
    assert info.value.received is not None and info.value.received > 0


# -- 5. no raw httpx error escapes a streamed body ------------------------------------


def breaking(sent: int, *, rst: bool) -> RawServer:
    """Promise 1 MiB, send ``sent`` bytes, then close (FIN) or reset (RST)."""

    def handler(conn: socket.socket) -> None:
        while read_request(conn) is not None:
            conn.sendall(response_head(200, (JSON,), length=1 << 20) + b"x" * sent)
            time.sleep(0.1)
            if rst:
                reset(conn)
            return

    return RawServer(handler)


@pytest.mark.parametrize("rst", [False, True], ids=["closed", "reset"])
async def test_a_download_broken_midway_raises_the_connection_error_with_the_count(
    rst: bool,
) -> None:
    received = 0
    with breaking(100_000, rst=rst) as server:
        async with client_for(server) as client:
            with pytest.raises(APIConnectionError) as info:
                async with client.storage.download_object("b", "k") as body:
                    async for chunk in body:
                        received += len(chunk)
    assert info.value.received == received
    assert f"{received} bytes of the body received" in str(info.value)
    if not rst:
        assert received == 100_000


@pytest.mark.parametrize("rst", [False, True], ids=["closed", "reset"])
async def test_a_body_read_whole_broken_midway_raises_the_connection_error(rst: bool) -> None:
    with breaking(100_000, rst=rst) as server:
        async with client_for(server) as client:
            with pytest.raises(APIConnectionError):
                await client.sandboxes.get("sbx_1")
            with pytest.raises(APIConnectionError):
                async with client.storage.download_object("b", "k") as body:
                    await body.read()


async def test_a_non_resumable_stream_broken_midway_raises_a_stream_error() -> None:
    def handler(conn: socket.socket) -> None:
        if read_request(conn) is None:
            return
        head = response_head(200, (("Content-Type", "text/event-stream"),))
        conn.sendall(head + b'data: {"type": "a"}\n\n')
        time.sleep(0.1)
        reset(conn)

    with RawServer(handler) as server:
        async with client_for(server) as client:
            sandbox = client.sandboxes.handle("sbx_1")
            with pytest.raises(StreamError, match="connection was lost"):
                async with sandbox.exec.stream("make") as output:
                    async for _ in output:
                        pass
