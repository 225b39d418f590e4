"""The tenant: plan, preview domain and branding: ``/tenant``."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ..._groups.admin import json_object
from ..._groups.integrator import event_names, parse_tenant_event, policy_object, tenant_scope
from ...types.members import TenantMember, WorkspaceRole
from ...types.tenant import PreviewDomain, PreviewDomainVerification, TenantBranding, TenantPlan
from ...types.tenant_events import TenantEvent, WebhookEventType
from .._resource import AsyncAPIResource
from ..streams import AsyncEventStream

# 2.19.2 also reads branding from under "branding" (the key the request body uses).
_BRANDING = ("data", "branding")


class AsyncTenant(AsyncAPIResource):
    """``client.tenant``: the plan, plus ``.preview_domain``, ``.branding``, ``.policy``,
    ``.members`` and ``.events``."""

    async def current(self, **options: Unpack[RequestOptions]) -> TenantPlan:
        """The tenant and its plan, limits and usage. ``GET /tenant/plan``."""
        return await self._object(
            "GET", "/tenant/plan", TenantPlan, unwrap=("data", "tenant", "items"), options=options
        )

    @cached_property
    def preview_domain(self) -> AsyncTenantPreviewDomainResource:
        """The white-label preview domain: ``get``, ``set``, ``verify``, ``delete``."""
        return AsyncTenantPreviewDomainResource(self._client)

    @cached_property
    def branding(self) -> AsyncTenantBrandingResource:
        """Product name, logo, colours and support links: ``get``, ``set``, ``delete``."""
        return AsyncTenantBrandingResource(self._client)

    @cached_property
    def policy(self) -> AsyncTenantPolicyResource:
        """The organisation's governance policy: ``get``, ``set``, ``delete``."""
        return AsyncTenantPolicyResource(self._client)

    @cached_property
    def members(self) -> AsyncTenantMembersResource:
        """The organisation's members: ``list``, ``invite``, ``update_role``, ``remove``,
        ``transfer_ownership``."""
        return AsyncTenantMembersResource(self._client)

    @cached_property
    def events(self) -> AsyncTenantEventsResource:
        """The organisation's administrative event stream: ``stream``."""
        return AsyncTenantEventsResource(self._client)


class AsyncTenantPreviewDomainResource(AsyncAPIResource):
    """``client.tenant.preview_domain``: serve sandbox previews under your own domain."""

    async def get(self, **options: Unpack[RequestOptions]) -> PreviewDomain:
        """The preview domain (fields None when unset). ``GET /tenant/preview-domain``."""
        return await self._object("GET", "/tenant/preview-domain", PreviewDomain, options=options)

    async def set(self, domain: str, **options: Unpack[RequestOptions]) -> PreviewDomain:
        """Set the preview domain, e.g. ``"previews.example.com"``. ``PUT /tenant/preview-domain``.

        Sent as ``{"preview_domain": domain}`` (the newer spelling; older servers read
        ``domain``). The reply may use either key: both model attributes hold it.
        Previews then live at ``https://<port>-<slug>.sandbox.<domain>`` once verified.
        """
        return await self._object(
            "PUT",
            "/tenant/preview-domain",
            PreviewDomain,
            json={"preview_domain": domain},
            options=options,
        )

    async def verify(self, **options: Unpack[RequestOptions]) -> PreviewDomainVerification:
        """Check the domain's DNS records. ``POST /tenant/preview-domain/verify``."""
        return await self._object(
            "POST",
            "/tenant/preview-domain/verify",
            PreviewDomainVerification,
            json={},
            options=options,
        )

    async def delete(self, **options: Unpack[RequestOptions]) -> None:
        """Remove the preview domain. ``DELETE /tenant/preview-domain``."""
        await self._none("DELETE", "/tenant/preview-domain", options=options)


