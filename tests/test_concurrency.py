"""Concurrency promises (RELIABILITY.md) against a real server on 127.0.0.1."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import anyio
import pytest

from miosa import AsyncMiosa, Miosa
from tests.helpers import API_KEY
from tests.loopback import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(delay=0.002) as srv:
        yield srv


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def settle(predicate: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.02)


async def test_1000_concurrent_calls_on_one_client_stay_within_the_pool(
    server: LoopbackServer,
) -> None:
    baseline = open_fds()
    results: dict[int, str] = {}
    async with AsyncMiosa(
        api_key=API_KEY, base_url=server.base_url, max_connections=100, max_in_flight=100
    ) as client:
        # The client's own view of its pool: the server sees closes late, so it may count a
        # closed socket a moment longer than the client holds it.
        pools = [c._transport._pool for c in client._http.pool.clients]  # type: ignore[attr-defined]
        most_open = 0
        finished = anyio.Event()

        async def sample() -> None:
            nonlocal most_open
            while not finished.is_set():
                most_open = max(most_open, sum(len(pool.connections) for pool in pools))
                await anyio.sleep(0.001)

        async def one(i: int) -> None:
            results[i] = (await client.sandboxes.get(f"sbx_{i}")).id

        with anyio.fail_after(60):
            async with anyio.create_task_group() as sampler:
                sampler.start_soon(sample)
                async with anyio.create_task_group() as tg:
                    for i in range(1000):
                        tg.start_soon(one, i)
                finished.set()
    assert results == {i: f"sbx_{i}" for i in range(1000)}
    assert server.requests == 1000
    assert 0 < most_open <= 100
    settle(lambda: open_fds() <= baseline)
    assert open_fds() <= baseline


def test_one_sync_client_shared_by_64_threads(server: LoopbackServer) -> None:
    errors: list[BaseException] = []
    crossed: list[tuple[str, str]] = []
    with Miosa(api_key=API_KEY, base_url=server.base_url) as client:

        def worker(n: int) -> None:
            try:
                for j in range(15):
                    wanted = f"sbx_{n}_{j}"
                    got = client.sandboxes.get(wanted).id
                    if got != wanted:
                        crossed.append((wanted, got))
            except BaseException as exc:  # collected and asserted below
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(64)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(t.is_alive() for t in threads), "deadlock: a worker never finished"
    assert errors == [] and crossed == []
    assert server.requests == 64 * 15


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
# Python 3.12+ warns about fork() in a threaded process: forking is what this test is about.
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_a_forked_child_builds_its_own_pool(server: LoopbackServer) -> None:
    client = Miosa(api_key=API_KEY, base_url=server.base_url)
    assert client.sandboxes.get("parent").id == "parent"
    parent_http_client = client._http.pool.client
    pid = os.fork()
    if pid == 0:  # the child: exit code tells the parent what it saw
        try:
            fresh = client._http.pool.client is not parent_http_client
            ok = client.sandboxes.get("child").id == "child"
            os._exit(0 if fresh and ok else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert client._http.pool.client is parent_http_client
    assert client.sandboxes.get("after").id == "after"
    client.close()


async def test_open_streams_do_not_starve_other_calls() -> None:
    """A pool slot is held for a stream's whole life; the default limit must not starve others."""
    from contextlib import AsyncExitStack

    from miosa.local import LocalServer

    async with (
        LocalServer() as server,
        AsyncMiosa(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        sandbox = await client.sandboxes.create()
        with anyio.fail_after(20):
            async with AsyncExitStack() as stack:
                for _ in range(20):
                    await stack.enter_async_context(sandbox.events.stream())
                assert [s.id for s in await client.sandboxes.list()] == [sandbox.id]
        await sandbox.destroy()


def test_sequential_calls_reuse_one_connection() -> None:
    with LoopbackServer() as server, Miosa(api_key=API_KEY, base_url=server.base_url) as client:
        for i in range(50):
            assert client.sandboxes.get(f"sbx_{i}").id == f"sbx_{i}"
        assert server.max_open_connections == 1


async def test_a_burst_keeps_the_whole_pool_busy_at_once() -> None:
    """Shards must not cap concurrency below `max_connections`: 100 slow calls overlap."""
    with LoopbackServer(delay=1.0) as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url) as client:
            with anyio.fail_after(30):
                async with anyio.create_task_group() as tg:
                    for i in range(100):
                        tg.start_soon(client.sandboxes.get, f"sbx_{i}")
            pools = [c._transport._pool for c in client._http.pool.clients]  # type: ignore[attr-defined]
            assert len(pools) == 10
            assert all(len(pool.connections) <= 10 for pool in pools)
    assert server.requests == 100
    assert server.max_in_flight == 100


async def test_a_burst_of_1000_calls_opens_about_as_many_connections_as_run_at_once() -> None:
    # The default client: 100 connections. With fewer idle connections kept than the
    # pool holds, every response would close one and the next call open a new one.
    with LoopbackServer(delay=0.002) as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url) as client:
            with anyio.fail_after(60):
                async with anyio.create_task_group() as tg:
                    for i in range(1000):
                        tg.start_soon(client.sandboxes.get, f"sbx_{i}")
    assert server.requests == 1000
    assert len(server.peers) <= 110


def test_a_burst_from_64_threads_reuses_connections() -> None:
    with (
        LoopbackServer(delay=0.002) as server,
        Miosa(api_key=API_KEY, base_url=server.base_url) as client,
    ):

        def worker(n: int) -> None:
            for j in range(16):
                client.sandboxes.get(f"sbx_{n}_{j}")

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(64)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert server.requests == 1024
    assert len(server.peers) <= 64 + 8
