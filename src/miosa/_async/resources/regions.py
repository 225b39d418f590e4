"""Regions and the compute catalog: ``/compute``."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import route
from ...types.regions import ComputeCatalog, ComputePricing, ComputeSize, ComputeTemplate, Region
from .._resource import AsyncAPIResource


class AsyncRegions(AsyncAPIResource):
    """``client.regions``: what compute is offered where (the ``/compute`` routes)."""

    async def list_regions(self, **options: Unpack[RequestOptions]) -> list[Region]:
        """List datacenter regions. ``GET /compute/regions``."""
        return await self._list(
            "GET", "/compute/regions", Region, keys=("data", "items", "regions"), options=options
        )

    async def catalog(self, **options: Unpack[RequestOptions]) -> ComputeCatalog:
        """Products, regions, sizes and templates in one call. ``GET /compute/catalog``."""
        return await self._object(
            "GET", "/compute/catalog", ComputeCatalog, unwrap=("data", "catalog"), options=options
        )

    async def list_sizes(self, **options: Unpack[RequestOptions]) -> list[ComputeSize]:
        """List compute sizes. ``GET /compute/sizes``."""
        return await self._list(
            "GET", "/compute/sizes", ComputeSize, keys=("data", "items", "sizes"), options=options
        )

    async def pricing(self, **options: Unpack[RequestOptions]) -> ComputePricing:
        """Compute pricing (untyped: read ``raw``). ``GET /compute/pricing``."""
        return await self._object(
            "GET", "/compute/pricing", ComputePricing, unwrap=("data", "pricing"), options=options
        )

    async def list_templates(self, **options: Unpack[RequestOptions]) -> list[ComputeTemplate]:
        """List community computer templates. ``GET /compute/templates``."""
        return await self._list(
            "GET",
            "/compute/templates",
            ComputeTemplate,
            keys=("data", "items", "templates"),
            options=options,
        )

    async def get_template(
        self, template_id: str, **options: Unpack[RequestOptions]
    ) -> ComputeTemplate:
        """Fetch a community template. ``GET /compute/templates/{template_id}``."""
        path = route("/compute/templates/{template_id}", template_id=template_id)
        return await self._object(
            "GET", path, ComputeTemplate, unwrap=("data", "template"), options=options
        )
