"""Per-project third-party API-key integrations (injected into the project's VMs)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.integrations import ProjectIntegration, ProjectIntegrationProvider
from .._resource import AsyncAPIResource


def _integration_path(integration_id: str) -> str:
    return route("/project-integrations/{integration_id}", integration_id=integration_id)


class AsyncProjectIntegrations(AsyncAPIResource):
    """``client.project_integrations``: Stripe, Resend, Twilio ... keys per project."""

    async def list(
        self,
        *,
        project_id: str | None = None,
        provider: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ProjectIntegration]:
        """List project integrations. ``GET /project-integrations``.

        ``extra`` adds further query parameters, sent as given.
        """
        params = query_with(extra, project_id=project_id, provider=provider)
        return await self._list(
            "GET",
            "/project-integrations",
            ProjectIntegration,
            params=params,
            keys=("data", "items", "project_integrations"),
            options=options,
        )

    async def catalog(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[ProjectIntegrationProvider]:
        """List the supported providers and their credential schemas.
        ``GET /project-integrations/catalog``."""
        return await self._list(
            "GET",
            "/project-integrations/catalog",
            ProjectIntegrationProvider,
            keys=("data", "items", "catalog"),
            options=options,
        )

    async def get(
        self, integration_id: str, **options: Unpack[RequestOptions]
    ) -> ProjectIntegration:
        """Fetch one project integration. ``GET /project-integrations/{integration_id}``."""
        return await self._object(
            "GET", _integration_path(integration_id), ProjectIntegration, options=options
        )

    async def create(
        self,
        *,
        project_id: str,
        provider: str,
        credentials: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProjectIntegration:
        """Connect a provider to a project. ``POST /project-integrations``."""
        payload = merge(
            body(project_id=project_id, provider=provider, credentials=credentials), extra
        )
        return await self._object(
            "POST", "/project-integrations", ProjectIntegration, json=payload, options=options
        )

    async def update(
        self,
        integration_id: str,
        *,
        credentials: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProjectIntegration:
        """Change a project integration. ``PATCH /project-integrations/{integration_id}``."""
        payload = merge(body(credentials=credentials), extra)
        return await self._object(
            "PATCH",
            _integration_path(integration_id),
            ProjectIntegration,
            json=payload,
            options=options,
        )

    async def delete(self, integration_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a project integration. ``DELETE /project-integrations/{integration_id}``."""
        await self._none("DELETE", _integration_path(integration_id), options=options)
