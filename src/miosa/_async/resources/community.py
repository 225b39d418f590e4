"""The community catalog: shared agents and templates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, route
from ..._groups.platform import query_with, removed_route
from ...types.community import (
    CommunityAgent,
    CommunityTemplate,
    TemplateInstallation,
    TemplateRating,
)
from .._resource import AsyncAPIResource


def _template_path(template_id: str, suffix: str = "") -> str:
    return route("/community/templates/{template_id}", template_id=template_id) + suffix


class AsyncCommunity(AsyncAPIResource):
    """``client.community`` (needs a JWT)."""

    async def list_agents(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> list[CommunityAgent]:
        """List community agents. ``GET /community/agents``.

        ``extra`` adds query parameters, sent as given.
        """
        return await self._list(
            "GET",
            "/community/agents",
            CommunityAgent,
            params=query_with(extra),
            keys=("data", "items", "agents"),
            options=options,
        )

    async def get_agent(self, agent_id: str, **options: Unpack[RequestOptions]) -> CommunityAgent:
        """Fetch one community agent. ``GET /community/agents/{agent_id}``."""
        path = route("/community/agents/{agent_id}", agent_id=agent_id)
        return await self._object("GET", path, CommunityAgent, options=options)

    async def list_templates(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> list[CommunityTemplate]:
        """List community templates. ``GET /community/templates``.

        ``extra`` adds query parameters, sent as given.
        """
        return await self._list(
            "GET",
            "/community/templates",
            CommunityTemplate,
            params=query_with(extra),
            keys=("data", "items", "templates"),
            options=options,
        )

    async def get_template(
        self, template_id: str, **options: Unpack[RequestOptions]
    ) -> CommunityTemplate:
        """Fetch one community template. ``GET /community/templates/{template_id}``."""
        return await self._object(
            "GET", _template_path(template_id), CommunityTemplate, options=options
        )

    async def install_template(
        self, template_id: str, options: Mapping[str, Any] | None = None
    ) -> TemplateInstallation:
        """Unavailable: raises `miosa.MiosaError` without sending a request.

        The server removed ``POST /community/templates/{template_id}/install`` (it only
        ever answered 501; no catalog template is installable yet).
        """
        raise removed_route(
            "community.install_template",
            "POST /community/templates/{template_id}/install",
            "it only answered 501; no catalog template is installable yet",
        )

    async def rate_template(
        self,
        template_id: str,
        *,
        rating: int,
        comment: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> TemplateRating:
        """Unavailable: raises `miosa.MiosaError` without sending a request.

        The server removed ``POST /community/templates/{template_id}/rate`` (it only
        ever answered 501 and no route reads ratings).
        """
        raise removed_route(
            "community.rate_template",
            "POST /community/templates/{template_id}/rate",
            "it only answered 501 and no route reads ratings",
        )
