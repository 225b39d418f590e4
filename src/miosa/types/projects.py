"""Models of projects: the folder owning a workspace's services, environments and shared
variables, plus the project template catalog."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum
from .project_services import Service, ServiceRelease

__all__ = [
    "EnvironmentSync",
    "Project",
    "ProjectCapabilities",
    "ProjectEnvironment",
    "ProjectEnvironmentKind",
    "ProjectSummary",
    "ProjectTemplate",
    "ProjectTemplateApplication",
    "SharedVariable",
]


@attrs.frozen(kw_only=True)
class Project(Model):
    """A project (``/projects``): belongs to one workspace, owns services and environments.

    The workspace's default project (``is_default``) cannot be deleted.
    """

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    description: str | None = None
    workspace_id: str | None = None
    is_default: bool | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ProjectEnvironmentKind(OpenEnum):
    """What an environment of a project is for."""

    PRODUCTION = "production"
    STAGING = "staging"
    DEVELOPMENT = "development"
    PREVIEW = "preview"


@attrs.frozen(kw_only=True)
class ProjectEnvironment(Model):
    """A project's deploy target (``production``, ``staging``, a preview ...).

    The first read of a project's environments creates ``production``.
    """

    id: str | None = None
    project_id: str | None = None
    name: str | None = None
    slug: str | None = None
    kind: ProjectEnvironmentKind | None = None
    is_default: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EnvironmentSync(Model):
    """The diff of one environment against another (``.../sync``).

    ``changes`` lists what the source has that the target lacks or holds differently;
    ``applied`` is true when the call wrote them. A sync never removes anything.
    """

    environment_id: str | None = None
    from_environment_id: str | None = None
    applied: bool | None = None
    changes: tuple[dict[str, Any], ...] = ()


@attrs.frozen(kw_only=True)
class SharedVariable(Model):
    """A variable every service of an environment can read as ``${{shared.NAME}}``.

    Values are masked: ``preview`` shows a hint, never the value.
    """

    name: str | None = None
    preview: str | None = None
    environment_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ProjectSummary(Model):
    """``GET /projects/{id}/summary``: the project with its environments and services."""

    id: str | None = None
    name: str | None = None
    environments: tuple[ProjectEnvironment, ...] = ()
    services: tuple[Service, ...] = ()


@attrs.frozen(kw_only=True)
class ProjectCapabilities(Model):
    """What the project API can do on this platform right now."""

    services_api: bool | None = None
    image_source: bool | None = None
    template_apply: bool | None = None


@attrs.frozen(kw_only=True)
class ProjectTemplate(Model):
    """A project template (``nextjs-postgres``, ``redis`` ...): services applied together."""

    slug: str | None = None
    name: str | None = None
    description: str | None = None
    services: tuple[dict[str, Any], ...] = ()


@attrs.frozen(kw_only=True)
class ProjectTemplateApplication(Model):
    """The change set of applying a template: the services it made and the releases queued."""

    template: str | None = None
    environment_id: str | None = None
    services: tuple[Service, ...] = ()
    releases: tuple[ServiceRelease, ...] = ()
