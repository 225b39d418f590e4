"""Models of tenant settings, settings-level branding and BYOK provider keys."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["GpuPricing", "ProviderKey", "SettingsBranding", "TenantSettings"]


@attrs.frozen(kw_only=True)
class TenantSettings(Model):
    """Tenant settings (``/settings``). Free-form on the wire: read them from ``raw``."""


@attrs.frozen(kw_only=True)
class SettingsBranding(Model):
    """Settings-level branding (``/settings/branding``)."""

    logo_url: str | None = None
    primary_color: str | None = None
    wordmark: str | None = None


@attrs.frozen(kw_only=True)
class ProviderKey(Model):
    """A tenant BYOK key for an LLM provider (``anthropic``, ``openai`` ...).

    The contract calls the record free-form; ``provider``/``masked_key`` follow the
    per-user external keys (guess). The secret itself is never expected back.
    """

    id: str | None = None
    provider: str | None = None
    masked_key: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class GpuPricing(Model):
    """GPU pricing. The contract leaves the payload untyped: read it from ``raw``."""
