"""Stream promises only the async client can break: cancellation, and leftovers that
Trio reports. Each test runs on asyncio and on Trio (see conftest), against a real
loopback server."""

from __future__ import annotations

import gc
import time
import warnings

import anyio
import httpx

from miosa import AsyncMiosa
from tests._async.test_streams import loopback_sse
from tests.helpers import API_KEY


def client_for(base_url: str, **options: object) -> AsyncMiosa:
    return AsyncMiosa(api_key=API_KEY, base_url=base_url, **options)  # type: ignore[arg-type]


async def test_cancelling_the_reading_task_closes_the_stream_within_100_ms() -> None:
    with loopback_sse() as (base_url, server):
        async with client_for(
            base_url, max_connections=1, timeout=httpx.Timeout(5.0, pool=None)
        ) as client:
            first = anyio.Event()
            closed: list[float] = []

            async def consume() -> None:
                try:
                    async with client.sandboxes.handle("sbx_1").events.stream() as events:
                        async for _ in events:
                            first.set()
                finally:
                    closed.append(time.perf_counter())

            async with anyio.create_task_group() as tg:
                tg.start_soon(consume)
                await first.wait()
                cancelled_at = time.perf_counter()
                tg.cancel_scope.cancel()
            assert closed and closed[0] - cancelled_at < 0.1
            # The only connection (and admission slot) is free again.
            with anyio.fail_after(5):
                async with client.sandboxes.handle("sbx_1").events.stream() as events:
                    async for _ in events:
                        break
    assert len(server.seen) == 2


async def test_a_timeout_around_a_stream_frees_the_connection() -> None:
    with loopback_sse() as (base_url, _):
        async with client_for(base_url, max_connections=1) as client:
            for _ in range(20):
                with anyio.move_on_after(0.03):
                    async with client.sandboxes.handle("sbx_1").events.stream() as events:
                        async for _ in events:
                            pass
            with anyio.fail_after(5):
                async with client.sandboxes.handle("sbx_1").events.stream() as events:
                    async for event in events:
                        assert event.raw["n"] == "1"
                        break


async def test_leaving_streams_early_leaves_no_unfinished_async_generators() -> None:
    # Trio reports every async generator the garbage collector finds unfinished (httpx's
    # body iterators, when a loop breaks) with a ResourceWarning; closing must finish them.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with loopback_sse() as (base_url, _):
            async with client_for(base_url) as client:
                sandbox = client.sandboxes.handle("sbx_1")
                for _ in range(5):
                    async with sandbox.events.stream() as events:
                        async for _ in events:
                            break
                    async with sandbox.files.download("/workspace/x", chunk_size=16) as body:
                        async for _ in body:
                            break
                gc.collect()
                await anyio.sleep(0.05)
    leftovers = [w for w in caught if "was garbage collected" in str(w.message)]
    assert leftovers == []
