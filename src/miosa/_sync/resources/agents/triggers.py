# This file was generated from
#   src/miosa/_async/resources/agents/triggers.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.agent_triggers``: when an agent runs (``/agents/{agent_id}/triggers``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ....types.agent_triggers import AgentTrigger, TriggerFiring
from ..._resource import APIResource

TriggerKind = Literal["schedule", "webhook", "event", "forge", "email"]


def _triggers_path(agent_id: str) -> str:
    return route("/agents/{agent_id}/triggers", agent_id=agent_id)


def _trigger_path(agent_id: str, trigger_id: str, tail: str = "") -> str:
    path = route(
        "/agents/{agent_id}/triggers/{trigger_id}", agent_id=agent_id, trigger_id=trigger_id
    )
    return path + tail


class AgentTriggers(APIResource):
    """``client.agent_triggers``: schedules, webhooks, events and emails that start runs.

    Reads need ``agents:read``, writes ``agents:write``, as for the agent itself.
    """

    def list(self, agent_id: str, **options: Unpack[RequestOptions]) -> builtins.list[AgentTrigger]:
        """The agent's triggers. ``GET /agents/{agent_id}/triggers``."""
        return self._list(
            "GET",
            _triggers_path(agent_id),
            AgentTrigger,
            keys=("data", "triggers", "items"),
            options=options,
        )

    def create(
        self,
        agent_id: str,
        *,
        kind: TriggerKind,
        name: str | NotGiven = NOT_GIVEN,
        instruction: str | NotGiven = NOT_GIVEN,
        agent_version_id: str | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        conditions: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        daily_run_limit: int | NotGiven = NOT_GIVEN,
        machine: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentTrigger:
        """Create a trigger. ``POST /agents/{agent_id}/triggers``.

        Args:
            kind: ``schedule`` (``config={"cron": ...}``), ``webhook``, ``event``,
                ``forge`` or ``email``.
            instruction: What each run is told.
            agent_version_id: Pin a version instead of following the latest.
            conditions: Checks on the payload; a firing that fails one starts no run.
            daily_run_limit: At most this many runs a day.

        A webhook trigger's ``webhook_url`` is in this reply only: keep it.
        """
        payload = body(
            kind=kind,
            name=name,
            instruction=instruction,
            agent_version_id=agent_version_id,
            enabled=enabled,
            config=config,
            conditions=conditions,
            daily_run_limit=daily_run_limit,
            machine=machine,
        )
        return self._object(
            "POST",
            _triggers_path(agent_id),
            AgentTrigger,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def get(
        self, agent_id: str, trigger_id: str, **options: Unpack[RequestOptions]
    ) -> AgentTrigger:
        """One trigger with its 20 most recent firings.

        ``GET /agents/{agent_id}/triggers/{trigger_id}``.
        """
        return self._object(
            "GET", _trigger_path(agent_id, trigger_id), AgentTrigger, options=options
        )

    def update(
        self,
        agent_id: str,
        trigger_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        instruction: str | NotGiven = NOT_GIVEN,
        agent_version_id: str | NotGiven | None = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        config: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        conditions: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        daily_run_limit: int | NotGiven | None = NOT_GIVEN,
        machine: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentTrigger:
        """Change any field but ``kind``. ``PATCH /agents/{agent_id}/triggers/{trigger_id}``.

        ``agent_version_id=None`` unpins the version; ``daily_run_limit=None`` lifts the limit.
        """
        payload = body(
            name=name,
            instruction=instruction,
            agent_version_id=agent_version_id,
            enabled=enabled,
            config=config,
            conditions=conditions,
            daily_run_limit=daily_run_limit,
            machine=machine,
        )
        return self._object(
            "PATCH",
            _trigger_path(agent_id, trigger_id),
            AgentTrigger,
            json=merge(payload, extra),
            options=options,
        )

    def delete(self, agent_id: str, trigger_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a trigger with its schedule and event subscriptions.

        ``DELETE /agents/{agent_id}/triggers/{trigger_id}``.
        """
        self._none("DELETE", _trigger_path(agent_id, trigger_id), options=options)

    def rotate_secret(
        self, agent_id: str, trigger_id: str, **options: Unpack[RequestOptions]
    ) -> AgentTrigger:
        """A new webhook URL or email address; the old one stops working at once.

        ``POST /agents/{agent_id}/triggers/{trigger_id}/rotate-secret``.
        """
        path = _trigger_path(agent_id, trigger_id, "/rotate-secret")
        return self._object("POST", path, AgentTrigger, json={}, options=options)

    def fire(
        self,
        agent_id: str,
        trigger_id: str,
        *,
        payload: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> TriggerFiring:
        """Fire now, as if the trigger's event happened, with an optional `payload`.

        ``POST /agents/{agent_id}/triggers/{trigger_id}/fire``. Conditions, the daily
        limit and ``enabled`` still apply: the firing says whether a run started.
        """
        path = _trigger_path(agent_id, trigger_id, "/fire")
        return self._object(
            "POST",
            path,
            TriggerFiring,
            json=body(payload=payload),
            idempotency_key=idempotency_key,
            options=options,
        )

    def webhook(
        self,
        token: str,
        *,
        payload: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> TriggerFiring:
        """Call a webhook trigger the way an outside system does. ``POST /agent-triggers/{token}``.

        The token is the secret (the end of the trigger's ``webhook_url``); the request
        needs no API key. The same `idempotency_key` never starts a second run.
        """
        return self._object(
            "POST",
            route("/agent-triggers/{token}", token=token),
            TriggerFiring,
            json=dict(payload or {}),
            idempotency_key=idempotency_key,
            options=options,
        )
