# This file was generated from
#   src/miosa/_async/resources/computers/checkpoints.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.checkpoints``: snapshots of one computer, ``/computers/{id}/snapshots``."""

from __future__ import annotations

from ...._concurrency import sleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._core.waiters import Poller, WaitTarget
from ...._groups.computers import (
    CHECKPOINT_DONE_STATES,
    CHECKPOINT_FAILURE_STATES,
    WAIT_FIRST_DELAY,
    WAIT_MAX_DELAY,
    checkpoint_progress_is_final,
    parse_checkpoint_progress,
    restore_payload,
)
from ....types.computers import Checkpoint, CheckpointProgress, CheckpointRestore
from ..._resource import ScopedResource
from ...streams import EventStream

_CHECKPOINT_KEYS = ("data", "snapshots", "items")


class ComputerCheckpoints(ScopedResource):
    """``computer.checkpoints``: create, restore and watch Firecracker checkpoints."""

    def _snapshot_path(self, snapshot_id: str) -> str:
        return self._prefix + route("/snapshots/{snapshot_id}", snapshot_id=snapshot_id)

    def create(
        self, *, comment: str | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> Checkpoint:
        """Checkpoint the running computer. ``POST /computers/{computer_id}/snapshots``.

        The checkpoint starts ``creating`` and becomes ``ready`` on its own:
        ``computer.checkpoints.wait_for_completion(checkpoint.id)``.
        """
        return self._object(
            "POST",
            self._prefix + "/snapshots",
            Checkpoint,
            json=body(comment=comment),
            options=options,
        )

    def list(self, **options: Unpack[RequestOptions]) -> list[Checkpoint]:
        """Every checkpoint not deleted. ``GET /computers/{computer_id}/snapshots``."""
        return self._list(
            "GET", self._prefix + "/snapshots", Checkpoint, keys=_CHECKPOINT_KEYS, options=options
        )

    def get(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> Checkpoint:
        """One checkpoint. ``GET /computers/{computer_id}/snapshots/{snapshot_id}``."""
        return self._object("GET", self._snapshot_path(snapshot_id), Checkpoint, options=options)

    def delete(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> Checkpoint:
        """Delete a checkpoint; returns it with status ``deleted``.

        ``DELETE /computers/{computer_id}/snapshots/{snapshot_id}``.
        """
        return self._object("DELETE", self._snapshot_path(snapshot_id), Checkpoint, options=options)

    def restore(self, snapshot_id: str, **options: Unpack[RequestOptions]) -> CheckpointRestore:
        """Boot a NEW computer from a ``ready`` checkpoint.

        ``POST /computers/{computer_id}/restore/{snapshot_id}``. The reply carries the
        new computer (``.data``, provisioning) and the source checkpoint (``.snapshot``);
        ``client.computers.handle(result.data.id)`` gives a handle to the new one.
        """
        path = self._prefix + route("/restore/{snapshot_id}", snapshot_id=snapshot_id)
        # The reply is {data: computer, snapshot: checkpoint}: keep both, unwrap nothing
        # (the computer may sit one level deeper, under data.computer).
        return self._object(
            "POST", path, CheckpointRestore, unwrap=(), prepare=restore_payload, options=options
        )

    def events(
        self, snapshot_id: str, *, ticket: str | None = None
    ) -> EventStream[CheckpointProgress]:
        """Progress events until ``ready``, ``failed`` or ``deleted``; connects when entered.

        ``GET /computers/{computer_id}/snapshots/{snapshot_id}/events`` (SSE). `ticket`
        is a short-lived SSE ticket from ``POST /auth/sse-ticket`` where the server asks
        for one.
        """
        return self._events(
            self._snapshot_path(snapshot_id) + "/events",
            parse_checkpoint_progress,
            params=query(ticket=ticket),
            is_final=checkpoint_progress_is_final,
        )

    def wait_for_completion(
        self,
        snapshot_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = WAIT_FIRST_DELAY,
    ) -> Checkpoint:
        """Poll ``GET /computers/{computer_id}/snapshots/{snapshot_id}`` until ``ready``.

        Backs off from `poll_interval` seconds (x1.5, at most 5 s). Raises
        `miosa.WaitTimeoutError` after `timeout` seconds and `miosa.ResourceFailedError`
        when the checkpoint ends ``failed`` or ``deleted``.
        """
        poller = Poller(
            WaitTarget.of(
                "checkpoint", ready=CHECKPOINT_DONE_STATES, failed=CHECKPOINT_FAILURE_STATES
            ),
            snapshot_id,
            timeout=timeout,
            first_delay=poll_interval,
            max_delay=WAIT_MAX_DELAY,
        )
        while True:
            checkpoint = self.get(snapshot_id)
            delay = poller.next_delay(checkpoint.status)
            if delay is None:
                return checkpoint
            sleep(delay)
