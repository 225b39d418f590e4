"""The audit log: ``/audit-log``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncAuditLog(AsyncAPIResource):
    """The audit log: ``/audit-log``."""
