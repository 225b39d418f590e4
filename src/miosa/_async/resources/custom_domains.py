"""Tenant-wide custom domains: ``/custom-domains``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.domains import CustomDomain
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


class AsyncCustomDomains(AsyncAPIResource):
    """``client.custom_domains``: every custom domain of the tenant, across resources."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[CustomDomain]:
        """List custom domains. ``GET /custom-domains``; ``extra`` adds query parameters."""
        return self._page(
            "/custom-domains",
            CustomDomain,
            params=query_with(extra, limit=limit, cursor=cursor),
            keys=("data", "items", "domains", "custom_domains"),
            options=options,
        )

    async def create(
        self,
        *,
        domain: str,
        resource_type: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        redirect_policy: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CustomDomain:
        """Add a custom domain pointing at a resource. ``POST /custom-domains``.

        ``redirect_policy`` is ``"none"``, ``"www_to_apex"`` or ``"apex_to_www"``; the
        reply's ``verification_token`` goes into the domain's DNS.
        """
        payload = body(
            domain=domain,
            resource_type=resource_type,
            resource_id=resource_id,
            redirect_policy=redirect_policy,
        )
        return await self._object(
            "POST",
            "/custom-domains",
            CustomDomain,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def delete(self, domain_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a custom domain. ``DELETE /custom-domains/{domain_id}``."""
        await self._none(
            "DELETE", route("/custom-domains/{domain_id}", domain_id=domain_id), options=options
        )
