# This file was generated from
#   src/miosa/_async/resources/deployments.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Deployments: ``/deployments`` and its versions, releases, runtime instances and domains."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from ..._concurrency import sleep
from ..._platform import (
    DEPLOYMENT_READY,
    VERSION_READY,
    connector_mode,
    docker_deploy_metadata,
    log_text,
    placement_request,
    query_with,
    release_promote_key,
)
from ..._request import NOT_GIVEN, NotGiven, body, merge, query, route
from ..._waiters import DEFAULT_FIRST_DELAY, Poller
from ...types.deployments import (
    ConnectorBinding,
    ConnectorPreflight,
    ConnectorSyncResult,
    Deployment,
    DeploymentBuild,
    DeploymentDatabaseAttachment,
    DeploymentEnvVar,
    DeploymentLogs,
    DeploymentObservability,
    DeploymentProof,
    DeploymentRelease,
    DeploymentRequestLogs,
    DeploymentRoutes,
    DeploymentVersion,
    MigrationBackupResult,
    PublishResult,
    RuntimeInstance,
    RuntimeInstanceLogs,
)
from ...types.domains import DeploymentDomain
from ...types.sandboxes import SandboxDeployResult
from .._resource import APIResource
from ..pagination import Page

_DEPLOYMENT = "/deployments/{deployment_id}"
_VERSION = _DEPLOYMENT + "/versions/{version_id}"
_RELEASE = _DEPLOYMENT + "/releases/{release_id}"
_INSTANCE = _DEPLOYMENT + "/runtime-instances/{instance_id}"
_DOMAIN = _DEPLOYMENT + "/domains/{domain_id}"
_CONNECTORS = _DEPLOYMENT + "/connectors"


def _deployment_path(deployment_id: str) -> str:
    return route(_DEPLOYMENT, deployment_id=deployment_id)


