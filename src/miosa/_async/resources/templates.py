"""The product template catalog: ``/templates``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncTemplates(AsyncAPIResource):
    """The product template catalog: ``/templates``."""
