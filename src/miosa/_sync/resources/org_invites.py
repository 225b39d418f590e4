# This file was generated from
#   src/miosa/_async/resources/org_invites.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Organisation invites: ``/tenants/{id}/invites``."""

from __future__ import annotations

from .._resource import APIResource


class OrgInvites(APIResource):
    """Organisation invites: ``/tenants/{id}/invites``."""
