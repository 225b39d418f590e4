"""Models of workloads on OpenComputers hosts: Docker Compose projects and containers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "OpenComputerComposeEvent",
    "OpenComputerComposeEventType",
    "OpenComputerComposeProject",
    "OpenComputerComposeProjectState",
    "OpenComputerContainer",
    "OpenComputerContainerLogLine",
    "OpenComputerContainerState",
    "OpenComputerContainerStats",
]


class OpenComputerComposeProjectState(OpenEnum):
    """A Compose stack's lifecycle."""

    CREATING = "creating"
    RUNNING = "running"
    PARTIAL = "partial"
    STOPPED = "stopped"
    FAILED = "failed"
    REMOVING = "removing"


@attrs.frozen(kw_only=True)
class OpenComputerComposeProject(Model):
    """A Docker Compose stack on a host, from a ``docker-compose.yml`` text."""

    id: str | None = None
    name: str | None = None
    yaml: str | None = None
    env: dict[str, Any] | None = None
    state: OpenComputerComposeProjectState | None = None
    services: tuple[dict[str, Any], ...] = ()
    last_error: str | None = None
    started_at: datetime | None = None
    stopped_at: datetime | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    inserted_at: datetime | None = None
    updated_at: datetime | None = None


class OpenComputerComposeEventType(OpenEnum):
    PROGRESS = "progress"
    LOG = "log"
    ERROR = "error"


@attrs.frozen(kw_only=True)
class OpenComputerComposeEvent(Model):
    """One event of ``compose_projects.events()``: progress, a log line, or an error.

    What it says is in ``payload``; ``id`` is the SSE event id.
    """

    type: OpenComputerComposeEventType | None = None
    payload: dict[str, Any] | None = None
    id: str | None = None


class OpenComputerContainerState(OpenEnum):
    """A container's lifecycle."""

    PROVISIONING = "provisioning"
    RUNNING = "running"
    STOPPED = "stopped"
    FAILED = "failed"
    REMOVING = "removing"
    REMOVED = "removed"


@attrs.frozen(kw_only=True)
class OpenComputerContainer(Model):
    """A Docker or Podman container on a host, with its last sampled resource use."""

    id: str | None = None
    name: str | None = None
    image: str | None = None
    command: tuple[str, ...] = ()
    env: dict[str, Any] | None = None
    ports: tuple[dict[str, Any], ...] = ()
    volumes: tuple[dict[str, Any], ...] = ()
    restart_policy: str | None = None
    runtime: str | None = None
    state: OpenComputerContainerState | None = None
    runtime_id: str | None = None
    runtime_name: str | None = None
    exit_code: int | None = None
    started_at: datetime | None = None
    stopped_at: datetime | None = None
    last_error: str | None = None
    last_cpu_percent: float | None = None
    last_mem_mb: int | None = None
    last_stats_at: datetime | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    inserted_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerContainerLogLine(Model):
    """One line of ``containers.logs()``: ``stream`` is ``stdout`` or ``stderr``."""

    stream: str | None = None
    line: str | None = None
    ts: datetime | None = None
    type: str | None = None
    id: str | None = None


@attrs.frozen(kw_only=True)
class OpenComputerContainerStats(Model):
    """One sample of ``containers.stats()``.

    While the container runs, ``cpu_percent``, ``mem_mb`` and ``stats_at`` are set; the
    last frame, sent when it stops running, carries only its ``state``.
    """

    cpu_percent: float | None = None
    mem_mb: int | None = None
    stats_at: datetime | None = None
    state: OpenComputerContainerState | None = None
    type: str | None = None
    id: str | None = None
