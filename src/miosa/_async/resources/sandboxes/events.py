"""The event stream of a sandbox: ``/sandboxes/{id}/events``."""

from __future__ import annotations

from ...._groups.sandbox import parse_sandbox_event
from ....types.sandbox_events import SandboxEvent
from ..._resource import AsyncScopedResource
from ...streams import AsyncEventStream


class AsyncSandboxEvents(AsyncScopedResource):
    """``sandbox.events``: what happens to the sandbox, as it happens."""

    def stream(self, *, timeout: float | None = None) -> AsyncEventStream[SandboxEvent]:
        """Typed events (`SandboxCreated`, `SandboxReady`, `SandboxExec` ... `UnknownEvent`).

        ``GET /sandboxes/{sandbox_id}/events``; connects when entered, resumes after a
        dropped connection with ``Last-Event-ID`` (no event repeated or skipped)::

            async with sandbox.events.stream() as events:
                async for event in events:
                    print(event.type, event.data)

        ``timeout`` (seconds) bounds the whole stream: past it, reading raises
        `miosa.APITimeoutError`; without it the stream stays open while the sandbox lives.
        """
        return self._events(self._prefix + "/events", parse_sandbox_event, timeout=timeout)
