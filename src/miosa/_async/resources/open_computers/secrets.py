"""OpenComputers secrets: tenant-wide, or scoped to one host."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body
from ....types.open_computers import OpenComputerSecret, OpenComputerSecretValue
from ..._resource import AsyncAPIResource
from ._base import host_path

_TENANT_SECRETS = "/opencomputers/secrets"


def _secret(host_id: str, secret_id: str) -> str:
    return host_path("/secrets/{secret_id}", host_id, secret_id=secret_id)


class AsyncOpenComputerSecrets(AsyncAPIResource):
    """``client.open_computers.secrets``: values are write-only except through `reveal`."""

    async def list_for_tenant(self, **options: Unpack[RequestOptions]) -> list[OpenComputerSecret]:
        """List tenant-wide secrets (metadata only). ``GET /opencomputers/secrets``."""
        return await self._list(
            "GET",
            _TENANT_SECRETS,
            OpenComputerSecret,
            keys=("data", "secrets", "items"),
            options=options,
        )

    async def create_for_tenant(
        self,
        *,
        name: str,
        value: str,
        description: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerSecret:
        """Create a tenant-wide secret. ``POST /opencomputers/secrets``."""
        return await self._object(
            "POST",
            _TENANT_SECRETS,
            OpenComputerSecret,
            json=body(name=name, value=value, description=description),
            options=options,
        )

    async def list_for_host(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> list[OpenComputerSecret]:
        """List a host's secrets (metadata only). ``GET /opencomputers/hosts/{host_id}/secrets``."""
        return await self._list(
            "GET",
            host_path("/secrets", host_id),
            OpenComputerSecret,
            keys=("data", "secrets", "items"),
            options=options,
        )

    async def create_for_host(
        self,
        host_id: str,
        *,
        name: str,
        value: str,
        description: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerSecret:
        """Create a secret scoped to one host. ``POST /opencomputers/hosts/{host_id}/secrets``."""
        return await self._object(
            "POST",
            host_path("/secrets", host_id),
            OpenComputerSecret,
            json=body(name=name, value=value, description=description),
            options=options,
        )

    async def update_for_host(
        self,
        host_id: str,
        secret_id: str,
        *,
        value: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerSecret:
        """Replace a host secret's value or description.

        ``PATCH /opencomputers/hosts/{host_id}/secrets/{secret_id}``.
        """
        return await self._object(
            "PATCH",
            _secret(host_id, secret_id),
            OpenComputerSecret,
            json=body(value=value, description=description),
            options=options,
        )

    async def delete_for_host(
        self, host_id: str, secret_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a host secret. ``DELETE /opencomputers/hosts/{host_id}/secrets/{secret_id}``."""
        await self._none("DELETE", _secret(host_id, secret_id), options=options)

    async def reveal(
        self, host_id: str, secret_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerSecretValue:
        """Read a host secret's plaintext (the server audit-logs it).

        ``POST /opencomputers/hosts/{host_id}/secrets/{secret_id}/reveal``.
        """
        return await self._object(
            "POST",
            _secret(host_id, secret_id) + "/reveal",
            OpenComputerSecretValue,
            options=options,
        )
