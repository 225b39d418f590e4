# This file was generated from
#   src/miosa/_async/resources/templates.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The product template catalog: ``/templates``."""

from __future__ import annotations

import builtins

from ..._core.call_options import RequestOptions, Unpack
from ..._groups.admin import list_in_object
from ..._groups.platform import catalog_object, catalog_template
from ...types.sandbox_templates import CatalogTemplate, CatalogTemplateSize, TemplateCatalog
from .._resource import APIResource


class Templates(APIResource):
    """``client.templates``: the product catalog (not your tenant's templates: those are
    ``client.sandbox_templates``)."""

    def list(
        self, *, product: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[CatalogTemplate]:
        """Every catalog template, or those of one ``product`` (``sandbox``, ``computer``,
        ``appliance`` ...). ``GET /templates`` (the whole catalog in one reply; the
        product filter is applied here, the API has none).
        """
        templates = self._list(
            "GET",
            "/templates",
            CatalogTemplate,
            keys=(),
            prepare=lambda payload: list_in_object(payload, "templates"),
            options=options,
        )
        return [t for t in templates if product is None or t.product == product]

    def catalog(self, **options: Unpack[RequestOptions]) -> TemplateCatalog:
        """The whole catalog: templates, products, sizes and their rules. ``GET /templates``."""
        return self._object(
            "GET", "/templates", TemplateCatalog, prepare=catalog_object, options=options
        )

    def get(self, template_id: str, *, product: str | None = None) -> CatalogTemplate:
        """One catalog template by id or alias (of ``product``, when given).

        ``GET /templates`` and a lookup here; `NotFoundError` when the catalog has none.
        """
        return catalog_template(self.list(product=product), template_id, product)

    def readiness(
        self, template_id: str, *, product: str | None = None
    ) -> tuple[CatalogTemplateSize, ...]:
        """Whether each size of a template is ready to launch now. ``GET /templates``."""
        return (self.get(template_id, product=product)).sizes
