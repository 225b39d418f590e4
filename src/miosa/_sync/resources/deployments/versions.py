# This file was generated from
#   src/miosa/_async/resources/deployments/versions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Published versions of a deployment: ``/deployments/{deployment_id}/versions``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...._concurrency import sleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._core.waiters import DEFAULT_FIRST_DELAY, Poller
from ...._groups.platform import VERSION_READY, log_text
from ....types.deployments import Deployment, DeploymentVersion, MigrationBackupResult
from ..._resource import APIResource
from ._base import DEPLOYMENT, deployment_path

if TYPE_CHECKING:
    from ...._pager import Page

_VERSION = DEPLOYMENT + "/versions/{version_id}"


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
        **options: Unpack[RequestOptions],
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
            deployment_path(deployment_id) + "/versions",
            DeploymentVersion,
            params=params,
            keys=("data", "items", "versions"),
            options=options,
        )

    def get(
        self, deployment_id: str, version_id: str, **options: Unpack[RequestOptions]
    ) -> DeploymentVersion:
        """Fetch a version. ``GET /deployments/{deployment_id}/versions/{version_id}``."""
        path = route(_VERSION, deployment_id=deployment_id, version_id=version_id)
        return self._object("GET", path, DeploymentVersion, options=options)

    def promote(
        self,
        deployment_id: str,
        version_id: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
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
            options=options,
        )

    def prepare_migration_backup(
        self,
        deployment_id: str,
        version_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> MigrationBackupResult:
        """Back up the linked database before the version's migrations run.

        ``POST /deployments/{deployment_id}/versions/{version_id}/migration-backup``;
        ``extra`` adds body keys.
        """
        path = route(
            _VERSION + "/migration-backup", deployment_id=deployment_id, version_id=version_id
        )
        return self._object(
            "POST", path, MigrationBackupResult, json=merge({}, extra), options=options
        )

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
