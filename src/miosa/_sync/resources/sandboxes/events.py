# This file was generated from
#   src/miosa/_async/resources/sandboxes/events.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The event stream of a sandbox: ``/sandboxes/{id}/events``."""

from __future__ import annotations

from ...._groups.sandbox import parse_sandbox_event
from ....types.sandbox_events import SandboxEvent
from ..._resource import ScopedResource
from ...streams import EventStream


class SandboxEvents(ScopedResource):
    """``sandbox.events``: what happens to the sandbox, as it happens."""

    def stream(self, *, timeout: float | None = None) -> EventStream[SandboxEvent]:
        """Typed events (`SandboxCreated`, `SandboxReady`, `SandboxExec` ... `UnknownEvent`).

        ``GET /sandboxes/{sandbox_id}/events``; connects when entered, resumes after a
        dropped connection with ``Last-Event-ID`` (no event repeated or skipped)::

            with sandbox.events.stream() as events:
                for event in events:
                    print(event.type, event.data)

        ``timeout`` (seconds) bounds the whole stream: past it, reading raises
        `miosa.APITimeoutError`; without it the stream stays open while the sandbox lives.
        """
        return self._events(self._prefix + "/events", parse_sandbox_event, timeout=timeout)
