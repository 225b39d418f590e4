"""Embeddings."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncEmbeddings(AsyncAPIResource):
    """Embeddings."""
