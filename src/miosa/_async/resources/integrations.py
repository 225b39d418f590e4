"""Account OAuth integrations."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncIntegrations(AsyncAPIResource):
    """Account OAuth integrations."""
