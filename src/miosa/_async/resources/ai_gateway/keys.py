"""``client.ai_gateway.keys``: Intelligence API keys (``/intelligence/keys``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ...._groups.ai_gateway import KEY_ENVELOPE, KEY_LIST_KEYS
from ...._groups.platform import query_with
from ....types.ai_gateway import IntelligenceKey, KeyEnvironment, KeyEnvironmentName
from ..._resource import AsyncAPIResource


def _key_path(key_id: str, tail: str = "") -> str:
    return route("/intelligence/keys/{key_id}", key_id=key_id) + tail


class AsyncGatewayKeys(AsyncAPIResource):
    """``client.ai_gateway.keys``: the tenant's Intelligence API keys.

    A key's secret (``key.key``) is only in the reply of `create` and `rotate`.
    """

    async def list(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[IntelligenceKey]:
        """The keys, without their secrets. ``GET /intelligence/keys``; ``extra`` adds
        filters."""
        return await self._list(
            "GET",
            "/intelligence/keys",
            IntelligenceKey,
            params=query_with(extra),
            keys=KEY_LIST_KEYS,
            options=options,
        )

    async def create(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        scopes: Sequence[str] | NotGiven = NOT_GIVEN,
        environment: KeyEnvironmentName | str | NotGiven = NOT_GIVEN,
        rate_limit_rpm: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> IntelligenceKey:
        """Create a key; keep its ``key`` now, it is never shown again.
        ``POST /intelligence/keys``."""
        payload = body(
            name=name, scopes=scopes, environment=environment, rate_limit_rpm=rate_limit_rpm
        )
        return await self._object(
            "POST",
            "/intelligence/keys",
            IntelligenceKey,
            json=payload,
            unwrap=KEY_ENVELOPE,
            options=options,
        )

    async def get(self, key_id: str, **options: Unpack[RequestOptions]) -> IntelligenceKey:
        """One key, without its secret. ``GET /intelligence/keys/{key_id}``."""
        return await self._object(
            "GET", _key_path(key_id), IntelligenceKey, unwrap=KEY_ENVELOPE, options=options
        )

    async def delete(self, key_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revoke a key. ``DELETE /intelligence/keys/{key_id}``."""
        await self._none("DELETE", _key_path(key_id), options=options)

    async def rotate(
        self,
        key_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> IntelligenceKey:
        """Replace a key with a new secret (``replaces_key_id`` names the old one).
        ``POST /intelligence/keys/{key_id}/rotate``; ``name`` labels the replacement."""
        return await self._object(
            "POST",
            _key_path(key_id, "/rotate"),
            IntelligenceKey,
            json=body(name=name),
            unwrap=KEY_ENVELOPE,
            options=options,
        )

    async def set_environment(
        self,
        key_id: str,
        environment: KeyEnvironmentName | str,
        **options: Unpack[RequestOptions],
    ) -> KeyEnvironment:
        """Tag a key with an environment (``production``, ``staging`` or
        ``development``). ``PUT /ai-gateway/keys/{key_id}/environment``."""
        path = route("/ai-gateway/keys/{key_id}/environment", key_id=key_id)
        return await self._object(
            "PUT", path, KeyEnvironment, json=body(environment=environment), options=options
        )
