"""The LLM model list."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncModels(AsyncAPIResource):
    """The LLM model list."""
