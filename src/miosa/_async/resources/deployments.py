"""Deployments: ``/deployments``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncDeployments(AsyncAPIResource):
    """Deployments: ``/deployments``."""
