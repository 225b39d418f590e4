"""One `AsyncMiosa` across event loops: a second ``asyncio.run`` or Trio run works, a
client busy on one loop refuses another with a clear error, never "Event loop is closed"."""

from __future__ import annotations

import asyncio
import gc
import time
import warnings
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest
import trio

from miosa import AsyncMiosa, MiosaError
from tests.hostile import RawServer, read_request, response_head
from tests.loopback import LoopbackServer

Job = Callable[[], Coroutine[Any, Any, Any]]


def run_asyncio(job: Job) -> Any:
    return asyncio.run(job())


RUNNERS: dict[str, Callable[[Job], Any]] = {"asyncio": run_asyncio, "trio": trio.run}

# A rebuilt pool shuts the old loop's sockets down at once (the server sees them close,
# which the tests check); the socket objects themselves go at the next collection, with
# the ResourceWarning of a transport whose loop is gone. Collected here, not in a later test.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(autouse=True)
def collect_the_old_loops_sockets() -> Iterator[None]:
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gc.collect()


def settle(server: LoopbackServer, connections: int) -> int:
    deadline = time.monotonic() + 2
    while server.open_connections > connections and time.monotonic() < deadline:
        time.sleep(0.01)
    return server.open_connections


@pytest.mark.parametrize(
    ("first", "second"),
    [("asyncio", "asyncio"), ("trio", "trio"), ("asyncio", "trio"), ("trio", "asyncio")],
)
def test_a_client_works_from_one_run_to_the_next(first: str, second: str) -> None:
    with LoopbackServer() as server:
        client = AsyncMiosa(api_key="msk_test", base_url=server.base_url, max_retries=0)

        async def get(sandbox_id: str) -> str:
            return (await client.sandboxes.get(sandbox_id)).id

        assert RUNNERS[first](lambda: get("sbx_a")) == "sbx_a"
        assert RUNNERS[second](lambda: get("sbx_b")) == "sbx_b"
        # The first run's connection was shut down when the pool was rebuilt, not at GC.
        assert settle(server, 1) == 1
        RUNNERS[second](client.close)
        assert settle(server, 0) == 0


def test_close_from_a_later_run_shuts_the_connections_down() -> None:
    with LoopbackServer() as server:
        client = AsyncMiosa(api_key="msk_test", base_url=server.base_url)

        async def get() -> None:
            await client.sandboxes.get("sbx_a")

        asyncio.run(get())
        asyncio.run(client.close())
        assert settle(server, 0) == 0


def test_a_client_busy_on_one_loop_refuses_another_with_the_fix() -> None:
    def handler(conn: Any) -> None:
        if read_request(conn) is not None:
            conn.sendall(response_head(200, (), length=100) + b"x")
            server.stopping.wait(10)

    server = RawServer(handler)
    with server:
        client = AsyncMiosa(api_key="msk_test", base_url=server.base_url)

        async def leave_a_download_open() -> None:
            stream = client.storage.download_object("b", "k")
            await stream.__aenter__()  # entered and never exited: the slot stays taken

        asyncio.run(leave_a_download_open())

        async def get() -> None:
            await client.sandboxes.get("sbx_a")

        with pytest.raises(MiosaError, match="one client per event loop"):
            asyncio.run(get())
