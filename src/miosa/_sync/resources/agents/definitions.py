# This file was generated from
#   src/miosa/_async/resources/agents/definitions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.agents``: saved agents (``/agents``) and their immutable versions."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ....types.agents import Agent, AgentVersion
from ....types.runs import Run
from ..._resource import APIResource

if TYPE_CHECKING:
    from ...._pager import Page

RunSource = Literal["console", "api", "workflow", "trigger", "test"]
RunStatusFilter = Literal["queued", "running", "succeeded", "failed", "canceled"]


def _agent_path(agent_id: str, tail: str = "") -> str:
    return route("/agents/{agent_id}", agent_id=agent_id) + tail


class Agents(APIResource):
    """``client.agents``: an agent's identity lives here, its behaviour in numbered versions.

    Reads need the ``agents:read`` scope, writes ``agents:write``; a workspace-bound key
    sees only its workspace. Deleting an agent archives it (``restore`` brings it back).
    """

    def list(
        self,
        *,
        workspace_id: str | None = None,
        project_id: str | None = None,
        status: Literal["active", "archived"] | None = "active",
        limit: int | None = None,
        cursor: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[Agent]:
        """Agents, a page at a time (``active`` ones unless `status` says otherwise).

        ``GET /agents``; ``status=None`` sends no filter.
        """
        params = query(
            workspace_id=workspace_id,
            project_id=project_id,
            status=status,
            limit=limit,
            cursor=cursor,
        )
        return self._page("/agents", Agent, params=params, keys=("data",), options=options)

    def create(
        self,
        *,
        name: str,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        configuration: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Agent:
        """Create an agent with its first version (1) from `configuration`. ``POST /agents``."""
        payload = body(
            name=name,
            workspace_id=workspace_id,
            project_id=project_id,
            description=description,
            metadata=metadata,
            configuration=dict(configuration or {}),
        )
        return self._object(
            "POST", "/agents", Agent, json=payload, idempotency_key=idempotency_key, options=options
        )

    def get(self, agent_id: str, **options: Unpack[RequestOptions]) -> Agent:
        """One agent with its current version. ``GET /agents/{agent_id}``."""
        return self._object("GET", _agent_path(agent_id), Agent, options=options)

    def update(
        self,
        agent_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Agent:
        """Rename, redescribe or relabel an agent. ``PATCH /agents/{agent_id}``.

        Behaviour does not change here: publish a version. Changing ``metadata.run_access``
        needs a workspace admin or owner, or an admin key.
        """
        payload = merge(body(name=name, description=description, metadata=metadata), extra)
        return self._object("PATCH", _agent_path(agent_id), Agent, json=payload, options=options)

    def archive(self, agent_id: str, **options: Unpack[RequestOptions]) -> Agent:
        """Archive an agent: it takes no new runs. ``DELETE /agents/{agent_id}``."""
        return self._object("DELETE", _agent_path(agent_id), Agent, options=options)

    def restore(self, agent_id: str, **options: Unpack[RequestOptions]) -> Agent:
        """Bring an archived agent back. ``POST /agents/{agent_id}/restore``."""
        return self._object(
            "POST", _agent_path(agent_id, "/restore"), Agent, json={}, options=options
        )

    def versions(
        self,
        agent_id: str,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[AgentVersion]:
        """An agent's published versions, a page at a time. ``GET /agents/{agent_id}/versions``."""
        return self._page(
            _agent_path(agent_id, "/versions"),
            AgentVersion,
            params=query(limit=limit, cursor=cursor),
            keys=("data",),
            options=options,
        )

    def publish(
        self,
        agent_id: str,
        configuration: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentVersion:
        """Publish `configuration` as the next version. ``POST /agents/{agent_id}/versions``.

        When it is the same as the latest version, that version comes back with
        ``unchanged`` set and no new number is used.
        """
        return self._object(
            "POST",
            _agent_path(agent_id, "/versions"),
            AgentVersion,
            json={"configuration": dict(configuration or {})},
            options=options,
        )

    def version(
        self, agent_id: str, version: int, **options: Unpack[RequestOptions]
    ) -> AgentVersion:
        """One version by number. ``GET /agents/{agent_id}/versions/{version}``."""
        path = route("/agents/{agent_id}/versions/{version}", agent_id=agent_id, version=version)
        return self._object("GET", path, AgentVersion, options=options)

    def duplicate(
        self,
        agent_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        version: int | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Agent:
        """Copy an agent with one of its versions. ``POST /agents/{agent_id}/duplicate``.

        Args:
            name: The copy's name (default: the server names it after the original).
            workspace_id: Put the copy in another workspace.
            model: Replace the model in the copied configuration.
            version: Copy this version number instead of the latest.
        """
        payload = body(name=name, workspace_id=workspace_id, model=model, version=version)
        return self._object(
            "POST",
            _agent_path(agent_id, "/duplicate"),
            Agent,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def runs(
        self,
        agent_id: str,
        *,
        status: RunStatusFilter | None = None,
        source: RunSource | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Run]:
        """The runs started from an agent, newest first. ``GET /agents/{agent_id}/runs``."""
        return self._list(
            "GET",
            _agent_path(agent_id, "/runs"),
            Run,
            params=query(status=status, source=source, limit=limit),
            keys=("data", "runs"),
            options=options,
        )
