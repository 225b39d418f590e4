# This file was generated from
#   src/miosa/_async/resources/provider_defaults.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Fleet-wide and per-tenant LLM provider routing defaults (admin)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import route
from ..._groups.admin import provider_entries
from ...types.provider_defaults import (
    FleetProviderDefaults,
    ProviderDefault,
    TenantProviderConfig,
)
from .._resource import APIResource

_UNWRAP = ("data", "defaults", "provider_defaults", "config")


def _tenant_path(tenant_id: str) -> str:
    return route("/admin/tenants/{tenant_id}/provider-config", tenant_id=tenant_id)


class ProviderDefaults(APIResource):
    """``client.provider_defaults`` (needs an admin credential)."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[ProviderDefault]:
        """The fleet-wide defaults, one item per provider. ``GET /admin/provider-defaults``.

        The reply is one object (``{"providers": {name: settings}}``, the whole collection),
        so this is a plain list.
        """
        return self._list(
            "GET",
            "/admin/provider-defaults",
            ProviderDefault,
            keys=(),
            prepare=lambda payload: provider_entries(payload, _UNWRAP),
            options=options,
        )

    def get(self, provider: str) -> dict[str, Any] | None:
        """One provider's fleet-wide defaults, or None. ``GET /admin/provider-defaults``
        (picked from ``providers`` here)."""
        for entry in self.list():
            if entry.provider == provider:
                return entry.settings
        return None

    def update(
        self, defaults: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> FleetProviderDefaults:
        """Replace the fleet-wide defaults with ``defaults``. ``PUT /admin/provider-defaults``."""
        return self._object(
            "PUT",
            "/admin/provider-defaults",
            FleetProviderDefaults,
            json=dict(defaults),
            unwrap=_UNWRAP,
            options=options,
        )

    def get_tenant(self, tenant_id: str, **options: Unpack[RequestOptions]) -> TenantProviderConfig:
        """One tenant's overrides. ``GET /admin/tenants/{tenant_id}/provider-config``."""
        return self._object(
            "GET", _tenant_path(tenant_id), TenantProviderConfig, unwrap=_UNWRAP, options=options
        )

    def set_tenant(
        self, tenant_id: str, overrides: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> TenantProviderConfig:
        """Replace one tenant's overrides. ``PUT /admin/tenants/{tenant_id}/provider-config``."""
        return self._object(
            "PUT",
            _tenant_path(tenant_id),
            TenantProviderConfig,
            json=dict(overrides),
            unwrap=_UNWRAP,
            options=options,
        )

    def reset_tenant(self, tenant_id: str, **options: Unpack[RequestOptions]) -> None:
        """Drop one tenant's overrides (back to the fleet defaults).
        ``DELETE /admin/tenants/{tenant_id}/provider-config``."""
        self._none("DELETE", _tenant_path(tenant_id), options=options)
