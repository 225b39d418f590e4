"""Models of the admin provider-routing defaults."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import Model

__all__ = ["FleetProviderDefaults", "ProviderDefault", "TenantProviderConfig"]


@attrs.frozen(kw_only=True)
class FleetProviderDefaults(Model):
    """Fleet-wide LLM provider defaults: one settings map per provider in `providers`."""

    providers: dict[str, Any] | None = None

    def for_provider(self, provider: str) -> dict[str, Any] | None:
        """One provider's defaults, or None when it has none."""
        entry = (self.providers or {}).get(provider)
        return entry if isinstance(entry, dict) else None


@attrs.frozen(kw_only=True)
class ProviderDefault(Model):
    """One provider's fleet-wide defaults, as ``provider_defaults.list()`` gives them: the
    provider's name and its settings map (server-defined)."""

    provider: str | None = None
    settings: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class TenantProviderConfig(Model):
    """One tenant's provider overrides (server-defined map; see `raw`)."""

    tenant_id: str | None = None
    providers: dict[str, Any] | None = None
