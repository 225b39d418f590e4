# This file was generated from
#   src/miosa/_async/resources/models.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The LLM models the intelligence gateway can route to."""

from __future__ import annotations

import builtins
from collections.abc import Mapping

from ..._request import LIST_KEYS, query
from ...types.ai import LLMModel
from .._resource import APIResource

_KEYS = (*LIST_KEYS, "models")


class Models(APIResource):
    """``client.models``: the model list (needs an intelligence key or JWT)."""

    def list(
        self, *, filters: Mapping[str, str | int | bool] | None = None
    ) -> builtins.list[LLMModel]:
        """List the models available to the caller. ``GET /intelligence/models``.

        ``filters`` are sent as query parameters as given.
        """
        return self._list(
            "GET", "/intelligence/models", LLMModel, params=query(**(filters or {})), keys=_KEYS
        )

    def get(self, model_id: str) -> LLMModel | None:
        """One model by id, or None. ``GET /intelligence/models`` filtered here.

        The API has no per-model route, so this fetches the list.
        """
        return next((m for m in self.list() if m.id == model_id), None)
