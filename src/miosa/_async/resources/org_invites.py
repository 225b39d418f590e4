"""Organisation invites: ``/tenants/{id}/invites``."""

from __future__ import annotations

from .._resource import AsyncAPIResource


class AsyncOrgInvites(AsyncAPIResource):
    """Organisation invites: ``/tenants/{id}/invites``."""
