"""App Engine (``/docker-deploy``): the always-on workspace host that serves many app
containers once its appliance is healthy, and the starter templates for those apps."""

from __future__ import annotations

import builtins

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...types.docker_deploy import DockerDeployHost, DockerDeployTemplate
from .._resource import AsyncAPIResource

_HOST = ("data", "host")
_TEMPLATE = ("data", "template")


class AsyncDockerDeploy(AsyncAPIResource):
    """``client.docker_deploy``: App Engine hosts and templates."""

    async def list_hosts(
        self, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[DockerDeployHost]:
        """The organization's App Engine hosts, or one workspace's.

        ``GET /docker-deploy/hosts``.
        """
        return await self._list(
            "GET",
            "/docker-deploy/hosts",
            DockerDeployHost,
            params=query(workspace_id=workspace_id),
            keys=("data", "hosts"),
            options=options,
        )

    async def ensure_host(
        self,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> DockerDeployHost:
        """The workspace's host, provisioned first if it has none (safe to call again).

        ``POST /docker-deploy/hosts/ensure``.
        """
        return await self._object(
            "POST",
            "/docker-deploy/hosts/ensure",
            DockerDeployHost,
            json=body(workspace_id=workspace_id, external_workspace_id=external_workspace_id),
            idempotency_key=idempotency_key,
            unwrap=_HOST,
            options=options,
        )

    async def get_host(self, host_id: str, **options: Unpack[RequestOptions]) -> DockerDeployHost:
        """One host. ``GET /docker-deploy/hosts/{host_id}``."""
        path = route("/docker-deploy/hosts/{host_id}", host_id=host_id)
        return await self._object("GET", path, DockerDeployHost, unwrap=_HOST, options=options)

    async def list_templates(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[DockerDeployTemplate]:
        """The App Engine starter templates. ``GET /docker-deploy/templates``."""
        return await self._list(
            "GET",
            "/docker-deploy/templates",
            DockerDeployTemplate,
            keys=("data", "templates"),
            options=options,
        )

    async def get_template(
        self, template_id: str, **options: Unpack[RequestOptions]
    ) -> DockerDeployTemplate:
        """One starter template. ``GET /docker-deploy/templates/{template_id}``."""
        path = route("/docker-deploy/templates/{template_id}", template_id=template_id)
        return await self._object(
            "GET", path, DockerDeployTemplate, unwrap=_TEMPLATE, options=options
        )
