"""``client.ai_gateway.agent_models``: the model each agent runs on
(``/intelligence/agent-model-assignments``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.ai_gateway import AgentModelAssignment
from ..._resource import AsyncAPIResource


def _assignment_path(agent_id: str) -> str:
    return route("/intelligence/agent-model-assignments/{agent_id}", agent_id=agent_id)


class AsyncAgentModelAssignments(AsyncAPIResource):
    """``client.ai_gateway.agent_models``: per-agent model assignments."""

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[AgentModelAssignment]:
        """Every assignment, by agent id. ``GET /intelligence/agent-model-assignments``."""
        return await self._list(
            "GET",
            "/intelligence/agent-model-assignments",
            AgentModelAssignment,
            keys=("data", "assignments"),
            options=options,
        )

    async def get(self, agent_id: str, **options: Unpack[RequestOptions]) -> AgentModelAssignment:
        """One agent's assignment. ``GET /intelligence/agent-model-assignments/{agent_id}``."""
        return await self._object(
            "GET", _assignment_path(agent_id), AgentModelAssignment, options=options
        )

    async def set(
        self,
        agent_id: str,
        *,
        model: str,
        fallback_models: Sequence[str] | NotGiven = NOT_GIVEN,
        parameters: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> AgentModelAssignment:
        """Create or replace an agent's assignment.
        ``PUT /intelligence/agent-model-assignments/{agent_id}``.

        ``parameters`` are model parameters (temperature ...) the agent runs with.
        """
        payload = body(
            model=model, fallback_models=fallback_models, parameters=parameters, enabled=enabled
        )
        return await self._object(
            "PUT", _assignment_path(agent_id), AgentModelAssignment, json=payload, options=options
        )

    async def delete(self, agent_id: str, **options: Unpack[RequestOptions]) -> None:
        """Clear an agent's assignment (it falls back to the default model).
        ``DELETE /intelligence/agent-model-assignments/{agent_id}``."""
        await self._none("DELETE", _assignment_path(agent_id), options=options)
