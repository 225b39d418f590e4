# This file was generated from
#   src/miosa/_async/resources/ai_gateway/credentials.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.ai_gateway.credentials``: provider credentials the gateway calls models with
(``/intelligence/provider-credentials``)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._groups.platform import query_with
from ....types.ai_gateway import ProviderCredential, ProviderCredentialCheck
from ..._resource import APIResource


def _credential_path(provider: str, tail: str = "") -> str:
    return route("/intelligence/provider-credentials/{provider}", provider=provider) + tail


class ProviderCredentials(APIResource):
    """``client.ai_gateway.credentials``: stored provider API keys (never read back).

    The agent-only providers (``deepseek``, ``moonshot``) are stored per workspace: pass
    ``workspace_id`` for them.
    """

    def list(
        self,
        *,
        workspace_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ProviderCredential]:
        """The stored credentials (with ``workspace_id``, that workspace's agent-only ones
        too). ``GET /intelligence/provider-credentials``.

        The supported providers, also in the reply, are dropped from this list.
        """
        return self._list(
            "GET",
            "/intelligence/provider-credentials",
            ProviderCredential,
            params=query_with(extra, workspace_id=workspace_id),
            keys=("data", "credentials"),
            options=options,
        )

    def get(
        self,
        provider: str,
        *,
        workspace_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProviderCredential:
        """One provider's credential. ``GET /intelligence/provider-credentials/{provider}``."""
        return self._object(
            "GET",
            _credential_path(provider),
            ProviderCredential,
            params=query(workspace_id=workspace_id),
            options=options,
        )

    def set(
        self,
        provider: str,
        *,
        api_key: str,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ProviderCredential:
        """Store a provider's API key (replacing any stored one).
        ``PUT /intelligence/provider-credentials/{provider}``."""
        payload = body(api_key=api_key, name=name, metadata=metadata)
        return self._object(
            "PUT", _credential_path(provider), ProviderCredential, json=payload, options=options
        )

    def update(
        self,
        provider: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        api_key: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ProviderCredential:
        """Change the fields given (``api_key`` replaces the stored secret).
        ``PATCH /intelligence/provider-credentials/{provider}``."""
        payload = body(name=name, metadata=metadata, api_key=api_key)
        return self._object(
            "PATCH", _credential_path(provider), ProviderCredential, json=payload, options=options
        )

    def delete(
        self,
        provider: str,
        *,
        workspace_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a provider's credential.
        ``DELETE /intelligence/provider-credentials/{provider}``."""
        self._none(
            "DELETE",
            _credential_path(provider),
            params=query(workspace_id=workspace_id),
            options=options,
        )

    def validate_storage(
        self,
        provider: str,
        *,
        workspace_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProviderCredentialCheck:
        """Check that the stored secret's encryption at rest is intact (no provider call).
        ``POST /intelligence/provider-credentials/{provider}/validate-storage``."""
        return self._object(
            "POST",
            _credential_path(provider, "/validate-storage"),
            ProviderCredentialCheck,
            params=query_with(extra, workspace_id=workspace_id),
            options=options,
        )

    def test(
        self,
        provider: str,
        *,
        workspace_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProviderCredentialCheck:
        """Call the provider with the stored credential to see that it works.
        ``POST /intelligence/provider-credentials/{provider}/test``."""
        return self._object(
            "POST",
            _credential_path(provider, "/test"),
            ProviderCredentialCheck,
            params=query_with(extra, workspace_id=workspace_id),
            options=options,
        )
