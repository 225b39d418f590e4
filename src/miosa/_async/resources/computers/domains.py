"""``computer.domains``: custom domains of one computer, ``/computers/{id}/domains``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import route
from ....types.computers import ComputerDomain
from ..._resource import AsyncScopedResource

_DOMAIN_KEYS = ("data", "domains", "items")


class AsyncComputerDomains(AsyncScopedResource):
    """``computer.domains``: register, verify and remove custom domains."""

    def _domain_path(self, domain_id: str) -> str:
        return self._prefix + route("/domains/{domain_id}", domain_id=domain_id)

    async def register(self, fqdn: str, **options: Unpack[RequestOptions]) -> ComputerDomain:
        """Register a domain (starts ``pending``; add a CNAME to `verification_target`).

        ``POST /computers/{computer_id}/domains``.
        """
        return await self._object(
            "POST", self._prefix + "/domains", ComputerDomain, json={"fqdn": fqdn}, options=options
        )

    async def list(self, **options: Unpack[RequestOptions]) -> list[ComputerDomain]:
        """This computer's domains. ``GET /computers/{computer_id}/domains``."""
        return await self._list(
            "GET", self._prefix + "/domains", ComputerDomain, keys=_DOMAIN_KEYS, options=options
        )

    async def verify(self, domain_id: str, **options: Unpack[RequestOptions]) -> ComputerDomain:
        """Check the domain's CNAME. ``POST /computers/{computer_id}/domains/{domain_id}/verify``.

        Fails with codes ``CNAME_MISMATCH`` or ``DNS_LOOKUP_FAILED``.
        """
        return await self._object(
            "POST", self._domain_path(domain_id) + "/verify", ComputerDomain, options=options
        )

    async def delete(self, domain_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a domain. ``DELETE /computers/{computer_id}/domains/{domain_id}``."""
        await self._none("DELETE", self._domain_path(domain_id), options=options)
