# This file was generated from
#   src/miosa/_async/resources/external_keys.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Per-user provider keys (BYOK), addressed by provider name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import body, merge, route
from ...types.integrations import ExternalKey
from .._resource import APIResource


class ExternalKeys(APIResource):
    """``client.external_keys``: store, preview and delete your own provider keys."""

    def list(self, **options: Unpack[RequestOptions]) -> list[ExternalKey]:
        """List the stored keys (masked). ``GET /external-keys``."""
        return self._list(
            "GET",
            "/external-keys",
            ExternalKey,
            keys=("data", "items", "keys", "external_keys"),
            options=options,
        )

    def create(
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
        return self._object("POST", "/external-keys", ExternalKey, json=payload, options=options)

    def resolve(self, provider: str, **options: Unpack[RequestOptions]) -> ExternalKey:
        """Preview the key stored for a provider. ``GET /external-keys/{provider}/resolve``."""
        path = route("/external-keys/{provider}/resolve", provider=provider)
        return self._object("GET", path, ExternalKey, options=options)

    def delete(self, provider: str, **options: Unpack[RequestOptions]) -> None:
        """Delete the key stored for a provider. ``DELETE /external-keys/{provider}``."""
        self._none("DELETE", route("/external-keys/{provider}", provider=provider), options=options)
