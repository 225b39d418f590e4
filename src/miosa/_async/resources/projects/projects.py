"""Projects (``/projects``), their environments and shared variables, and the project
template catalog (``/project-templates``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ....types.projects import (
    EnvironmentSync,
    Project,
    ProjectCapabilities,
    ProjectEnvironment,
    ProjectSummary,
    ProjectTemplate,
    ProjectTemplateApplication,
    SharedVariable,
)
from ..._resource import AsyncAPIResource


def _project_path(project_id: str) -> str:
    return route("/projects/{project_id}", project_id=project_id)


def _environment_path(project_id: str, environment_id: str) -> str:
    return route(
        "/projects/{project_id}/environments/{environment_id}",
        project_id=project_id,
        environment_id=environment_id,
    )


def variables_body(variables: Mapping[str, str] | Sequence[Mapping[str, Any]]) -> object:
    """The ``variables`` value as sent: a mapping as an object, a sequence as a list."""
    if isinstance(variables, Mapping):
        return dict(variables)
    return [dict(v) for v in variables]


class AsyncProjects(AsyncAPIResource):
    """``client.projects``: the folders that own services, environments and shared variables.

    Not the machine environments of ``client.environments``: a project environment is a
    deploy target (``production``, ``staging`` ...).
    """

    async def list(
        self, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[Project]:
        """The organization's projects, optionally of one workspace. ``GET /projects``."""
        return await self._list(
            "GET",
            "/projects",
            Project,
            params=query(workspace_id=workspace_id),
            keys=("data", "projects"),
            options=options,
        )

    async def get(self, project_id: str, **options: Unpack[RequestOptions]) -> Project:
        """Fetch one project. ``GET /projects/{project_id}``."""
        return await self._object("GET", _project_path(project_id), Project, options=options)

    async def create(
        self,
        name: str,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
        workspace_slug: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Project:
        """Create a project. ``POST /projects``.

        The API needs the workspace, by ``workspace_id`` or ``workspace_slug``, unless the
        API key is bound to one.
        """
        payload = body(
            name=name,
            workspace_id=workspace_id,
            workspace_slug=workspace_slug,
            description=description,
            slug=slug,
            metadata=metadata,
        )
        return await self._object(
            "POST",
            "/projects",
            Project,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def update(
        self,
        project_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Project:
        """Change a project's name, slug, description or metadata.

        ``PATCH /projects/{project_id}``.
        """
        payload = body(name=name, slug=slug, description=description, metadata=metadata)
        return await self._object(
            "PATCH", _project_path(project_id), Project, json=payload, options=options
        )

    async def delete(self, project_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a project. ``DELETE /projects/{project_id}``.

        The workspace's default project cannot be deleted (a conflict error).
        """
        await self._none("DELETE", _project_path(project_id), options=options)

    async def move(
        self, project_id: str, target_workspace_id: str, **options: Unpack[RequestOptions]
    ) -> Project:
        """Move a project, with everything it owns, to another workspace.

        ``POST /projects/{project_id}/move``.
        """
        return await self._object(
            "POST",
            _project_path(project_id) + "/move",
            Project,
            json={"target_workspace_id": target_workspace_id},
            options=options,
        )

    async def summary(self, project_id: str, **options: Unpack[RequestOptions]) -> ProjectSummary:
        """The project with its environments and services in one reply.

        ``GET /projects/{project_id}/summary``.
        """
        return await self._object(
            "GET", _project_path(project_id) + "/summary", ProjectSummary, options=options
        )

    # -- environments -------------------------------------------------------

    async def environments(
        self, project_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ProjectEnvironment]:
        """A project's environments. ``GET /projects/{project_id}/environments``.

        The first read creates the ``production`` environment.
        """
        return await self._list(
            "GET",
            _project_path(project_id) + "/environments",
            ProjectEnvironment,
            keys=("data", "environments"),
            options=options,
        )

    async def create_environment(
        self,
        project_id: str,
        name: str,
        *,
        slug: str | NotGiven = NOT_GIVEN,
        kind: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProjectEnvironment:
        """Create an environment. ``POST /projects/{project_id}/environments``.

        ``kind`` is ``production``, ``staging``, ``development`` or ``preview``.
        """
        return await self._object(
            "POST",
            _project_path(project_id) + "/environments",
            ProjectEnvironment,
            json=body(name=name, slug=slug, kind=kind),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def update_environment(
        self,
        project_id: str,
        environment_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ProjectEnvironment:
        """Rename an environment.

        ``PATCH /projects/{project_id}/environments/{environment_id}``.
        """
        return await self._object(
            "PATCH",
            _environment_path(project_id, environment_id),
            ProjectEnvironment,
            json=body(name=name, slug=slug),
            options=options,
        )

    async def duplicate_environment(
        self, project_id: str, environment_id: str, name: str, **options: Unpack[RequestOptions]
    ) -> ProjectEnvironment:
        """Copy an environment's services and settings into a new one named ``name``.

        ``POST /projects/{project_id}/environments/{environment_id}/duplicate``. Secrets
        are generated afresh and no data is copied.
        """
        return await self._object(
            "POST",
            _environment_path(project_id, environment_id) + "/duplicate",
            ProjectEnvironment,
            json={"name": name},
            options=options,
        )

    async def sync_environment(
        self,
        project_id: str,
        environment_id: str,
        from_environment_id: str,
        *,
        apply: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> EnvironmentSync:
        """Compare this environment with ``from_environment_id``; ``apply=True`` writes
        the differences. Nothing is ever removed.

        ``POST /projects/{project_id}/environments/{environment_id}/sync``.
        """
        return await self._object(
            "POST",
            _environment_path(project_id, environment_id) + "/sync",
            EnvironmentSync,
            json=body(from_environment_id=from_environment_id, apply=apply),
            options=options,
        )

    async def delete_environment(
        self, project_id: str, environment_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete an environment (not the default one).

        ``DELETE /projects/{project_id}/environments/{environment_id}``.
        """
        await self._none("DELETE", _environment_path(project_id, environment_id), options=options)

    # -- shared variables ---------------------------------------------------

    async def shared_variables(
        self, project_id: str, *, environment: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[SharedVariable]:
        """An environment's shared variables, masked (``environment``: name or id; the
        default environment without it). ``GET /projects/{project_id}/shared-variables``.
        """
        return await self._list(
            "GET",
            _project_path(project_id) + "/shared-variables",
            SharedVariable,
            params=query(env=environment),
            keys=("data", "variables"),
            options=options,
        )

    async def set_shared_variables(
        self,
        project_id: str,
        variables: Mapping[str, str] | Sequence[Mapping[str, Any]],
        *,
        environment: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[SharedVariable]:
        """Set shared variables; those not named are kept.

        ``PUT /projects/{project_id}/shared-variables``. A service reads one as
        ``${{shared.NAME}}``.
        """
        return await self._list(
            "PUT",
            _project_path(project_id) + "/shared-variables",
            SharedVariable,
            json=body(variables=variables_body(variables), env=environment),
            keys=("data", "variables"),
            options=options,
        )

    async def delete_shared_variable(
        self,
        project_id: str,
        name: str,
        *,
        environment: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete one shared variable.

        ``DELETE /projects/{project_id}/shared-variables/{name}``.
        """
        path = route(
            "/projects/{project_id}/shared-variables/{name}", project_id=project_id, name=name
        )
        await self._none("DELETE", path, params=query(env=environment), options=options)

    # -- templates ------------------------------------------------------------

    async def capabilities(self, **options: Unpack[RequestOptions]) -> ProjectCapabilities:
        """What runs on this platform now. ``GET /project-capabilities``."""
        return await self._object(
            "GET", "/project-capabilities", ProjectCapabilities, options=options
        )

    async def templates(self, **options: Unpack[RequestOptions]) -> builtins.list[ProjectTemplate]:
        """The project template catalog. ``GET /project-templates``."""
        return await self._list(
            "GET",
            "/project-templates",
            ProjectTemplate,
            keys=("data", "templates"),
            options=options,
        )

    async def template(self, slug: str, **options: Unpack[RequestOptions]) -> ProjectTemplate:
        """One project template. ``GET /project-templates/{slug}``."""
        path = route("/project-templates/{slug}", slug=slug)
        return await self._object("GET", path, ProjectTemplate, options=options)

    async def apply_template(
        self,
        project_id: str,
        slug: str,
        *,
        environment: str | None = None,
        deploy: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProjectTemplateApplication:
        """Add a template's services to the project as one change set, then deploy them
        unless ``deploy=False``.

        ``POST /projects/{project_id}/templates/{slug}/apply``.
        """
        path = route(
            "/projects/{project_id}/templates/{slug}/apply", project_id=project_id, slug=slug
        )
        return await self._object(
            "POST",
            path,
            ProjectTemplateApplication,
            params=query(env=environment, deploy=deploy),
            json={},
            options=options,
        )
