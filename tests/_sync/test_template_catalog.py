# This file was generated from
#   tests/_async/test_template_catalog.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.templates``: the catalog object, the product filter, lookup by id or alias, and
per-size readiness."""

from __future__ import annotations

import pytest

from miosa import NotFoundError
from miosa.types import CatalogTemplateSize, TemplateCatalog
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response

CATALOG = {
    "data": {
        "templates": [
            {"id": "miosa-sandbox", "product": "sandbox", "aliases": ["default"],
             "sizes": [{"size": "small", "state": "ready"}, {"size": "xl", "state": "waitlist"}]},
            {"id": "ubuntu-desktop", "product": "computer", "sizes": []},
        ],
        "products": ["sandbox", "computer"],
    }
}  # fmt: skip


def _api() -> MockAPI:
    return MockAPI().on("GET /templates", json_response(200, CATALOG))


def test_catalog_keeps_the_whole_object() -> None:
    api = _api()
    with make_client(api) as client:
        catalog = client.templates.catalog()
    assert isinstance(catalog, TemplateCatalog)
    assert [t.id for t in catalog] == ["miosa-sandbox", "ubuntu-desktop"]
    assert catalog.products == ("sandbox", "computer")


def test_list_filters_by_product() -> None:
    with make_client(_api()) as client:
        every = client.templates.list()
        computers = client.templates.list(product="computer")
    assert [t.id for t in every] == ["miosa-sandbox", "ubuntu-desktop"]
    assert [t.id for t in computers] == ["ubuntu-desktop"]


def test_get_finds_by_id_or_alias_and_readiness_lists_sizes() -> None:
    with make_client(_api()) as client:
        by_alias = client.templates.get("default")
        sizes = client.templates.readiness("miosa-sandbox", product="sandbox")
    assert by_alias.id == "miosa-sandbox"
    assert sizes == (
        CatalogTemplateSize(size="small", state="ready"),
        CatalogTemplateSize(size="xl", state="waitlist"),
    )


def test_get_of_an_unknown_template_is_not_found() -> None:
    with make_client(_api()) as client:
        with pytest.raises(NotFoundError, match="'ubuntu-desktop' is not in the catalog for"):
            client.templates.get("ubuntu-desktop", product="sandbox")
