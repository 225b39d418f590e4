# This file was generated from
#   src/miosa/_async/resources/forge/project_links.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Forge project links: ``client.forge.project_links``
(``/forge/repositories/{repository_id}/project-link``)."""

from __future__ import annotations

from collections.abc import Sequence

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.forge import ForgeProjectLink
from ..._resource import APIResource
from ._base import REPOSITORY, repository_path

_LINK = REPOSITORY + "/project-link/{project_id}"


class ForgeProjectLinks(APIResource):
    """``client.forge.project_links``: which projects build and deploy from a
    repository, from which branch and directory."""

    def create(
        self,
        repository_id: str,
        *,
        project_id: str,
        branch: str | NotGiven = NOT_GIVEN,
        root_directory: str | NotGiven = NOT_GIVEN,
        build_command: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        auto_deploy: bool | NotGiven = NOT_GIVEN,
        path_filter: Sequence[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ForgeProjectLink:
        """Link a project to the repository.

        ``POST /forge/repositories/{repository_id}/project-link``.

        ``auto_deploy`` deploys each push to ``branch``; ``path_filter`` limits that to
        pushes touching those paths.
        """
        payload = body(
            project_id=project_id,
            branch=branch,
            root_directory=root_directory,
            build_command=build_command,
            environment=environment,
            auto_deploy=auto_deploy,
            path_filter=path_filter,
        )
        return self._object(
            "POST",
            repository_path(repository_id, "/project-link"),
            ForgeProjectLink,
            json=payload,
            options=options,
        )

    def update(
        self,
        repository_id: str,
        project_id: str,
        *,
        branch: str | NotGiven = NOT_GIVEN,
        root_directory: str | NotGiven = NOT_GIVEN,
        build_command: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        auto_deploy: bool | NotGiven = NOT_GIVEN,
        path_filter: Sequence[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ForgeProjectLink:
        """Change a link; only the fields given are sent.

        ``PATCH /forge/repositories/{repository_id}/project-link/{project_id}``.
        """
        payload = body(
            branch=branch,
            root_directory=root_directory,
            build_command=build_command,
            environment=environment,
            auto_deploy=auto_deploy,
            path_filter=path_filter,
        )
        path = route(_LINK, repository_id=repository_id, project_id=project_id)
        return self._object("PATCH", path, ForgeProjectLink, json=payload, options=options)

    def delete(
        self, repository_id: str, project_id: str, **options: Unpack[RequestOptions]
    ) -> ForgeProjectLink:
        """Unlink a project; returns the link removed.

        ``DELETE /forge/repositories/{repository_id}/project-link/{project_id}``.
        """
        path = route(_LINK, repository_id=repository_id, project_id=project_id)
        return self._object("DELETE", path, ForgeProjectLink, options=options)
