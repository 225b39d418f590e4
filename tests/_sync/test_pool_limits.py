# This file was generated from
#   tests/_async/test_pool_limits.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The admission limit as a user meets it: streams hold slots, the pool timeout is real,
a closed client says so."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from miosa import APITimeoutError, ClientClosedError, Miosa
from tests.hostile import RawServer, read_request, reply, response_head
from tests.loopback import LoopbackServer


def holding_downloads() -> RawServer:
    """Object downloads start and never finish; any other request gets a sandbox."""

    def handler(conn: socket.socket) -> None:
        while (request := read_request(conn)) is not None:
            if b"/objects/" in request.split(b"\r\n", 1)[0]:
                conn.sendall(response_head(200, (), length=1000) + b"x" * 10)
                server.stopping.wait(30)
                return
            reply(conn, b'{"data": {"id": "sbx_1", "state": "running"}}')

    server = RawServer(handler)
    return server


def test_a_call_waits_at_most_the_pool_timeout_when_streams_hold_every_slot() -> None:
    with holding_downloads() as server:
        with Miosa(
            api_key="msk_test",
            base_url=server.base_url,
            max_connections=2,
            timeout=httpx.Timeout(5.0, pool=0.3),
        ) as client:
            first = client.storage.download_object("b", "one")
            second = client.storage.download_object("b", "two")
            with first, second:
                started = time.monotonic()
                with pytest.raises(APITimeoutError) as info:
                    client.sandboxes.get("sbx_1")
                waited = time.monotonic() - started
            # Both streams closed: their slots are free again.
            sandbox = client.sandboxes.get("sbx_1")
    assert 0.25 <= waited < 0.3 + 0.5
    assert "2 held by open streams" in str(info.value)
    assert "waiting for a free connection" in str(info.value)
    assert sandbox.id == "sbx_1"


def test_the_deadline_cuts_the_wait_for_a_slot() -> None:
    with holding_downloads() as server:
        with (
            Miosa(
                api_key="msk_test", base_url=server.base_url, max_connections=1, deadline=0.3
            ) as client,
            client.storage.download_object("b", "one"),
        ):
            started = time.monotonic()
            with pytest.raises(APITimeoutError):
                client.sandboxes.get("sbx_1")
            waited = time.monotonic() - started
    assert waited < 0.3 + 0.5


def test_a_closed_client_raises_client_closed_error() -> None:
    with holding_downloads() as server:
        with Miosa(api_key="msk_test", base_url=server.base_url) as client:
            client.sandboxes.get("sbx_1")
            copy = client.with_options(max_retries=0)
        with pytest.raises(ClientClosedError, match="has been closed"):
            client.sandboxes.get("sbx_1")
        with pytest.raises(ClientClosedError):
            copy.sandboxes.get("sbx_1")
        with pytest.raises(ClientClosedError):
            with client.storage.download_object("b", "k"):
                pass


def test_closing_a_client_closes_its_connections_at_once() -> None:
    with LoopbackServer() as server:
        with Miosa(api_key="msk_test", base_url=server.base_url) as client:
            client.sandboxes.get("sbx_1")
            assert server.open_connections == 1
        assert wait_for_no_connections(server)


def wait_for_no_connections(server: LoopbackServer) -> bool:
    deadline = time.monotonic() + 2
    while server.open_connections and time.monotonic() < deadline:
        time.sleep(0.01)
    return server.open_connections == 0
