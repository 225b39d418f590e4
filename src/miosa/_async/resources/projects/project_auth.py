"""Project auth (``/project-auth``): the built-in sign-in in front of a generated app that
runs in a sandbox or a deployment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import merge, query
from ....types.project_auth import ProjectAuthStatus
from ..._resource import AsyncAPIResource

_UNWRAP = ("data", "project_auth")


def _target(resource_type: str, resource_id: str) -> dict[str, str]:
    if not resource_type or not resource_id:
        raise ValueError("project auth needs both resource_type and resource_id")
    return {"resource_type": resource_type, "resource_id": resource_id}


def _with_config(
    resource_type: str,
    resource_id: str,
    config: Mapping[str, Any] | None,
    overrides: Mapping[str, Any] | None,
) -> dict[str, object]:
    return {**_target(resource_type, resource_id), "config": merge(config or {}, overrides)}


class AsyncProjectAuth(AsyncAPIResource):
    """``client.project_auth``: sign-in for the app a sandbox or deployment serves.

    ``resource_type`` is ``sandbox`` or ``deployment``; ``resource_id`` its id.
    """

    async def status(
        self, resource_type: str, resource_id: str, **options: Unpack[RequestOptions]
    ) -> ProjectAuthStatus:
        """Whether project auth is on, and its configuration. ``GET /project-auth/status``."""
        return await self._object(
            "GET",
            "/project-auth/status",
            ProjectAuthStatus,
            params=query(**_target(resource_type, resource_id)),
            unwrap=_UNWRAP,
            options=options,
        )

    async def enable(
        self,
        resource_type: str,
        resource_id: str,
        *,
        config: Mapping[str, Any] | None = None,
        overrides: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProjectAuthStatus:
        """Turn project auth on. ``POST /project-auth/enable``.

        ``config`` is the configuration object; ``overrides`` are keys laid over it.
        """
        return await self._object(
            "POST",
            "/project-auth/enable",
            ProjectAuthStatus,
            json=_with_config(resource_type, resource_id, config, overrides),
            unwrap=_UNWRAP,
            options=options,
        )

    async def disable(
        self, resource_type: str, resource_id: str, **options: Unpack[RequestOptions]
    ) -> ProjectAuthStatus:
        """Turn project auth off. ``POST /project-auth/disable``."""
        return await self._object(
            "POST",
            "/project-auth/disable",
            ProjectAuthStatus,
            json=_target(resource_type, resource_id),
            unwrap=_UNWRAP,
            options=options,
        )

    async def update(
        self,
        resource_type: str,
        resource_id: str,
        *,
        config: Mapping[str, Any] | None = None,
        overrides: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProjectAuthStatus:
        """Change the configuration. ``PATCH /project-auth/config``.

        ``config`` is the configuration object; ``overrides`` are keys laid over it.
        """
        return await self._object(
            "PATCH",
            "/project-auth/config",
            ProjectAuthStatus,
            json=_with_config(resource_type, resource_id, config, overrides),
            unwrap=_UNWRAP,
            options=options,
        )
