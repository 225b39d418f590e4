"""Connector bindings: ``/deployments/{deployment_id}/connectors``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, merge, route
from ...._groups.platform import connector_binding_body
from ....types.deployments import ConnectorBinding, ConnectorPreflight, ConnectorSyncResult
from ..._resource import AsyncAPIResource
from ._base import DEPLOYMENT

_CONNECTORS = DEPLOYMENT + "/connectors"


class AsyncDeploymentConnectors(AsyncAPIResource):
    """``client.deployments.connectors``: Connect providers bound into one deployment."""

    async def list(
        self, deployment_id: str, **options: Unpack[RequestOptions]
    ) -> list[ConnectorBinding]:
        """List the bindings. ``GET /deployments/{deployment_id}/connectors``."""
        return await self._list(
            "GET",
            route(_CONNECTORS, deployment_id=deployment_id),
            ConnectorBinding,
            keys=("data", "connectors", "items", "bindings"),
            options=options,
        )

    async def attach(
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
        **options: Unpack[RequestOptions],
    ) -> ConnectorBinding:
        """Expose a connector to the deployment as the env var ``env``.

        ``POST /deployments/{deployment_id}/connectors``. ``mode`` defaults to
        ``"brokered_env"`` (``"brokered-env"`` is accepted and sent with an underscore);
        pass ``NOT_GIVEN`` to leave the choice to the server.
        """
        payload = connector_binding_body(
            connector,
            env,
            mode,
            installation_id=installation_id,
            project_id=project_id,
            environment=environment,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return await self._object(
            "POST",
            route(_CONNECTORS, deployment_id=deployment_id),
            ConnectorBinding,
            json=payload,
            unwrap=("data", "binding"),
            options=options,
        )

    async def detach(
        self, deployment_id: str, binding_or_connector: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Remove a binding, by binding id or connector name.

        ``DELETE /deployments/{deployment_id}/connectors/{binding_or_connector}``.
        """
        path = route(
            _CONNECTORS + "/{binding_or_connector}",
            deployment_id=deployment_id,
            binding_or_connector=binding_or_connector,
        )
        await self._none("DELETE", path, options=options)

    async def sync(
        self, deployment_id: str, **options: Unpack[RequestOptions]
    ) -> ConnectorSyncResult:
        """Apply the bindings to the running deployment again.

        ``POST /deployments/{deployment_id}/connectors/sync``.
        """
        return await self._object(
            "POST",
            route(_CONNECTORS + "/sync", deployment_id=deployment_id),
            ConnectorSyncResult,
            json={},
            unwrap=("data", "binding"),
            options=options,
        )

    async def preflight(
        self,
        deployment_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ConnectorPreflight:
        """Check that the bindings would apply, without applying them.

        ``POST /deployments/{deployment_id}/connectors/preflight``; ``extra`` is the body.
        """
        return await self._object(
            "POST",
            route(_CONNECTORS + "/preflight", deployment_id=deployment_id),
            ConnectorPreflight,
            json=merge({}, extra),
            unwrap=("data", "binding"),
            options=options,
        )
