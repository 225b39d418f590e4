"""Wire tests for the compute catalog (``client.regions`` covers ``/compute``)."""

from __future__ import annotations

import pytest

from miosa._converter import structure
from miosa.types.regions import ComputeCatalog, ComputePricing, ComputeSize, ComputeTemplate, Region
from tests._async._helpers import run_case
from tests.helpers import Case, case_id

TWO = ("x_1", "x_2")

CASES = [
    Case(call="regions.list_regions", method="GET", path="/compute/regions",
         reply={"regions": [{"id": "x_1"}, {"id": "x_2"}]}, result=Region, many=True,
         result_ids=TWO),
    Case(call="regions.catalog", method="GET", path="/compute/catalog",
         reply={"data": {"id": "x_1", "regions": [{"id": "iad"}], "sizes": []}},
         result=ComputeCatalog),
    Case(call="regions.list_sizes", method="GET", path="/compute/sizes",
         reply={"sizes": [{"id": "x_1"}, {"id": "x_2"}]}, result=ComputeSize, many=True,
         result_ids=TWO),
    Case(call="regions.pricing", method="GET", path="/compute/pricing",
         reply={"pricing": {"id": "x_1", "vcpu_hour_cents": 4}}, result=ComputePricing),
    Case(call="regions.list_templates", method="GET", path="/compute/templates",
         reply=[{"id": "x_1"}, {"id": "x_2"}], result=ComputeTemplate, many=True,
         result_ids=TWO),
    Case(call="regions.get_template", args=("tpl 1",), method="GET",
         path="/compute/templates/tpl%201", result=ComputeTemplate),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


def test_catalog_model_round_trip() -> None:
    catalog = structure(
        {
            "products": [{"id": "miosa-sandbox", "ready": True}],
            "regions": [{"id": "iad", "name": "Ashburn", "slug": "iad", "available": True}],
            "sizes": [{"id": "small", "cpu": 2, "memory_mb": 4096, "gpu": None}],
            "templates": [{"id": "ubuntu", "name": "Ubuntu 24.04", "slug": "ubuntu"}],
            "generated_at": "2026-11-28T10:00:00Z",
        },
        ComputeCatalog,
    )
    assert catalog.products == ({"id": "miosa-sandbox", "ready": True},)
    assert catalog.regions == (Region(id="iad", name="Ashburn", slug="iad", available=True),)
    assert catalog.sizes is not None and catalog.sizes[0].memory_mb == 4096
    assert catalog.sizes[0].raw["gpu"] is None
    assert catalog.templates is not None and catalog.templates[0].slug == "ubuntu"
    assert catalog.raw["generated_at"] == "2026-11-28T10:00:00Z"
    pricing = structure({"currency": "usd", "sizes": {"small": 12}}, ComputePricing)
    assert pricing.raw["sizes"] == {"small": 12}
