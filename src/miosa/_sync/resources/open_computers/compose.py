# This file was generated from
#   src/miosa/_async/resources/open_computers/compose.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Workloads on a host: Docker Compose projects and the containers they run."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query
from ...._groups.open_computers import event_parser
from ....types.open_computers_workloads import (
    OpenComputerComposeEvent,
    OpenComputerComposeProject,
    OpenComputerContainer,
    OpenComputerContainerLogLine,
    OpenComputerContainerStats,
)
from ..._resource import APIResource
from ...streams import EventStream
from ._base import host_path

_PROJECT_KEYS = ("compose_project", "data")
_CONTAINER_KEYS = ("container", "data")


def _project(host_id: str, project_id: str) -> str:
    return host_path("/compose-projects/{project_id}", host_id, project_id=project_id)


def _container(host_id: str, container_id: str) -> str:
    return host_path("/containers/{container_id}", host_id, container_id=container_id)


class OpenComputerComposeProjects(APIResource):
    """``client.open_computers.compose_projects``: Docker Compose stacks on a host."""

    def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerComposeProject]:
        """A host's Compose projects. ``GET /opencomputers/hosts/{host_id}/compose-projects``."""
        return self._list(
            "GET",
            host_path("/compose-projects", host_id),
            OpenComputerComposeProject,
            keys=("compose_projects", "data"),
            options=options,
        )

    def create(
        self,
        host_id: str,
        *,
        name: str,
        yaml: str,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        pull: bool | NotGiven = NOT_GIVEN,
        build: bool | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerComposeProject:
        """Create a project from a ``docker-compose.yml`` text and start it.

        ``POST /opencomputers/hosts/{host_id}/compose-projects``. `env` fills the file's
        variables; `pull` pulls images first, `build` builds those with a ``build:``
        section. The reply shows the project ``creating``: follow `events`.
        """
        payload = body(name=name, yaml=yaml, env=env, pull=pull, build=build)
        return self._object(
            "POST",
            host_path("/compose-projects", host_id),
            OpenComputerComposeProject,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            unwrap=_PROJECT_KEYS,
            options=options,
        )

    def get(
        self, host_id: str, project_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerComposeProject:
        """One project.

        ``GET /opencomputers/hosts/{host_id}/compose-projects/{project_id}``.
        """
        return self._object(
            "GET",
            _project(host_id, project_id),
            OpenComputerComposeProject,
            unwrap=_PROJECT_KEYS,
            options=options,
        )

    def delete(self, host_id: str, project_id: str, **options: Unpack[RequestOptions]) -> None:
        """Tear a project's stack down and delete it.

        ``DELETE /opencomputers/hosts/{host_id}/compose-projects/{project_id}``.
        """
        self._none("DELETE", _project(host_id, project_id), options=options)

    def up(
        self, host_id: str, project_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerComposeProject:
        """Bring a stopped or failed project up again (it reads ``creating``).

        ``POST /opencomputers/hosts/{host_id}/compose-projects/{project_id}/up``.
        """
        return self._object(
            "POST",
            _project(host_id, project_id) + "/up",
            OpenComputerComposeProject,
            unwrap=_PROJECT_KEYS,
            options=options,
        )

    def down(
        self,
        host_id: str,
        project_id: str,
        *,
        remove_volumes: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Stop a running project; `remove_volumes` drops its volumes too.

        ``POST /opencomputers/hosts/{host_id}/compose-projects/{project_id}/down``.
        """
        self._none(
            "POST",
            _project(host_id, project_id) + "/down",
            params=query(remove_volumes=remove_volumes),
            options=options,
        )

    def events(self, host_id: str, project_id: str) -> EventStream[OpenComputerComposeEvent]:
        """A project's progress, log and error events (SSE), as a context manager.

        ``GET /opencomputers/hosts/{host_id}/compose-projects/{project_id}/events``:
        ``with ... as events: for event in events``; a dropped connection is
        resumed. A frame that is not JSON arrives with its text in ``raw["line"]``.
        """
        return self._events(
            _project(host_id, project_id) + "/events", event_parser(OpenComputerComposeEvent)
        )


class OpenComputerContainers(APIResource):
    """``client.open_computers.containers``: Docker and Podman containers on a host."""

    def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerContainer]:
        """A host's containers. ``GET /opencomputers/hosts/{host_id}/containers``."""
        return self._list(
            "GET",
            host_path("/containers", host_id),
            OpenComputerContainer,
            keys=("containers", "data"),
            options=options,
        )

    def get(
        self, host_id: str, container_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerContainer:
        """One container. ``GET /opencomputers/hosts/{host_id}/containers/{container_id}``."""
        return self._object(
            "GET",
            _container(host_id, container_id),
            OpenComputerContainer,
            unwrap=_CONTAINER_KEYS,
            options=options,
        )

    def logs(
        self,
        host_id: str,
        container_id: str,
        *,
        filters: Mapping[str, str | int | bool] | None = None,
    ) -> EventStream[OpenComputerContainerLogLine]:
        """A container's log lines (SSE), as a context manager.

        ``GET /opencomputers/hosts/{host_id}/containers/{container_id}/logs``; `filters`
        go to the query as given.
        """
        return self._events(
            _container(host_id, container_id) + "/logs",
            event_parser(OpenComputerContainerLogLine),
            params=query(**dict(filters or {})),
        )

    def stats(self, host_id: str, container_id: str) -> EventStream[OpenComputerContainerStats]:
        """A container's CPU and memory use every 10 s (SSE), as a context manager.

        ``GET /opencomputers/hosts/{host_id}/containers/{container_id}/stats``; the stream
        ends after a frame with the ``state`` the container left ``running`` for.
        """
        return self._events(
            _container(host_id, container_id) + "/stats",
            event_parser(OpenComputerContainerStats),
        )

    def start(
        self, host_id: str, container_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerContainer:
        """Start a stopped or failed container (it reads ``provisioning``).

        ``POST /opencomputers/hosts/{host_id}/containers/{container_id}/start``.
        """
        return self._object(
            "POST",
            _container(host_id, container_id) + "/start",
            OpenComputerContainer,
            unwrap=_CONTAINER_KEYS,
            options=options,
        )

    def stop(self, host_id: str, container_id: str, **options: Unpack[RequestOptions]) -> None:
        """Stop a running container.

        ``POST /opencomputers/hosts/{host_id}/containers/{container_id}/stop``.
        """
        self._none("POST", _container(host_id, container_id) + "/stop", options=options)

    def restart(self, host_id: str, container_id: str, **options: Unpack[RequestOptions]) -> None:
        """Restart a running, stopped or failed container.

        ``POST /opencomputers/hosts/{host_id}/containers/{container_id}/restart``.
        """
        self._none("POST", _container(host_id, container_id) + "/restart", options=options)
