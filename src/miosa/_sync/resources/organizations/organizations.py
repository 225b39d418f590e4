# This file was generated from
#   src/miosa/_async/resources/organizations/organizations.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.organizations``: the organizations a caller belongs to, their members, invites."""

from __future__ import annotations

import builtins
from functools import cached_property

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import route
from ....types.members import MemberRemoval, TenantMember, WorkspaceRole
from ....types.organizations import Organization
from ..._resource import APIResource
from ..org_invites import OrgInvites


def _members_path(organization_id: str) -> str:
    return route("/tenants/{organization_id}/members", organization_id=organization_id)


class OrganizationMembers(APIResource):
    """``client.organizations.members``: who belongs to an organization, with which role."""

    def list(
        self, organization_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[TenantMember]:
        """The organization's members. ``GET /tenants/{organization_id}/members``."""
        return self._list(
            "GET",
            _members_path(organization_id),
            TenantMember,
            keys=("data", "members"),
            options=options,
        )

    def add(
        self,
        organization_id: str,
        user_id: str,
        role: WorkspaceRole | str = "member",
        **options: Unpack[RequestOptions],
    ) -> TenantMember:
        """Add an existing user. ``POST /tenants/{organization_id}/members``."""
        return self._object(
            "POST",
            _members_path(organization_id),
            TenantMember,
            json={"user_id": user_id, "role": str(role)},
            options=options,
        )

    def remove(
        self, organization_id: str, user_id: str, **options: Unpack[RequestOptions]
    ) -> MemberRemoval:
        """Remove a member. ``DELETE /tenants/{organization_id}/members/{user_id}``."""
        path = route(
            "/tenants/{organization_id}/members/{user_id}",
            organization_id=organization_id,
            user_id=user_id,
        )
        return self._object("DELETE", path, MemberRemoval, options=options)


class Organizations(APIResource):
    """``client.organizations``: discover and switch organizations; members and invites."""

    @cached_property
    def members(self) -> OrganizationMembers:
        """Members of an organization: ``/tenants/{organization_id}/members``."""
        return OrganizationMembers(self._client)

    @cached_property
    def invites(self) -> OrgInvites:
        """Invitations to an organization (the same group as ``client.org_invites``)."""
        return OrgInvites(self._client)

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Organization]:
        """Every organization the caller belongs to. ``GET /platform/tenants``."""
        return self._list("GET", "/platform/tenants", Organization, keys=("data",), options=options)

    def current(self, **options: Unpack[RequestOptions]) -> Organization:
        """The organization this credential acts in. ``GET /platform/tenants/current``."""
        return self._object(
            "GET",
            "/platform/tenants/current",
            Organization,
            unwrap=("data", "tenant"),
            options=options,
        )

    def switch(self, id_or_slug: str, **options: Unpack[RequestOptions]) -> Organization:
        """Move a signed-in user's session to another organization.

        ``POST /platform/tenants/{id_or_slug}/switch``. Only a user session can switch;
        an API key belongs to one organization (use ``client.with_options(tenant=...)``
        to act in an organization the key may operate).
        """
        path = route("/platform/tenants/{id_or_slug}/switch", id_or_slug=id_or_slug)
        return self._object(
            "POST", path, Organization, json={}, unwrap=("data", "tenant"), options=options
        )
