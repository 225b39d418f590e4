"""The community catalog: shared agents and templates, installs and ratings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._platform import query_with
from ..._request import LIST_KEYS, NOT_GIVEN, NotGiven, body, merge, route
from ...types.community import (
    CommunityAgent,
    CommunityTemplate,
    TemplateInstallation,
    TemplateRating,
)
from .._resource import AsyncAPIResource

_KEYS = (*LIST_KEYS, "templates", "agents")


def _template_path(template_id: str, suffix: str = "") -> str:
    return route("/community/templates/{template_id}", template_id=template_id) + suffix


class AsyncCommunity(AsyncAPIResource):
    """``client.community`` (needs a JWT)."""

    async def list_agents(self, *, extra: Mapping[str, Any] | None = None) -> list[CommunityAgent]:
        """List community agents. ``GET /community/agents``.

        ``extra`` adds query parameters, sent as given.
        """
        return await self._list(
            "GET", "/community/agents", CommunityAgent, params=query_with(extra), keys=_KEYS
        )

    async def get_agent(self, agent_id: str) -> CommunityAgent:
        """Fetch one community agent. ``GET /community/agents/{agent_id}``."""
        path = route("/community/agents/{agent_id}", agent_id=agent_id)
        return await self._object("GET", path, CommunityAgent)

    async def list_templates(
        self, *, extra: Mapping[str, Any] | None = None
    ) -> list[CommunityTemplate]:
        """List community templates. ``GET /community/templates``.

        ``extra`` adds query parameters, sent as given.
        """
        return await self._list(
            "GET",
            "/community/templates",
            CommunityTemplate,
            params=query_with(extra),
            keys=_KEYS,
        )

    async def get_template(self, template_id: str) -> CommunityTemplate:
        """Fetch one community template. ``GET /community/templates/{template_id}``."""
        return await self._object("GET", _template_path(template_id), CommunityTemplate)

    async def install_template(
        self, template_id: str, options: Mapping[str, Any] | None = None
    ) -> TemplateInstallation:
        """Install a template into the caller's tenant.
        ``POST /community/templates/{template_id}/install``.

        ``options`` are sent as the body as given.
        """
        return await self._object(
            "POST",
            _template_path(template_id, "/install"),
            TemplateInstallation,
            json=dict(options or {}),
        )

    async def rate_template(
        self,
        template_id: str,
        *,
        rating: int,
        comment: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> TemplateRating:
        """Rate a template from 1 to 5. ``POST /community/templates/{template_id}/rate``."""
        if not 1 <= rating <= 5:
            raise ValueError(f"rating must be 1 to 5, not {rating}")
        payload = merge(body(rating=rating, comment=comment), extra)
        return await self._object(
            "POST", _template_path(template_id, "/rate"), TemplateRating, json=payload
        )
