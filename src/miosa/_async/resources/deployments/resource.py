"""Deployments: ``client.deployments`` (publishing, rollback, builds, env) and its sub-groups."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...._concurrency import asleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._core.waiters import DEFAULT_FIRST_DELAY, Poller
from ...._groups.platform import (
    DEPLOYMENT_READY,
    docker_deploy_metadata,
    placement_request,
    query_with,
)
from ....types.deployments import (
    Deployment,
    DeploymentBuild,
    DeploymentDatabaseAttachment,
    DeploymentEnvVar,
    DeploymentLogs,
    DeploymentObservability,
    DeploymentProof,
    DeploymentRequestLogs,
    DeploymentRoutes,
    PublishResult,
)
from ....types.sandboxes import SandboxDeployResult
from ..._resource import AsyncAPIResource
from ._base import DEPLOYMENT, deployment_path
from .connectors import AsyncDeploymentConnectors
from .domains import AsyncDeploymentDomains
from .releases import AsyncDeploymentReleases
from .runtime_instances import AsyncDeploymentRuntimeInstances
from .versions import AsyncDeploymentVersions

if TYPE_CHECKING:
    from ...._pager import AsyncPager


class AsyncDeployments(AsyncAPIResource):
    """``client.deployments``: deployments, publishing, rollback, builds and env.

    Per-deployment collections are sub-groups taking the deployment id:
    ``client.deployments.versions``, ``.releases``, ``.runtime_instances``, ``.domains``,
    ``.connectors``.
    """

    @cached_property
    def versions(self) -> AsyncDeploymentVersions:
        """Published versions: ``/deployments/{deployment_id}/versions``."""
        return AsyncDeploymentVersions(self._client)

    @cached_property
    def releases(self) -> AsyncDeploymentReleases:
        """Releases: ``/deployments/{deployment_id}/releases``."""
        return AsyncDeploymentReleases(self._client)

    @cached_property
    def runtime_instances(self) -> AsyncDeploymentRuntimeInstances:
        """Runtime instances: ``/deployments/{deployment_id}/runtime-instances``."""
        return AsyncDeploymentRuntimeInstances(self._client)

    @cached_property
    def domains(self) -> AsyncDeploymentDomains:
        """Per-deployment domains: ``/deployments/{deployment_id}/domains``."""
        return AsyncDeploymentDomains(self._client)

    @cached_property
    def connectors(self) -> AsyncDeploymentConnectors:
        """Connect bindings: ``/deployments/{deployment_id}/connectors``."""
        return AsyncDeploymentConnectors(self._client)

    def list(
        self,
        *,
        project_id: str | None = None,
        state: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        external_workspace_id: str | None = None,
        external_user_id: str | None = None,
        external_project_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Deployment]:
        """List deployments, optionally filtered. ``GET /deployments``."""
        params = query(
            project_id=project_id,
            state=state,
            limit=limit,
            cursor=cursor,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
        )
        return self._page(
            "/deployments",
            Deployment,
            params=params,
            keys=("data", "items", "deployments"),
            options=options,
        )

    async def get(self, deployment_id: str, **options: Unpack[RequestOptions]) -> Deployment:
        """Fetch a deployment. ``GET /deployments/{deployment_id}``."""
        return await self._object(
            "GET", deployment_path(deployment_id), Deployment, options=options
        )

    async def create(
        self,
        *,
        name: str,
        repo_url: str | NotGiven = NOT_GIVEN,
        branch: str | NotGiven = NOT_GIVEN,
        build_command: str | NotGiven = NOT_GIVEN,
        run_command: str | NotGiven = NOT_GIVEN,
        auto_deploy: bool | NotGiven = NOT_GIVEN,
        database: bool | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        compute_placement_request: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Deployment:
        """Create a deployment. ``POST /deployments``.

        ``database`` is ``True`` for a default managed database, or a mapping such as
        ``{"engine": "postgresql", "size": "small", "storage_mb": 10240, "region": ...}``.
        ``compute_placement_request`` chooses where it runs: ``{"provider": "aws",
        "region_id": ..., "pool_id": ..., "host_id": ..., "fallback": "deny"}``
        (``provider`` is required once any field is given).
        """
        payload = body(
            name=name,
            repo_url=repo_url,
            branch=branch,
            build_command=build_command,
            run_command=run_command,
            auto_deploy=auto_deploy,
            database=database,
            metadata=metadata,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
            compute_placement_request=placement_request(compute_placement_request),
        )
        return await self._object(
            "POST",
            "/deployments",
            Deployment,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def create_docker_deploy(
        self,
        *,
        name: str,
        repo_url: str | NotGiven = NOT_GIVEN,
        branch: str | NotGiven = NOT_GIVEN,
        build_command: str | NotGiven = NOT_GIVEN,
        run_command: str | NotGiven = NOT_GIVEN,
        auto_deploy: bool | NotGiven = NOT_GIVEN,
        database: bool | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        compute_placement_request: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> Deployment:
        """Create a deployment on the workspace's App Engine runtime. ``POST /deployments``.

        The same call as `create`, with ``metadata.deployment_product`` set to
        ``"docker_deploy"`` (added to the ``metadata`` you pass).
        """
        return await self.create(
            name=name,
            repo_url=repo_url,
            branch=branch,
            build_command=build_command,
            run_command=run_command,
            auto_deploy=auto_deploy,
            database=database,
            metadata=docker_deploy_metadata(metadata),
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
            compute_placement_request=compute_placement_request,
            idempotency_key=idempotency_key,
        )

    async def update(
        self,
        deployment_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        branch: str | NotGiven = NOT_GIVEN,
        build_command: str | NotGiven = NOT_GIVEN,
        run_command: str | NotGiven = NOT_GIVEN,
        auto_deploy: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Deployment:
        """Change a deployment's settings. ``PATCH /deployments/{deployment_id}``."""
        payload = body(
            name=name,
            branch=branch,
            build_command=build_command,
            run_command=run_command,
            auto_deploy=auto_deploy,
        )
        return await self._object(
            "PATCH", deployment_path(deployment_id), Deployment, json=payload, options=options
        )

    async def delete(self, deployment_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a deployment. ``DELETE /deployments/{deployment_id}``."""
        await self._none("DELETE", deployment_path(deployment_id), options=options)

    async def stop(self, deployment_id: str, **options: Unpack[RequestOptions]) -> Deployment:
        """Take a published deployment off the air. ``POST /deployments/{deployment_id}/stop``."""
        return await self._object(
            "POST", deployment_path(deployment_id) + "/stop", Deployment, options=options
        )

    async def redeploy(
        self,
        deployment_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Deployment:
        """Run the last build again. ``POST /deployments/{deployment_id}/redeploy``."""
        return await self._object(
            "POST",
            deployment_path(deployment_id) + "/redeploy",
            Deployment,
            json={},
            idempotency_key=idempotency_key,
            options=options,
        )

    async def move(
        self,
        deployment_id: str,
        *,
        target_workspace_id: str,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Deployment:
        """Move a deployment to another workspace of the same tenant.

        ``POST /deployments/{deployment_id}/move``; ``extra`` adds body keys.
        """
        payload = merge(body(target_workspace_id=target_workspace_id), extra)
        return await self._object(
            "POST",
            deployment_path(deployment_id) + "/move",
            Deployment,
            json=payload,
            options=options,
        )

    async def logs(
        self, deployment_id: str, *, lines: int = 100, **options: Unpack[RequestOptions]
    ) -> DeploymentLogs:
        """The deployment's last ``lines`` log lines (one reply, not a stream).

        ``GET /deployments/{deployment_id}/logs``; ``result.text`` is the log as one string.
        """
        return await self._object(
            "GET",
            deployment_path(deployment_id) + "/logs",
            DeploymentLogs,
            params=query(lines=lines),
            options=options,
        )

    async def proof(self, deployment_id: str, **options: Unpack[RequestOptions]) -> DeploymentProof:
        """The server's checks that the deployment is live and routable.

        ``GET /deployments/{deployment_id}/proof``; ``ok`` is true when every check held,
        and ``next_actions`` lists what to do about the ones that did not.
        """
        return await self._object(
            "GET", deployment_path(deployment_id) + "/proof", DeploymentProof, options=options
        )

    async def observability(
        self,
        deployment_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> DeploymentObservability:
        """Invocation metrics. ``GET /deployments/{deployment_id}/observability``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        return await self._object(
            "GET",
            deployment_path(deployment_id) + "/observability",
            DeploymentObservability,
            params=query_with(extra),
            options=options,
        )

    async def request_logs(
        self,
        deployment_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> DeploymentRequestLogs:
        """A page of request logs. ``GET /deployments/{deployment_id}/request-logs``.

        ``extra`` adds query parameters (filters, paging), sent as given.
        """
        return await self._object(
            "GET",
            deployment_path(deployment_id) + "/request-logs",
            DeploymentRequestLogs,
            params=query_with(extra),
            options=options,
        )

    async def routes(
        self,
        deployment_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> DeploymentRoutes:
        """Requests broken down by route. ``GET /deployments/{deployment_id}/routes``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        return await self._object(
            "GET",
            deployment_path(deployment_id) + "/routes",
            DeploymentRoutes,
            params=query_with(extra),
            options=options,
        )

    async def attach_database(
        self,
        deployment_id: str,
        *,
        database_id: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> DeploymentDatabaseAttachment:
        """Link a managed database to the deployment.

        ``POST /deployments/{deployment_id}/database``; ``extra`` adds body keys.
        """
        payload = merge(body(database_id=database_id, env=env), extra)
        return await self._object(
            "POST",
            deployment_path(deployment_id) + "/database",
            DeploymentDatabaseAttachment,
            json=payload,
            options=options,
        )

    async def publish(
        self,
        deployment_id: str,
        *,
        source_sandbox_id: str,
        output_path: str | NotGiven = NOT_GIVEN,
        entrypoint: str | NotGiven = NOT_GIVEN,
        promote: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PublishResult:
        """Publish a sandbox's workspace as a new version.

        ``POST /deployments/{deployment_id}/publish``; ``promote=True`` also makes the
        new version live.
        """
        payload = body(
            source_sandbox_id=source_sandbox_id,
            output_path=output_path,
            entrypoint=entrypoint,
            promote=promote,
        )
        return await self._object(
            "POST",
            deployment_path(deployment_id) + "/publish",
            PublishResult,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def publish_from_sandbox(
        self,
        sandbox_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        deployment_id: str | NotGiven = NOT_GIVEN,
        output_path: str | NotGiven = NOT_GIVEN,
        source_snapshot_path: str | NotGiven = NOT_GIVEN,
        entrypoint: str | NotGiven = NOT_GIVEN,
        domain: str | NotGiven = NOT_GIVEN,
        custom_domain: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> SandboxDeployResult:
        """Deploy a sandbox directly. ``POST /sandboxes/{sandbox_id}/deploy``.

        Pass ``deployment_id`` to publish into an existing deployment. The reply is
        release- or sandbox-backed; show its ``url`` (else ``public_url``), and read
        anything else from ``result.raw``. Same route as ``sandbox.deploy``, which takes
        every deploy option.
        """
        return await self._client.sandboxes.deploy(
            sandbox_id,
            name=name,
            deployment_id=deployment_id,
            output_path=output_path,
            source_snapshot_path=source_snapshot_path,
            entrypoint=entrypoint,
            domain=domain,
            custom_domain=custom_domain,
            idempotency_key=idempotency_key,
        )

    async def rollback(
        self,
        deployment_id: str,
        *,
        version_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Deployment:
        """Make an earlier version live again (``version_id``, else the server's choice).

        ``POST /deployments/{deployment_id}/rollback``.
        """
        return await self._object(
            "POST",
            deployment_path(deployment_id) + "/rollback",
            Deployment,
            json=body(version_id=version_id),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def list_builds(
        self, deployment_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[DeploymentBuild]:
        """List a deployment's builds. ``GET /deployments/{deployment_id}/builds``."""
        return await self._list(
            "GET",
            deployment_path(deployment_id) + "/builds",
            DeploymentBuild,
            keys=("data", "items", "builds"),
            options=options,
        )

    async def get_build(
        self, deployment_id: str, build_id: str, **options: Unpack[RequestOptions]
    ) -> DeploymentBuild:
        """Fetch one build. ``GET /deployments/{deployment_id}/builds/{build_id}``."""
        path = route(
            DEPLOYMENT + "/builds/{build_id}", deployment_id=deployment_id, build_id=build_id
        )
        return await self._object("GET", path, DeploymentBuild, options=options)

    async def list_env(
        self, deployment_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[DeploymentEnvVar]:
        """List a deployment's env records. ``GET /deployments/{deployment_id}/env``."""
        return await self._list(
            "GET",
            deployment_path(deployment_id) + "/env",
            DeploymentEnvVar,
            keys=("data", "items", "env", "vars"),
            options=options,
        )

    async def set_env(
        self,
        deployment_id: str,
        *,
        env: Mapping[str, str],
        environment: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[DeploymentEnvVar]:
        """Set env vars; returns the resulting records.

        ``POST /deployments/{deployment_id}/env``.
        """
        return await self._list(
            "POST",
            deployment_path(deployment_id) + "/env",
            DeploymentEnvVar,
            json=body(env=dict(env), environment=environment),
            keys=("data", "items", "env", "vars"),
            options=options,
        )

    async def wait_until_ready(
        self,
        deployment_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = DEFAULT_FIRST_DELAY,
    ) -> Deployment:
        """Poll ``GET /deployments/{deployment_id}`` until the deployment is ``running``.

        Waits ``poll_interval`` seconds between polls, growing by half up to 10 s.
        Raises `miosa.APITimeoutError` after ``timeout`` seconds, and `miosa.MiosaError`
        if the deployment reaches ``failed``.
        """
        poller = Poller(DEPLOYMENT_READY, deployment_id, timeout=timeout, first_delay=poll_interval)
        while True:
            deployment = await self.get(deployment_id)
            delay = poller.next_delay(deployment.state)
            if delay is None:
                return deployment
            await asleep(delay)
