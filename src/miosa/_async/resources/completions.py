"""Text and chat completions."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncCompletions(AsyncAPIResource):
    """Text and chat completions."""
