"""What the OpenComputers sub-groups share: the host path, the wait default, polling."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ...._concurrency import asleep
from ...._core.request import route
from ...._core.waiters import Poller, WaitTarget
from ....types._base import Model
from ..._resource import AsyncAPIResource

M = TypeVar("M", bound=Model)

DEFAULT_WAIT_TIMEOUT = 900.0
"""How long the ``wait_*`` helpers wait by default, in seconds (15 minutes)."""


def host_path(template: str, host_id: str, **params: str) -> str:
    """A path below ``/opencomputers/hosts/{host_id}``, every parameter encoded."""
    return route("/opencomputers/hosts/{host_id}" + template, host_id=host_id, **params)


class AsyncOpenComputersResource(AsyncAPIResource):
    """Shared machinery of the OpenComputers sub-groups: polling until a state is reached."""

    async def _wait_for(
        self,
        path: str,
        cast_to: type[M],
        done: frozenset[str],
        *,
        timeout: float | None,
        poll_interval: float,
        noun: str,
        resource_id: str,
        unwrap: tuple[str, ...] = ("data",),
        status_of: Callable[[M], object] | None = None,
    ) -> M:
        """GET `path` until its ``status`` is one of `done`, backing off between polls.

        A finished object is returned whatever its outcome (a failed job is finished);
        raises `miosa.WaitTimeoutError` when `timeout` seconds pass first (None waits
        forever). `status_of` reads the status (default: the ``status`` field).
        """
        poller = Poller(
            WaitTarget.of(noun, ready=done, failed=()),
            resource_id,
            timeout=timeout,
            first_delay=poll_interval,
        )
        while True:
            item = await self._object("GET", path, cast_to, unwrap=unwrap)
            status = status_of(item) if status_of else getattr(item, "status", None)
            delay = poller.next_delay(status)
            if delay is None:
                return item
            await asleep(delay)
