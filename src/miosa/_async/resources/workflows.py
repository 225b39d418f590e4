"""``client.workflows``: versioned node graphs (``/workflows``) and their runs
(``/workflows/runs``), which walk the graph step by step and may hold at a decision node
until someone answers it."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._concurrency import asleep
from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ..._core.waiters import Poller
from ..._groups.runs import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    WORKFLOW_RUN_OR_DECISION_WAIT,
    WORKFLOW_RUN_WAIT,
)
from ...types.workflows import (
    Workflow,
    WorkflowCapabilities,
    WorkflowNodeType,
    WorkflowRun,
    WorkflowTemplate,
    WorkflowUsage,
    WorkflowVersion,
    WorkflowWebhook,
)
from .._resource import AsyncAPIResource


def _workflow_path(workflow_id: str, tail: str = "") -> str:
    return route("/workflows/{workflow_id}", workflow_id=workflow_id) + tail


def _run_path(run_id: str, tail: str = "") -> str:
    return route("/workflows/runs/{run_id}", run_id=run_id) + tail


def _step_path(run_id: str, step_index: int, tail: str) -> str:
    path = route(
        "/workflows/runs/{run_id}/steps/{step_index}", run_id=run_id, step_index=step_index
    )
    return path + tail


_LIST_KEYS = ("data", "items")


class AsyncWorkflows(AsyncAPIResource):
    """``client.workflows``: define, publish, pause and run workflows; follow, retry and
    answer their runs."""

    # -- definitions --------------------------------------------------------------------

    async def list(
        self,
        *,
        status: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Workflow]:
        """Workflow definitions. ``GET /workflows``; `extra` adds other filters."""
        params = {**query(status=status, limit=limit, offset=offset), **query(**(extra or {}))}
        return await self._list(
            "GET", "/workflows", Workflow, params=params, keys=_LIST_KEYS, options=options
        )

    async def create(
        self,
        *,
        name: str,
        graph: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Workflow:
        """Create a workflow definition (a ``draft``). ``POST /workflows``.

        Args:
            graph: The node graph: ``{"nodes": [{"id": ..., "type": ..., ...}, ...]}``;
                ``node_types()`` lists the types.
            extra: Body keys this SDK version does not name yet, sent as given.
        """
        payload = body(name=name, graph=graph, description=description)
        return await self._object(
            "POST",
            "/workflows",
            Workflow,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def capabilities(self, **options: Unpack[RequestOptions]) -> WorkflowCapabilities:
        """What this deployment's workflow engine supports. ``GET /workflows/capabilities``."""
        return await self._object(
            "GET", "/workflows/capabilities", WorkflowCapabilities, options=options
        )

    async def node_types(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[WorkflowNodeType]:
        """The node types a graph may use. ``GET /workflows/node-types``."""
        return await self._list(
            "GET",
            "/workflows/node-types",
            WorkflowNodeType,
            keys=("data", "node_types", "items"),
            options=options,
        )

    async def templates(self, **options: Unpack[RequestOptions]) -> builtins.list[WorkflowTemplate]:
        """Starter workflows. ``GET /workflows/templates``."""
        return await self._list(
            "GET",
            "/workflows/templates",
            WorkflowTemplate,
            keys=("data", "templates", "items"),
            options=options,
        )

    async def usage(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> WorkflowUsage:
        """Runs and steps executed in the billing period. ``GET /workflows/usage``."""
        params = {**query(to=to), **query(**(extra or {}))}
        if from_ is not None:
            params["from"] = from_
        return await self._object(
            "GET", "/workflows/usage", WorkflowUsage, params=params, options=options
        )

    async def get(self, workflow_id: str, **options: Unpack[RequestOptions]) -> Workflow:
        """One workflow definition. ``GET /workflows/{workflow_id}``."""
        return await self._object("GET", _workflow_path(workflow_id), Workflow, options=options)

    async def update(
        self,
        workflow_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        graph: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Workflow:
        """Change a definition; a new graph is a new version. ``PATCH /workflows/{workflow_id}``."""
        payload = body(name=name, graph=graph, description=description)
        return await self._object(
            "PATCH",
            _workflow_path(workflow_id),
            Workflow,
            json=merge(payload, extra),
            options=options,
        )

    async def delete(self, workflow_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a workflow definition. ``DELETE /workflows/{workflow_id}``."""
        await self._none("DELETE", _workflow_path(workflow_id), options=options)

    async def publish(self, workflow_id: str, **options: Unpack[RequestOptions]) -> Workflow:
        """Publish the current version so runs use it. ``POST /workflows/{workflow_id}/publish``."""
        return await self._object(
            "POST", _workflow_path(workflow_id, "/publish"), Workflow, json={}, options=options
        )

    async def pause(self, workflow_id: str, **options: Unpack[RequestOptions]) -> Workflow:
        """Stop triggers starting runs. ``POST /workflows/{workflow_id}/pause``."""
        return await self._object(
            "POST", _workflow_path(workflow_id, "/pause"), Workflow, json={}, options=options
        )

    async def resume(self, workflow_id: str, **options: Unpack[RequestOptions]) -> Workflow:
        """Let a paused workflow run again. ``POST /workflows/{workflow_id}/resume``."""
        return await self._object(
            "POST", _workflow_path(workflow_id, "/resume"), Workflow, json={}, options=options
        )

    async def versions(
        self, workflow_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[WorkflowVersion]:
        """The immutable versions, newest first. ``GET /workflows/{workflow_id}/versions``."""
        return await self._list(
            "GET",
            _workflow_path(workflow_id, "/versions"),
            WorkflowVersion,
            keys=_LIST_KEYS,
            options=options,
        )

    async def rotate_webhook(
        self, workflow_id: str, **options: Unpack[RequestOptions]
    ) -> WorkflowWebhook:
        """Mint (or replace) the webhook token. ``POST /workflows/{workflow_id}/webhook``.

        The token is a secret: whoever holds it starts runs (``trigger``).
        """
        path = _workflow_path(workflow_id, "/webhook")
        return await self._object("POST", path, WorkflowWebhook, json={}, options=options)

    async def revoke_webhook(self, workflow_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revoke the webhook token. ``DELETE /workflows/{workflow_id}/webhook``."""
        await self._none("DELETE", _workflow_path(workflow_id, "/webhook"), options=options)

    # -- runs ---------------------------------------------------------------------------

    async def run(
        self,
        workflow_id: str,
        *,
        input: Mapping[str, Any] | NotGiven = NOT_GIVEN,  # noqa: A002 - the wire's name
        version: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> WorkflowRun:
        """Start a run. ``POST /workflows/{workflow_id}/run``.

        Follow it with ``wait_for_run``. A paused workflow refuses with
        `miosa.ConflictError`.
        """
        payload = body(input=input, version=version)
        return await self._object(
            "POST",
            _workflow_path(workflow_id, "/run"),
            WorkflowRun,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def runs(
        self,
        *,
        workflow_id: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[WorkflowRun]:
        """Workflow runs, newest first. ``GET /workflows/runs``."""
        params = {
            **query(workflow_id=workflow_id, status=status, limit=limit),
            **query(**(extra or {})),
        }
        return await self._list(
            "GET", "/workflows/runs", WorkflowRun, params=params, keys=_LIST_KEYS, options=options
        )

    async def get_run(self, run_id: str, **options: Unpack[RequestOptions]) -> WorkflowRun:
        """One run and its steps. ``GET /workflows/runs/{run_id}``."""
        return await self._object("GET", _run_path(run_id), WorkflowRun, options=options)

    async def cancel_run(self, run_id: str, **options: Unpack[RequestOptions]) -> WorkflowRun:
        """Cancel a run in flight. ``POST /workflows/runs/{run_id}/cancel``."""
        return await self._object(
            "POST", _run_path(run_id, "/cancel"), WorkflowRun, json={}, options=options
        )

    async def retry_run(self, run_id: str, **options: Unpack[RequestOptions]) -> WorkflowRun:
        """Run a failed run again from the start. ``POST /workflows/runs/{run_id}/retry``."""
        return await self._object(
            "POST", _run_path(run_id, "/retry"), WorkflowRun, json={}, options=options
        )

    async def retry_step(
        self, run_id: str, step_index: int, **options: Unpack[RequestOptions]
    ) -> WorkflowRun:
        """Retry a run's failed step and go on from it.

        ``POST /workflows/runs/{run_id}/steps/{step_index}/retry``.
        """
        path = _step_path(run_id, step_index, "/retry")
        return await self._object("POST", path, WorkflowRun, json={}, options=options)

    async def decide_step(
        self,
        run_id: str,
        step_index: int,
        *,
        decision: str | NotGiven = NOT_GIVEN,
        value: Any = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> WorkflowRun:
        """Answer the decision node holding a run; the run goes on.

        ``POST /workflows/runs/{run_id}/steps/{step_index}/decision``.
        """
        path = _step_path(run_id, step_index, "/decision")
        payload = body(decision=decision, value=value)
        return await self._object(
            "POST", path, WorkflowRun, json=merge(payload, extra), options=options
        )

    async def trigger(
        self,
        token: str,
        *,
        payload: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> WorkflowRun:
        """Start a run the way an outside system does. ``POST /workflows/trigger/{token}``.

        The token is the credential (the route needs no API key); `payload` is the body
        the run gets as its input.
        """
        return await self._object(
            "POST",
            route("/workflows/trigger/{token}", token=token),
            WorkflowRun,
            json=dict(payload or {}),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def wait_for_run(
        self,
        run_id: str,
        *,
        until_decision: bool = True,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> WorkflowRun:
        """Poll ``GET /workflows/runs/{run_id}`` until the run is final, and return it.

        With `until_decision` (the default) it also returns a run held at a decision node
        (``status == "waiting"``; answer it with ``decide_step``). A failed run is returned,
        not raised; `miosa.WaitTimeoutError` when `timeout` seconds pass first.
        """
        target = WORKFLOW_RUN_OR_DECISION_WAIT if until_decision else WORKFLOW_RUN_WAIT
        poller = Poller(target, run_id, timeout=timeout, first_delay=poll_interval)
        while True:
            run = await self.get_run(run_id)
            delay = poller.next_delay(run.status)
            if delay is None:
                return run
            await asleep(delay)