class Deployments(APIResource):
    """``client.deployments``: deployments, publishing, rollback, builds and env.

    Per-deployment collections are sub-groups taking the deployment id:
    ``client.deployments.versions``, ``.releases``, ``.runtime_instances``, ``.domains``,
    ``.connectors``.
    """

    @cached_property
    def versions(self) -> DeploymentVersions:
        """Published versions: ``/deployments/{deployment_id}/versions``."""
        return DeploymentVersions(self._client)

    @cached_property
    def releases(self) -> DeploymentReleases:
        """Releases: ``/deployments/{deployment_id}/releases``."""
        return DeploymentReleases(self._client)

    @cached_property
    def runtime_instances(self) -> DeploymentRuntimeInstances:
        """Runtime instances: ``/deployments/{deployment_id}/runtime-instances``."""
        return DeploymentRuntimeInstances(self._client)

    @cached_property
    def domains(self) -> DeploymentDomains:
        """Per-deployment domains: ``/deployments/{deployment_id}/domains``."""
        return DeploymentDomains(self._client)

    @cached_property
    def connectors(self) -> DeploymentConnectors:
        """Connect bindings: ``/deployments/{deployment_id}/connectors``."""
        return DeploymentConnectors(self._client)

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
    ) -> Page[Deployment]:
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
            "/deployments", Deployment, params=params, keys=("data", "items", "deployments")
        )

    def get(self, deployment_id: str) -> Deployment:
        """Fetch a deployment. ``GET /deployments/{deployment_id}``."""
        return self._object("GET", _deployment_path(deployment_id), Deployment)

    def create(
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
        return self._object(
            "POST", "/deployments", Deployment, json=payload, idempotency_key=idempotency_key
        )

    def create_docker_deploy(
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
        return self.create(
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

    def update(
        self,
        deployment_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        branch: str | NotGiven = NOT_GIVEN,
        build_command: str | NotGiven = NOT_GIVEN,
        run_command: str | NotGiven = NOT_GIVEN,
        auto_deploy: bool | NotGiven = NOT_GIVEN,
    ) -> Deployment:
        """Change a deployment's settings. ``PATCH /deployments/{deployment_id}``."""
        payload = body(
            name=name,
            branch=branch,
            build_command=build_command,
            run_command=run_command,
            auto_deploy=auto_deploy,
        )
        return self._object("PATCH", _deployment_path(deployment_id), Deployment, json=payload)

    def delete(self, deployment_id: str) -> None:
        """Delete a deployment. ``DELETE /deployments/{deployment_id}``."""
        self._none("DELETE", _deployment_path(deployment_id))

    def stop(self, deployment_id: str) -> Deployment:
        """Take a published deployment off the air. ``POST /deployments/{deployment_id}/stop``."""
        return self._object("POST", _deployment_path(deployment_id) + "/stop", Deployment)

    def redeploy(self, deployment_id: str, *, idempotency_key: str | None = None) -> Deployment:
        """Run the last build again. ``POST /deployments/{deployment_id}/redeploy``."""
        return self._object(
            "POST",
            _deployment_path(deployment_id) + "/redeploy",
            Deployment,
            json={},
            idempotency_key=idempotency_key,
        )

    def move(
        self,
        deployment_id: str,
        *,
        target_workspace_id: str,
        extra: Mapping[str, Any] | None = None,
    ) -> Deployment:
        """Move a deployment to another workspace of the same tenant.

        ``POST /deployments/{deployment_id}/move``; ``extra`` adds body keys.
        """
        payload = merge(body(target_workspace_id=target_workspace_id), extra)
        return self._object(
            "POST", _deployment_path(deployment_id) + "/move", Deployment, json=payload
        )

    def logs(self, deployment_id: str, *, lines: int = 100) -> DeploymentLogs:
        """The deployment's last ``lines`` log lines (one reply, not a stream).

        ``GET /deployments/{deployment_id}/logs``; ``result.text`` is the log as one string.
        """
        return self._object(
            "GET",
            _deployment_path(deployment_id) + "/logs",
            DeploymentLogs,
            params=query(lines=lines),
        )

    def proof(self, deployment_id: str) -> DeploymentProof:
        """The server's checks that the deployment is live and routable.

        ``GET /deployments/{deployment_id}/proof``; ``ok`` is true when every check held,
        and ``next_actions`` lists what to do about the ones that did not.
        """
        return self._object("GET", _deployment_path(deployment_id) + "/proof", DeploymentProof)

    def observability(
        self, deployment_id: str, *, extra: Mapping[str, Any] | None = None
    ) -> DeploymentObservability:
        """Invocation metrics. ``GET /deployments/{deployment_id}/observability``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        return self._object(
            "GET",
            _deployment_path(deployment_id) + "/observability",
            DeploymentObservability,
            params=query_with(extra),
        )

    def request_logs(
        self, deployment_id: str, *, extra: Mapping[str, Any] | None = None
    ) -> DeploymentRequestLogs:
        """A page of request logs. ``GET /deployments/{deployment_id}/request-logs``.

        ``extra`` adds query parameters (filters, paging), sent as given.
        """
        return self._object(
            "GET",
            _deployment_path(deployment_id) + "/request-logs",
            DeploymentRequestLogs,
            params=query_with(extra),
        )

    def routes(
        self, deployment_id: str, *, extra: Mapping[str, Any] | None = None
    ) -> DeploymentRoutes:
        """Requests broken down by route. ``GET /deployments/{deployment_id}/routes``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        return self._object(
            "GET",
            _deployment_path(deployment_id) + "/routes",
            DeploymentRoutes,
            params=query_with(extra),
        )

    def attach_database(
        self,
        deployment_id: str,
        *,
        database_id: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> DeploymentDatabaseAttachment:
        """Link a managed database to the deployment.

        ``POST /deployments/{deployment_id}/database``; ``extra`` adds body keys.
        """
        payload = merge(body(database_id=database_id, env=env), extra)
        return self._object(
            "POST",
            _deployment_path(deployment_id) + "/database",
            DeploymentDatabaseAttachment,
            json=payload,
        )

    def publish(
        self,
        deployment_id: str,
        *,
        source_sandbox_id: str,
        output_path: str | NotGiven = NOT_GIVEN,
        entrypoint: str | NotGiven = NOT_GIVEN,
        promote: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
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
        return self._object(
            "POST",
            _deployment_path(deployment_id) + "/publish",
            PublishResult,
            json=payload,
            idempotency_key=idempotency_key,
        )

    def publish_from_sandbox(
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
        return self._client.sandboxes.deploy(
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

    def rollback(
        self,
        deployment_id: str,
        *,
        version_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> Deployment:
        """Make an earlier version live again (``version_id``, else the server's choice).

        ``POST /deployments/{deployment_id}/rollback``.
        """
        return self._object(
            "POST",
            _deployment_path(deployment_id) + "/rollback",
            Deployment,
            json=body(version_id=version_id),
            idempotency_key=idempotency_key,
        )

    def list_builds(self, deployment_id: str) -> builtins.list[DeploymentBuild]:
        """List a deployment's builds. ``GET /deployments/{deployment_id}/builds``."""
        return self._list(
            "GET",
            _deployment_path(deployment_id) + "/builds",
            DeploymentBuild,
            keys=("data", "items", "builds"),
        )

    def get_build(self, deployment_id: str, build_id: str) -> DeploymentBuild:
        """Fetch one build. ``GET /deployments/{deployment_id}/builds/{build_id}``."""
        path = route(
            _DEPLOYMENT + "/builds/{build_id}", deployment_id=deployment_id, build_id=build_id
        )
        return self._object("GET", path, DeploymentBuild)

    def list_env(self, deployment_id: str) -> builtins.list[DeploymentEnvVar]:
        """List a deployment's env records. ``GET /deployments/{deployment_id}/env``."""
        return self._list(
            "GET",
            _deployment_path(deployment_id) + "/env",
            DeploymentEnvVar,
            keys=("data", "items", "env", "vars"),
        )

    def set_env(
        self,
        deployment_id: str,
        *,
        env: Mapping[str, str],
        environment: str | NotGiven = NOT_GIVEN,
    ) -> builtins.list[DeploymentEnvVar]:
        """Set env vars; returns the resulting records.

        ``POST /deployments/{deployment_id}/env``.
        """
        return self._list(
            "POST",
            _deployment_path(deployment_id) + "/env",
            DeploymentEnvVar,
            json=body(env=dict(env), environment=environment),
            keys=("data", "items", "env", "vars"),
        )

    def wait_until_ready(
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
            deployment = self.get(deployment_id)
            delay = poller.next_delay(deployment.state)
            if delay is None:
                return deployment
            sleep(delay)


class DeploymentVersions(APIResource):
    """``client.deployments.versions``: a deployment's published versions."""

    def list(
        self,
        deployment_id: str,
        *,
        state: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        external_workspace_id: str | None = None,
        external_user_id: str | None = None,
        external_project_id: str | None = None,
    ) -> Page[DeploymentVersion]:
        """List versions. ``GET /deployments/{deployment_id}/versions``."""
        params = query(
            state=state,
            limit=limit,
            cursor=cursor,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
        )
        return self._page(
            _deployment_path(deployment_id) + "/versions",
            DeploymentVersion,
            params=params,
            keys=("data", "items", "versions"),
        )

    def get(self, deployment_id: str, version_id: str) -> DeploymentVersion:
        """Fetch a version. ``GET /deployments/{deployment_id}/versions/{version_id}``."""
        path = route(_VERSION, deployment_id=deployment_id, version_id=version_id)
        return self._object("GET", path, DeploymentVersion)

    def promote(
        self,
        deployment_id: str,
        version_id: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> Deployment:
        """Make a version live; returns the deployment.

        ``POST /deployments/{deployment_id}/versions/{version_id}/promote``.
        """
        path = route(_VERSION + "/promote", deployment_id=deployment_id, version_id=version_id)
        return self._object(
            "POST",
            path,
            Deployment,
            json=body(environment=environment),
            idempotency_key=idempotency_key,
        )

    def prepare_migration_backup(
        self, deployment_id: str, version_id: str, *, extra: Mapping[str, Any] | None = None
    ) -> MigrationBackupResult:
        """Back up the linked database before the version's migrations run.

        ``POST /deployments/{deployment_id}/versions/{version_id}/migration-backup``;
        ``extra`` adds body keys.
        """
        path = route(
            _VERSION + "/migration-backup", deployment_id=deployment_id, version_id=version_id
        )
        return self._object("POST", path, MigrationBackupResult, json=merge({}, extra))

    def logs(self, deployment_id: str, version_id: str, *, stage: str | None = None) -> str:
        """The logs captured for a version, as text.

        ``GET /deployments/{deployment_id}/versions/{version_id}/logs``; ``stage`` picks
        one of ``build``, ``runtime_install`` or ``runtime_start``.
        """
        path = route(_VERSION + "/logs", deployment_id=deployment_id, version_id=version_id)
        response = self._http.request("GET", path, params=query(stage=stage))
        return log_text(response.headers.get("content-type", ""), response.content)

    def wait_until_ready(
        self,
        deployment_id: str,
        version_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = DEFAULT_FIRST_DELAY,
    ) -> DeploymentVersion:
        """Poll the version until it is ``ready`` (its build finished).

        ``GET /deployments/{deployment_id}/versions/{version_id}``, with the same backoff
        as `Deployments.wait_until_ready`. Raises `miosa.APITimeoutError` after
        ``timeout`` seconds, and `miosa.MiosaError` on ``failed`` or ``archived``.
        """
        poller = Poller(VERSION_READY, version_id, timeout=timeout, first_delay=poll_interval)
        while True:
            version = self.get(deployment_id, version_id)
            delay = poller.next_delay(version.state)
            if delay is None:
                return version
            sleep(delay)


class DeploymentReleases(APIResource):
    """``client.deployments.releases``: a deployment's releases."""

    def list(self, deployment_id: str) -> list[DeploymentRelease]:
        """List releases. ``GET /deployments/{deployment_id}/releases``."""
        return self._list(
            "GET",
            _deployment_path(deployment_id) + "/releases",
            DeploymentRelease,
            keys=("data", "items", "releases"),
        )

    def get(self, deployment_id: str, release_id: str) -> DeploymentRelease:
        """Fetch a release. ``GET /deployments/{deployment_id}/releases/{release_id}``."""
        path = route(_RELEASE, deployment_id=deployment_id, release_id=release_id)
        return self._object("GET", path, DeploymentRelease)

    def promote(
        self, deployment_id: str, release_id: str, *, idempotency_key: str | None = None
    ) -> Deployment:
        """Make a release live; returns the deployment.

        ``POST /deployments/{deployment_id}/releases/{release_id}/promote``. Unless you
        pass one, the Idempotency-Key is ``promote:{deployment_id}:{release_id}``, so
        promoting the same release twice is one operation on the server.
        """
        path = route(_RELEASE + "/promote", deployment_id=deployment_id, release_id=release_id)
        return self._object(
            "POST",
            path,
            Deployment,
            json={},
            idempotency_key=idempotency_key or release_promote_key(deployment_id, release_id),
        )


class DeploymentRuntimeInstances(APIResource):
    """``client.deployments.runtime_instances``: the running copies of a deployment."""

    def list(self, deployment_id: str) -> list[RuntimeInstance]:
        """List runtime instances. ``GET /deployments/{deployment_id}/runtime-instances``."""
        return self._list(
            "GET",
            _deployment_path(deployment_id) + "/runtime-instances",
            RuntimeInstance,
            keys=("data", "items", "runtime_instances"),
        )

    def get(self, deployment_id: str, instance_id: str) -> RuntimeInstance:
        """Fetch a runtime instance.

        ``GET /deployments/{deployment_id}/runtime-instances/{instance_id}``.
        """
        path = route(_INSTANCE, deployment_id=deployment_id, instance_id=instance_id)
        return self._object("GET", path, RuntimeInstance)

    def logs(
        self, deployment_id: str, instance_id: str, *, lines: int = 100
    ) -> RuntimeInstanceLogs:
        """The last ``lines`` log lines of an instance, as one string.

        ``GET /deployments/{deployment_id}/runtime-instances/{instance_id}/logs``.
        """
        path = route(_INSTANCE + "/logs", deployment_id=deployment_id, instance_id=instance_id)
        return self._object("GET", path, RuntimeInstanceLogs, params=query(lines=lines))


class DeploymentDomains(APIResource):
    """``client.deployments.domains``: custom domains attached to one deployment."""

    def add(
        self,
        deployment_id: str,
        *,
        domain: str,
        redirect_policy: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> DeploymentDomain:
        """Attach a domain. ``POST /deployments/{deployment_id}/domains``.

        ``redirect_policy`` is ``"none"``, ``"www_to_apex"`` or ``"apex_to_www"``.
        """
        payload = body(
            domain=domain,
            redirect_policy=redirect_policy,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
        )
        return self._object(
            "POST",
            _deployment_path(deployment_id) + "/domains",
            DeploymentDomain,
            json=payload,
            idempotency_key=idempotency_key,
        )

    def list(
        self,
        deployment_id: str,
        *,
        external_workspace_id: str | None = None,
        external_user_id: str | None = None,
        external_project_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> list[DeploymentDomain]:
        """List the deployment's domains. ``GET /deployments/{deployment_id}/domains``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        params = query_with(
            extra,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
        )
        return self._list(
            "GET",
            _deployment_path(deployment_id) + "/domains",
            DeploymentDomain,
            params=params,
            keys=("data", "items", "domains"),
        )

    def verify(self, deployment_id: str, domain_id: str) -> DeploymentDomain:
        """Check the domain's DNS now.

        ``POST /deployments/{deployment_id}/domains/{domain_id}/verify``.
        """
        path = route(_DOMAIN + "/verify", deployment_id=deployment_id, domain_id=domain_id)
        return self._object("POST", path, DeploymentDomain)

    def delete(self, deployment_id: str, domain_id: str) -> None:
        """Detach a domain. ``DELETE /deployments/{deployment_id}/domains/{domain_id}``."""
        path = route(_DOMAIN, deployment_id=deployment_id, domain_id=domain_id)
        self._none("DELETE", path)


class DeploymentConnectors(APIResource):
    """``client.deployments.connectors``: Connect providers bound into one deployment."""

    def list(self, deployment_id: str) -> list[ConnectorBinding]:
        """List the bindings. ``GET /deployments/{deployment_id}/connectors``."""
        return self._list(
            "GET",
            route(_CONNECTORS, deployment_id=deployment_id),
            ConnectorBinding,
            keys=("data", "connectors", "items", "bindings"),
        )

    def attach(
        self,
        deployment_id: str,
        connector: str,
        *,
        env: str,
        mode: str | NotGiven = "brokered_env",
        installation_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
    ) -> ConnectorBinding:
        """Expose a connector to the deployment as the env var ``env``.

        ``POST /deployments/{deployment_id}/connectors``. ``mode`` defaults to
        ``"brokered_env"`` (``"brokered-env"`` is accepted and sent with an underscore);
        pass ``NOT_GIVEN`` to leave the choice to the server.
        """
        payload = body(
            connector=connector,
            env_name=env,
            mode=connector_mode(mode),
            installation_id=installation_id,
            project_id=project_id,
            environment=environment,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return self._object(
            "POST",
            route(_CONNECTORS, deployment_id=deployment_id),
            ConnectorBinding,
            json=payload,
            unwrap=("data", "binding"),
        )

    def detach(self, deployment_id: str, binding_or_connector: str) -> None:
        """Remove a binding, by binding id or connector name.

        ``DELETE /deployments/{deployment_id}/connectors/{binding_or_connector}``.
        """
        path = route(
            _CONNECTORS + "/{binding_or_connector}",
            deployment_id=deployment_id,
            binding_or_connector=binding_or_connector,
        )
        self._none("DELETE", path)

    def sync(self, deployment_id: str) -> ConnectorSyncResult:
        """Apply the bindings to the running deployment again.

        ``POST /deployments/{deployment_id}/connectors/sync``.
        """
        return self._object(
            "POST",
            route(_CONNECTORS + "/sync", deployment_id=deployment_id),
            ConnectorSyncResult,
            json={},
            unwrap=("data", "binding"),
        )

    def preflight(
        self, deployment_id: str, *, extra: Mapping[str, Any] | None = None
    ) -> ConnectorPreflight:
        """Check that the bindings would apply, without applying them.

        ``POST /deployments/{deployment_id}/connectors/preflight``; ``extra`` is the body.
        """
        return self._object(
            "POST",
            route(_CONNECTORS + "/preflight", deployment_id=deployment_id),
            ConnectorPreflight,
            json=merge({}, extra),
            unwrap=("data", "binding"),
        )
