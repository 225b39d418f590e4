# This file was generated from
#   src/miosa/_async/resources/organizations/bill_to.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.bill_to`` (which organization a create bills) and ``client.member_caps``."""

from __future__ import annotations

import builtins

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ...._groups.organizations import bill_to_headers, members_of
from ....types.organizations import BillToLimits, BillToStatus, MemberCap
from ..._resource import APIResource


class BillTo(APIResource):
    """``client.bill_to``: the organization sandboxes and computers are billed to.

    A create bills, for the resource's whole life, the organization resolved from: the
    per-request override (``bill_to=`` here, the ``X-Miosa-Bill-To`` header), else the
    account-wide setting (`update`), else the credential's own organization. Fork,
    resume, start and snapshot restore never re-resolve it.
    """

    def show(
        self, *, bill_to: str | None = None, **options: Unpack[RequestOptions]
    ) -> BillToStatus:
        """What a create would bill now, and the choices. ``GET /bill-to``.

        ``bill_to`` (an organization id, slug or name) previews an override.
        """
        return self._object(
            "GET", "/bill-to", BillToStatus, headers=bill_to_headers(bill_to), options=options
        )

    def update(
        self, org: str, *, bill_to: str | None = None, **options: Unpack[RequestOptions]
    ) -> BillToStatus:
        """Pin an organization account-wide. ``PUT /bill-to`` with ``{"org": org}``."""
        return self._object(
            "PUT",
            "/bill-to",
            BillToStatus,
            json={"org": org},
            headers=bill_to_headers(bill_to),
            options=options,
        )

    def clear(self, **options: Unpack[RequestOptions]) -> None:
        """Drop the setting: creates bill the credential's organization again.

        ``DELETE /bill-to``.
        """
        self._none("DELETE", "/bill-to", options=options)

    def limits(
        self, *, bill_to: str | None = None, **options: Unpack[RequestOptions]
    ) -> BillToLimits:
        """The limits of the organization a create would bill. ``GET /limits``."""
        return self._object(
            "GET", "/limits", BillToLimits, headers=bill_to_headers(bill_to), options=options
        )


def _cap_path(tenant_id: str, user_id: str) -> str:
    return route("/tenants/{tenant_id}/member-caps/{user_id}", tenant_id=tenant_id, user_id=user_id)


class MemberCaps(APIResource):
    """``client.member_caps``: how much one member may spend and run (amounts in cents).

    A member over the spending cap gets `miosa.InsufficientCreditsError` on create;
    over the concurrency cap, `miosa.RateLimitError`.
    """

    def list(self, tenant_id: str, **options: Unpack[RequestOptions]) -> builtins.list[MemberCap]:
        """Every member with caps and live usage. ``GET /tenants/{tenant_id}/member-caps``."""
        path = route("/tenants/{tenant_id}/member-caps", tenant_id=tenant_id)
        return self._list("GET", path, MemberCap, keys=(), prepare=members_of, options=options)

    def update(
        self,
        tenant_id: str,
        user_id: str,
        *,
        usage_cap_cents: int | NotGiven | None = NOT_GIVEN,
        max_concurrent_sandboxes: int | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> MemberCap:
        """Set or clear a member's caps: a number sets, None clears, left out is unchanged.

        ``PUT /tenants/{tenant_id}/member-caps/{user_id}``.
        """
        payload = body(
            usage_cap_cents=usage_cap_cents, max_concurrent_sandboxes=max_concurrent_sandboxes
        )
        return self._object(
            "PUT", _cap_path(tenant_id, user_id), MemberCap, json=payload, options=options
        )

    def delete(self, tenant_id: str, user_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove both caps of a member. ``DELETE /tenants/{tenant_id}/member-caps/{user_id}``."""
        self._none("DELETE", _cap_path(tenant_id, user_id), options=options)
