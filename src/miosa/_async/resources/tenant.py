"""The tenant: plan, preview domain and branding: ``/tenant``."""

from __future__ import annotations

from functools import cached_property

from ..._request import NOT_GIVEN, NotGiven, body
from ...types.tenant import PreviewDomain, PreviewDomainVerification, TenantBranding, TenantPlan
from .._resource import AsyncAPIResource

# 2.19.2 also reads branding from under "branding" (the key the request body uses).
_BRANDING = ("data", "branding")


class AsyncTenant(AsyncAPIResource):
    """``client.tenant``: the plan, plus ``.preview_domain`` and ``.branding``."""

    async def current(self) -> TenantPlan:
        """The tenant and its plan, limits and usage. ``GET /tenant/plan``."""
        return await self._object(
            "GET", "/tenant/plan", TenantPlan, unwrap=("data", "tenant", "items")
        )

    @cached_property
    def preview_domain(self) -> AsyncTenantPreviewDomainResource:
        """The white-label preview domain: ``get``, ``set``, ``verify``, ``delete``."""
        return AsyncTenantPreviewDomainResource(self._client)

    @cached_property
    def branding(self) -> AsyncTenantBrandingResource:
        """Product name, logo, colours and support links: ``get``, ``set``, ``delete``."""
        return AsyncTenantBrandingResource(self._client)


class AsyncTenantPreviewDomainResource(AsyncAPIResource):
    """``client.tenant.preview_domain``: serve sandbox previews under your own domain."""

    async def get(self) -> PreviewDomain:
        """The preview domain (fields None when unset). ``GET /tenant/preview-domain``."""
        return await self._object("GET", "/tenant/preview-domain", PreviewDomain)

    async def set(self, domain: str) -> PreviewDomain:
        """Set the preview domain, e.g. ``"previews.example.com"``. ``PUT /tenant/preview-domain``.

        Sent as ``{"preview_domain": domain}`` (the newer spelling; older servers read
        ``domain``). The reply may use either key: both model attributes hold it.
        Previews then live at ``https://<port>-<slug>.sandbox.<domain>`` once verified.
        """
        return await self._object(
            "PUT", "/tenant/preview-domain", PreviewDomain, json={"preview_domain": domain}
        )

    async def verify(self) -> PreviewDomainVerification:
        """Check the domain's DNS records. ``POST /tenant/preview-domain/verify``."""
        return await self._object(
            "POST", "/tenant/preview-domain/verify", PreviewDomainVerification, json={}
        )

    async def delete(self) -> None:
        """Remove the preview domain. ``DELETE /tenant/preview-domain``."""
        await self._none("DELETE", "/tenant/preview-domain")


class AsyncTenantBrandingResource(AsyncAPIResource):
    """``client.tenant.branding``: how your product appears on MIOSA-hosted pages."""

    async def get(self) -> TenantBranding:
        """The current branding. ``GET /tenant/branding``."""
        return await self._object("GET", "/tenant/branding", TenantBranding, unwrap=_BRANDING)

    async def set(
        self,
        *,
        product_name: str | NotGiven | None = NOT_GIVEN,
        logo_url: str | NotGiven | None = NOT_GIVEN,
        support_url: str | NotGiven | None = NOT_GIVEN,
        support_email: str | NotGiven | None = NOT_GIVEN,
        primary_color: str | NotGiven | None = NOT_GIVEN,
        background_color: str | NotGiven | None = NOT_GIVEN,
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
            "PUT", "/tenant/branding", TenantBranding, json={"branding": fields}, unwrap=_BRANDING
        )

    async def delete(self) -> None:
        """Reset the branding to the platform defaults. ``DELETE /tenant/branding``."""
        await self._none("DELETE", "/tenant/branding")
