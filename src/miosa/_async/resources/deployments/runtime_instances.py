"""Runtime instances: ``/deployments/{deployment_id}/runtime-instances``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import query, route
from ....types.deployments import RuntimeInstance, RuntimeInstanceLogs
from ..._resource import AsyncAPIResource
from ._base import DEPLOYMENT, deployment_path

_INSTANCE = DEPLOYMENT + "/runtime-instances/{instance_id}"


class AsyncDeploymentRuntimeInstances(AsyncAPIResource):
    """``client.deployments.runtime_instances``: the running copies of a deployment."""

    async def list(
        self, deployment_id: str, **options: Unpack[RequestOptions]
    ) -> list[RuntimeInstance]:
        """List runtime instances. ``GET /deployments/{deployment_id}/runtime-instances``."""
        return await self._list(
            "GET",
            deployment_path(deployment_id) + "/runtime-instances",
            RuntimeInstance,
            keys=("data", "items", "runtime_instances"),
            options=options,
        )

    async def get(
        self, deployment_id: str, instance_id: str, **options: Unpack[RequestOptions]
    ) -> RuntimeInstance:
        """Fetch a runtime instance.

        ``GET /deployments/{deployment_id}/runtime-instances/{instance_id}``.
        """
        path = route(_INSTANCE, deployment_id=deployment_id, instance_id=instance_id)
        return await self._object("GET", path, RuntimeInstance, options=options)

    async def logs(
        self,
        deployment_id: str,
        instance_id: str,
        *,
        lines: int = 100,
        **options: Unpack[RequestOptions],
    ) -> RuntimeInstanceLogs:
        """The last ``lines`` log lines of an instance, as one string.

        ``GET /deployments/{deployment_id}/runtime-instances/{instance_id}/logs``.
        """
        path = route(_INSTANCE + "/logs", deployment_id=deployment_id, instance_id=instance_id)
        return await self._object(
            "GET", path, RuntimeInstanceLogs, params=query(lines=lines), options=options
        )
