# This file was generated from
#   src/miosa/_async/resources/templates.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The product template catalog: ``/templates``."""

from __future__ import annotations

import builtins

from ..._groups.admin import list_in_object
from ...types.sandbox_templates import CatalogTemplate
from .._resource import APIResource


class Templates(APIResource):
    """``client.templates``: the product catalog (not your tenant's templates: those are
    ``client.sandbox_templates``)."""

    def list(self) -> builtins.list[CatalogTemplate]:
        """Every catalog template. ``GET /templates`` (the whole catalog in one reply).

        The API has no filters: pick by ``t.product`` or ``t.id``/``t.aliases`` locally.
        """
        return self._list(
            "GET",
            "/templates",
            CatalogTemplate,
            keys=(),
            prepare=lambda payload: list_in_object(payload, "templates"),
        )
