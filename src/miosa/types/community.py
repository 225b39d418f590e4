"""Models of the community catalog (shared agents and templates)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["CommunityAgent", "CommunityTemplate", "TemplateInstallation", "TemplateRating"]


@attrs.frozen(kw_only=True)
class CommunityAgent(Model):
    id: str | None = None
    name: str | None = None
    description: str | None = None
    author: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CommunityTemplate(Model):
    id: str | None = None
    name: str | None = None
    description: str | None = None
    author: str | None = None
    rating: float | None = None
    rating_count: int | None = None
    install_count: int | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class TemplateInstallation(Model):
    """The result of installing a community template into the caller's tenant."""

    id: str | None = None
    template_id: str | None = None
    status: str | None = None


@attrs.frozen(kw_only=True)
class TemplateRating(Model):
    """The result of rating a community template."""

    template_id: str | None = None
    rating: float | None = None
    comment: str | None = None
