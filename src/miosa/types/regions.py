"""Models of the compute catalog: regions, sizes, templates and pricing (``/compute``)."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import Model

__all__ = ["ComputeCatalog", "ComputePricing", "ComputeSize", "ComputeTemplate", "Region"]


@attrs.frozen(kw_only=True)
class Region(Model):
    """A datacenter region."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    available: bool | None = None


@attrs.frozen(kw_only=True)
class ComputeSize(Model):
    """A compute size; ``cpu`` is a vCPU count."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    cpu: int | float | None = None
    memory_mb: int | None = None


@attrs.frozen(kw_only=True)
class ComputeTemplate(Model):
    """A community computer template."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None


@attrs.frozen(kw_only=True)
class ComputeCatalog(Model):
    """``GET /compute/catalog``: products, regions, sizes and templates in one reply."""

    products: tuple[dict[str, Any], ...] | None = None
    regions: tuple[Region, ...] | None = None
    sizes: tuple[ComputeSize, ...] | None = None
    templates: tuple[ComputeTemplate, ...] | None = None


@attrs.frozen(kw_only=True)
class ComputePricing(Model):
    """Compute pricing. The contract leaves the payload untyped: read it from ``raw``."""
