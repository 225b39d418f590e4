# This file was generated from
#   src/miosa/_async/resources/deployments/releases.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Releases of a deployment: ``/deployments/{deployment_id}/releases``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import route
from ...._groups.platform import release_promote_key
from ....types.deployments import Deployment, DeploymentRelease
from ..._resource import APIResource
from ._base import DEPLOYMENT, deployment_path

_RELEASE = DEPLOYMENT + "/releases/{release_id}"


class DeploymentReleases(APIResource):
    """``client.deployments.releases``: a deployment's releases."""

    def list(
        self, deployment_id: str, **options: Unpack[RequestOptions]
    ) -> list[DeploymentRelease]:
        """List releases. ``GET /deployments/{deployment_id}/releases``."""
        return self._list(
            "GET",
            deployment_path(deployment_id) + "/releases",
            DeploymentRelease,
            keys=("data", "items", "releases"),
            options=options,
        )

    def get(
        self, deployment_id: str, release_id: str, **options: Unpack[RequestOptions]
    ) -> DeploymentRelease:
        """Fetch a release. ``GET /deployments/{deployment_id}/releases/{release_id}``."""
        path = route(_RELEASE, deployment_id=deployment_id, release_id=release_id)
        return self._object("GET", path, DeploymentRelease, options=options)

    def promote(
        self,
        deployment_id: str,
        release_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
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
            options=options,
        )
