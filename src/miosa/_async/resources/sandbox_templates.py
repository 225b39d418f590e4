"""Tenant sandbox templates and their builds: ``/sandbox-templates``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncSandboxTemplates(AsyncAPIResource):
    """Tenant sandbox templates and their builds: ``/sandbox-templates``."""
