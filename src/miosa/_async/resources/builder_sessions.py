"""Builder UI sessions."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncBuilderSessions(AsyncAPIResource):
    """Builder UI sessions."""
