# This file was generated from
#   src/miosa/_async/resources/models.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The LLM models the intelligence gateway can route to."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._groups.platform import query_with
from ...types.ai import LLMModel
from .._resource import APIResource


class Models(APIResource):
    """``client.models``: the model list (needs an intelligence key or JWT)."""

    def list(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[LLMModel]:
        """List the models available to the caller. ``GET /intelligence/models``.

        ``extra`` adds query parameters, sent as given.
        """
        return self._list(
            "GET",
            "/intelligence/models",
            LLMModel,
            params=query_with(extra),
            keys=("data", "items", "models"),
            options=options,
        )

    def get(self, model_id: str) -> LLMModel | None:
        """One model by id, or None. ``GET /intelligence/models`` filtered here.

        The API has no per-model route, so this fetches the list.
        """
        return next((m for m in self.list() if m.id == model_id), None)
