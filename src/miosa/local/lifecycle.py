"""Server-lifetime background work and the shutdown sequence."""

from __future__ import annotations

import anyio

from .state import Store

FLUSH_INTERVAL = 0.5


def run_background(store: Store) -> None:
    """Start the tasks that live as long as the server (called on the loop thread)."""
    from . import sandboxes, webhooks

    webhooks.install(store)
    store.spawn(sandboxes.reap_expired, store, name="sandbox reaper")
    if store.persistence is not None:
        store.spawn(flush_periodically, store, name="state writer")


async def flush_periodically(store: Store) -> None:
    """Write changes made outside requests (deliveries, builds, the reaper, runs)."""
    while True:
        await anyio.sleep(FLUSH_INTERVAL)
        store.commit()


async def begin_shutdown(store: Store) -> None:
    """End SSE streams cleanly and kill every sandbox command so uvicorn can stop fast."""
    from . import processes, runner

    if store.shutting_down is not None:
        store.shutting_down.set()
    for pid in list(store.exec_pids):
        runner.kill_tree(pid)
    for sandbox in store.sandboxes.values():
        await processes.stop_all(sandbox)


async def shutdown(store: Store) -> None:
    """Final cleanup once uvicorn has stopped serving."""
    from . import webhooks

    await begin_shutdown(store)
    if store.cgroups is not None:
        await anyio.to_thread.run_sync(store.cgroups.close)
    with anyio.move_on_after(1.0):
        await webhooks.close(store)
    if store.persistence is not None:
        store.commit()
        store.persistence.close()
