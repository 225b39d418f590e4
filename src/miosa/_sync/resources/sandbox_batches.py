# This file was generated from
#   src/miosa/_async/resources/sandbox_batches.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.sandbox_batches``: many sandboxes from one request, and the one-shot run lane."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.batches import batch_settled, parse_batch_event
from ..._groups.platform import query_with
from ...types.sandbox_batches import (
    SandboxBatch,
    SandboxBatchEvent,
    SandboxBatchItem,
    SandboxRun,
)
from .._resource import APIResource
from ..streams import EventStream


def _batch_path(batch_id: str) -> str:
    return route("/sandboxes/batches/{batch_id}", batch_id=batch_id)


class SandboxBatches(APIResource):
    """``client.sandbox_batches``: create sandboxes in bulk and follow the batch.

    The shared request (template, shape, workspace, setup file) is resolved once and the
    creates are dispatched with at most ``concurrency`` in flight; the reply comes at once
    and the batch is what you follow (`get`, `items`, `events`).
    """

    def create(
        self,
        count: int,
        *,
        concurrency: int | NotGiven = NOT_GIVEN,
        template_id: str | NotGiven = NOT_GIVEN,
        image: str | NotGiven = NOT_GIVEN,
        size: str | NotGiven = NOT_GIVEN,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
        disk_size_mb: int | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        setup_file: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SandboxBatch:
        """Start a batch of ``count`` sandboxes. ``POST /sandboxes/batch``.

        Give ``size`` or an explicit ``cpu_count``/``memory_mb``/``disk_size_mb`` shape.
        """
        payload = body(
            count=count,
            concurrency=concurrency,
            template_id=template_id,
            image=image,
            size=size,
            cpu_count=cpu_count,
            memory_mb=memory_mb,
            disk_size_mb=disk_size_mb,
            workspace_id=workspace_id,
            setup_file=setup_file,
        )
        return self._object(
            "POST",
            "/sandboxes/batch",
            SandboxBatch,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def get(self, batch_id: str, **options: Unpack[RequestOptions]) -> SandboxBatch:
        """A batch's snapshot: status, counts, runtime. ``GET /sandboxes/batches/{batch_id}``."""
        return self._object("GET", _batch_path(batch_id), SandboxBatch, options=options)

    def items(
        self,
        batch_id: str,
        *,
        limit: int | None = None,
        status: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[SandboxBatchItem]:
        """A batch's creates (100 unless ``limit``). ``GET /sandboxes/batches/{batch_id}/items``."""
        params = query_with(extra, limit=limit, status=status)
        return self._list(
            "GET",
            _batch_path(batch_id) + "/items",
            SandboxBatchItem,
            params=params,
            keys=("data",),
            options=options,
        )

    def cancel(self, batch_id: str, **options: Unpack[RequestOptions]) -> SandboxBatch:
        """Stop dispatching the creates not yet started; created sandboxes keep running.

        ``POST /sandboxes/batches/{batch_id}/cancel``.
        """
        return self._object(
            "POST", _batch_path(batch_id) + "/cancel", SandboxBatch, options=options
        )

    def events(
        self, batch_id: str, *, idle_timeout: float | None = None
    ) -> EventStream[SandboxBatchEvent]:
        """Progress as it happens; ends after the ``batch_settled`` event.

        ``GET /sandboxes/batches/{batch_id}/events`` (server-sent events).
        """
        return self._events(
            _batch_path(batch_id) + "/events",
            parse_batch_event,
            is_final=batch_settled,
            idle_timeout=idle_timeout,
        )

    def run(
        self,
        command: str,
        *,
        template_id: str | NotGiven = NOT_GIVEN,
        image: str | NotGiven = NOT_GIVEN,
        size: str | NotGiven = NOT_GIVEN,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
        disk_size_mb: int | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        setup_file: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SandboxRun:
        """Create a sandbox, wait until it can run commands, and run ``command``: one request.

        ``POST /sandboxes/run``; the reply is the sandbox with ``command_result``.
        """
        payload = body(
            command=command,
            template_id=template_id,
            image=image,
            size=size,
            cpu_count=cpu_count,
            memory_mb=memory_mb,
            disk_size_mb=disk_size_mb,
            workspace_id=workspace_id,
            setup_file=setup_file,
        )
        return self._object(
            "POST",
            "/sandboxes/run",
            SandboxRun,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )
