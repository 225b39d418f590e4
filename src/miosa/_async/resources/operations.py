"""``client.operations``: durable operations (``/operations/{operation_id}``)."""

from __future__ import annotations

from ..._concurrency import asleep
from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import route
from ..._core.waiters import Poller
from ..._groups.runs import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    OPERATION_WAIT,
    operation_event_is_final,
    parse_operation_event,
)
from ...types.operations import Operation, OperationEvent
from .._resource import AsyncAPIResource
from ..streams import AsyncEventStream


def _operation_path(operation_id: str, tail: str = "") -> str:
    return route("/operations/{operation_id}", operation_id=operation_id) + tail


class AsyncOperations(AsyncAPIResource):
    """``client.operations``: long-running work (a sandbox's destruction, migration or
    snapshot) that outlives the request that started it."""

    async def get(self, operation_id: str, **options: Unpack[RequestOptions]) -> Operation:
        """An operation's state. ``GET /operations/{operation_id}``."""
        return await self._object("GET", _operation_path(operation_id), Operation, options=options)

    async def cancel(self, operation_id: str, **options: Unpack[RequestOptions]) -> Operation:
        """Cancel a reversible operation. ``POST /operations/{operation_id}/cancel``.

        Accepted sandbox destruction cannot be revoked: the server refuses with
        `miosa.ConflictError` (``OPERATION_NOT_CANCELLABLE``).
        """
        path = _operation_path(operation_id, "/cancel")
        return await self._object("POST", path, Operation, json={}, options=options)

    def events(self, operation_id: str) -> AsyncEventStream[OperationEvent]:
        """The operation's event log, then its events as they happen, until a final status.

        ``GET /operations/{operation_id}/events`` as server-sent events; connects when
        entered and resumes after a dropped connection without repeating events.
        """
        return self._events(
            _operation_path(operation_id, "/events"),
            parse_operation_event,
            is_final=operation_event_is_final,
        )

    async def wait_for_completion(
        self,
        operation_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> Operation:
        """Poll ``GET /operations/{operation_id}`` until the operation is final; return it.

        A failed operation is returned, not raised (check ``status`` and
        ``error_message``); `miosa.WaitTimeoutError` when `timeout` seconds pass first.
        """
        poller = Poller(OPERATION_WAIT, operation_id, timeout=timeout, first_delay=poll_interval)
        while True:
            operation = await self.get(operation_id)
            delay = poller.next_delay(operation.status)
            if delay is None:
                return operation
            await asleep(delay)
