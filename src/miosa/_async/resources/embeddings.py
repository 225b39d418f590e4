"""Embeddings (OpenAI-compatible)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge
from ..._groups.ai import decode_base64_embeddings
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
        encoding_format: Literal["float", "base64"] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> EmbeddingResponse:
        """Embed one text or several. ``POST /intelligence/embeddings``.

        Returns the whole envelope; ``response.data[i].embedding`` is the vector of input
        ``i``, a tuple of floats either way: with ``encoding_format="base64"`` the server
        sends each vector as base64 float32 (a quarter of the bytes) and it is decoded here.
        """
        payload = merge(
            body(
                input=input,
                model=model,
                dimensions=dimensions,
                user=user,
                encoding_format=encoding_format,
            ),
            extra,
        )
        # Only a `data` holding an object is an envelope; the reply's own `data` list stays.
        return await self._object(
            "POST",
            "/intelligence/embeddings",
            EmbeddingResponse,
            json=payload,
            prepare=decode_base64_embeddings,
            options=options,
        )
