# This file was generated from
#   src/miosa/_async/resources/agents/runtime_profiles.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.agent_runtime_profiles``: defaults for agent runtimes (``/agent-runtime-profiles``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ....types.agent_runtime_profiles import AgentRuntimeProfile
from ..._resource import APIResource


def _profile_path(profile_id: str) -> str:
    return route("/agent-runtime-profiles/{profile_id}", profile_id=profile_id)


class AgentRuntimeProfiles(APIResource):
    """``client.agent_runtime_profiles``: the tools, connectors, env and policy mounted
    into the sandboxes and computers agents run on, per tenant, workspace or project."""

    def list(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[AgentRuntimeProfile]:
        """Profiles, filtered by scope. ``GET /agent-runtime-profiles``."""
        params = query(workspace_id=workspace_id, project_id=project_id)
        return self._list(
            "GET",
            "/agent-runtime-profiles",
            AgentRuntimeProfile,
            params=params,
            keys=("data", "profiles", "items"),
            options=options,
        )

    def get(self, profile_id: str, **options: Unpack[RequestOptions]) -> AgentRuntimeProfile:
        """One profile. ``GET /agent-runtime-profiles/{profile_id}``."""
        return self._object("GET", _profile_path(profile_id), AgentRuntimeProfile, options=options)

    def create(
        self,
        *,
        name: str,
        runtime: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        applies_to: Sequence[str] | NotGiven = NOT_GIVEN,
        tools: Sequence[Any] | NotGiven = NOT_GIVEN,
        connectors: Sequence[Any] | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        policy: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        is_default: bool | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentRuntimeProfile:
        """Create a profile. ``POST /agent-runtime-profiles``.

        Args:
            runtime: The agent runtime it configures (a harness id such as ``claude-code``).
            applies_to: Where it is mounted: ``sandbox``, ``computer``.
            is_default: Make it its scope's default profile.
            extra: Body keys this SDK version does not name yet, sent as given.
        """
        payload = body(
            name=name,
            runtime=runtime,
            description=description,
            workspace_id=workspace_id,
            project_id=project_id,
            applies_to=applies_to,
            tools=tools,
            connectors=connectors,
            env=env,
            policy=policy,
            metadata=metadata,
            is_default=is_default,
        )
        return self._object(
            "POST",
            "/agent-runtime-profiles",
            AgentRuntimeProfile,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def update(
        self,
        profile_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        runtime: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        applies_to: Sequence[str] | NotGiven = NOT_GIVEN,
        tools: Sequence[Any] | NotGiven = NOT_GIVEN,
        connectors: Sequence[Any] | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        policy: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        is_default: bool | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentRuntimeProfile:
        """Change a profile's fields. ``PUT /agent-runtime-profiles/{profile_id}``."""
        payload = body(
            name=name,
            runtime=runtime,
            description=description,
            applies_to=applies_to,
            tools=tools,
            connectors=connectors,
            env=env,
            policy=policy,
            metadata=metadata,
            is_default=is_default,
        )
        return self._object(
            "PUT",
            _profile_path(profile_id),
            AgentRuntimeProfile,
            json=merge(payload, extra),
            options=options,
        )

    def delete(self, profile_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a profile. ``DELETE /agent-runtime-profiles/{profile_id}``."""
        self._none("DELETE", _profile_path(profile_id), options=options)
