"""Models of API keys (``/api-keys``)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["ApiKey"]


@attrs.frozen(kw_only=True)
class ApiKey(Model):
    """An API key. The plaintext comes back once, in the create reply.

    Servers name the plaintext ``key`` or ``token``; both fields are kept as sent and
    `secret` returns whichever is present. Neither appears in ``repr``.
    """

    id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    prefix: str | None = None
    scopes: tuple[str, ...] | None = None
    external_user_id: str | None = None
    expires_at: datetime | None = None
    last_used_at: datetime | None = None
    created_at: datetime | None = None
    key: str | None = attrs.field(default=None, repr=False)
    token: str | None = attrs.field(default=None, repr=False)

    @property
    def secret(self) -> str | None:
        """The plaintext key (``key`` or ``token``); None outside the create reply."""
        return self.key if self.key is not None else self.token
