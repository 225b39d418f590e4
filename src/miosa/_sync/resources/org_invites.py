# This file was generated from
#   src/miosa/_async/resources/org_invites.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Organisation invites: ``/tenants/{tenant_id}/invites``."""

from __future__ import annotations

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, route
from ...types.invites import InviteRevocation, OrgInvite, OrgInviteAcceptance, OrgInvitePreview
from ...types.members import WorkspaceRole
from .._resource import APIResource


def _invites_path(tenant_id: str) -> str:
    return route("/tenants/{tenant_id}/invites", tenant_id=tenant_id)


def _token_path(token: str) -> str:
    return route("/invites/{token}", token=token)


class OrgInvites(APIResource):
    """``client.org_invites``: invite people to the organisation (tenant) by email."""

    def create(
        self,
        tenant_id: str,
        *,
        email: str,
        role: WorkspaceRole | str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OrgInvite:
        """Invite an email (role ``owner``/``admin``/``member``; admins and owners only).

        ``POST /tenants/{tenant_id}/invites``.
        """
        return self._object(
            "POST",
            _invites_path(tenant_id),
            OrgInvite,
            json=body(email=email, role=role),
            options=options,
        )

    def list(self, tenant_id: str, **options: Unpack[RequestOptions]) -> list[OrgInvite]:
        """The organisation's pending invites. ``GET /tenants/{tenant_id}/invites``."""
        return self._list(
            "GET", _invites_path(tenant_id), OrgInvite, keys=("data", "items"), options=options
        )

    def revoke(
        self, tenant_id: str, invite_id: str, **options: Unpack[RequestOptions]
    ) -> InviteRevocation:
        """Revoke an invite (409 once accepted).

        ``DELETE /tenants/{tenant_id}/invites/{invite_id}``.
        """
        path = route(
            "/tenants/{tenant_id}/invites/{invite_id}", tenant_id=tenant_id, invite_id=invite_id
        )
        return self._object("DELETE", path, InviteRevocation, options=options)

    def preview(self, token: str, **options: Unpack[RequestOptions]) -> OrgInvitePreview:
        """What an invite offers. ``GET /invites/{token}``.

        The endpoint needs no credentials; the client sends its key anyway. An unknown
        token raises an error (`NotFoundError` or `ValidationError`).
        """
        return self._object("GET", _token_path(token), OrgInvitePreview, options=options)

    def accept(self, token: str, **options: Unpack[RequestOptions]) -> OrgInviteAcceptance:
        """Join the organisation as the signed-in user. ``POST /invites/{token}/accept``."""
        return self._object(
            "POST", _token_path(token) + "/accept", OrgInviteAcceptance, json={}, options=options
        )
