# This file was generated from
#   src/miosa/_async/resources/templates.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The product template catalog: ``/templates``."""

from __future__ import annotations

from ...types.sandbox_templates import TemplateCatalog
from .._resource import APIResource


class Templates(APIResource):
    """``client.templates``: the product catalog (not your tenant's templates: those are
    ``client.sandbox_templates``)."""

    def list(self) -> TemplateCatalog:
        """The whole catalog: templates, products, sizes and rules. ``GET /templates``.

        Iterate it for the templates; ``catalog.get(id)`` and
        ``catalog.for_product(name)`` filter locally (the API has no filters).
        """
        return self._object("GET", "/templates", TemplateCatalog)
