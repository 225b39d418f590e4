"""Tenant settings, branding and provider keys: ``/settings``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import unwrap_present
from ...types.regions import ComputePricing
from ...types.settings import GpuPricing, ProviderKey, SettingsBranding, TenantSettings
from .._resource import AsyncAPIResource

# The envelope keys the settings routes use, in the order the contract gives.
_UNWRAP = ("data", "settings", "branding", "provider_keys", "items")


def _provider_path(provider: str) -> str:
    return route("/settings/provider-keys/{provider}", provider=provider)


class AsyncSettings(AsyncAPIResource):
    """``client.settings``: tenant settings, branding, pricing and BYOK provider keys."""

    async def get(self, **options: Unpack[RequestOptions]) -> TenantSettings:
        """The tenant's settings (free-form: read ``raw``). ``GET /settings``."""
        return await self._object(
            "GET", "/settings", TenantSettings, unwrap=("data", "settings"), options=options
        )

    async def update(
        self, values: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> TenantSettings:
        """Replace settings keys with ``values``. ``PUT /settings``."""
        return await self._object(
            "PUT",
            "/settings",
            TenantSettings,
            json=dict(values),
            unwrap=("data", "settings"),
            options=options,
        )

    async def get_branding(self, **options: Unpack[RequestOptions]) -> SettingsBranding:
        """Settings-level branding. ``GET /settings/branding``."""
        return await self._object(
            "GET",
            "/settings/branding",
            SettingsBranding,
            unwrap=("data", "branding", "settings"),
            options=options,
        )

    async def update_branding(
        self,
        *,
        logo_url: str | NotGiven = NOT_GIVEN,
        primary_color: str | NotGiven = NOT_GIVEN,
        wordmark: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SettingsBranding:
        """Change settings-level branding. ``PUT /settings/branding``."""
        payload = body(logo_url=logo_url, primary_color=primary_color, wordmark=wordmark)
        return await self._object(
            "PUT",
            "/settings/branding",
            SettingsBranding,
            json=merge(payload, extra),
            unwrap=("data", "branding", "settings"),
            options=options,
        )

    async def compute_pricing(self, **options: Unpack[RequestOptions]) -> ComputePricing:
        """Tenant compute pricing (untyped: read ``raw``). ``GET /settings/compute-pricing``."""
        return await self._object(
            "GET",
            "/settings/compute-pricing",
            ComputePricing,
            unwrap=("data", "pricing"),
            options=options,
        )

    async def gpu_pricing(self, **options: Unpack[RequestOptions]) -> GpuPricing:
        """Tenant GPU pricing (untyped: read ``raw``). ``GET /settings/gpu-pricing``."""
        return await self._object(
            "GET", "/settings/gpu-pricing", GpuPricing, unwrap=("data", "pricing"), options=options
        )

    async def available_models(self, **options: Unpack[RequestOptions]) -> Any:
        """Models this tenant may use. ``GET /settings/available-models``.

        The contract leaves the shape open (likely a list): the decoded JSON is returned
        with its envelope removed.
        """
        payload, _ = await self._json("GET", "/settings/available-models", options=options)
        return unwrap_present(payload, (*_UNWRAP, "models"))

    async def regions(self, **options: Unpack[RequestOptions]) -> Any:
        """Regions enabled for this tenant. ``GET /settings/regions``.

        The contract leaves the shape open (likely a list): the decoded JSON is returned
        with its envelope removed.
        """
        payload, _ = await self._json("GET", "/settings/regions", options=options)
        return unwrap_present(payload, (*_UNWRAP, "regions"))

    async def list_provider_keys(self, **options: Unpack[RequestOptions]) -> list[ProviderKey]:
        """List the tenant's BYOK provider keys. ``GET /settings/provider-keys``."""
        return await self._list(
            "GET",
            "/settings/provider-keys",
            ProviderKey,
            keys=("data", "provider_keys", "items", "keys"),
            options=options,
        )

    async def upsert_provider_key(
        self,
        provider: str,
        *,
        key: str,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProviderKey:
        """Store (or replace) the key for ``provider`` (``"anthropic"``, ``"openai"`` ...).

        ``PUT /settings/provider-keys/{provider}``; ``key`` is the secret.
        """
        return await self._object(
            "PUT",
            _provider_path(provider),
            ProviderKey,
            json=merge(body(key=key), extra),
            unwrap=("data", "provider_key", "key"),
            options=options,
        )

    async def delete_provider_key(self, provider: str, **options: Unpack[RequestOptions]) -> None:
        """Delete the key for ``provider``. ``DELETE /settings/provider-keys/{provider}``."""
        await self._none("DELETE", _provider_path(provider), options=options)
