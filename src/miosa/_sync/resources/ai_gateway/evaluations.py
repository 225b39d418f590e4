# This file was generated from
#   src/miosa/_async/resources/ai_gateway/evaluations.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.ai_gateway.evaluations``: evaluation policies and their runs
(``/intelligence/evaluations``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._groups.platform import query_with
from ....types.ai_gateway import EvaluationPolicy, EvaluationRun
from ..._resource import APIResource


def _evaluation_path(evaluation_id: str, tail: str = "") -> str:
    return route("/intelligence/evaluations/{evaluation_id}", evaluation_id=evaluation_id) + tail


def _run_path(run_id: str, tail: str = "") -> str:
    return route("/intelligence/evaluations/runs/{run_id}", run_id=run_id) + tail


class EvaluationRuns(APIResource):
    """``client.ai_gateway.evaluations.runs``: runs, and the calls an executor makes to
    claim one and report its result."""

    def list(
        self, *, policy_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[EvaluationRun]:
        """Runs, newest first. ``GET /intelligence/evaluations/runs``."""
        return self._list(
            "GET",
            "/intelligence/evaluations/runs",
            EvaluationRun,
            params=query(policy_id=policy_id),
            keys=("data", "runs"),
            options=options,
        )

    def get(self, run_id: str, **options: Unpack[RequestOptions]) -> EvaluationRun:
        """One run. ``GET /intelligence/evaluations/runs/{run_id}``."""
        return self._object("GET", _run_path(run_id), EvaluationRun, options=options)

    def claim(self, run_id: str, **options: Unpack[RequestOptions]) -> EvaluationRun:
        """Take a queued run for execution; it moves to ``running`` exactly once.
        ``POST /intelligence/evaluations/runs/{run_id}/claim``."""
        return self._object("POST", _run_path(run_id, "/claim"), EvaluationRun, options=options)

    def report(
        self,
        run_id: str,
        *,
        status: Literal["completed", "failed"] | str,
        results: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        summary: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        error: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> EvaluationRun:
        """Report a claimed run's end. ``POST /intelligence/evaluations/runs/{run_id}/result``.

        A completed run sends ``results`` (one row per dataset input); a failed one
        needs ``error``.
        """
        payload = body(status=status, results=results, summary=summary, error=error)
        return self._object(
            "POST", _run_path(run_id, "/result"), EvaluationRun, json=payload, options=options
        )

    def cancel(self, run_id: str, **options: Unpack[RequestOptions]) -> EvaluationRun:
        """Cancel a queued or running run.
        ``POST /intelligence/evaluations/runs/{run_id}/cancel``."""
        return self._object("POST", _run_path(run_id, "/cancel"), EvaluationRun, options=options)


class GatewayEvaluations(APIResource):
    """``client.ai_gateway.evaluations``: evaluation policies; ``.runs`` holds their runs."""

    @cached_property
    def runs(self) -> EvaluationRuns:
        """Evaluation runs: ``/intelligence/evaluations/runs``."""
        return EvaluationRuns(self._client)

    def list(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[EvaluationPolicy]:
        """The evaluation policies. ``GET /intelligence/evaluations``; ``extra`` adds
        filters."""
        return self._list(
            "GET",
            "/intelligence/evaluations",
            EvaluationPolicy,
            params=query_with(extra),
            keys=("data", "evaluations"),
            options=options,
        )

    def create(
        self,
        *,
        name: str,
        model: str,
        metrics: Sequence[str],
        description: str | NotGiven = NOT_GIVEN,
        dataset: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        thresholds: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> EvaluationPolicy:
        """Create an evaluation policy. ``POST /intelligence/evaluations``.

        ``dataset`` is the list of input rows a run scores ``model`` on.
        """
        payload = body(
            name=name,
            model=model,
            metrics=metrics,
            description=description,
            dataset=dataset,
            thresholds=thresholds,
            enabled=enabled,
        )
        return self._object(
            "POST", "/intelligence/evaluations", EvaluationPolicy, json=payload, options=options
        )

    def get(self, evaluation_id: str, **options: Unpack[RequestOptions]) -> EvaluationPolicy:
        """One evaluation policy. ``GET /intelligence/evaluations/{evaluation_id}``."""
        return self._object(
            "GET", _evaluation_path(evaluation_id), EvaluationPolicy, options=options
        )

    def update(
        self,
        evaluation_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        metrics: Sequence[str] | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        dataset: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        thresholds: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> EvaluationPolicy:
        """Change the fields given. ``PATCH /intelligence/evaluations/{evaluation_id}``."""
        payload = body(
            name=name,
            model=model,
            metrics=metrics,
            description=description,
            dataset=dataset,
            thresholds=thresholds,
            enabled=enabled,
        )
        return self._object(
            "PATCH",
            _evaluation_path(evaluation_id),
            EvaluationPolicy,
            json=payload,
            options=options,
        )

    def delete(self, evaluation_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete an evaluation policy. ``DELETE /intelligence/evaluations/{evaluation_id}``."""
        self._none("DELETE", _evaluation_path(evaluation_id), options=options)

    def run(
        self,
        evaluation_id: str,
        *,
        model: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> EvaluationRun:
        """Queue a run (on the policy's model unless ``model`` is given).
        ``POST /intelligence/evaluations/{evaluation_id}/runs``.

        ``idempotency_key`` goes in the body: a replay with the same key returns the
        run it first queued.
        """
        payload = body(model=model, idempotency_key=idempotency_key)
        return self._object(
            "POST",
            _evaluation_path(evaluation_id, "/runs"),
            EvaluationRun,
            json=payload,
            options=options,
        )