class AsyncTenantBrandingResource(AsyncAPIResource):
    """``client.tenant.branding``: how your product appears on MIOSA-hosted pages."""

    async def get(self, **options: Unpack[RequestOptions]) -> TenantBranding:
        """The current branding. ``GET /tenant/branding``."""
        return await self._object(
            "GET", "/tenant/branding", TenantBranding, unwrap=_BRANDING, options=options
        )

    async def set(
        self,
        *,
        product_name: str | NotGiven | None = NOT_GIVEN,
        logo_url: str | NotGiven | None = NOT_GIVEN,
        support_url: str | NotGiven | None = NOT_GIVEN,
        support_email: str | NotGiven | None = NOT_GIVEN,
        primary_color: str | NotGiven | None = NOT_GIVEN,
        background_color: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> TenantBranding:
        """Change the given branding fields (``None`` clears one). ``PUT /tenant/branding``.

        Sent wrapped as ``{"branding": {...}}`` (the newer TS and Python form; older
        servers took the same keys flat). Only the fields given are sent.
        """
        fields = body(
            product_name=product_name,
            logo_url=logo_url,
            support_url=support_url,
            support_email=support_email,
            primary_color=primary_color,
            background_color=background_color,
        )
        return await self._object(
            "PUT",
            "/tenant/branding",
            TenantBranding,
            json={"branding": fields},
            unwrap=_BRANDING,
            options=options,
        )

    async def delete(self, **options: Unpack[RequestOptions]) -> None:
        """Reset the branding to the platform defaults. ``DELETE /tenant/branding``."""
        await self._none("DELETE", "/tenant/branding", options=options)


class AsyncTenantPolicyResource(AsyncAPIResource):
    """``client.tenant.policy``: limits and defaults the whole organisation inherits.

    The policy is free-form (sections such as ``lifecycle`` and ``quotas``), so it comes
    back as a JSON object.
    """

    async def get(self, **options: Unpack[RequestOptions]) -> dict[str, Any]:
        """The current policy (``{}`` when none is set). ``GET /tenant/policy``."""
        payload, _ = await self._json("GET", "/tenant/policy", options=options)
        return policy_object(payload)

    async def set(
        self, policy: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> dict[str, Any]:
        """Replace the policy with ``policy`` (sent as the whole body). ``PUT /tenant/policy``."""
        payload, _ = await self._json("PUT", "/tenant/policy", json=dict(policy), options=options)
        return policy_object(payload)

    async def delete(self, **options: Unpack[RequestOptions]) -> None:
        """Remove the policy: platform defaults apply again. ``DELETE /tenant/policy``."""
        await self._none("DELETE", "/tenant/policy", options=options)


def _member_path(member_id: str, action: str = "") -> str:
    return route("/tenant/members/{member_id}", member_id=member_id) + action


class AsyncTenantMembersResource(AsyncAPIResource):
    """``client.tenant.members``: who belongs to the organisation, with which role."""

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[TenantMember]:
        """Every member. ``GET /tenant/members``."""
        return await self._list(
            "GET", "/tenant/members", TenantMember, keys=("data", "members"), options=options
        )

    async def invite(
        self, *, email: str, role: WorkspaceRole | str, **options: Unpack[RequestOptions]
    ) -> TenantMember:
        """Invite someone by email with a role. ``POST /tenant/members``."""
        return await self._object(
            "POST",
            "/tenant/members",
            TenantMember,
            json={"email": email, "role": role},
            options=options,
        )

    async def update_role(
        self, member_id: str, *, role: WorkspaceRole | str, **options: Unpack[RequestOptions]
    ) -> TenantMember:
        """Change a member's role. ``PATCH /tenant/members/{member_id}/role``."""
        return await self._object(
            "PATCH",
            _member_path(member_id, "/role"),
            TenantMember,
            json={"role": role},
            options=options,
        )

    async def remove(self, member_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a member from the organisation. ``DELETE /tenant/members/{member_id}``."""
        await self._none("DELETE", _member_path(member_id), options=options)

    async def transfer_ownership(
        self, *, new_owner_user_id: str, **options: Unpack[RequestOptions]
    ) -> dict[str, Any]:
        """Hand the organisation to another member. ``POST /tenant/transfer-ownership``."""
        payload, _ = await self._json(
            "POST",
            "/tenant/transfer-ownership",
            json={"new_owner_user_id": new_owner_user_id},
            options=options,
        )
        return json_object(payload)


class AsyncTenantEventsResource(AsyncAPIResource):
    """``client.tenant.events``: administrative events of the organisation, live."""

    def stream(
        self,
        *,
        types: Sequence[WebhookEventType | str] | None = None,
        scope: str | None = None,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        idle_timeout: float | None = None,
    ) -> AsyncEventStream[TenantEvent]:
        """Stream the organisation's events. ``GET /tenant/events/stream?types=&scope=``.

        ``types``: event names or globs, sent comma-joined. ``scope`` narrows the feed:
        ``"all"``, ``"workspace:<id>"`` or ``"external_user:<id>"``; ``workspace_id=`` /
        ``external_user_id=`` build the last two. Used like ``client.events.stream``:
        ``async with ... as events: async for event in events``.
        """
        params = query(
            types=None if types is None else event_names(types),
            scope=tenant_scope(scope, workspace_id, external_user_id),
        )
        return self._events(
            "/tenant/events/stream", parse_tenant_event, params=params, idle_timeout=idle_timeout
        )
