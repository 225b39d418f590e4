# This file was generated from
#   src/miosa/_async/resources/regions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Regions and the compute catalog: ``/compute``."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import route
from ...types.regions import ComputeCatalog, ComputePricing, ComputeSize, ComputeTemplate, Region
from .._resource import APIResource


class Regions(APIResource):
    """``client.regions``: what compute is offered where (the ``/compute`` routes)."""

    def list_regions(self, **options: Unpack[RequestOptions]) -> list[Region]:
        """List datacenter regions. ``GET /compute/regions``."""
        return self._list(
            "GET", "/compute/regions", Region, keys=("data", "items", "regions"), options=options
        )

    def catalog(self, **options: Unpack[RequestOptions]) -> ComputeCatalog:
        """Products, regions, sizes and templates in one call. ``GET /compute/catalog``."""
        return self._object(
            "GET", "/compute/catalog", ComputeCatalog, unwrap=("data", "catalog"), options=options
        )

    def list_sizes(self, **options: Unpack[RequestOptions]) -> list[ComputeSize]:
        """List compute sizes. ``GET /compute/sizes``."""
        return self._list(
            "GET", "/compute/sizes", ComputeSize, keys=("data", "items", "sizes"), options=options
        )

    def pricing(self, **options: Unpack[RequestOptions]) -> ComputePricing:
        """Compute pricing (untyped: read ``raw``). ``GET /compute/pricing``."""
        return self._object(
            "GET", "/compute/pricing", ComputePricing, unwrap=("data", "pricing"), options=options
        )

    def list_templates(self, **options: Unpack[RequestOptions]) -> list[ComputeTemplate]:
        """List community computer templates. ``GET /compute/templates``."""
        return self._list(
            "GET",
            "/compute/templates",
            ComputeTemplate,
            keys=("data", "items", "templates"),
            options=options,
        )

    def get_template(self, template_id: str, **options: Unpack[RequestOptions]) -> ComputeTemplate:
        """Fetch a community template. ``GET /compute/templates/{template_id}``."""
        path = route("/compute/templates/{template_id}", template_id=template_id)
        return self._object(
            "GET", path, ComputeTemplate, unwrap=("data", "template"), options=options
        )
