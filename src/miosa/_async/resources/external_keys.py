"""Per-user provider keys (BYOK), addressed by provider name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import body, merge, route
from ...types.integrations import ExternalKey
from .._resource import AsyncAPIResource


class AsyncExternalKeys(AsyncAPIResource):
    """``client.external_keys``: store, preview and delete your own provider keys."""

    async def list(self, **options: Unpack[RequestOptions]) -> list[ExternalKey]:
        """List the stored keys (masked). ``GET /external-keys``."""
        return await self._list(
            "GET",
            "/external-keys",
            ExternalKey,
            keys=("data", "items", "keys", "external_keys"),
            options=options,
        )

    async def create(
        self,
        *,
        provider: str,
        key: str,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ExternalKey:
        """Store a provider key (sent once, only shown masked). ``POST /external-keys``.

        The secret goes out as ``value`` and, for servers that still read the older
        name, as ``key``.
        """
        payload = merge(body(provider=provider, value=key, key=key), extra)
        return await self._object(
            "POST", "/external-keys", ExternalKey, json=payload, options=options
        )

    async def resolve(self, provider: str, **options: Unpack[RequestOptions]) -> ExternalKey:
        """Preview the key stored for a provider. ``GET /external-keys/{provider}/resolve``."""
        path = route("/external-keys/{provider}/resolve", provider=provider)
        return await self._object("GET", path, ExternalKey, options=options)

    async def delete(self, provider: str, **options: Unpack[RequestOptions]) -> None:
        """Delete the key stored for a provider. ``DELETE /external-keys/{provider}``."""
        await self._none(
            "DELETE", route("/external-keys/{provider}", provider=provider), options=options
        )
