"""Embeddings (OpenAI-compatible)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..._request import NOT_GIVEN, NotGiven, body, merge
from ...types.ai import EmbeddingResponse
from .._resource import AsyncAPIResource


class AsyncEmbeddings(AsyncAPIResource):
    """``client.embeddings`` (needs an intelligence key)."""

    async def create(
        self,
        *,
        input: str | Sequence[str],  # noqa: A002 - the wire name
        model: str,
        dimensions: int | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> EmbeddingResponse:
        """Embed one text or several. ``POST /intelligence/embeddings``.

        Returns the whole envelope; ``response.data[i].embedding`` is the vector of input ``i``.
        """
        payload = merge(body(input=input, model=model, dimensions=dimensions, user=user), extra)
        # Only a `data` holding an object is an envelope; the reply's own `data` list stays.
        return await self._object(
            "POST", "/intelligence/embeddings", EmbeddingResponse, json=payload
        )
