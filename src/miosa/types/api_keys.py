"""Models of API keys (``/api-keys``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = ["ApiKey", "ApiKeyEvent", "ApiKeyPreset"]


@attrs.frozen(kw_only=True)
class ApiKey(Model):
    """An API key. The plaintext comes back once, in the create reply.

    Servers name the plaintext ``key`` or ``token``; both fields are kept as sent and
    `secret` returns whichever is present (in the replies to ``create``,
    ``create_scoped`` and ``rotate``). Neither appears in ``repr``. ``end_user``
    summarises what a key scoped to one end user inherits (``get`` only).
    """

    id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    prefix: str | None = None
    scopes: tuple[str, ...] | None = None
    external_user_id: str | None = None
    status: str | None = None
    end_user: dict[str, Any] | None = None
    expires_at: datetime | None = None
    last_used_at: datetime | None = None
    created_at: datetime | None = None
    key: str | None = attrs.field(default=None, repr=False)
    token: str | None = attrs.field(default=None, repr=False)

    @property
    def secret(self) -> str | None:
        """The plaintext key (``key`` or ``token``); None outside the create reply."""
        return self.key if self.key is not None else self.token


@attrs.frozen(kw_only=True)
class ApiKeyPreset(Model):
    """A named set of scopes to create keys with (``/api-keys/presets``).

    Built-in presets come with the platform; custom ones are saved per organisation.
    """

    name: str | None = None
    description: str | None = None
    scopes: tuple[str, ...] | None = None
    built_in: bool | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ApiKeyEvent(Model):
    """One entry of a key's audit trail (``GET /api-keys/{key_id}/events``).

    ``type`` says what happened (the key was used, renamed, rotated ...).
    """

    id: str | None = None
    key_id: str | None = None
    type: str | None = None
    ip_address: str | None = None
    user_agent: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
